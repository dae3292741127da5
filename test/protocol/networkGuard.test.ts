/**
 * The positive control for the no-network preload the patient-data tests run
 * the server and claim-lint under: a script that tries every way to reach the
 * network, in the main thread and in a worker thread, is caught each time and
 * leaves a record, so an empty record from those tests means something.
 * Reading from its own stdin pipe (a net.Socket never connected) leaves none.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { networkGuard } from '../support/server/networkGuard';

/** Each attempt runs in its own try/catch and prints the name of what it threw. */
const attempts: Record<string, string> = {
  'net.Socket.prototype.connect': "new (require('net').Socket)().connect(9, '127.0.0.1')",
  'net.connect': "require('net').connect(9, '127.0.0.1')",
  'net.createConnection': "require('net').createConnection({ port: 9, host: '127.0.0.1' })",
  'net.Server.prototype.listen': "require('net').createServer().listen(0)",
  'tls.connect': "require('tls').connect(443, 'example.invalid')",
  'dgram.createSocket': "require('dgram').createSocket('udp4')",
  'dns.lookup': "require('dns').lookup('example.invalid', () => undefined)",
  'dns.resolve4': "require('dns').resolve4('example.invalid', () => undefined)",
  'dns.promises.lookup': "require('dns').promises.lookup('example.invalid')",
  'http.get': "require('http').get('http://example.invalid/')",
  'http.request': "require('http').request('http://example.invalid/')",
  'https.request': "require('https').request('https://example.invalid/')",
  'https.get': "require('https').get('https://example.invalid/')",
  'http2.connect': "require('http2').connect('https://example.invalid')",
  fetch: "fetch('https://example.invalid/')",
};

const script = `
const thrown = [];
${Object.values(attempts)
  .map((attempt) => `try { ${attempt}; thrown.push('nothing'); } catch (error) { thrown.push(error.name); }`)
  .join('\n')}
process.stdin.resume();
process.stdin.on('end', () => {
  const { Worker } = require('worker_threads');
  const worker = new Worker("try { require('net').createConnection(9, '127.0.0.1') } catch (error) { require('worker_threads').parentPort.postMessage(error.name) }", { eval: true });
  worker.once('message', (name) => {
    thrown.push(name);
    process.stdout.write(JSON.stringify(thrown));
    process.exit(0);
  });
});
`;

describe('the no-network preload', () => {
  it('catches and records every way to reach the network, in the main thread and a worker, and not a stdin pipe', function () {
    this.timeout(20000);
    const guard = networkGuard();
    try {
      const result = spawnSync(process.execPath, ['-e', script], {
        env: guard.env,
        input: 'piped input',
        encoding: 'utf8',
        timeout: 15000,
      });
      assert.equal(result.status, 0, result.stderr);
      const thrown = JSON.parse(result.stdout) as string[];
      assert.deepEqual(
        thrown,
        Array.from({ length: Object.keys(attempts).length + 1 }, () => 'NetworkBlockedError'),
      );

      const recorded = guard.attempts();
      assert.deepEqual(
        recorded.filter((record) => record.thread === 0).map((record) => record.what),
        Object.keys(attempts),
      );
      assert.deepEqual(
        recorded.filter((record) => record.thread !== 0).map((record) => record.what),
        ['net.createConnection'],
      );
      assert.equal(
        guard.records().filter((record) => record.kind === 'loaded').length,
        2,
        'loaded once in the main thread and once in the worker',
      );
    } finally {
      guard.dispose();
    }
  });
});
