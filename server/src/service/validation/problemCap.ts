/**
 * Which findings a capped list keeps (`cptClaims.maxNumberOfProblems`). The
 * first N in document order would drop a file-level finding at the end of the
 * file (SE01, IEA02 miscounted) behind a thousand warnings before it, and an
 * error behind information: so findings about the file as a whole come first,
 * then errors, warnings, information and hints, each in document order. What
 * is kept is shown in document order. The editor's diagnostics and
 * `claim-lint` (whole and streamed) keep the same ones.
 */
import type { Severity } from '../model/model';
import { documentRules } from '../rules/ruleCatalog';

/**
 * Findings about the file as a whole: the envelope's counts and control
 * numbers, an unreadable ISA, text that is not segments, and every document
 * rule (they read the whole file, not one claim).
 */
const fileLevelRuleIds: ReadonlySet<string> = new Set([
  'x12-envelope',
  'x12-unreadable',
  ...documentRules.map((rule) => rule.id),
]);

const severityRank: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** How many priorities `problemPriority` gives (0 first). */
export const problemPriorities = 8;

/** A finding's priority under the cap, 0 first: file-level findings, then by severity. */
export function problemPriority(ruleId: string | null | undefined, severity: Severity): number {
  return (fileLevelRuleIds.has(ruleId ?? '') ? 0 : 4) + severityRank[severity];
}

/**
 * Which items a cap of `limit` keeps, told one at a time in document order,
 * given how many items of each priority there are: all of the first
 * priorities, and the first in document order of the priority the cap falls
 * in. A streamed file's findings are counted as they come and picked as they
 * are read back, without holding them all (claim-lint's stream).
 */
export function capFilter(counts: readonly number[], limit: number): (priority: number) => boolean {
  // The priority the cap falls in, and how many of it fit.
  let cut = 0;
  let room = limit;
  while (cut < problemPriorities && room >= (counts[cut] ?? 0)) {
    room -= counts[cut] ?? 0;
    cut++;
  }
  return (priority) => {
    if (priority < cut) {
      return true;
    }
    if (priority === cut && room > 0) {
      room--;
      return true;
    }
    return false;
  };
}

/**
 * The items to show under a cap of `limit`, given in document order: those
 * of the first priorities, and of the priority the cap falls in the first in
 * document order; returned in document order. One pass to count, one to pick.
 */
export function keptUnderCap<T>(items: readonly T[], limit: number, priorityOf: (item: T) => number): T[] {
  if (items.length <= limit) {
    return [...items];
  }
  const counts = new Array<number>(problemPriorities).fill(0);
  const priorities = items.map((item) => {
    const priority = priorityOf(item);
    counts[priority] = (counts[priority] ?? 0) + 1;
    return priority;
  });
  const kept = capFilter(counts, limit);
  return items.filter((_, index) => kept(priorities[index] ?? problemPriorities));
}
