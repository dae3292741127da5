/**
 * Running the built `claim-lint` (dist/claim-lint.js) as a child process, as
 * a pipeline would, in a temporary folder of claim files.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../support/repoRoot';

export const root = repoRoot();
export const cliPath = path.join(root, 'dist', 'claim-lint.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs claim-lint; `env` replaces this process's environment (e.g. NODE_OPTIONS with a preload). */
export function runCli(args: readonly string[], cwd: string, input?: string, env?: NodeJS.ProcessEnv): Run {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    input: input ?? '',
    encoding: 'utf8',
    timeout: 60000,
    maxBuffer: 64 * 1024 * 1024,
    env: env ?? process.env,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One jsonl finding. */
export interface JsonlRow {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  message: string;
  ruleId: string | null;
  claimId: string | null;
}

export function jsonlRows(stdout: string): JsonlRow[] {
  return stdout === ''
    ? []
    : stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as JsonlRow);
}

/** A fresh temporary folder per test, removed after it; `write` puts a file in it. */
export function useTempFolder(): { dir: () => string; write: (name: string, text: string) => string } {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-lint-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    write: (name, text) => {
      const file = path.join(dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return file;
    },
  };
}

export const loneAddOn = 'claim CLM-LONE\n  dos: 2026-03-14\n  dx: C50.411\n  19284-RT   x1   $400.00   dx=A\n';
/** Three lesions documented, two billed: a lesion-units warning and nothing else. */
export const unitsWarning =
  'claim CLM-WARN\n  dos: 2026-03-16\n  dx: C50.411\n  lesions: 3\n  19283-RT   x1   $350.00   dx=A\n  19284-RT   x1   $400.00   dx=A\n';
