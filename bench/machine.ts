/** The date and machine a run was made on, printed above its tables: figures only compare within one machine. */
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

export function describeMachine(now = new Date()): string[] {
  const cpus = os.cpus();
  const system = [distribution(), `${os.type()} ${os.release()} ${os.arch()}`].filter((part) => part !== '').join(', ');
  return [
    `- Date: ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- CPU: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node.js: ${process.version}`,
    `- OS: ${system}`,
  ];
}
