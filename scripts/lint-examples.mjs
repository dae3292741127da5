// `npm run lint:claims`, the README's first command: claim-lint on examples/, whose claims hold
// mistakes on purpose. claim-lint exits 1 when it finds errors, which npm would print as the
// script failing; here that is the expected result, so this says what the exit code means and
// exits 0. Any other failure (2: a usage or read error) is passed on. claim-lint itself is
// unchanged: run in a pipeline, it exits 1 on errors and fails the step.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { status, signal } = spawnSync(process.execPath, ['dist/claim-lint.js', 'examples'], {
  cwd: root,
  stdio: 'inherit',
});

if (status === 1) {
  process.stdout.write(
    '\nclaim-lint exited 1: it found errors, as it should here (the examples hold mistakes on purpose).\n' +
      'Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 a usage or read error.\n' +
      'Check your own files with: node dist/claim-lint.js <files, folders or globs>\n',
  );
  process.exitCode = 0;
} else if (status === 0) {
  process.stdout.write('claim-lint exited 0: no errors in examples/.\n');
} else {
  process.stderr.write(`claim-lint exited ${status ?? signal}: a usage or read error (see above).\n`);
  process.exitCode = status ?? 2;
}
