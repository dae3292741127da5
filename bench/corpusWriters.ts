/**
 * Planned claims rendered as text, a chunk at a time so a corpus of a million
 * service lines is written to disk without ever being one string in memory.
 *
 * The 837P is one interchange and one functional group holding several ST-SE
 * transactions of at most 5000 claims each (the 837P guide's recommendation).
 * `writeX12` writes a whole one-transaction interchange per call, so each
 * batch's ST..SE is taken from its output and renumbered here; the envelope
 * (ISA, GS) comes from the first call and GE/IEA are written at the end with
 * the transaction count.
 */
import { type ClaimToWrite, writeX12 } from '../server/src/service';
import type { PlannedClaim } from './claimPlan';

export type CorpusFormat = 'claim' | 'x12';

export const maxClaimsPerTransaction = 5000;

const lineLetters = 'ABCDEFGHIJKL';

function claimTextOf(claim: PlannedClaim): string {
  const lines = [
    `# generated claim ${claim.index}`,
    `claim CLM-BENCH-${String(claim.index).padStart(7, '0')}`,
    `  patient: PATIENT, TEST ${claim.index}`,
    `  dos: ${claim.dos}`,
    `  dx: ${claim.diagnoses.join(', ')}`,
    `  lesions: ${claim.lesions}`,
    '',
  ];
  for (const line of claim.lines) {
    const code = [line.code, ...line.modifiers].join('-');
    const pointers = line.pointers.map((pointer) => lineLetters[pointer - 1] ?? '?').join(',');
    lines.push(`  ${code.padEnd(11)}x${line.units}   $${line.charge.toFixed(2)}   dx=${pointers}`);
  }
  return `${lines.join('\n')}\n\n`;
}

/** `.claim` text in chunks of many claims (fewer, larger writes). */
export function* claimTextChunks(claims: Iterable<PlannedClaim>, claimsPerChunk = 2000): Generator<string> {
  let chunk: string[] = [];
  for (const claim of claims) {
    chunk.push(claimTextOf(claim));
    if (chunk.length === claimsPerChunk) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length > 0) {
    yield chunk.join('');
  }
}

function toClaimToWrite(claim: PlannedClaim): ClaimToWrite {
  return {
    id: `CLM${String(claim.index).padStart(8, '0')}`,
    diagnoses: claim.diagnoses,
    dos: claim.dos,
    lines: claim.lines.map((line) => ({
      code: line.code,
      modifiers: line.modifiers,
      charge: line.charge,
      units: line.units,
      pointers: line.pointers,
    })),
    ...(claim.wrongTotalCharge === undefined ? {} : { totalCharge: claim.wrongTotalCharge }),
  };
}

/** ST02 and SE02 of the transaction set to its control number; the rest as the writer made it. */
function renumberedTransaction(segmentLines: readonly string[], controlNumber: string): string {
  const renumbered = segmentLines.map((segment, i) => {
    const isFirst = i === 0;
    const isLast = i === segmentLines.length - 1;
    if (!isFirst && !isLast) {
      return segment;
    }
    // ST02 and SE02 are both the third element: ST*837*0001*..., SE*count*0001.
    const elements = segment.slice(0, -1).split('*');
    elements[2] = controlNumber;
    return `${elements.join('*')}~`;
  });
  return `${renumbered.join('\n')}\n`;
}

/** One 837P interchange, yielded as ISA+GS, then each transaction, then GE+IEA. */
export function* x12Chunks(claims: Iterable<PlannedClaim>): Generator<string> {
  const writeOptions = { controlNumber: 1, date: '2026-03-14' };
  let trailer = '';
  let transactions = 0;
  const flush = function* (batch: ClaimToWrite[]): Generator<string> {
    const segmentLines = writeX12(batch, writeOptions)
      .split('\n')
      .filter((line) => line !== '');
    const stIndex = segmentLines.findIndex((line) => line.startsWith('ST*'));
    const seIndex = segmentLines.findIndex((line) => line.startsWith('SE*'));
    if (stIndex < 0 || seIndex < stIndex) {
      throw new Error('writeX12 output has no ST..SE transaction');
    }
    if (transactions === 0) {
      yield `${segmentLines.slice(0, stIndex).join('\n')}\n`;
      // GE01 (transactions) and IEA are written once the count is known; GE02 and IEA02 repeat GS06 and ISA13.
      const [ge, iea] = segmentLines.slice(seIndex + 1);
      trailer = `${ge ?? ''}\n${iea ?? ''}\n`;
    }
    transactions++;
    yield renumberedTransaction(segmentLines.slice(stIndex, seIndex + 1), String(transactions).padStart(4, '0'));
  };
  let batch: ClaimToWrite[] = [];
  for (const claim of claims) {
    batch.push(toClaimToWrite(claim));
    if (batch.length === maxClaimsPerTransaction) {
      yield* flush(batch);
      batch = [];
    }
  }
  if (batch.length > 0) {
    yield* flush(batch);
  }
  yield trailer.replace(/^GE\*1\*/, `GE*${transactions}*`);
}

export function corpusChunks(format: CorpusFormat, claims: Iterable<PlannedClaim>): Iterable<string> {
  return format === 'claim' ? claimTextChunks(claims) : x12Chunks(claims);
}
