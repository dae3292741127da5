/**
 * The inputs of the property tests (`fuzz.test.ts`, `formattingProperty.test.ts`):
 * random `.claim` texts of realistic and hostile lines joined by any line
 * end, the examples with random cuts, insertions and duplications, X12
 * batches (a segment per line and one line) mutated the same way, `ISA`
 * followed by junk, a 1 MB line, and any of these ending in an unfinished
 * token with no line end after it (`19281-`, `dos=`, `x`, `$`, `SV1*HC:`):
 * what a file is while its last line is being typed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { repoRoot } from '../repoRoot';
import { x12Batch } from './x12Batch';

const claimExample = fs.readFileSync(path.join(repoRoot(), 'examples', 'common-mistakes.claim'), 'utf8');
const x12Example = x12Batch(2, 3);

/** Pieces of claim files and of hostile input, joined by any line end. */
const claimPieces = [
  'claim CLM-1',
  'claim',
  'claim A B C',
  '  dos: 2026-03-14',
  '  dx: C50.411, R92.8',
  '  lesions: 3',
  '  lesions: -1',
  '  19283-RT   x1   $350.00   dx=A',
  '  19284-RT x2 $400 dx=A,B dos=2026-02-30',
  '  19284 x0 $ dx=Z',
  '  ab123-rt-lt-50-59-XS x99999',
  '# claim-lint-disable addon-without-primary -- reviewed',
  '  # claim-lint-disable-next-line not-a-rule',
  '\uFEFF',
  '\u0000\u0001\u007F',
  '😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'ISA*00*',
  'SV1*HC:19284:RT*400*UN*2***1~',
];
const x12Pieces = [
  '~',
  '*',
  ':',
  '^',
  '|',
  '>',
  '\n',
  '\r\n',
  'SV1*HC:19284:RT*400*UN*2***1~',
  'CLM*X*1***11:B:1~',
  'HI*ABK:C50411~',
  'SE*1*0001~',
  'HL*9**22~',
  'LX*1~',
  '\u0000',
  '😀',
  'IEA*1*1~',
];
const lineEnds = ['\n', '\r\n', '\r'];

export const claimTexts = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...claimPieces), fc.string({ maxLength: 30, unit: 'binary' })),
      fc.constantFrom(...lineEnds),
    ),
    { maxLength: 40 },
  )
  .map((lines) => lines.map(([line, end]) => line + end).join(''));

/** The example text with a few random cuts, insertions and duplications. */
export function mutated(base: string, pieces: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(
    fc.nat(),
    fc.nat({ max: 400 }),
    fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 12, unit: 'binary' }), fc.constant('')),
  );
  return fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) =>
    edits.reduce((text, [at, length, insert]) => {
      const start = text.length === 0 ? 0 : at % (text.length + 1);
      return text.slice(0, start) + insert + text.slice(Math.min(text.length, start + length));
    }, base),
  );
}

export const x12Texts = fc.oneof(
  mutated(x12Example, x12Pieces),
  mutated(x12Batch(1, 2, { oneLine: true }), x12Pieces),
  fc.string({ maxLength: 200, unit: 'binary' }).map((junk) => `ISA${junk}`),
);
/** What a token is cut at while it is typed: a modifier's dash, a field's `=`, units, a charge, a separator. */
const danglingMarks = ['-', '=', 'x', '×', '$', ',', ':', '*', '^', '~', '#', ' ', '\t'];
/** Last lines being typed, each ending in a token left unfinished. */
const unfinishedLines = fc.oneof(
  fc.constantFrom(
    '  19281-',
    '  19281-RT-',
    '  19281--',
    '  19281 RT-',
    '  -',
    '  19281 x',
    '  19281 x ',
    '  19281 x2 $',
    '  19281 $1,',
    '  19281 dx=',
    '  19281 dx=A,',
    '  19281 dos=',
    '  19281 dos=2026-',
    '  19281 lesions=',
    '  19281 pos=',
    '  19281 =',
    '  dos:',
    '  dx: C50.411,',
    '  lesions:',
    'claim',
    'claim ',
    '# claim-lint-disable-next-line',
    'SV1*HC:',
    'SV1*HC:19281:',
    'CLM*',
    'HI*ABK:',
  ),
  fc
    .tuple(fc.constantFrom(...claimPieces, ...x12Pieces), fc.nat(), fc.constantFrom(...danglingMarks))
    .map(([piece, cut, mark]) => piece.slice(0, cut % (piece.length + 1)) + mark),
);

/** A text, then a last line ending in an unfinished token and no line end. */
const unfinishedTexts = fc
  .tuple(fc.oneof(claimTexts, mutated(claimExample, claimPieces), x12Texts), unfinishedLines)
  .map(([text, line]) => text + line);

export const anyTexts = fc.oneof(
  claimTexts,
  mutated(claimExample, claimPieces),
  x12Texts,
  unfinishedTexts,
  fc.constant('x'.repeat(1_000_000)),
);
