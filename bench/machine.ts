/** The date and machine a run was made on, printed above its tables: figures only compare within one machine. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';

function distribution(): string {
  try {
    const release = fs.readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1] ?? '';
  } catch {
    return '';
  }
}

/** The commit measured, and whether tracked files differ from it; nothing when git or the repository is absent. */
function commit(): string {
  const run = (...args: string[]) => spawnSync('git', args, { cwd: __dirname, encoding: 'utf8' });
  const head = run('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) {
    return 'unknown';
  }
  const changed = run('status', '--porcelain', '--untracked-files=no').stdout.trim() !== '';
  return `${head.stdout.trim()}${changed ? ' with uncommitted changes' : ''}`;
}

export function describeMachine(now = new Date()): string[] {
  const cpus = os.cpus();
  const system = [distribution(), `${os.type()} ${os.release()} ${os.arch()}`].filter((part) => part !== '').join(', ');
  return [
    `- Date: ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- CPU: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node.js: ${process.version}`,
    `- OS: ${system}`,
    `- Commit: ${commit()}`,
  ];
}
