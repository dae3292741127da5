/**
 * The language service stays pure: it imports only LSP types, the text
 * document, Node-free code of its own, so a CLI or a web worker can use it.
 * And nothing in the server writes to stdout, which carries the protocol.
 * shared/ is the bottom layer: client, server and CLI import it, never the
 * other way round.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './support/repoRoot';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

const allowedServiceImports = new Set(['vscode-languageserver-types', 'vscode-languageserver-textdocument']);

describe('architecture', () => {
  const serverSource = path.join(repoRoot(), 'server', 'src');

  it('keeps the language service free of the connection, the file system and Node built-ins', () => {
    const files = sourceFiles(path.join(serverSource, 'service'));
    assert.ok(files.length > 10);
    for (const file of files) {
      const imports = [...fs.readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((match) => match[1] ?? '');
      const outside = imports.filter((name) => !name.startsWith('.') && !allowedServiceImports.has(name));
      assert.deepEqual(outside, [], path.relative(serverSource, file));
    }
  });

  it('keeps shared/ the bottom layer: it imports nothing from the client, the server or the CLI', () => {
    const sharedSource = path.join(repoRoot(), 'shared', 'src');
    const files = sourceFiles(sharedSource);
    assert.ok(files.length >= 2);
    for (const file of files) {
      const imports = [...fs.readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((match) => match[1] ?? '');
      const outside = imports.filter(
        (name) => name.startsWith('.') && !path.resolve(path.dirname(file), name).startsWith(sharedSource + path.sep),
      );
      assert.deepEqual(outside, [], path.relative(sharedSource, file));
    }
  });

  it('never writes to stdout or the console from the server', () => {
    for (const file of sourceFiles(serverSource)) {
      const text = fs.readFileSync(file, 'utf8');
      const writesStdout = /(^|[^.\w])console\.(log|info|warn|error)\(|process\.stdout\.write\(/m.test(text);
      // The entry point prints usage and version to stdout before any connection exists.
      assert.equal(
        writesStdout && file !== path.join(serverSource, 'main.ts'),
        false,
        path.relative(serverSource, file),
      );
    }
  });
});
