/**
 * A second, unrelated editor: Debian's headless Neovim attaches the
 * standalone server (`claim-language-server --stdio`) to a claim file, and
 * its diagnostics and hover arrive. This shows the server is editor-neutral.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../support/repoRoot';

interface NeovimReport {
  arrived: boolean;
  diagnostics: Array<{ line: number; message: string; code?: string; source?: string }>;
  hover: string;
}

describe('Neovim attached to the standalone server', function () {
  this.timeout(30000);
  const root = repoRoot();
  let home: string;

  before(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-claims-nvim-'));
  });

  after(() => {
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('shows the lone 19284 problem and the 19284 hover', () => {
    const file = path.join(home, 'lone-addon.claim');
    fs.writeFileSync(file, 'claim CLM-NVIM-0001\n  dx: C50.411\n  19284-RT   x1   dx=A\n');
    const output = execFileSync(
      'nvim',
      [
        '--headless',
        '-u',
        'NONE',
        '-i',
        'NONE',
        '-n',
        '-c',
        `luafile ${path.join(root, 'test', 'neovim', 'attachServer.lua')}`,
      ],
      {
        encoding: 'utf8',
        timeout: 25000,
        env: {
          ...process.env,
          HOME: home,
          XDG_CONFIG_HOME: path.join(home, 'config'),
          XDG_DATA_HOME: path.join(home, 'data'),
          XDG_STATE_HOME: path.join(home, 'state'),
          CLAIM_SERVER: path.join(root, 'dist', 'server.js'),
          CLAIM_FILE: file,
          CLAIM_HOVER_LINE: '2',
          CLAIM_HOVER_CHARACTER: '4',
        },
      },
    );
    const reportLine = output.split('\n').find((line) => line.startsWith('{'));
    assert.ok(reportLine, `Neovim printed no report:\n${output}`);
    const report = JSON.parse(reportLine) as NeovimReport;
    assert.equal(report.arrived, true, 'diagnostics arrived');
    assert.deepEqual(
      report.diagnostics.map((d) => [d.line, d.code, d.source]),
      [[2, 'addon-without-primary', 'cpt-claims']],
    );
    assert.match(report.diagnostics[0]?.message ?? '', /19283/);
    assert.match(report.hover, /\+19284/);
    assert.match(report.hover, /add-on/i);
    assert.match(report.hover, /19283/);
  });
});
