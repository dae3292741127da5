/**
 * The built standalone server (`dist/server.js`) as any LSP client meets it:
 * its command line, the capabilities it announces for the capabilities the
 * client declares, and a clean shutdown.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { TextDocumentSyncKind } from 'vscode-languageserver-protocol';
import {
  LspClient,
  pullClientCapabilities,
  pushClientCapabilities,
  serverScript,
  stopAllClients,
} from '../support/server/lspClient';

function runServer(args: string[]) {
  return spawnSync(process.execPath, [serverScript(), ...args], { encoding: 'utf8', timeout: 10000, input: '' });
}

describe('protocol: command line', () => {
  it('--help prints the usage on stdout and exits 0', () => {
    const result = runServer(['--help']);
    assert.equal(result.error, undefined);
    assert.equal(result.status, 0, `stderr: ${result.stderr}`);
    assert.match(result.stdout, /Usage: claim-language-server --stdio/);
    assert.equal(result.stderr, '');
  });

  it('exits 2 with a message on stderr when no transport is given', () => {
    const result = runServer([]);
    assert.equal(result.error, undefined);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--stdio/);
    assert.equal(result.stdout, '', 'nothing may go to stdout, which a client would read as the protocol');
  });

  it('exits 2 when the arguments name no usable transport, even with --clientProcessId', () => {
    for (const args of [
      [`--clientProcessId=${process.pid}`],
      ['--clientProcessId', String(process.pid)],
      ['--socket'],
      ['--socket=abc'],
      ['--pipe='],
    ]) {
      const result = runServer(args);
      assert.equal(result.error, undefined, `${args.join(' ')}: ${String(result.error)}`);
      assert.equal(result.status, 2, `${args.join(' ')}: status ${String(result.status)}, stderr ${result.stderr}`);
      assert.match(result.stderr, /--stdio/, args.join(' '));
      assert.doesNotMatch(result.stderr, /^\s+at /m, `${args.join(' ')} printed a stack trace`);
    }
  });

  it('prints the usage and exits 0 for --help even with --clientProcessId', () => {
    const result = runServer(['--help', `--clientProcessId=${process.pid}`]);
    assert.equal(result.error, undefined, String(result.error));
    assert.equal(result.status, 0);
    assert.match(result.stdout, /Usage:/);
  });
});

describe('protocol: initialize', () => {
  afterEach(() => stopAllClients());

  it('announces hover, completion with trigger characters, quick fixes and incremental sync', async () => {
    const client = await LspClient.start({ capabilities: pushClientCapabilities() });
    const capabilities = client.initializeResult?.capabilities;
    assert.ok(capabilities, 'initialize returned no capabilities');
    assert.equal(capabilities.hoverProvider, true);
    const triggers = capabilities.completionProvider?.triggerCharacters ?? [];
    for (const trigger of ['-', '=']) {
      assert.ok(
        triggers.includes(trigger),
        `completion trigger characters ${JSON.stringify(triggers)} lack '${trigger}'`,
      );
    }
    const codeActionProvider = capabilities.codeActionProvider;
    assert.ok(typeof codeActionProvider === 'object', 'codeActionProvider should list its kinds');
    assert.ok(
      codeActionProvider.codeActionKinds?.includes('quickfix'),
      `code action kinds: ${JSON.stringify(codeActionProvider.codeActionKinds)}`,
    );
    const sync = capabilities.textDocumentSync;
    const change = typeof sync === 'object' ? sync.change : sync;
    assert.equal(change, TextDocumentSyncKind.Incremental);
    if (typeof sync === 'object') {
      assert.equal(sync.openClose, true);
    }
  });

  it('names itself in serverInfo', async () => {
    const client = await LspClient.start();
    assert.equal(client.initializeResult?.serverInfo?.name, 'CPT Claims language server');
    assert.match(client.initializeResult?.serverInfo?.version ?? '', /^\d+\.\d+\.\d+/);
  });

  it('offers no diagnosticProvider to a client without textDocument.diagnostic', async () => {
    const client = await LspClient.start({ capabilities: pushClientCapabilities() });
    assert.equal(client.initializeResult?.capabilities.diagnosticProvider, undefined);
  });

  it('offers a diagnosticProvider to a client that declares textDocument.diagnostic', async () => {
    const client = await LspClient.start({ capabilities: pullClientCapabilities() });
    const provider = client.initializeResult?.capabilities.diagnosticProvider;
    assert.ok(provider, 'no diagnosticProvider for a pull client');
    assert.equal(provider.interFileDependencies, false);
    // Workspace problems (cptClaims.workspaceDiagnostics) come through workspace/diagnostic; with the setting off its reports are empty.
    assert.equal(provider.workspaceDiagnostics, true);
  });

  it('offers no diagnosticProvider to a client that declares no capabilities at all', async () => {
    const client = await LspClient.start({ capabilities: {} });
    assert.equal(client.initializeResult?.capabilities.diagnosticProvider, undefined);
    assert.equal(client.initializeResult?.capabilities.hoverProvider, true);
  });

  it('exits with code 0 after shutdown and exit', async () => {
    const client = await LspClient.start();
    await client.stop();
    assert.deepEqual(client.exit, { code: 0, signal: null });
  });
});
