/**
 * The findings of a streamed file, put in the order the whole-file check
 * gives them (by position; at one position, parser and claim findings, then
 * the document rules in the catalog's order), with the same problem limit
 * and notice: past the limit, the same findings are kept as in the whole-file
 * check (file-level ones first, then by severity: `keptUnderCap`). A 1 GB batch can have a million findings, held until the file
 * is done: they are kept packed (positions in typed arrays, each distinct
 * severity, rule and message once), not as a million objects for the
 * garbage collector to walk again and again while the file is read.
 */
import {
  allRules,
  type ClaimSettings,
  comparePositions,
  keptUnderCap,
  problemLimitMessage,
  problemPriorities,
  problemPriority,
} from '../../../server/src/service';
import type { LintMessage, SeverityName } from '../output/lintResults';

/** The document rules run after the parser's and the claim rules' findings, in this order. */
const documentRuleOrder = [
  'x12-segment-count',
  'x12-control-numbers',
  'x12-segment-placement',
  'x12-not-837p',
  'x12-envelope-ids',
  'x12-envelope',
  'x12-duplicate-interchange',
  'x12-required',
  'x12-element',
  'x12-hierarchy',
  'x12-line-number',
];
const problemLimitRuleId = 'too-many-problems';

function rank(message: LintMessage): number {
  return documentRuleOrder.indexOf(message.ruleId ?? '') + 1;
}

function compareMessages(a: LintMessage, b: LintMessage): number {
  return (
    comparePositions({ line: a.line, character: a.column }, { line: b.line, character: b.column }) || rank(a) - rank(b)
  );
}

/** The severity the settings give a rule, or undefined when it is off. */
export function severityFor(ruleId: string, settings: ClaimSettings): SeverityName | undefined {
  const configured = settings.rules[ruleId];
  if (configured === 'off') {
    return undefined;
  }
  return configured ?? allRules.find((rule) => rule.id === ruleId)?.defaultSeverity ?? 'error';
}

type Kind = Pick<LintMessage, 'severity' | 'ruleId' | 'message'>;

/** Messages in the order added, packed. */
class PackedMessages {
  private positions = new Int32Array(4096);
  private kindIndexes = new Int32Array(1024);
  private readonly claimIds: Array<string | null> = [];
  private readonly kinds: Kind[] = [];
  private readonly kindByKey = new Map<string, number>();
  length = 0;

  push(message: LintMessage): void {
    if (this.length === this.kindIndexes.length) {
      const positions = new Int32Array(this.positions.length * 2);
      positions.set(this.positions);
      this.positions = positions;
      const kindIndexes = new Int32Array(this.kindIndexes.length * 2);
      kindIndexes.set(this.kindIndexes);
      this.kindIndexes = kindIndexes;
    }
    const key = `${message.severity}\u0000${message.ruleId ?? ''}\u0000${message.message}`;
    let kind = this.kindByKey.get(key);
    if (kind === undefined) {
      kind = this.kinds.push({ severity: message.severity, ruleId: message.ruleId, message: message.message }) - 1;
      this.kindByKey.set(key, kind);
    }
    const p = 4 * this.length;
    this.positions[p] = message.line;
    this.positions[p + 1] = message.column;
    this.positions[p + 2] = message.endLine;
    this.positions[p + 3] = message.endColumn;
    this.kindIndexes[this.length] = kind;
    this.claimIds.push(message.claimId);
    this.length++;
  }

  at(index: number): LintMessage {
    const p = 4 * index;
    const kind = this.kinds[this.kindIndexes[index] ?? 0] ?? { severity: 'error', ruleId: null, message: '' };
    return {
      line: this.positions[p] ?? 0,
      column: this.positions[p + 1] ?? 0,
      endLine: this.positions[p + 2] ?? 0,
      endColumn: this.positions[p + 3] ?? 0,
      severity: kind.severity,
      message: kind.message,
      ruleId: kind.ruleId,
      claimId: this.claimIds[index] ?? null,
    };
  }
}

function priorityOf(message: LintMessage): number {
  return problemPriority(message.ruleId, message.severity);
}

export class StreamedMessages {
  private readonly kept = new PackedMessages();
  /**
   * How many findings of each cap priority are kept. Past the limit of one
   * priority, a finding in order comes after all those kept of its priority,
   * so the whole-file check would not show it either: it is only counted.
   */
  private readonly keptByPriority = new Array<number>(problemPriorities).fill(0);
  private last: LintMessage | undefined;
  /** Findings that came after one they stand before (an ST never closed, reported at the end): merged in at the end. */
  private readonly late: LintMessage[] = [];
  private total = 0;
  private readonly limit: number;

  constructor(private readonly settings: ClaimSettings) {
    this.limit = settings.maxNumberOfProblems;
  }

  /** The findings of one piece of the file, in any order. */
  addBatch(batch: LintMessage[]): void {
    for (const message of batch.sort(compareMessages)) {
      this.total++;
      if (this.last && compareMessages(message, this.last) < 0) {
        this.late.push(message);
      } else {
        const priority = priorityOf(message);
        if ((this.keptByPriority[priority] ?? 0) < this.limit) {
          this.keptByPriority[priority] = (this.keptByPriority[priority] ?? 0) + 1;
          this.kept.push(message);
          this.last = message;
        }
      }
    }
  }

  /** All findings in order; past the limit, the `limit` the whole-file check keeps, and a notice. */
  finish(claimIdAtFileStart: string | null): LintMessage[] {
    const all: LintMessage[] = [];
    const late = this.late.sort(compareMessages);
    let next = 0;
    for (let i = 0; i < this.kept.length; i++) {
      const message = this.kept.at(i);
      while (next < late.length && compareMessages(late[next] as LintMessage, message) < 0) {
        all.push(late[next++] as LintMessage);
      }
      all.push(message);
    }
    all.push(...late.slice(next));
    if (this.total <= this.limit) {
      return all;
    }
    const shown = keptUnderCap(all, this.limit, priorityOf);
    const severity = severityFor(problemLimitRuleId, this.settings);
    if (severity !== undefined) {
      shown.push({
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        severity,
        message: problemLimitMessage(this.limit, this.total),
        ruleId: problemLimitRuleId,
        claimId: claimIdAtFileStart,
      });
    }
    return shown;
  }
}
