/**
 * The findings of a streamed file, put in the order the whole-file check
 * gives them (by position; at one position, parser and claim findings, then
 * the document rules in the catalog's order), with the same problem limit
 * and notice: past the limit, the same findings are kept as in the whole-file
 * check (file-level ones first, then by severity: `capFilter`). A 1 GB batch
 * can have a million findings: they are spooled as they come
 * (`findingSpool.ts`), so the memory held is bounded by the piece being
 * checked, not by the findings of the file.
 */
import {
  allRules,
  capFilter,
  type ClaimSettings,
  comparePositions,
  problemLimitMessage,
  problemPriorities,
  problemPriority,
} from '../../../server/src/service';
import { FindingSpool, type StoredFindings, storedMessages } from '../output/findingSpool';
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

function priorityOf(message: LintMessage): number {
  return problemPriority(message.ruleId, message.severity);
}

export class StreamedMessages {
  /** The findings in order (but the late ones), as they come: spooled, not held. */
  private readonly kept: FindingSpool;
  /**
   * How many findings of each cap priority are kept. Past the limit of one
   * priority, a finding in order comes after all those kept of its priority,
   * so the whole-file check would not show it either: it is only counted.
   */
  private readonly keptByPriority = new Array<number>(problemPriorities).fill(0);
  private last: LintMessage | undefined;
  /**
   * Findings that came after one they stand before (an envelope never closed, reported at the end; a finding
   * on the copy of a cut transaction's ST): a few per file, held and merged in at the end.
   */
  private readonly late: LintMessage[] = [];
  private total = 0;
  private readonly limit: number;

  /**
   * `quiet`: only errors are kept (after the cap, which counts them all, as the whole-file check does);
   * `spoolFolder`: where the findings may be spooled (`findingSpool.ts`).
   */
  constructor(
    private readonly settings: ClaimSettings,
    private readonly quiet = false,
    private readonly spoolFolder?: string,
  ) {
    this.limit = settings.maxNumberOfProblems;
    this.kept = new FindingSpool(spoolFolder);
  }

  /** The most findings held in memory at once (a test reads it: it must not grow with the findings of the file). */
  get mostHeld(): number {
    return this.kept.mostHeld + this.late.length;
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
          this.kept.add(message);
          this.last = message;
        }
      }
    }
  }

  /**
   * All findings in order; past the limit, the `limit` the whole-file check keeps, and a notice. When
   * nothing is late, capped or left out by `quiet`, the spooled findings are the answer as they are;
   * else they are read once more, merged with the late ones and picked into a second spool.
   */
  finish(claimIdAtFileStart: string | null): StoredFindings {
    const kept = this.kept.finish();
    const capped = this.total > this.limit;
    const quietDrops = this.quiet && kept.stats.count > kept.stats.bySeverity.error;
    if (this.late.length === 0 && !capped && !quietDrops) {
      return kept;
    }
    const late = this.late.sort(compareMessages);
    const counts = [...this.keptByPriority];
    late.forEach((message) => {
      const priority = priorityOf(message);
      counts[priority] = (counts[priority] ?? 0) + 1;
    });
    const merged = kept.stats.count + late.length;
    const shown = merged <= this.limit ? () => true : capFilter(counts, this.limit);
    const result = new FindingSpool(this.spoolFolder);
    const add = (message: LintMessage) => {
      if (shown(priorityOf(message)) && (!this.quiet || message.severity === 'error')) {
        result.add(message);
      }
    };
    let next = 0;
    for (const message of storedMessages(kept)) {
      while (next < late.length && compareMessages(late[next] as LintMessage, message) < 0) {
        add(late[next++] as LintMessage);
      }
      add(message);
    }
    late.slice(next).forEach(add);
    const severity = severityFor(problemLimitRuleId, this.settings);
    if (capped && severity !== undefined && (!this.quiet || severity === 'error')) {
      result.add({
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
    return result.finish();
  }
}
