/**
 * Guards for the shape of the code base (ARCHITECTURE.md): no import cycles;
 * the language service is pure (LSP types, the text document and its own
 * modules: no connection, no file system, no Node built-ins) and is entered
 * only through `server/src/service/index.ts`; `shared/` is the bottom layer;
 * the client reaches the server only through the protocol; the CLI reuses the
 * service, never the server. Each guard is also shown failing on a planted
 * breach, so a guard that silently checks nothing is caught too. And nothing
 * in the server writes to stdout, which carries the protocol.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  type ImportEdge,
  importCycles,
  layerBreaches,
  type LayerRule,
  readImportGraph,
} from './support/checks/importGraph';
import { repoRoot } from './support/repoRoot';

const sourceFolders = ['shared', 'server', 'client', 'cli', 'bench', 'test'];
const service = 'server/src/service';
const serviceDoor = `${service}/index.ts`;
const referenceData = 'server/src/referenceData';
const allowedServicePackages = new Set(['vscode-languageserver-types', 'vscode-languageserver-textdocument']);

const within =
  (...folders: string[]) =>
  (file: string): boolean =>
    folders.some((folder) => file.startsWith(`${folder}/`));

/** A breach when a relative import names a file outside `folders` (or names no file). */
const onlyFrom =
  (...folders: string[]) =>
  (edge: ImportEdge): string | undefined => {
    if (!edge.specifier.startsWith('.')) {
      return undefined;
    }
    if (edge.target === undefined) {
      return 'names no file';
    }
    return within(...folders)(edge.target) || folders.includes(edge.target) ? undefined : 'a layer it may not reach';
  };

/** The feature folder (`hover`, `rename`, ...) a file of `service/features/` stands in. */
const featureOf = (file: string): string | undefined => /^server\/src\/service\/features\/([^/]+)\//.exec(file)?.[1];

const layerRules: readonly LayerRule[] = [
  {
    name: 'the language service is pure',
    governs: within(service),
    breach: (edge) =>
      edge.specifier.startsWith('.')
        ? onlyFrom(service)(edge)
        : allowedServicePackages.has(edge.specifier)
          ? undefined
          : 'a package or built-in outside the LSP types and the text document',
  },
  {
    name: 'no feature imports from another feature (what two share lives below features/)',
    governs: (file) => featureOf(file) !== undefined,
    breach: (edge, file) =>
      edge.target !== undefined && featureOf(edge.target) !== undefined && featureOf(edge.target) !== featureOf(file)
        ? 'another feature'
        : undefined,
  },
  {
    name: 'nothing outside the service imports past service/index.ts',
    governs: (file) => !within(service, 'test/service')(file),
    breach: (edge) =>
      edge.target !== undefined && within(service)(edge.target) && edge.target !== serviceDoor
        ? 'past the service door'
        : undefined,
  },
  { name: 'shared is the bottom layer', governs: within('shared'), breach: onlyFrom('shared') },
  {
    name: 'the client reaches the server only through the protocol',
    governs: within('client'),
    breach: onlyFrom('client', 'shared'),
  },
  {
    name: 'the CLI reuses the service, not the server',
    governs: within('cli'),
    // The data folder reader (server/src/referenceData/) reads files for both programs, like shared/.
    breach: onlyFrom('cli', 'shared', serviceDoor, referenceData),
  },
  {
    name: 'the data folder reader needs only the service door and shared',
    governs: within(referenceData),
    breach: onlyFrom(referenceData, 'shared', serviceDoor),
  },
  {
    name: 'the server imports only its own modules and shared',
    governs: (file) => within('server')(file) && !within(service)(file),
    breach: onlyFrom('server', 'shared'),
  },
  {
    // The reference-data importers read files, so they live outside the service; the bench times them directly.
    name: 'the bench measures through the service door and the reference-data importers',
    governs: within('bench'),
    breach: onlyFrom('bench', 'shared', serviceDoor, 'server/src/referenceData'),
  },
];

/** Writes a small tree of planted breaches, each file a `path: imports` pair. */
function plantedTree(files: Record<string, string[]>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'architecture-'));
  for (const [file, imports] of Object.entries(files)) {
    fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
    const lines = imports.map((specifier, index) => `import { x${index} } from '${specifier}';`);
    fs.writeFileSync(path.join(root, file), `${lines.join('\n')}\nexport const x = 1;\n`);
  }
  return root;
}

describe('architecture', () => {
  const graph = readImportGraph(repoRoot(), sourceFolders);

  it('reads the whole code base', () => {
    for (const folder of sourceFolders) {
      assert.ok(graph.files.some(within(folder)), `${folder} has files`);
    }
    assert.ok(graph.files.length > 300, `${graph.files.length} files`);
    assert.ok(graph.files.includes(serviceDoor), 'the service door exists');
  });

  it('has no import cycle, type-only imports included', () => {
    assert.deepEqual(importCycles(graph), []);
  });

  it('keeps every layer to what it may import', () => {
    assert.deepEqual(layerBreaches(graph, layerRules), []);
  });

  it('resolves every relative import to a file', () => {
    const unresolved = [...graph.imports].flatMap(([file, edges]) =>
      edges.filter((edge) => edge.specifier.startsWith('.') && edge.target === undefined).map(() => file),
    );
    assert.deepEqual(unresolved, []);
  });

  it('catches a planted cycle and planted breaches of each layer', () => {
    const root = plantedTree({
      'shared/src/a.ts': ['./b'],
      'shared/src/b.ts': ['./c'],
      'shared/src/c.ts': ['./a', '../../server/src/server'],
      'server/src/server.ts': ['./service/rules/someRule'],
      'server/src/service/index.ts': ['./rules/someRule'],
      'server/src/service/rules/someRule.ts': ['node:fs', '../../documents/d', 'vscode-languageserver-types'],
      'server/src/documents/d.ts': [],
      'server/src/service/features/rename/rename.ts': ['../hover/hover', '../../position/locate'],
      'server/src/service/features/hover/hover.ts': ['./x12Hover'],
      'server/src/service/features/hover/x12Hover.ts': [],
      'server/src/service/position/locate.ts': [],
      'server/src/handlers/h.ts': ['../service/index'],
      'client/src/extension.ts': ['../../server/src/server', '../../shared/src/a'],
      'cli/src/claimLint.ts': ['../../server/src/handlers/h', '../../server/src/service/index'],
      'bench/main.ts': ['../server/src/service/rules/someRule'],
      'test/service/rules/someRule.test.ts': ['../../../server/src/service/rules/someRule'],
    });
    try {
      const planted = readImportGraph(root, sourceFolders);
      assert.deepEqual(importCycles(planted), [['shared/src/a.ts', 'shared/src/b.ts', 'shared/src/c.ts']]);
      assert.deepEqual(layerBreaches(planted, layerRules).sort(), [
        "no feature imports from another feature (what two share lives below features/): server/src/service/features/rename/rename.ts imports '../hover/hover' (another feature)",
        "nothing outside the service imports past service/index.ts: bench/main.ts imports '../server/src/service/rules/someRule' (past the service door)",
        "nothing outside the service imports past service/index.ts: server/src/server.ts imports './service/rules/someRule' (past the service door)",
        "shared is the bottom layer: shared/src/c.ts imports '../../server/src/server' (a layer it may not reach)",
        "the CLI reuses the service, not the server: cli/src/claimLint.ts imports '../../server/src/handlers/h' (a layer it may not reach)",
        "the bench measures through the service door and the reference-data importers: bench/main.ts imports '../server/src/service/rules/someRule' (a layer it may not reach)",
        "the client reaches the server only through the protocol: client/src/extension.ts imports '../../server/src/server' (a layer it may not reach)",
        "the language service is pure: server/src/service/rules/someRule.ts imports '../../documents/d' (a layer it may not reach)",
        "the language service is pure: server/src/service/rules/someRule.ts imports 'node:fs' (a package or built-in outside the LSP types and the text document)",
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('never writes to stdout or the console from the server', () => {
    const serverFiles = graph.files.filter(within('server', 'shared'));
    assert.ok(serverFiles.length > 50);
    for (const file of serverFiles) {
      const text = fs.readFileSync(path.join(repoRoot(), file), 'utf8');
      const writesStdout = /(^|[^.\w])console\.(log|info|warn|error)\(|process\.stdout\.write\(/m.test(text);
      // The entry point prints usage and version to stdout before any connection exists.
      assert.equal(writesStdout && file !== 'server/src/main.ts', false, file);
    }
  });
});
