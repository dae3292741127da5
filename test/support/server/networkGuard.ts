/**
 * Running the built server and claim-lint under the no-network preload
 * (`noNetwork.ts`): the environment that loads it in every process and
 * worker thread, and the record it leaves. Kept apart from the preload so
 * importing these helpers never blocks the test runner's own network.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const networkLogVariable = 'NO_NETWORK_LOG';

export interface NetworkRecord {
  kind: 'loaded' | 'attempt';
  what: string;
  thread: number;
  pid: number;
}

/** The compiled preload, beside this file in out/test/support. */
export const noNetworkPreload = path.join(__dirname, 'noNetwork.js');

export interface NetworkGuard {
  /** Environment for a child process: NODE_OPTIONS requires the preload, which every worker thread inherits. */
  env: NodeJS.ProcessEnv;
  log: string;
  records(): NetworkRecord[];
  attempts(): NetworkRecord[];
  dispose(): void;
}

export function networkGuard(): NetworkGuard {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'no-network-'));
  const log = path.join(dir, 'network.jsonl');
  const records = (): NetworkRecord[] =>
    fs.existsSync(log)
      ? fs
          .readFileSync(log, 'utf8')
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as NetworkRecord)
      : [];
  return {
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --require "${noNetworkPreload}"`.trim(),
      [networkLogVariable]: log,
    },
    log,
    records,
    attempts: () => records().filter((entry) => entry.kind === 'attempt'),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
