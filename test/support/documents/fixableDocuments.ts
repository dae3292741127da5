/**
 * Generated claims (`fixableClaims.ts`) written as whole documents in the
 * layouts coders meet: `.claim` text with either line end, joined or separate
 * modifiers, headers before or after the lines; 837P batches of one or two
 * transactions, a segment per line (LF or CRLF) or all on one line, `*` or
 * `|` separators, with damaged envelope counts, control numbers and
 * decimal points in HI for the X12 integrity fixes.
 */
import fc from 'fast-check';
import { batchHeader, batchTrailer, transactionText } from './x12Batch';
import { type GeneratedClaim, type GeneratedLine, generatedClaimsArb } from './fixableClaims';

export interface ClaimTextLayout {
  eol: '\n' | '\r\n' | '\r';
  indent: string;
  gap: string;
  /** `19283-RT-59`, `19283 RT 59` or `19283-RT 59`. */
  modifierStyle: 'joined' | 'separate' | 'mixed';
  /** The first claim written without its `claim` line (the unnamed claim of a bare list of lines). */
  unnamedFirst: boolean;
  charges: boolean;
  finalEol: boolean;
  headersAfterLines: boolean;
  comments: boolean;
  /** How units are written: `x2`, `x 2` or `×2` (all in claim-format.md). */
  unitsPrefix: 'x' | 'x ' | '×';
  /** A `# note` after each service line. */
  lineComments: boolean;
  /** Suppression comments above some service lines and in some claims. */
  suppressions: boolean;
}

/** Rules a coder silences with a comment; some of them have fixes, so silenced and fixable meet. */
const silenced = ['laterality-missing', 'duplicate-line', 'lesion-units', 'bilateral-modifier', 'primary-units'];

const claimLayoutArb: fc.Arbitrary<ClaimTextLayout> = fc.record({
  eol: fc.constantFrom<ClaimTextLayout['eol']>('\n', '\n', '\r\n', '\r'),
  indent: fc.constantFrom('  ', '', '\t'),
  gap: fc.constantFrom(' ', '   ', '\t'),
  modifierStyle: fc.constantFrom<ClaimTextLayout['modifierStyle']>('joined', 'separate', 'mixed'),
  unnamedFirst: fc.nat({ max: 5 }).map((n) => n === 0),
  charges: fc.boolean(),
  finalEol: fc.nat({ max: 4 }).map((n) => n !== 0),
  headersAfterLines: fc.nat({ max: 4 }).map((n) => n === 0),
  comments: fc.boolean(),
  unitsPrefix: fc.constantFrom<ClaimTextLayout['unitsPrefix']>('x', 'x', 'x ', '×'),
  lineComments: fc.nat({ max: 4 }).map((n) => n === 0),
  suppressions: fc.nat({ max: 4 }).map((n) => n === 0),
});

function serviceLineText(line: GeneratedLine, layout: ClaimTextLayout): string {
  const [first, ...others] = line.modifiers;
  const code =
    layout.modifierStyle === 'mixed' && first !== undefined
      ? [`${line.code}-${first}`, ...others].join(' ')
      : [line.code, ...line.modifiers].join(layout.modifierStyle === 'separate' ? ' ' : '-');
  const fields = [
    code,
    ...(line.units === undefined ? [] : [`${layout.unitsPrefix}${line.units}`]),
    ...(layout.charges ? [`$${Number(line.charge).toFixed(2)}`] : []),
    `dx=${(line.pointers ?? [1]).map((p) => String.fromCharCode(64 + p)).join(',')}`,
    ...(line.dos ? [`dos=${line.dos}`] : []),
    ...(line.lesions ? [`lesions=${line.lesions}`] : []),
    ...(layout.lineComments ? ['# checked'] : []),
  ];
  return `${layout.indent}${fields.join(layout.gap)}`;
}

export function writeClaimDocument(claims: readonly GeneratedClaim[], layout: ClaimTextLayout): string {
  const lines: string[] = [];
  for (const [n, claim] of claims.entries()) {
    if (layout.comments) {
      lines.push(`# ${claim.lines.length} lines`);
    }
    if (n > 0 || !layout.unnamedFirst) {
      lines.push(`claim ${claim.id}`);
    }
    const headers = [
      ...(claim.dos ? [`${layout.indent}dos: ${claim.dos}`] : []),
      `${layout.indent}dx: ${claim.diagnoses.join(', ')}`,
      ...(claim.lesions ? [`${layout.indent}lesions: ${claim.lesions}`] : []),
    ];
    const body = claim.lines.flatMap((line, n) => {
      const comment =
        layout.suppressions && n % 2 === 1
          ? [`${layout.indent}# claim-lint-disable-next-line ${silenced[n % silenced.length] ?? ''} -- reviewed`]
          : [];
      return [...comment, serviceLineText(line, layout)];
    });
    if (layout.suppressions && claim.lines.length % 3 === 0) {
      body.push(`# claim-lint-disable ${silenced[claim.lines.length % silenced.length] ?? ''}`);
    }
    lines.push(...(layout.headersAfterLines ? [...body, ...headers] : [...headers, '', ...body]), '');
  }
  const text = lines.join(layout.eol);
  return layout.finalEol ? text : text.replace(/[\r\n]+$/, '');
}

export interface X12Layout {
  lineEnd: '\n' | '\r\n' | '';
  pipes: boolean;
  transactions: 1 | 2;
  /** Envelope and HI damage, applied in order; each picks one occurrence. */
  damage: X12Damage[];
}

export type X12Damage = {
  kind:
    | 'se01'
    | 'se01-empty'
    | 'se02'
    | 'ge01'
    | 'ge02'
    | 'iea01'
    | 'iea02'
    | 'icd-decimal'
    | 'no-units'
    | 'trailing-component'
    | 'no-final-break';
  which: number;
};

const damageArb: fc.Arbitrary<X12Damage> = fc.record({
  kind: fc.constantFrom<X12Damage['kind']>(
    'se01',
    'se01-empty',
    'se02',
    'ge01',
    'ge02',
    'iea01',
    'iea02',
    'icd-decimal',
    'icd-decimal',
    'no-units',
    'no-units',
    'trailing-component',
    'no-final-break',
  ),
  which: fc.nat({ max: 5 }),
});

const x12LayoutArb: fc.Arbitrary<X12Layout> = fc.record({
  lineEnd: fc.constantFrom<X12Layout['lineEnd']>('\n', '\r\n', ''),
  pipes: fc.nat({ max: 3 }).map((n) => n === 0),
  transactions: fc.constantFrom<1 | 2>(1, 2),
  damage: fc.array(damageArb, { maxLength: 3 }),
});

/** `text` with the `which`-th match of `pattern` (modulo the number of matches) replaced. */
function replaceOne(text: string, pattern: RegExp, which: number, replace: (match: RegExpExecArray) => string): string {
  const matches = [...text.matchAll(new RegExp(pattern.source, 'g'))];
  const match = matches[which % Math.max(1, matches.length)];
  if (!match || match.index === undefined) {
    return text;
  }
  return text.slice(0, match.index) + replace(match) + text.slice(match.index + match[0].length);
}

function damaged(text: string, { kind, which }: X12Damage): string {
  switch (kind) {
    case 'se01':
      return replaceOne(text, /SE\*(\d+)\*/, which, (m) => `SE*${Number(m[1]) + (which % 2 === 0 ? 1 : -1)}*`);
    case 'se02':
      return replaceOne(text, /(SE\*\d+\*)(\d+)~/, which, (m) => `${m[1]}9${m[2]}~`);
    case 'ge01':
      return replaceOne(text, /GE\*(\d+)\*/, which, (m) => `GE*${Number(m[1]) + 1}*`);
    case 'ge02':
      return replaceOne(text, /(GE\*\d+\*)(\d+)~/, which, (m) => `${m[1]}7${m[2]}~`);
    case 'iea01':
      return replaceOne(text, /IEA\*1\*/, which, () => 'IEA*2*');
    case 'iea02':
      return replaceOne(text, /(IEA\*\d+\*)0(\d+)~/, which, (m) => `${m[1]}9${m[2]}~`);
    case 'se01-empty':
      return replaceOne(text, /SE\*\d+\*/, which, () => 'SE**');
    case 'no-units':
      // SV103 and SV104 left out: the line has 1 unit, and a units fix must write both.
      return replaceOne(text, /(SV1\*[^*~]*\*[^*~]*)\*UN\*\d+/, which, (m) => `${m[1]}**`);
    case 'trailing-component':
      return replaceOne(text, /SV1\*HC:[^*~]*/, which, (m) => `${m[0]}:`);
    case 'no-final-break':
      return text.replace(/\n$/, '');
    case 'icd-decimal':
      return replaceOne(
        text,
        /(AB[KF]:)([A-Za-z]\d[0-9A-Za-z])([0-9A-Za-z]{1,4})(?=[*~])/,
        which,
        (m) => `${m[1]}${m[2]}.${m[3]}`,
      );
  }
}

/** The claims as an 837P batch; claims are split between the transactions. */
export function writeX12Document(claims: readonly GeneratedClaim[], layout: X12Layout): string {
  const oneLine = { oneLine: layout.lineEnd === '' };
  const perTransaction = Math.ceil(claims.length / layout.transactions);
  const parts = [batchHeader(oneLine)];
  let transactions = 0;
  for (let start = 0; start < claims.length; start += perTransaction) {
    transactions += 1;
    parts.push(transactionText(claims.slice(start, start + perTransaction), transactions, oneLine));
  }
  parts.push(batchTrailer(transactions, oneLine));
  let text = layout.damage.reduce(damaged, parts.join(''));
  if (layout.lineEnd === '\r\n') {
    text = text.replace(/\n/g, '\r\n');
  }
  // Every `*` and `:` of a written batch is a separator (ISA16 included), so swapping them swaps the separators.
  return layout.pipes ? text.replace(/\*/g, '|').replace(/:/g, '>') : text;
}

export const claimDocumentArb: fc.Arbitrary<string> = fc
  .tuple(generatedClaimsArb, claimLayoutArb)
  .map(([claims, layout]) => writeClaimDocument(claims, layout));
export const x12DocumentArb: fc.Arbitrary<string> = fc
  .tuple(generatedClaimsArb, x12LayoutArb)
  .map(([claims, layout]) => writeX12Document(claims, layout));
