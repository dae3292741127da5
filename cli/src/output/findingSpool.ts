/**
 * A file's findings kept until its report is written, in order. A few are
 * kept in memory; past that they are appended to a spool file in the run's
 * temporary folder and read back a block at a time when the report is
 * written, so a batch with a million findings costs disk, not memory. The
 * report cannot be written as the findings come: the files are reported in
 * the order they were named (a later file may be done first), and a streamed
 * file's findings are put in whole-file order only when it ends (an envelope
 * never closed is told at its start). What the formats need before the
 * findings (the counts ESLint's JSON and the totals give, the stylish
 * report's column widths) is counted as they are added.
 *
 * Kept as JSON arrays, a line each, also in memory: a fresh flat string holds
 * no slice of the checked text alive (a claim id sliced from a 4 MB piece
 * would keep the whole piece).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FindingStats, LintMessage, SeverityName } from './lintResults';

/** A file's findings, done: plain data, so a worker thread hands it over as is. */
export interface StoredFindings {
  stats: FindingStats;
  /** The encoded findings, when they were few enough to keep in memory. */
  inline: string[];
  /** Else the spool file they are in, in order (removed once read, or with the run's folder). */
  file?: string;
}

/** Findings kept in memory before the spool file is started. */
export const defaultInlineLimit = 1000;
/** Encoded text gathered before a write to the spool file. */
const writeBatchCharacters = 256 * 1024;
const readBlockBytes = 1024 * 1024;

function encode(m: LintMessage): string {
  return JSON.stringify([m.line, m.column, m.endLine, m.endColumn, m.severity, m.message, m.ruleId, m.claimId]);
}

function decode(line: string): LintMessage {
  const [lineNumber, column, endLine, endColumn, severity, message, ruleId, claimId] = JSON.parse(line) as [
    number,
    number,
    number,
    number,
    SeverityName,
    string,
    string | null,
    string | null,
  ];
  // The keys in the order every producer gives them: jsonl prints them as they are.
  return { line: lineNumber, column, endLine, endColumn, severity, message, ruleId, claimId };
}

export function emptyStats(): FindingStats {
  return {
    count: 0,
    bySeverity: { error: 0, warning: 0, information: 0, hint: 0 },
    positionWidth: 0,
    severityWidth: 0,
  };
}

export class FindingSpool {
  private readonly stats = emptyStats();
  private inline: string[] = [];
  private file: string | undefined;
  private fd: number | undefined;
  private pending: string[] = [];
  private pendingLength = 0;
  /** The most findings ever held in memory at once (a test reads it: it must not grow with the findings). */
  mostHeld = 0;

  /** `folder`: where a spool file may go; without one (a test, an in-process run) everything is kept in memory. */
  constructor(
    private readonly folder: string | undefined,
    private readonly inlineLimit = defaultInlineLimit,
  ) {}

  add(message: LintMessage): void {
    const stats = this.stats;
    stats.count++;
    stats.bySeverity[message.severity]++;
    stats.positionWidth = Math.max(stats.positionWidth, `${message.line}:${message.column}`.length);
    stats.severityWidth = Math.max(stats.severityWidth, message.severity.length);
    const encoded = encode(message);
    if (this.folder === undefined || (this.fd === undefined && this.inline.length < this.inlineLimit)) {
      this.inline.push(encoded);
      this.mostHeld = Math.max(this.mostHeld, this.inline.length);
      return;
    }
    if (this.fd === undefined) {
      this.file = path.join(this.folder, `${randomUUID()}.jsonl`);
      this.fd = fs.openSync(this.file, 'w');
      this.pending = this.inline;
      this.pendingLength = this.inline.reduce((sum, line) => sum + line.length + 1, 0);
      this.inline = [];
    }
    this.pending.push(encoded);
    this.pendingLength += encoded.length + 1;
    this.mostHeld = Math.max(this.mostHeld, this.pending.length);
    if (this.pendingLength >= writeBatchCharacters) {
      this.flush();
    }
  }

  finish(): StoredFindings {
    if (this.fd === undefined) {
      return { stats: this.stats, inline: this.inline };
    }
    this.flush();
    fs.closeSync(this.fd);
    this.fd = undefined;
    return { stats: this.stats, inline: [], ...(this.file === undefined ? {} : { file: this.file }) };
  }

  private flush(): void {
    if (this.fd !== undefined && this.pending.length > 0) {
      fs.writeSync(this.fd, `${this.pending.join('\n')}\n`);
    }
    this.pending = [];
    this.pendingLength = 0;
  }
}

/** The lines of a spool file, a block at a time. */
function* spoolLines(file: string): Generator<string> {
  const fd = fs.openSync(file, 'r');
  try {
    const block = Buffer.alloc(readBlockBytes);
    let carry = Buffer.alloc(0);
    for (let read = fs.readSync(fd, block); read > 0; read = fs.readSync(fd, block)) {
      // Cut at the last line end, so a character of several bytes is never split.
      const data = Buffer.concat([carry, block.subarray(0, read)]);
      const lastEnd = data.lastIndexOf(10);
      if (lastEnd === -1) {
        carry = data;
        continue;
      }
      yield* data.toString('utf8', 0, lastEnd).split('\n');
      carry = Buffer.from(data.subarray(lastEnd + 1));
    }
    if (carry.length > 0) {
      yield carry.toString('utf8');
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The findings in order, read once: a spool file is removed when read to its end. */
export function* storedMessages(stored: StoredFindings): Generator<LintMessage> {
  for (const line of stored.inline) {
    yield decode(line);
  }
  if (stored.file !== undefined) {
    for (const line of spoolLines(stored.file)) {
      yield decode(line);
    }
    discardStored(stored);
  }
}

/** Removes the spool file of findings that will not be read. */
export function discardStored(stored: StoredFindings): void {
  if (stored.file !== undefined) {
    fs.rmSync(stored.file, { force: true });
  }
}

/**
 * Findings that must wait for the files named before theirs, moved out of memory: a run of many files with a
 * few hundred findings each, done while the first is still checked, would otherwise hold them all.
 */
export function spooledAway(stored: StoredFindings, folder: string): StoredFindings {
  // Findings with a spool file keep none in memory: `finish` moved them all into it.
  if (stored.inline.length === 0 || stored.file !== undefined) {
    return stored;
  }
  const file = path.join(folder, `${randomUUID()}.jsonl`);
  fs.writeFileSync(file, `${stored.inline.join('\n')}\n`);
  return { stats: stored.stats, inline: [], file };
}

/** A file's findings all at once (tests, and the few a whole check gives below the inline limit). */
export function storedFrom(messages: Iterable<LintMessage>, folder?: string): StoredFindings {
  const spool = new FindingSpool(folder);
  for (const message of messages) {
    spool.add(message);
  }
  return spool.finish();
}

/** The run's folder of spool files: made at the start, removed at the end, or at exit if the run is cut short. */
export class SpoolFolder {
  readonly path: string;
  private readonly removeAtExit = () => this.remove();

  constructor(parent: string) {
    this.path = fs.mkdtempSync(path.join(parent, 'claim-lint-'));
    process.once('exit', this.removeAtExit);
  }

  remove(): void {
    process.off('exit', this.removeAtExit);
    fs.rmSync(this.path, { recursive: true, force: true });
  }
}
