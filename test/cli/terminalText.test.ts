/**
 * Names and messages printed for people show control characters as escapes:
 * a file named with a newline or an escape sequence cannot forge a report
 * line or recolour the terminal.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { terminalText } from '../../cli/src/output/terminalText';
import { runCli } from './cliRunner';

describe('claim-lint text for the terminal', () => {
  it('shows control characters as escapes and leaves other text alone', () => {
    assert.equal(terminalText('a\nb\rc\td'), 'a\\nb\\rc\\td');
    assert.equal(terminalText('x\u001b[31my\u0007\u007f\u009b'), 'x\\x1b[31my\\x07\\x7f\\x9b');
    assert.equal(terminalText('DOE, JANE é 19283-RT'), 'DOE, JANE é 19283-RT');
  });

  it('prints a file name holding a newline and an escape sequence escaped, in the report and on stderr', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'terminal-text-'));
    try {
      const name = 'odd\nname\u001b[2J.claim';
      fs.writeFileSync(path.join(dir, name), 'claim A\n  19284-RT\n');
      const run = runCli(['.'], dir);
      assert.equal(run.status, 1, run.stderr);
      assert.ok(run.stdout.includes('odd\\nname\\x1b[2J.claim'), run.stdout);
      assert.ok(!run.stdout.includes('\u001b'), 'no raw escape in the report');
      const missing = runCli(['gone\u001b[31m.claim'], dir);
      assert.equal(missing.status, 2);
      assert.ok(missing.stderr.includes('gone\\x1b[31m.claim'), missing.stderr);
      assert.ok(!missing.stderr.includes('\u001b'), 'no raw escape on stderr');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
