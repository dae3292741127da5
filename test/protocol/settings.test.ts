/**
 * Settings as a generic client supplies them: answered to the server's
 * `workspace/configuration` requests (section cptClaims, per document), read
 * again after `workspace/didChangeConfiguration`, or pushed in that
 * notification by a client that cannot answer configuration requests.
 */
import * as assert from 'node:assert/strict';
import {
  type ConfigurationItem,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  ResponseError,
} from 'vscode-languageserver-protocol';
import {
  LspClient,
  newUri,
  pullClientCapabilities,
  pushClientCapabilities,
  stopAllClients,
} from '../support/server/lspClient';
import { describeDiagnostics, messageOf } from './claimTexts';
import { settingsSection } from '../../shared/src/protocol';
import { writeX12 } from '../../server/src/service';

/** Five add-ons without their primaries: five errors. */
const manyProblems = '19284-RT\n19286-RT\n19288-RT\n19126-RT\n99417\n';

describe('protocol: settings from workspace/configuration', () => {
  afterEach(() => stopAllClients());

  it('asks for section cptClaims scoped to the document', async () => {
    const client = await LspClient.start({ settings: {} });
    const uri = newUri();
    await client.open(uri, '19284-RT');
    await client.nextDiagnostics(uri, 1);
    const items: ConfigurationItem[] = client.configurationRequests.flatMap((request) => request.items);
    assert.ok(
      items.some((item) => item.section === settingsSection && item.scopeUri === uri),
      `configuration requests: ${JSON.stringify(client.configurationRequests)}`,
    );
  });

  it("turns a rule off with rules: { 'addon-without-primary': 'off' }", async () => {
    const client = await LspClient.start({ settings: { rules: { 'addon-without-primary': 'off' } } });
    const uri = newUri();
    await client.open(uri, '19284-RT');
    const publish = await client.nextDiagnostics(uri, 1);
    assert.deepEqual(publish.diagnostics, [], describeDiagnostics(publish.diagnostics));
  });

  it("lowers a rule to a warning with rules: { 'addon-without-primary': 'warning' }", async () => {
    const client = await LspClient.start({ settings: { rules: { 'addon-without-primary': 'warning' } } });
    const uri = newUri();
    await client.open(uri, '19284-RT');
    const [diagnostic, ...rest] = (await client.nextDiagnostics(uri, 1)).diagnostics;
    assert.equal(rest.length, 0);
    assert.equal(diagnostic?.code, 'addon-without-primary');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
  });

  it('shows at most maxNumberOfProblems, then one too-many-problems notice', async () => {
    const client = await LspClient.start({ settings: { maxNumberOfProblems: 2 } });
    const uri = newUri();
    await client.open(uri, manyProblems);
    const { diagnostics } = await client.nextDiagnostics(uri, 1);
    assert.equal(diagnostics.length, 3, describeDiagnostics(diagnostics));
    assert.deepEqual(
      diagnostics.slice(0, 2).map((d) => [d.code, d.range.start.line]),
      [
        ['addon-without-primary', 0],
        ['addon-without-primary', 1],
      ],
    );
    const notice = diagnostics[2];
    assert.equal(notice?.code, 'too-many-problems');
    assert.match(messageOf(notice), /\b2\b.*\b5\b/);
  });

  it('keeps a wrong SE01 at the end of an 837 under maxNumberOfProblems, ahead of earlier claim errors', async () => {
    const client = await LspClient.start({ settings: { maxNumberOfProblems: 2 } });
    const uri = newUri().replace(/\.claim$/, '.837');
    const claims = Array.from({ length: 4 }, (_, n) => ({
      id: `C${n}`,
      diagnoses: ['C50411'],
      dos: '2026-03-14',
      lines: [{ code: '19284', modifiers: ['RT'], charge: 400 }],
    }));
    await client.open(uri, writeX12(claims).replace(/SE\*\d+\*0001~/, 'SE*3*0001~'), 1, 'x12');
    const { diagnostics } = await client.nextDiagnostics(uri, 1);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['addon-without-primary', 'x12-segment-count', 'too-many-problems'],
      describeDiagnostics(diagnostics),
    );
  });

  it('uses the defaults when the client answers nothing useful', async () => {
    const client = await LspClient.start({
      settings: { maxNumberOfProblems: 'lots', rules: { 'addon-without-primary': 'loud' } },
    });
    const uri = newUri();
    await client.open(uri, manyProblems);
    const { diagnostics } = await client.nextDiagnostics(uri, 1);
    assert.equal(diagnostics.length, 5, describeDiagnostics(diagnostics));
    assert.ok(diagnostics.every((d) => d.severity === DiagnosticSeverity.Error));
  });

  it('reads the settings again on workspace/didChangeConfiguration and publishes anew', async () => {
    const client = await LspClient.start({ settings: {} });
    const uri = newUri();
    await client.open(uri, '19284-RT');
    const first = await client.nextDiagnostics(uri, 1);
    assert.deepEqual(
      first.diagnostics.map((d) => [d.code, d.severity]),
      [['addon-without-primary', DiagnosticSeverity.Error]],
    );

    client.setSettings({ rules: { 'addon-without-primary': 'warning' } });
    await client.changeConfiguration(null);
    const second = await client.nextDiagnostics(uri, 1);
    assert.deepEqual(
      second.diagnostics.map((d) => [d.code, d.severity]),
      [['addon-without-primary', DiagnosticSeverity.Warning]],
    );

    client.setSettings({ rules: { 'addon-without-primary': 'off' } });
    await client.changeConfiguration(null);
    const third = await client.nextDiagnostics(uri, 1);
    assert.deepEqual(third.diagnostics, []);
  });

  it('asks a pull client to refresh on a configuration change, and the next pull reflects it', async () => {
    const client = await LspClient.start({ capabilities: pullClientCapabilities(), settings: {} });
    const uri = newUri();
    await client.open(uri, '19284-RT');
    const before = await client.pullDiagnostics(uri);
    assert.deepEqual(before.kind === DocumentDiagnosticReportKind.Full ? before.items.map((d) => d.severity) : [], [
      DiagnosticSeverity.Error,
    ]);

    client.setSettings({ rules: { 'addon-without-primary': 'hint' } });
    await client.changeConfiguration(null);
    await client.nextMessage(
      (message) => message.kind === 'request' && message.method === 'workspace/diagnostic/refresh',
      'workspace/diagnostic/refresh',
    );
    const after = await client.pullDiagnostics(uri);
    assert.deepEqual(after.kind === DocumentDiagnosticReportKind.Full ? after.items.map((d) => d.severity) : [], [
      DiagnosticSeverity.Hint,
    ]);
  });
});

describe('protocol: settings pushed by a client without workspace/configuration', () => {
  afterEach(() => stopAllClients());

  it('takes the cptClaims section of didChangeConfiguration', async () => {
    const capabilities = pushClientCapabilities();
    capabilities.workspace = { didChangeConfiguration: { dynamicRegistration: false } };
    const client = await LspClient.start({ capabilities, settings: { rules: { 'addon-without-primary': 'off' } } });
    const uri = newUri();
    await client.open(uri, '19284-RT');
    // The client cannot be asked, so the defaults apply until it pushes settings.
    const first = await client.nextDiagnostics(uri, 1);
    assert.deepEqual(
      first.diagnostics.map((d) => d.code),
      ['addon-without-primary'],
    );
    assert.deepEqual(
      client.configurationRequests,
      [],
      'the server must not ask a client that did not declare workspace.configuration',
    );

    await client.changeConfiguration({ cptClaims: { rules: { 'addon-without-primary': 'information' } } });
    const second = await client.nextDiagnostics(uri, 1);
    assert.deepEqual(
      second.diagnostics.map((d) => d.severity),
      [DiagnosticSeverity.Information],
    );
  });
});

describe('protocol: diagnostic refresh in pull mode', () => {
  afterEach(() => stopAllClients());

  it('is not requested from a client without refresh support, and a configuration change leaves the server running', async () => {
    const capabilities = pullClientCapabilities();
    capabilities.workspace = { configuration: true, didChangeConfiguration: { dynamicRegistration: false } };
    const client = await LspClient.start({ capabilities, settings: {} });
    // A client that never declared refresh support answers the request, if it gets one, as unknown.
    client.answerRequests(
      'workspace/diagnostic/refresh',
      () => new ResponseError(ErrorCodes.MethodNotFound, 'Unhandled method workspace/diagnostic/refresh'),
    );
    const uri = newUri();
    await client.open(uri, '19284-RT');
    client.setSettings({ rules: { 'addon-without-primary': 'off' } });
    await client.changeConfiguration(null);
    const report = await client.pullDiagnostics(uri);
    assert.deepEqual(report.kind === DocumentDiagnosticReportKind.Full ? report.items : undefined, []);
    assert.ok(client.running, `the server exited: ${client.stderr}`);
    assert.ok(
      !client.received.some((message) => message.method === 'workspace/diagnostic/refresh'),
      'the server sent workspace/diagnostic/refresh to a client without workspace.diagnostics.refreshSupport',
    );
  });

  it('survives a client that declares refresh support but fails the refresh request', async () => {
    const client = await LspClient.start({ capabilities: pullClientCapabilities(), settings: {} });
    client.answerRequests(
      'workspace/diagnostic/refresh',
      () => new ResponseError(ErrorCodes.InternalError, 'refresh failed in the client'),
    );
    const uri = newUri();
    await client.open(uri, '19284-RT');
    client.setSettings({ rules: { 'addon-without-primary': 'off' } });
    await client.changeConfiguration(null);
    await client.nextMessage(
      (message) => message.method === 'workspace/diagnostic/refresh',
      'workspace/diagnostic/refresh',
    );
    await client.nextMessage(
      (message) => message.method === 'window/logMessage' && /refresh/i.test(JSON.stringify(message.params)),
      'a log message about the failed refresh',
    );
    const report = await client.pullDiagnostics(uri);
    assert.deepEqual(report.kind === DocumentDiagnosticReportKind.Full ? report.items : undefined, []);
    assert.ok(client.running, `the server exited: ${client.stderr}`);
  });
});
