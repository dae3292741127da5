/**
 * Starting and stopping code-server (VS Code's own server and web workbench)
 * for the editor tests and the screenshots. It runs from the cache folder
 * `scripts/install-editor-deps.sh` fills, in its own process group with a
 * throwaway home, and is always ended as a group.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../../support/repoRoot';

export interface RunningCodeServer {
  port: number;
  /** `vscode-remote://127.0.0.1:PORT/abs/path`: the only path form the workbench payload accepts. */
  remoteUri(absolutePath: string): string;
  baseUrl: string;
  stop(): void;
}

const startLimitMs = 60000;

export function codeServerEntry(): string {
  const entry = path.join(repoRoot(), '.cache', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) {
    throw new Error(`code-server is not installed at ${entry}: run bash scripts/install-editor-deps.sh`);
  }
  return entry;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
  });
}

/** Resolves once code-server prints that it listens, then checks its health endpoint. */
function waitUntilListening(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${startLimitMs} ms:\n${output.slice(-2000)}`)), startLimitMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/HTTP server listening/i.test(output)) {
        child.stdout?.off('data', onData);
        clearTimeout(timer);
        healthy(port).then((ok) => (ok ? resolve() : reject(new Error('code-server listens but /healthz is not OK'))), reject);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited with ${String(code)} before listening:\n${output.slice(-2000)}`));
    });
  });
}

export interface CodeServerOptions {
  /** The throwaway profile's user settings (`User/settings.json`). */
  userSettings?: Record<string, unknown>;
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<RunningCodeServer> {
  const port = await freePort();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-claims-code-server-'));
  const dirs = ['user-data', 'extensions', 'config', 'data', 'cache'].map((name) => path.join(home, name));
  dirs.forEach((dir) => fs.mkdirSync(dir, { recursive: true }));
  const [userData = '', extensions = '', config = '', data = '', cache = ''] = dirs;
  if (options.userSettings) {
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(options.userSettings, null, 2));
  }
  const child = spawn(
    process.execPath,
    [
      codeServerEntry(),
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', userData,
      '--extensions-dir', extensions,
    ],
    {
      // A process group of its own, so stopping it ends the extension host and watchers too.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: config, XDG_DATA_HOME: data, XDG_CACHE_HOME: cache },
    },
  );
  const stop = () => {
    try {
      if (child.pid !== undefined) {
        process.kill(-child.pid, 'SIGKILL');
      }
    } catch {
      // Already gone.
    }
    fs.rmSync(home, { recursive: true, force: true });
  };
  try {
    await waitUntilListening(child, port);
  } catch (error) {
    stop();
    throw error;
  }
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    remoteUri: (absolutePath) => `vscode-remote://127.0.0.1:${port}${absolutePath}`,
    stop,
  };
}

/** Chromium flags that keep it off the network (this machine's network is closed) and headless. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** A fresh copy of the fixtures workspace, so tests never change the files in the repository. */
export function copyFixtures(): string {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-claims-workspace-'));
  fs.cpSync(path.join(repoRoot(), 'test', 'editor', 'fixtures', 'workspace'), target, { recursive: true });
  return target;
}
