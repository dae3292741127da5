/**
 * A failure outside every request handler: an uncaught exception ends the
 * server with a non-zero code (so an editor restarts it) after writing only
 * the error's type and position to stderr; an unhandled rejection is logged
 * the same way and the server keeps serving. The failure is raised by a
 * preload (test/support/server/failOnSignal.ts) with claim text in its message.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LspClient, newUri, stopAllClients } from '../support/server/lspClient';
import { hoverText, positionOf, specExample } from './claimTexts';

const preload = path.join(__dirname, '..', 'support', 'server', 'failOnSignal.js');
const patientNames = ['DOE', 'JANE'];

async function serverWithClaimOpen(args: string[] = []): Promise<{ client: LspClient; uri: string }> {
  const client = await LspClient.start({ nodeArgs: ['--require', preload], args });
  const uri = newUri('patient');
  await client.open(uri, specExample);
  // A hover answered shows the server got the claim text before it fails.
  assert.match(hoverText(await client.hover(uri, positionOf(specExample, '19284', 1))), /19283/);
  return { client, uri };
}

describe('protocol: failures outside request handlers', () => {
  afterEach(() => stopAllClients());

  it('exits with code 1 on an uncaught exception, writing its type and position but not its message', async () => {
    const { client } = await serverWithClaimOpen();
    client.child.kill('SIGUSR2');
    await client.waitForExit();
    assert.equal(client.exit?.code, 1, `exit: ${JSON.stringify(client.exit)}`);
    assert.match(
      client.stderr,
      /^claim-language-server: uncaught exception, exiting: Error at .*failOnSignal\.js:\d+:\d+/m,
    );
    for (const name of patientNames) {
      assert.ok(!client.stderr.includes(name), `stderr names the patient: ${client.stderr}`);
      assert.ok(!client.logText().includes(name), `a log message names the patient: ${client.logText()}`);
    }
  });

  it('logs an unhandled rejection by type and position only, and keeps serving', async () => {
    const { client, uri } = await serverWithClaimOpen(['--fail-by-rejection']);
    client.child.kill('SIGUSR2');
    const logged = await client.nextMessage(
      (m) => m.method === 'window/logMessage' && JSON.stringify(m.params).includes('Unhandled rejection'),
      'the rejection to be logged',
    );
    const text = JSON.stringify(logged.params);
    assert.match(text, /Unhandled rejection: Error at .*failOnSignal\.js:\d+:\d+/);
    assert.match(hoverText(await client.hover(uri, positionOf(specExample, '19284', 1))), /19283/);
    assert.ok(client.running);
    for (const name of patientNames) {
      assert.ok(!text.includes(name), `the log names the patient: ${text}`);
      assert.ok(!client.stderr.includes(name), `stderr names the patient: ${client.stderr}`);
    }
  });
});
