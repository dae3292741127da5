/**
 * The LSP lifecycle over stdio (specification 3.17, Lifecycle Messages):
 * before `initialize` a request gets ServerNotInitialized (-32002) and a
 * notification is dropped, except `exit`; after `shutdown` a request gets
 * InvalidRequest (-32600); `exit` ends the server with 0 after `shutdown`,
 * with 1 without.
 */
import * as assert from 'node:assert/strict';
import { ExitNotification, HoverRequest, ShutdownRequest } from 'vscode-languageserver-protocol';
import { LspClient, newUri, stopAllClients } from '../support/server/lspClient';
import { hoverText, positionOf, specExample } from './claimTexts';

const position = positionOf(specExample, '19284', 1);

/** The error code a request was refused with, or 'answered'. */
async function outcomeOf(answer: Promise<unknown>): Promise<number | 'answered'> {
  try {
    await answer;
    return 'answered';
  } catch (error) {
    return (error as { code: number }).code;
  }
}

describe('protocol: before initialize', () => {
  afterEach(() => stopAllClients());

  it('refuses a request with ServerNotInitialized, then serves once initialized', async () => {
    const client = LspClient.spawn();
    const uri = newUri();
    const hover = client.request(HoverRequest.type, { textDocument: { uri }, position }, 'hover');
    assert.equal(await outcomeOf(hover), -32002);
    await client.initialize();
    await client.open(uri, specExample);
    assert.match(hoverText(await client.hover(uri, position)), /19283/);
  });

  it('drops a notification: a document opened before initialize is not known after it', async () => {
    const client = LspClient.spawn();
    const early = newUri('early');
    await client.open(early, specExample);
    await client.initialize();
    assert.equal(await client.hover(early, position), null);
    // The same open after initialize is taken, so the null above is the dropped open.
    const late = newUri('late');
    await client.open(late, specExample);
    assert.match(hoverText(await client.hover(late, position)), /19283/);
  });

  it('exits with code 1 on exit, which is never dropped', async () => {
    const client = LspClient.spawn();
    await client.connection.sendNotification(ExitNotification.type);
    await client.waitForExit();
    assert.deepEqual(client.exit, { code: 1, signal: null });
  });

  it('refuses a second initialize with InvalidRequest', async () => {
    const client = await LspClient.start();
    assert.equal(await outcomeOf(client.initialize()), -32600);
    assert.ok(client.running);
  });
});

describe('protocol: after shutdown', () => {
  afterEach(() => stopAllClients());

  it('refuses requests with InvalidRequest, then exits with code 0 on exit', async () => {
    const client = await LspClient.start();
    const uri = newUri();
    await client.open(uri, specExample);
    assert.equal(await outcomeOf(client.hover(uri, position)), 'answered');
    await client.requestWithoutParams(ShutdownRequest.type);
    assert.equal(await outcomeOf(client.hover(uri, position)), -32600);
    assert.equal(await outcomeOf(client.requestWithoutParams(ShutdownRequest.type)), -32600);
    await client.connection.sendNotification(ExitNotification.type);
    await client.waitForExit();
    assert.deepEqual(client.exit, { code: 0, signal: null });
  });

  it('exits with code 1 on exit without shutdown', async () => {
    const client = await LspClient.start();
    await client.connection.sendNotification(ExitNotification.type);
    await client.waitForExit();
    assert.deepEqual(client.exit, { code: 1, signal: null });
  });

  it('exits with code 0 when the client closes stdin after shutdown, and 1 without', async () => {
    const shutDown = await LspClient.start();
    await shutDown.requestWithoutParams(ShutdownRequest.type);
    shutDown.child.stdin?.end();
    await shutDown.waitForExit();
    assert.equal(shutDown.exit?.code, 0);
    const running = await LspClient.start();
    running.child.stdin?.end();
    await running.waitForExit();
    assert.equal(running.exit?.code, 1);
  });
});
