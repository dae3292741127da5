/**
 * Writing claims as `.claim` text (claim-format.md): a `claim` line, the
 * headers, a blank line, then one service line per SV1 with its columns
 * aligned within the claim, as the format's example is laid out.
 */
import { withCents } from '../../text/decimalAmount';

export interface ClaimTextLine {
  code: string;
  modifiers: readonly string[];
  /** As read; written `x<units>`. */
  units: number;
  /** A decimal string as the 837 wrote it, or a number. */
  charge?: number | string;
  /** Zero-based indexes into the claim's diagnoses. */
  pointers: readonly number[];
  dos?: string;
  pos?: string;
  lesions?: number;
  /** Written as a comment instead of a service line: the SV1 could not be read as one. */
  unreadable?: string;
}

export interface ClaimText {
  id: string;
  patient?: string;
  dos?: string;
  diagnoses: readonly string[];
  lesions?: number;
  pos?: string;
  provider?: string;
  lines: readonly ClaimTextLine[];
}

/**
 * A charge as a `.claim` file holds it: `$1200.00`, no thousands commas (display money is `text/wording.ts`);
 * a decimal string keeps digits finer than cents, which the `.claim` file then reports.
 */
function charge(value: number | string): string {
  return `$${typeof value === 'string' ? withCents(value) : value.toFixed(2)}`;
}

/** Pointers as letters (A-Z) as the format's examples write them, or numbers when one is past Z. */
function pointerText(pointers: readonly number[]): string {
  const letters = pointers.every((index) => index < 26);
  return pointers.map((index) => (letters ? String.fromCharCode(65 + index) : String(index + 1))).join(',');
}

function lineColumns(line: ClaimTextLine): string[] {
  const fields = [
    line.pointers.length > 0 ? `dx=${pointerText(line.pointers)}` : '',
    line.dos ? `dos=${line.dos}` : '',
    line.pos ? `pos=${line.pos}` : '',
    line.lesions !== undefined ? `lesions=${line.lesions}` : '',
  ].filter((field) => field !== '');
  return [
    [line.code, ...line.modifiers].join('-'),
    `x${line.units}`,
    line.charge !== undefined ? charge(line.charge) : '',
    fields.join(' '),
  ];
}

function serviceLines(lines: readonly ClaimTextLine[]): string[] {
  const readable = lines.filter((line) => line.unreadable === undefined);
  const columns = readable.map(lineColumns);
  const widths = [0, 1, 2].map((n) => Math.max(0, ...columns.map((row) => (row[n] ?? '').length)));
  let next = 0;
  return lines.map((line) => {
    if (line.unreadable !== undefined) {
      return `  # ${line.unreadable}`;
    }
    const row = columns[next++] ?? [];
    // A column no line of the claim fills (no charges, say) is left out rather than padded.
    const cells = row
      .map((cell, n) => (n < widths.length ? cell.padEnd(widths[n] ?? 0) : cell))
      .filter((_cell, n) => n >= widths.length || (widths[n] ?? 0) > 0);
    return `  ${cells.join('   ')}`.trimEnd();
  });
}

export function writeClaimText(claims: readonly ClaimText[], leadingComments: readonly string[]): string {
  const out = leadingComments.map((comment) => `# ${comment}`);
  for (const claim of claims) {
    if (out.length > 0) {
      out.push('');
    }
    out.push(`claim ${claim.id}`);
    const headers: Array<[string, string | undefined]> = [
      ['patient', claim.patient],
      ['dos', claim.dos],
      ['dx', claim.diagnoses.length > 0 ? claim.diagnoses.join(', ') : undefined],
      ['lesions', claim.lesions !== undefined ? String(claim.lesions) : undefined],
      ['pos', claim.pos],
      ['provider', claim.provider],
    ];
    headers.forEach(([key, value]) => value !== undefined && out.push(`  ${key}: ${value}`));
    if (claim.lines.length > 0) {
      out.push('', ...serviceLines(claim.lines));
    }
  }
  return `${out.join('\n')}\n`;
}
