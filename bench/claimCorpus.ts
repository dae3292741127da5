/**
 * Generated `.claim` and X12 837P corpora for the benchmark: realistic claims (headers,
 * localization and biopsy lines, office visits) with planted errors, so the
 * rules do real work.
 */
import { type ClaimToWrite, type LineToWrite, writeX12, type X12WriteOptions } from '../server/src/service/x12/x12Writer';

const localizationPairs = [
  ['19281', '19282'],
  ['19283', '19284'],
  ['19285', '19286'],
  ['19287', '19288'],
] as const;

export function generateClaimText(targetBytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let n = 0; size < targetBytes; n++) {
    const [primary, addOn] = localizationPairs[n % localizationPairs.length] ?? ['19283', '19284'];
    const lesions = 1 + (n % 4);
    const side = n % 2 === 0 ? 'RT' : 'LT';
    const lines = [
      `# generated claim ${n}`,
      `claim CLM-BENCH-${String(n).padStart(7, '0')}`,
      `  patient: PATIENT, TEST ${n}`,
      `  dos: 2026-03-${String(1 + (n % 28)).padStart(2, '0')}`,
      `  dx: C50.${side === 'RT' ? '411' : '412'}, R92.8`,
      `  lesions: ${lesions}`,
      '',
      // Every seventh claim lacks its primary; every fifth bills one lesion too few.
      n % 7 === 0 ? '' : `  ${primary}-${side}   x1   $350.00   dx=A`,
      lesions > 1 ? `  ${addOn}-${side}   x${n % 5 === 0 ? lesions - 2 || 1 : lesions - 1}   $400.00   dx=A` : '',
      `  76098-${side}   x1   $90.00   dx=A,B`,
      n % 3 === 0 ? '  99213   x1   $120.00   dx=B' : '',
      '',
    ].filter((line, i, all) => line !== '' || all[i - 1] !== '');
    const text = `${lines.join('\n')}\n`;
    parts.push(text);
    size += text.length;
  }
  return parts.join('');
}

/** An 837P interchange of about `targetBytes`, one transaction, with planted errors like the `.claim` corpus. */
export function generateX12Text(targetBytes: number, options: X12WriteOptions = {}): string {
  const claims: ClaimToWrite[] = [];
  // About 330 bytes per claim of three lines, measured on the writer's output.
  const count = Math.max(1, Math.round(targetBytes / 330));
  for (let n = 0; n < count; n++) {
    const [primary, addOn] = localizationPairs[n % localizationPairs.length] ?? ['19283', '19284'];
    const side = n % 2 === 0 ? 'RT' : 'LT';
    const lines: LineToWrite[] = [
      ...(n % 7 === 0 ? [] : [{ code: primary, modifiers: [side], charge: 350 }]),
      { code: addOn, modifiers: [side], charge: 400, units: n % 5 === 0 ? 1 : 2 },
      { code: '76098', modifiers: [side], charge: 90 },
    ];
    claims.push({ id: `CLM${String(n).padStart(8, '0')}`, diagnoses: [side === 'RT' ? 'C50411' : 'C50412', 'R928'], dos: '2026-03-14', lines });
  }
  return writeX12(claims, options);
}
