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
  const entry = path.join(
    repoRoot(),
    '.cache',
    'code-server',
    'node_modules',
    'code-server',
    'out',
    'node',
    'entry.js',
  );
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
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
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
    const timer = setTimeout(
      () => reject(new Error(`code-server did not start within ${startLimitMs} ms:\n${output.slice(-2000)}`)),
      startLimitMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/HTTP server listening/i.test(output)) {
        child.stdout?.off('data', onData);
        clearTimeout(timer);
        healthy(port).then(
          (ok) => (ok ? resolve() : reject(new Error('code-server listens but /healthz is not OK'))),
          reject,
        );
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

/** A throwaway home for one code-server: its own user data, extensions, config, data and cache folders. */
interface CodeServerHome {
  home: string;
  userData: string;
  /** The arguments that point code-server at this home's user data and extensions. */
  folderArgs: string[];
  env: NodeJS.ProcessEnv;
}

function makeHome(): CodeServerHome {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-claims-code-server-'));
  const dirs = ['user-data', 'extensions', 'config', 'data', 'cache'].map((name) => path.join(home, name));
  dirs.forEach((dir) => fs.mkdirSync(dir, { recursive: true }));
  const [userData = '', extensions = '', config = '', data = '', cache = ''] = dirs;
  return {
    home,
    userData,
    folderArgs: ['--user-data-dir', userData, '--extensions-dir', extensions],
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: config,
      XDG_DATA_HOME: data,
      XDG_CACHE_HOME: cache,
      // No extension gallery: code-server's default, Open VSX, is unreachable offline, and each window's look-up
      // printed an ENOTFOUND stack trace. A gallery without a service URL is off (no Extensions view search).
      EXTENSIONS_GALLERY: '{}',
    },
  };
}

/**
 * Runs `code-server <args>` to the end in the given home (as a user installing
 * an extension would) and returns what it printed; rejects on a non-zero exit.
 */
function runCodeServerCommand(home: CodeServerHome, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [codeServerEntry(), ...home.folderArgs, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: home.env,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`code-server ${args.join(' ')} exited with ${String(code)}:\n${output.slice(-2000)}`)),
    );
  });
}

export interface CodeServerOptions {
  /** The throwaway profile's user settings (`User/settings.json`). */
  userSettings?: Record<string, unknown>;
  /** Arguments of `code-server` commands run, in order, before the server starts: `['--install-extension', 'x.vsix']`. */
  setupCommands?: string[][];
  /**
   * Workspace trust as a new user meets it: the prompt on opening a folder, restricted mode until trusted. Off by
   * default (`--disable-workspace-trust`): the suites open their windows on trusted fixtures.
   */
  workspaceTrust?: boolean;
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<RunningCodeServer> {
  const port = await freePort();
  const codeServerHome = makeHome();
  const { home, userData, folderArgs, env } = codeServerHome;
  if (options.userSettings) {
    fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(options.userSettings, null, 2));
  }
  try {
    for (const args of options.setupCommands ?? []) {
      await runCodeServerCommand(codeServerHome, args);
    }
  } catch (error) {
    fs.rmSync(home, { recursive: true, force: true });
    throw error;
  }
  const child = spawn(
    process.execPath,
    [
      codeServerEntry(),
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(options.workspaceTrust === true ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      ...folderArgs,
    ],
    {
      // A process group of its own, so stopping it ends the extension host and watchers too.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
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

/**
 * A multi-root workspace of one folder with workspace problems on, and a folder beside it for the suite to add:
 * adding a folder to a single-folder window would make VS Code restart the extension host, and the suite with it.
 */
export function makeFoldersWorkspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-claims-folders-'));
  const fixtures = path.join(repoRoot(), 'test', 'editor', 'fixtures', 'workspace');
  fs.mkdirSync(path.join(root, 'first'));
  fs.mkdirSync(path.join(root, 'added-folder'));
  fs.copyFileSync(path.join(fixtures, 'lone-addon.claim'), path.join(root, 'first', 'lone-addon.claim'));
  fs.copyFileSync(path.join(fixtures, 'x12', 'lone-19284.837'), path.join(root, 'added-folder', 'lone-19284.837'));
  const workspaceFile = path.join(root, 'folders.code-workspace');
  fs.writeFileSync(
    workspaceFile,
    JSON.stringify({ folders: [{ path: 'first' }], settings: { 'cptClaims.workspaceDiagnostics': true } }, null, 2),
  );
  return workspaceFile;
}
