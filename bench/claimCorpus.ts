/**
 * Generated `.claim` corpora for the benchmark: realistic claims (headers,
 * localization and biopsy lines, office visits) with planted errors, so the
 * rules do real work.
 */
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
