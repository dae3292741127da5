/**
 * A preload (`node --require out/test/support/noNetwork.js`, or through
 * NODE_OPTIONS so worker threads and child processes load it too) that makes
 * every way Node opens a network connection or listener record the attempt
 * and throw. Tests run the server and claim-lint under it and then assert the
 * record is empty: the product never touches the network.
 *
 * The record is a file (NO_NETWORK_LOG), appended synchronously so an attempt
 * in a worker thread or just before a crash is never lost; one JSON object a
 * line. The preload also records that it loaded, with the thread id, so a
 * test can tell that it ran in every thread, and an empty record is not
 * merely a preload that never ran.
 *
 * The stdio pipes of a server are `net.Socket`s too, but opened on a file
 * descriptor, never with `connect`, so they are not caught.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { threadId } from 'node:worker_threads';

import { networkLogVariable, type NetworkRecord } from './networkGuard';

// Default imports are the modules themselves, whose functions can be replaced; `import * as` would give read-only copies.

class NetworkBlockedError extends Error {
  override name = 'NetworkBlockedError';
}

const logFile = process.env[networkLogVariable];

function record(kind: NetworkRecord['kind'], what: string): void {
  const entry: NetworkRecord = { kind, what, thread: threadId, pid: process.pid };
  if (logFile) {
    fs.appendFileSync(logFile, `${JSON.stringify(entry)}\n`);
  } else {
    process.stderr.write(`[no-network] ${kind} ${what}\n`);
  }
}

/** Replaces `owner[name]` (a function) by one that records the call and throws. */
function block(owner: object, name: string, what: string): void {
  const target = owner as Record<string, unknown>;
  if (typeof target[name] !== 'function') {
    return;
  }
  const blocked = function blockedNetworkCall(): never {
    record('attempt', what);
    throw new NetworkBlockedError(`network access blocked in a test: ${what}`);
  };
  // Some module exports are getters or read-only; defineProperty replaces them all the same.
  Object.defineProperty(owner, name, { value: blocked, writable: true, configurable: true, enumerable: true });
}

const dnsFunctions = [
  'lookup',
  'lookupService',
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCaa',
  'resolveCname',
  'resolveMx',
  'resolveNaptr',
  'resolveNs',
  'resolvePtr',
  'resolveSoa',
  'resolveSrv',
  'resolveTxt',
  'reverse',
];

block(net.Socket.prototype, 'connect', 'net.Socket.prototype.connect');
block(net, 'connect', 'net.connect');
block(net, 'createConnection', 'net.createConnection');
block(net.Server.prototype, 'listen', 'net.Server.prototype.listen');
block(tls, 'connect', 'tls.connect');
block(tls.TLSSocket.prototype, 'connect', 'tls.TLSSocket.prototype.connect');
block(dgram, 'createSocket', 'dgram.createSocket');
for (const name of dnsFunctions) {
  block(dns, name, `dns.${name}`);
  block(dns.promises, name, `dns.promises.${name}`);
  block(dns.Resolver.prototype, name, `dns.Resolver.prototype.${name}`);
  block(dns.promises.Resolver.prototype, name, `dns.promises.Resolver.prototype.${name}`);
}
for (const [label, module] of [
  ['http', http],
  ['https', https],
] as const) {
  block(module, 'request', `${label}.request`);
  block(module, 'get', `${label}.get`);
}
block(http2, 'connect', 'http2.connect');
block(globalThis, 'fetch', 'fetch');
block(globalThis, 'WebSocket', 'WebSocket');
block(globalThis, 'EventSource', 'EventSource');

record('loaded', 'noNetwork preload');
