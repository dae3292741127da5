/**
 * Loads one of the project's TextMate grammars with the engine VS Code itself
 * uses (vscode-textmate + vscode-oniguruma), for the grammar tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { repoRoot } from '../repoRoot';

export async function loadGrammar(scopeName: string, fileName: string): Promise<vsctm.IGrammar> {
  const grammarPath = path.join(repoRoot(), 'syntaxes', fileName);
  // loadWASM returns the same promise when called again, so several suites may load it.
  await oniguruma.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: (name: string) =>
      Promise.resolve(
        name === scopeName ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
      ),
  });
  const grammar = await registry.loadGrammar(scopeName);
  if (grammar === null) {
    throw new Error(`could not load ${scopeName} from ${grammarPath}`);
  }
  return grammar;
}
