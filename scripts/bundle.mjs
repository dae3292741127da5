// Bundles the extension client and the language server with esbuild. The
// server bundle is also the standalone `claim-language-server` command; the
// `claim-lint` command-line checker is bundled beside them.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

// claim-lint reports this version wherever its bundle is copied (cli/src/version.ts).
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({
    ...common,
    entryPoints: ['server/src/main.ts'],
    outfile: 'dist/server.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  // The glob library's file walker comes in as an ES module reading import.meta.url, which a
  // CommonJS bundle does not have: it is given the bundle's own URL. The bundle is also its
  // own worker thread script (cli/src/workerPool.ts).
  build({
    ...common,
    entryPoints: ['cli/src/claimLint.ts'],
    outfile: 'dist/claim-lint.js',
    banner: { js: "#!/usr/bin/env node\nconst __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__bundleUrl', CLAIM_LINT_VERSION: JSON.stringify(version) },
  }),
]);
