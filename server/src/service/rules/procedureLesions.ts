/**
 * How many lesions each lesion-counted procedure on a claim treated, read as
 * claim-format.md ("Lesion-counted families") defines it. The claim's
 * `lesions:` counts the encounter's lesions; a line's `lesions=` counts its
 * procedure's. A procedure's own count is therefore known from a `lesions=` on
 * one of its lines, or from `lesions:` when it is the only lesion-counted
 * procedure on the claim. When several procedures share only the header
 * count, the split is unknown (a biopsy of one lesion and a clip in another
 * are 2 lesions in the encounter and 1 for each procedure): the encounter's
 * count is then only an upper bound for each of them, except that an
 * encounter of 1 lesion is 1 for every procedure billed.
 *
 * `lesion-units`, the inlay hints and the CodeLens all count this way.
 */
import type { CodeReference } from '../reference/codeReference';
import type { LesionProcedure } from '../reference/codeTypes';
import type { Claim, Field, ServiceLine } from '../model/model';
import { type KnownLine, knownLines } from './claimFacts';

export interface ProcedureGroup {
  procedure: LesionProcedure;
  /** The procedure's lines over all its modalities, in claim order. */
  lines: KnownLine[];
}

export interface ProcedureLesionCount {
  /** The procedure's own lesion count, when the documentation gives it. */
  known?: Field<number>;
  /** The encounter's count when several procedures share it and the split is unknown: no procedure treats more. */
  atMost?: Field<number>;
}

/** A disagreement between lesion counts, for `lesion-units` to report. */
export interface LesionCountConflict {
  field: Field<number>;
  message: string;
}

/** The claim's lesion-counted lines (deleted codes aside), one group per procedure. */
export function groupByProcedure(claim: Claim, reference: CodeReference): ProcedureGroup[] {
  const groups = new Map<LesionProcedure, ProcedureGroup>();
  for (const known of knownLines(claim, reference)) {
    const procedure = known.info.lesion?.procedure;
    if (!procedure || known.info.deleted) {
      continue;
    }
    const group = groups.get(procedure) ?? { procedure, lines: [] };
    group.lines.push(known);
    groups.set(procedure, group);
  }
  return [...groups.values()];
}

/**
 * The lesion count of `group`, one of the claim's `groups`, with `removed`
 * (a line a quick fix would delete) left out. The first `lesions=` of the
 * procedure's lines is used; later ones that differ, and one above the
 * encounter's count, are conflicts.
 */
export function procedureLesionCount(
  claim: Claim,
  group: ProcedureGroup,
  groups: readonly ProcedureGroup[],
  removed?: ServiceLine,
  conflicts: LesionCountConflict[] = [],
): ProcedureLesionCount {
  const overrides = group.lines.flatMap(({ line }) => (line.lesions && line !== removed ? [line.lesions] : []));
  const [first, ...others] = overrides;
  for (const other of others) {
    if (other.value !== first?.value) {
      conflicts.push({
        field: other,
        message: `lesions=${other.value} disagrees with lesions=${first?.value} on another ${group.procedure} line of this claim; ${first?.value} is used.`,
      });
    }
  }
  const encounter = claim.lesions;
  if (first && encounter && first.value > encounter.value) {
    conflicts.push({
      field: first,
      message: `lesions=${first.value} on a ${group.procedure} line is more than the encounter's lesions: ${encounter.value}; one procedure cannot treat more lesions than the encounter.`,
    });
  }
  if (first) {
    return { known: first };
  }
  if (!encounter) {
    return {};
  }
  // Every procedure billed treats at least one lesion, so an encounter of one lesion is one for each of them.
  return groups.length === 1 || encounter.value === 1 ? { known: encounter } : { atMost: encounter };
}
