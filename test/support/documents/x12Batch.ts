/**
 * Multi-transaction 837P batches, as clearinghouses send them: one ISA/GS
 * envelope around many ST...SE transaction sets (the implementation guide
 * recommends at most 5000 claims per transaction). Each transaction is
 * written by `writeX12`, so its segments and SE01 are right; this only
 * renumbers ST02/SE02 and writes the shared envelope with GE01 counting the
 * transactions. Claims carry planted problems so the rules have work to do.
 */
import { type ClaimToWrite, writeX12 } from '../../../server/src/service';

const localizationPairs = [
  ['19281', '19282'],
  ['19283', '19284'],
  ['19285', '19286'],
  ['19287', '19288'],
] as const;

/** Claim `n` of a batch: every seventh lacks its primary code, every fifth bills one lesion too few, every eleventh has a wrong total. */
export function batchClaim(n: number): ClaimToWrite {
  const [primary, addOn] = localizationPairs[n % localizationPairs.length] ?? ['19283', '19284'];
  const side = n % 2 === 0 ? 'RT' : 'LT';
  const lines = [
    ...(n % 7 === 0 ? [] : [{ code: primary, modifiers: [side], charge: 350 }]),
    { code: addOn, modifiers: [side], charge: 400, units: n % 5 === 0 ? 1 : 2 },
    { code: '76098', modifiers: [side], charge: 90 },
  ];
  const claim: ClaimToWrite = {
    id: `CLM${String(n).padStart(9, '0')}`,
    diagnoses: [side === 'RT' ? 'C50411' : 'C50412', 'R928'],
    dos: '2026-03-14',
    lines,
  };
  return n % 11 === 0 ? { ...claim, totalCharge: 1 } : claim;
}

export interface BatchLayout {
  /** One segment per line (default) or the whole interchange on one line. */
  oneLine?: boolean;
}

/** The ST...SE segments (with their terminators and line ends) of one transaction, ST02/SE02 set to `control`. */
export function transactionText(claims: readonly ClaimToWrite[], control: number, layout: BatchLayout = {}): string {
  const text = writeX12(claims, { oneLine: layout.oneLine === true });
  const start = text.indexOf('ST*837*');
  const end = text.indexOf('GE*');
  const controlText = String(control).padStart(4, '0');
  return text
    .slice(start, end)
    .replace(/^ST\*837\*0001\*/, `ST*837*${controlText}*`)
    .replace(/SE\*(\d+)\*0001~/, `SE*$1*${controlText}~`);
}

/** The ISA and GS header of a batch. */
export function batchHeader(layout: BatchLayout = {}): string {
  const text = writeX12([], { oneLine: layout.oneLine === true, date: '2026-03-14' });
  return text.slice(0, text.indexOf('ST*837*'));
}

/** The GE and IEA trailer closing `transactions` transaction sets. */
export function batchTrailer(transactions: number, layout: BatchLayout = {}): string {
  const lineEnd = layout.oneLine === true ? '' : '\n';
  return `GE*${transactions}*1~${lineEnd}IEA*1*000000001~${lineEnd}`;
}

/** A whole batch: `transactions` transaction sets of `claimsPerTransaction` claims each. */
export function x12Batch(transactions: number, claimsPerTransaction: number, layout: BatchLayout = {}): string {
  const parts = [batchHeader(layout)];
  for (let t = 0; t < transactions; t++) {
    const claims = Array.from({ length: claimsPerTransaction }, (_, i) => batchClaim(t * claimsPerTransaction + i));
    parts.push(transactionText(claims, t + 1, layout));
  }
  parts.push(batchTrailer(transactions, layout));
  return parts.join('');
}
