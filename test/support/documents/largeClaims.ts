/**
 * Claims larger than a streaming chunk: many service lines, each with a note,
 * and a finding planted on most lines (codes in neither the bundled data nor
 * `plantedDescriptorFile`, some diagnosis pointers past the list), so a line
 * the stream failed to check shows as a missing finding, and a claim cut in
 * two as a false claim total. The codes are invented numbers of CPT's shape
 * (unknown-code reads CPT codes only against a loaded descriptor file).
 */
import type { ClaimToWrite } from '../../../server/src/service';
import { batchHeader, batchTrailer, transactionText } from './x12Batch';

export interface LargeClaimShape {
  /** Service lines of the claim. */
  lines: number;
  /** Characters of the note on each line (0 for none). */
  noteLength: number;
}

function lineCode(claim: number, line: number): string {
  return `${line % 2 === 0 ? '8' : '7'}${String(9000 + ((claim * 61 + line) % 1000)).padStart(4, '0')}`;
}

/** Claim `n` with the given shape, as the 837 writer takes it. */
export function largeX12Claim(n: number, shape: LargeClaimShape): ClaimToWrite {
  const lines = Array.from({ length: shape.lines }, (_, line) => ({
    code: lineCode(n, line),
    modifiers: [line % 2 === 0 ? 'RT' : 'LT'],
    charge: 10 + line,
    pointers: [1 + (line % 3)],
    ...(shape.noteLength > 0 ? { notes: [`LINE ${line} ${'X'.repeat(shape.noteLength)}`] } : {}),
  }));
  return { id: `BIG${String(n).padStart(6, '0')}`, diagnoses: ['C50411', 'R928'], dos: '2026-03-14', lines };
}

/** One interchange of one transaction holding claims of the given shapes. */
export function largeClaimsX12(shapes: readonly LargeClaimShape[]): string {
  const claims = shapes.map((shape, n) => largeX12Claim(n, shape));
  return batchHeader() + transactionText(claims, 1) + batchTrailer(1);
}

/** The same claims in the `.claim` format, with a comment and a blank line before each. */
export function largeClaimsText(shapes: readonly LargeClaimShape[]): string {
  return shapes
    .map((shape, n) => {
      const claim = largeX12Claim(n, shape);
      const lines = claim.lines.map(
        (line) =>
          `  ${line.code}-${line.modifiers?.[0] ?? ''}   x1   $${line.charge}.00   dx=${'ABC'[(line.pointers?.[0] ?? 1) - 1]}` +
          (shape.noteLength > 0 ? `   # ${'n'.repeat(shape.noteLength)}` : ''),
      );
      return `# claim ${n}\nclaim ${claim.id}\n  dos: 2026-03-14\n  dx: C50.411, R92.8\n${lines.join('\n')}\n\n`;
    })
    .join('');
}

/**
 * A licensed descriptor file (as `descriptorFiles` of a `.claimlintrc.json` names it) that holds none of the
 * line codes: with it loaded, `unknown-code` reports every line.
 */
export const plantedDescriptorFile = 'code,descriptor\n99901,A DESCRIPTOR WRITTEN FOR THE TESTS\n';

/** One 837 file of one claim of 40 lines, about 5 KB. */
export const fortyLineClaim = (): string => largeClaimsX12([{ lines: 40, noteLength: 60 }]);
