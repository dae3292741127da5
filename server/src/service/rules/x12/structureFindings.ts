/**
 * The findings of the one structure walk (`x12/structureWalker.ts`, made
 * once per version of a document), grouped by rule for the five rules it serves
 * (`x12-segment-placement`, `x12-required`, `x12-element`, `x12-hierarchy`,
 * `x12-line-number`), each taking its own.
 */
import type { X12Structure } from '../../model/model';
import type { StructureFinding } from '../../x12/structureWalker';
import { walkStructure } from '../../x12/structureWalks';
import type { Finding } from '../ruleTypes';

const walked = new WeakMap<X12Structure, ReadonlyMap<string, readonly StructureFinding[]>>();

function findingsByRule(x12: X12Structure): ReadonlyMap<string, readonly StructureFinding[]> {
  let byRule = walked.get(x12);
  if (!byRule) {
    const grouped = new Map<string, StructureFinding[]>();
    for (const finding of walkStructure(x12.interchange.segments, x12.interchange.separators).findings) {
      const list = grouped.get(finding.ruleId) ?? [];
      list.push(finding);
      grouped.set(finding.ruleId, list);
    }
    byRule = grouped;
    walked.set(x12, byRule);
  }
  return byRule;
}

/** The structure findings of one rule, with their ranges. */
export function structureFindings(x12: X12Structure | undefined, ruleId: string): Finding[] {
  if (!x12) {
    return [];
  }
  return (findingsByRule(x12).get(ruleId) ?? []).map((finding) => ({
    ruleId,
    range: x12.lines.range(finding.start, Math.max(finding.end, finding.start + 1)),
    message: finding.message,
  }));
}
