/**
 * A second, unrelated editor: Debian's headless Neovim (0.7) runs the Neovim
 * snippet of docs/other-editors.md, read from the page as written, as its
 * `init.lua`; `claim-language-server` on its PATH is the built server, as a
 * global install would put it. Two `.claim` files and an 837 opened in turn
 * each get their file type from the snippet (Neovim 0.7 alone calls `.claim`
 * `conf`), their diagnostics, and the same single client: one server, not
 * one per file. A hover arrives too. This shows the server is editor-neutral
 * and the page's snippet works.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../support/repoRoot';

interface OpenedFile {
  filetype: string;
  arrived: boolean;
  diagnostics: Array<{ line: number; message: string; code?: string; source?: string }>;
  clients: number[];
}

interface NeovimReport {
  files: OpenedFile[];
  clients: number[];
  hover: string;
}

/** The first ```lua block under the page's `## Neovim` heading, exactly as written. */
export function neovimSnippet(page: string): string {
  const section = page.split(/^## /m).find((part) => part.startsWith('Neovim\n'));
  const block = section && /^```lua\n([\s\S]*?)^```$/m.exec(section);
  if (!block?.[1]) {
    throw new Error('docs/other-editors.md has no ```lua block under "## Neovim"');
  }
  return block[1];
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

  it("runs the other-editors page's snippet: file types, one server for every file, problems and hover", () => {
    const snippet = neovimSnippet(fs.readFileSync(path.join(root, 'docs', 'other-editors.md'), 'utf8'));
    fs.mkdirSync(path.join(home, 'config', 'nvim'), { recursive: true });
    fs.writeFileSync(path.join(home, 'config', 'nvim', 'init.lua'), snippet);
    // What `npm install --global .` puts on the PATH: a command that runs the built server.
    const bin = path.join(home, 'bin');
    fs.mkdirSync(bin);
    const command = path.join(bin, 'claim-language-server');
    fs.writeFileSync(command, `#!/bin/sh\nexec '${process.execPath}' '${path.join(root, 'dist', 'server.js')}' "$@"\n`);
    fs.chmodSync(command, 0o755);

    const workspace = path.join(home, 'claims');
    fs.mkdirSync(workspace);
    const first = path.join(workspace, 'lone-addon.claim');
    const second = path.join(workspace, 'second.claim');
    const x12 = path.join(workspace, 'lone-19284.837');
    fs.writeFileSync(first, 'claim CLM-NVIM-0001\n  dx: C50.411\n  19284-RT   x1   dx=A\n');
    fs.writeFileSync(second, 'claim CLM-NVIM-0002\n  dx: C50.412\n  19284-LT   x1   dx=A\n');
    fs.copyFileSync(path.join(root, 'test', 'editor', 'fixtures', 'workspace', 'x12', 'lone-19284.837'), x12);

    const output = execFileSync(
      'nvim',
      ['--headless', '-i', 'NONE', '-n', '-c', `luafile ${path.join(root, 'test', 'neovim', 'attachServer.lua')}`],
      {
        cwd: workspace,
        encoding: 'utf8',
        timeout: 25000,
        env: {
          ...process.env,
          PATH: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}`,
          HOME: home,
          XDG_CONFIG_HOME: path.join(home, 'config'),
          XDG_DATA_HOME: path.join(home, 'data'),
          XDG_STATE_HOME: path.join(home, 'state'),
          CLAIM_FILES: [first, second, x12].join('\n'),
          CLAIM_HOVER_LINE: '2',
          CLAIM_HOVER_CHARACTER: '4',
        },
      },
    );
    const reportLine = output.split('\n').find((line) => line.startsWith('{'));
    assert.ok(reportLine, `Neovim printed no report:\n${output}`);
    const report = JSON.parse(reportLine) as NeovimReport;
    assert.deepEqual(
      report.files.map((file) => file.filetype),
      ['claim', 'claim', 'x12'],
    );
    for (const file of report.files) {
      assert.equal(file.arrived, true, `diagnostics arrived: ${JSON.stringify(file)}`);
      assert.ok(
        file.diagnostics.some((d) => d.code === 'addon-without-primary' && d.source === 'cpt-claims'),
        JSON.stringify(file.diagnostics),
      );
    }
    assert.deepEqual(
      report.files[0]?.diagnostics.map((d) => [d.line, d.code]),
      [[2, 'addon-without-primary']],
    );
    assert.match(report.files[0]?.diagnostics[0]?.message ?? '', /19283/);
    // One server for the folder: every file attached to the one client running.
    assert.equal(report.clients.length, 1, JSON.stringify(report.clients));
    assert.deepEqual(
      report.files.map((file) => file.clients),
      [report.clients, report.clients, report.clients],
    );
    assert.match(report.hover, /\+19284/);
    assert.match(report.hover, /add-on/i);
    assert.match(report.hover, /19283/);
  });
});
