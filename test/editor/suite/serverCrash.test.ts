/**
 * The language server dies under the editor: the client starts it again,
 * hover and problems come back, the user is told once however often it
 * happens, and the client's log names no patient. The server process is found
 * the way an operator would (a child of this extension host running
 * dist/server.js, from /proc). It is killed once with SIGKILL, and once made
 * to fail with an uncaught exception that quotes the claim's patient line
 * (the preload test/support/failOnSignal.js, given to the restarted server
 * through NODE_OPTIONS), whose stderr the client copies into its log.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  activateExtension,
  extensionId,
  hoverText,
  openFixture,
  positionOf,
  ruleIdOf,
  waitForDiagnostics,
} from './editorHelpers';

/** What the extension's `activate` returns (client/src/extension.ts). */
interface CptClaimsApi {
  readonly languageClient: LanguageClient;
}

const waitLimitMs = 15000;
const failurePreload = path.join(__dirname, '..', '..', 'support', 'server', 'failOnSignal.js');
/** Claim text of lone-addon.claim that must never reach the log. */
const claimTexts = ['DOE', 'JANE', 'CLM-EDITOR-0001', 'C50.411'];

/** The language servers this extension host runs: its children whose command line runs dist/server.js. */
function serverProcessIds(): number[] {
  return fs.readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) {
      return [];
    }
    try {
      const parent = /^PPid:\s+(\d+)$/m.exec(fs.readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1];
      const commandLine = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      return Number(parent) === process.pid && commandLine.some((arg) => arg.endsWith(path.join('dist', 'server.js')))
        ? [Number(entry)]
        : [];
    } catch {
      // The process ended while it was being read.
      return [];
    }
  });
}

/**
 * Resolves when the client, having left the running state, runs again with
 * its features registered: it turns Running as soon as the new server answers
 * `initialize`, before it registers hover and the rest and reopens the
 * documents; `start()` then returns the restart under way, which settles once
 * that is done.
 */
function restarted(client: LanguageClient): Promise<void> {
  return new Promise((resolve, reject) => {
    let left = false;
    const subscription = client.onDidChangeState(() => {
      if (!client.isRunning()) {
        left = true;
      } else if (left) {
        subscription.dispose();
        clearTimeout(timer);
        client.start().then(resolve, reject);
      }
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(
        new Error(
          `the language client was not running again within ${waitLimitMs} ms (it ${left ? 'stopped' : 'never stopped'})`,
        ),
      );
    }, waitLimitMs);
  });
}

/** For the processes this extension host starts from now on. */
function setNodeOptions(value: string | undefined): void {
  if (value === undefined) {
    // Assigning undefined would set the text 'undefined'.
    delete process.env.NODE_OPTIONS;
  } else {
    process.env.NODE_OPTIONS = value;
  }
}

interface Notice {
  kind: 'error' | 'warning' | 'information';
  message: string;
  items: unknown[];
}

/**
 * Records every notification the extension asks the window for, then shows it
 * as usual. The extension and this suite share the `vscode` API object of the
 * extension under development, so its calls come through here.
 */
function recordNotices(): { notices: Notice[]; restore: () => void } {
  const notices: Notice[] = [];
  const window = vscode.window as unknown as Record<
    string,
    (message: string, ...items: unknown[]) => Thenable<unknown>
  >;
  const kinds = {
    showErrorMessage: 'error',
    showWarningMessage: 'warning',
    showInformationMessage: 'information',
  } as const;
  const originals = Object.keys(kinds).map((name) => [name, window[name]] as const);
  for (const [name, original] of originals) {
    window[name] = (message: string, ...items: unknown[]) => {
      notices.push({ kind: kinds[name as keyof typeof kinds], message, items });
      return original ? original.call(vscode.window, message, ...items) : Promise.resolve(undefined);
    };
  }
  return {
    notices,
    restore: () =>
      originals.forEach(
        ([name, original]) => (window[name] = original as (message: string, ...items: unknown[]) => Thenable<unknown>),
      ),
  };
}

/**
 * Records all that is written to the client's log channel from now on, at
 * every level (a level hidden today is shown once a user turns it on).
 */
function recordLog(channel: vscode.LogOutputChannel): { text: () => string; restore: () => void } {
  const lines: string[] = [];
  const target = channel as unknown as Record<string, (value: string, ...args: unknown[]) => void>;
  const methods = ['append', 'appendLine', 'replace', 'trace', 'debug', 'info', 'warn', 'error'];
  const originals = methods.map((name) => [name, target[name]] as const);
  for (const [name, original] of originals) {
    target[name] = (value: string, ...args: unknown[]) => {
      lines.push(
        [value, ...args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg)))].join(' '),
      );
      original?.call(channel, value, ...args);
    };
  }
  return {
    text: () => lines.join('\n'),
    restore: () =>
      originals.forEach(([name, original]) => (target[name] = original as (value: string, ...args: unknown[]) => void)),
  };
}

describe('the language server stopping under the editor', () => {
  before(function () {
    if (process.platform !== 'linux') {
      // The server process is found through /proc.
      this.skip();
    }
  });

  it('is restarted after a kill and after an uncaught exception, with hover and problems back, one notice, and no claim text in the log', async () => {
    await activateExtension();
    const api = vscode.extensions.getExtension<CptClaimsApi>(extensionId)?.exports;
    assert.ok(api?.languageClient, 'activate returns the language client');
    const client = api.languageClient;
    const log = recordLog(client.outputChannel);
    const window = recordNotices();
    try {
      const { document, editor } = await openFixture('lone-addon.claim');
      const hoverAt = positionOf(document, '19284-RT', 2);
      await waitForDiagnostics(
        document.uri,
        (d) => d.some((x) => ruleIdOf(x) === 'addon-without-primary'),
        'the lone add-on is reported',
      );
      assert.match(
        hoverText(
          await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, hoverAt),
        ),
        /19283/,
      );

      const nodeOptions = process.env.NODE_OPTIONS;
      for (const [kill, signal] of [
        [1, 'SIGKILL'],
        [2, 'SIGUSR2'],
      ] as const) {
        const servers = serverProcessIds();
        assert.equal(servers.length, 1, `kill ${kill}: one server process runs, found ${JSON.stringify(servers)}`);
        const running = restarted(client);
        // The server started after the first kill loads the preload that turns SIGUSR2 into an uncaught exception.
        setNodeOptions(kill === 1 ? `--require "${failurePreload}"` : nodeOptions);
        try {
          process.kill(servers[0] ?? 0, signal);
          await running;
        } finally {
          setNodeOptions(nodeOptions);
        }
        const after = serverProcessIds();
        assert.equal(after.length, 1, `kill ${kill}: one server runs again`);
        assert.notEqual(after[0], servers[0], `kill ${kill}: the server running is a new process`);

        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
          'vscode.executeHoverProvider',
          document.uri,
          hoverAt,
        );
        assert.match(hoverText(hovers), /19283/, `kill ${kill}: hover works again`);
        // A problem planted now can only be reported by the new server.
        const pointer = positionOf(document, 'dx=A', 3);
        await editor.edit((edit) => edit.replace(new vscode.Range(pointer, pointer.translate(0, 1)), 'B'));
        await waitForDiagnostics(
          document.uri,
          (d) => d.some((x) => ruleIdOf(x) === 'dx-pointer'),
          `kill ${kill}: the planted pointer is reported`,
        );
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await waitForDiagnostics(
          document.uri,
          (d) => !d.some((x) => ruleIdOf(x) === 'dx-pointer'),
          `kill ${kill}: the reverted pointer is no longer reported`,
        );
      }

      assert.equal(window.notices.length, 1, `one notice across two kills: ${JSON.stringify(window.notices)}`);
      const notice = window.notices[0];
      assert.equal(notice?.kind, 'warning');
      assert.match(notice?.message ?? '', /stopped unexpectedly and was restarted/);
      assert.deepEqual(notice?.items, ['Open log']);

      const text = log.text();
      // The log holds the crashes, or its recording proves nothing.
      assert.match(text, /crash 1 within 3 minutes\); restarting it/);
      assert.match(text, /crash 2 within 3 minutes\); restarting it/);
      assert.match(text, /exited with signal SIGKILL/);
      assert.match(text, /uncaught exception, exiting: Error at .*failOnSignal\.js:\d+:\d+/);
      assert.match(text, /exited with code 1/);
      for (const claimText of claimTexts) {
        assert.ok(!text.includes(claimText), `the log holds claim text '${claimText}':\n${text}`);
      }
    } finally {
      window.restore();
      log.restore();
    }
  });
});
