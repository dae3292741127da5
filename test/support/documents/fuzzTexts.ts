/**
 * The inputs of the property tests (`fuzz.test.ts`, `formattingProperty.test.ts`):
 * random `.claim` texts of realistic and hostile lines joined by any line
 * end, the examples with random cuts, insertions and duplications, X12
 * batches (a segment per line and one line) mutated the same way, `ISA`
 * followed by junk, and a 1 MB line.
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
export const anyTexts = fc.oneof(
  claimTexts,
  mutated(claimExample, claimPieces),
  x12Texts,
  fc.constant('x'.repeat(1_000_000)),
);
