/**
 * Generated `.claim` documents using every field the format has, for the
 * conversion round trips: patient, provider, pos, dos, dx and lesions
 * headers (each sometimes absent), and service lines with up to four
 * modifiers, units, charges (sometimes none), pointers as letters or
 * numbers (sometimes none), and their own dos=, pos= and lesions=. Claim
 * ids and names sometimes hold an X12 separator (`*`, `:`, `^`, `~`).
 */
import fc from 'fast-check';

const codes = [
  '19081',
  '19083',
  '19281',
  '19282',
  '19283',
  '19284',
  '19285',
  '19286',
  '19287',
  '19288',
  '76098',
  '77065',
  'G0279',
  '0694T',
  '3014F',
];
const modifiers = ['RT', 'LT', '59', 'XS', '50', '26', 'TC', '76', 'GA'];
const diagnoses = ['C50.411', 'C50.412', 'R92.8', 'N63.10', 'N63.20', 'Z12.31', 'D05.11', 'C50911'];
const dates = ['2026-03-14', '2026-03-15', '2025-12-31'];
const names = [
  'DOE, JANE',
  'ROE, RICHARD A',
  'SMITH',
  "O'NEIL, MARY",
  'GARCÍA LÓPEZ, ANA',
  'STAR*LIGHT, ANN',
  'LEE, KIM^JR',
];
const providers = ['SMITH, ANN MD', 'JONES', 'NGUYEN, BAO'];

const lineArb = fc.record({
  code: fc.constantFrom(...codes),
  modifiers: fc.subarray(modifiers, { maxLength: 4 }),
  joined: fc.boolean(),
  units: fc.option(fc.integer({ min: 1, max: 9999 }), { freq: 3 }),
  // $0.00 included: a no-charge line is billed at 0, and the trip keeps it.
  cents: fc.option(fc.integer({ min: 0, max: 99_999_999 }), { freq: 5 }),
  pointers: fc.array(fc.nat({ max: 3 }), { maxLength: 4 }),
  numbers: fc.boolean(),
  dos: fc.option(fc.constantFrom(...dates), { freq: 3 }),
  pos: fc.option(fc.constantFrom('11', '22', '24'), { freq: 4 }),
  lesions: fc.option(fc.integer({ min: 1, max: 9 }), { freq: 4 }),
});

type Line = typeof lineArb extends fc.Arbitrary<infer T> ? T : never;

const claimArb = fc.record({
  id: fc.constantFrom('CLM-2026-0001', 'A1', 'CLM*7', 'X:Y', 'CLM~9', 'C^1', '#5'),
  patient: fc.option(fc.constantFrom(...names), { freq: 3 }),
  provider: fc.option(fc.constantFrom(...providers), { freq: 2 }),
  pos: fc.option(fc.constantFrom('11', '22', '19'), { freq: 2 }),
  dos: fc.option(fc.constantFrom(...dates), { freq: 4 }),
  diagnoses: fc.subarray(diagnoses, { maxLength: 4 }),
  lesions: fc.option(fc.integer({ min: 1, max: 9 }), { freq: 2 }),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 5 }),
});

type GeneratedClaim = typeof claimArb extends fc.Arbitrary<infer T> ? T : never;

function lineText(line: Line): string {
  const code = line.joined ? [line.code, ...line.modifiers].join('-') : [line.code, ...line.modifiers].join(' ');
  const pointers = line.pointers.map((index) => (line.numbers ? String(index + 1) : String.fromCharCode(65 + index)));
  return [
    code,
    line.units !== null ? `x${line.units}` : '',
    line.cents !== null ? `$${(line.cents / 100).toFixed(2)}` : '',
    pointers.length > 0 ? `dx=${pointers.join(',')}` : '',
    line.dos !== null ? `dos=${line.dos}` : '',
    line.pos !== null ? `pos=${line.pos}` : '',
    line.lesions !== null ? `lesions=${line.lesions}` : '',
  ]
    .filter((field) => field !== '')
    .join(' ');
}

function claimText(claim: GeneratedClaim): string {
  const headers = [
    claim.patient !== null ? `patient: ${claim.patient}` : '',
    claim.dos !== null ? `dos: ${claim.dos}` : '',
    claim.diagnoses.length > 0 ? `dx: ${claim.diagnoses.join(', ')}` : '',
    claim.lesions !== null ? `lesions: ${claim.lesions}` : '',
    claim.pos !== null ? `pos: ${claim.pos}` : '',
    claim.provider !== null ? `provider: ${claim.provider}` : '',
  ].filter((header) => header !== '');
  // `claim #5` would make the id a comment: such an id is written as `claim N#5`.
  const id = claim.id.startsWith('#') ? `N${claim.id}` : claim.id;
  return [
    `claim ${id}`,
    ...headers.map((header) => `  ${header}`),
    ...claim.lines.map((line) => `  ${lineText(line)}`),
  ].join('\n');
}

export const conversionClaimArb: fc.Arbitrary<string> = fc
  .array(claimArb, { minLength: 1, maxLength: 4 })
  .map((claims) => `${claims.map(claimText).join('\n\n')}\n`);
