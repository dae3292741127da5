/**
 * The conversion commands in the language service: where each `.claim` field
 * goes in the 837P and back, the placeholders and their notes, separators
 * that cut no value, what a `.claim` file cannot hold, and no input that
 * makes either conversion throw.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { placeholderNpi } from '../../../../server/src/service/x12/x12Writer';
import { claimDocumentArb, x12DocumentArb } from '../../../support/documents/fixableDocuments';
import {
  conversionDate,
  conversionService,
  parsed,
  summaries,
  sv1Segments,
  toClaim,
  toX12,
} from '../../../support/checks/conversionChecks';

const seed = Number(process.env.FUZZ_SEED ?? 20261125);
const numRuns = Number(process.env.FUZZ_RUNS ?? 100);

/** The segments of an 837 written with `*` and `~`, one per line. */
function segmentsOf(text: string): string[] {
  return text.split('~\n').filter((segment) => segment !== '');
}

function codesOf(text: string, language: 'claim' | 'x12'): string[] {
  const { document, model } = parsed(text, language);
  return conversionService.doValidation(document, model).map((diagnostic) => String(diagnostic.code));
}

const fullClaim = `# Three lesions, right breast
claim CLM-2026-0001
  patient: DOE, JANE
  provider: SMITH, ANN MD
  dos: 2026-03-14
  dx: C50.411, R92.8
  lesions: 3
  pos: 22

  19283-RT      x1   $350.00   dx=A
  19284-RT 59   x2   $400.50   dx=1,2 dos=2026-03-15 pos=24 lesions=2
`;

describe('conversion: .claim to 837P', () => {
  it('writes each field where the 837P keeps it, every line with its own DTP*472', () => {
    const result = toX12(fullClaim);
    const segments = segmentsOf(result.text);
    const claimPart = segments.slice(
      segments.findIndex((s) => s.startsWith('NM1*IL')),
      segments.findIndex((s) => s.startsWith('SE*')),
    );
    assert.deepEqual(claimPart, [
      'NM1*IL*1*DOE*JANE****MI*MEMBERID',
      'NM1*PR*2*PAYER PLACEHOLDER*****PI*PAYERID',
      'CLM*CLM-2026-0001*750.50***22:B:1*Y*A*Y*Y',
      'NTE*ADD*LESIONS 3',
      'HI*ABK:C50411*ABF:R928',
      `NM1*82*1*SMITH*ANN MD****XX*${placeholderNpi}`,
      'LX*1',
      'SV1*HC:19283:RT*350*UN*1***1',
      'DTP*472*D8*20260314',
      'LX*2',
      'SV1*HC:19284:RT:59*400.50*UN*2*24**1:2',
      'DTP*472*D8*20260315',
      'NTE*ADD*LESIONS 2',
    ]);
    assert.equal(result.language, 'x12');
    assert.ok(
      segments[0]?.startsWith(
        'ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *261125*0930*^*00501*000000001*0*P*:',
      ),
      segments[0],
    );
    assert.equal(segments.at(-3), `SE*${segments.length - 4}*0001`);
  });

  it('gives an 837 our own rules find nothing wrong with, for a clean claim', () => {
    const clean =
      'claim C-1\n  patient: DOE, JANE\n  dos: 2026-03-14\n  dx: C50.411\n  lesions: 3\n  pos: 11\n  19283-RT x1 $350.00 dx=A\n  19284-RT x2 $400.00 dx=A\n';
    assert.deepEqual(codesOf(clean, 'claim'), []);
    assert.deepEqual(codesOf(toX12(clean).text, 'x12'), []);
  });

  it('fills what the .claim does not hold with marked placeholders and lists each in the notes', () => {
    const result = toX12('claim C-9\n  dx: C50.411\n  19283-RT\n');
    const segments = segmentsOf(result.text);
    assert.ok(segments.includes('NM1*IL*1*PATIENT PLACEHOLDER*****MI*MEMBERID'), result.text);
    assert.ok(segments.includes('CLM*C-9*0***11:B:1*Y*A*Y*Y'), result.text);
    // No charge, pointer or date is made up: SV102 is 0, SV107 and DTP*472 are left out.
    assert.ok(segments.includes('SV1*HC:19283:RT*0*UN*1'), result.text);
    assert.equal(segments.filter((s) => s.startsWith('DTP')).length, 0);
    const notes = result.notes.join('\n');
    for (const expected of [
      /No patient: header in C-9: NM1\*IL reads PATIENT PLACEHOLDER/,
      /No pos: header in C-9: CLM05-1.*11/,
      /without a charge in C-9: their SV102, required, is 0, which converts back as \$0\.00/,
      /without dx= in C-9: their SV107/,
      /No date of service in C-9/,
    ]) {
      assert.match(notes, expected);
    }
    for (const placeholder of [
      'SUBMITTERID',
      'RECEIVERID',
      'CONTACT PLACEHOLDER',
      'BILLING PROVIDER PLACEHOLDER',
      placeholderNpi,
      'PAYER PLACEHOLDER',
      'PAYERID',
      'MEMBERID',
    ]) {
      assert.ok(result.text.includes(placeholder), placeholder);
      assert.ok(notes.includes(placeholder), `the notes name ${placeholder}`);
    }
  });

  it('writes the patient as written, never re-cased, and a name without a comma whole as the last name', () => {
    const written = segmentsOf(
      toX12('claim A\n  patient: García López, Ana María\n  19283 $1\nclaim B\n  patient: MRN 0042\n  19283 $1\n').text,
    );
    assert.ok(written.includes('NM1*IL*1*García López*Ana María****MI*MEMBERID'), written.join('\n'));
    assert.ok(written.includes('NM1*IL*1*MRN 0042*****MI*MEMBERID'), written.join('\n'));
  });

  it('leaves out a claim without service lines and names an unnamed claim, saying so', () => {
    const result = toX12('19283 $350 dx=A\n  dx: C50.411\nclaim EMPTY\n  dos: 2026-03-14\nclaim FULL\n  19285 $300\n');
    assert.deepEqual(
      summaries(result.text, 'x12').map((claim) => claim.id),
      ['CLAIM-ID-PLACEHOLDER-1', 'FULL'],
    );
    assert.match(result.notes.join('\n'), /CLM01 is CLAIM-ID-PLACEHOLDER-1/);
    assert.match(result.notes.join('\n'), /Left out, having no service lines.*: EMPTY\./);
  });

  it('chooses separators no value holds, so a claim id or name with * : ^ ~ survives', () => {
    const result = toX12(
      "claim A*1:2\n  patient: O'NEIL^SR, MARY~ANN\n  dos: 2026-03-14\n  dx: C50.411\n  19283 $350 dx=A\n",
    );
    assert.ok(result.text.startsWith('ISA|'), result.text.slice(0, 120));
    assert.deepEqual(
      codesOf(result.text, 'x12').filter((code) => code.startsWith('x12')),
      [],
    );
    const back = summaries(toClaim(result.text).text, 'claim');
    assert.equal(back[0]?.id, 'A*1:2');
    assert.equal(back[0]?.patient, "O'NEIL^SR, MARY~ANN");
  });

  it('notes the comments, suppressions and problems that do not carry over', () => {
    const notes = toX12(
      '# a comment\nclaim A\n  # claim-lint-disable-next-line duplicate-line\n  19283 $1 x0\n',
    ).notes.join('\n');
    assert.match(notes, /Comments \(2 lines\) are not carried over/);
    assert.match(notes, /Suppression comments \(1\) do not carry over/);
    assert.match(notes, /The \.claim file has 1 problem/);
  });

  it('refuses a document of the other format', () => {
    const x12 = parsed(toX12(fullClaim).text, 'x12');
    assert.match(
      conversionService.convertTo837(x12.document, x12.model, conversionDate).refused ?? '',
      /already an X12 837P/,
    );
    const claim = parsed(fullClaim, 'claim');
    assert.match(conversionService.convertToClaim(claim.document, claim.model).refused ?? '', /already a \.claim file/);
    assert.match(toClaim('not an interchange').refused ?? '', /not an X12 interchange/);
  });
});

/** A clearinghouse's 837: a patient loop (HL*23, NM1*QC), a replacement claim, minutes, condition codes, a line note and provider. */
const clearinghouse837 = [
  'ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*PAYER          *260314*1200*^*00501*000000042*0*P*:',
  'GS*HC*CLEARINGHOUSE*PAYER*20260314*1200*42*X*005010X222A1',
  'ST*837*0001*005010X222A1',
  'BHT*0019*00*0001*20260314*1200*CH',
  'NM1*41*2*ACME BILLING*****46*12345',
  'HL*1**20*1',
  'NM1*85*2*BREAST CENTER*****XX*1234567893',
  'HL*2*1*22*1',
  'SBR*P*01*******CI',
  'NM1*IL*1*DOE*JOHN****MI*W123',
  'HL*3*2*23*0',
  'PAT*01',
  'NM1*QC*1*DOE*JANE*Q',
  'CLM*CLM-77*800***22:B:7*Y*A*Y*Y',
  'DTP*431*D8*20260301',
  'NTE*ADD*CALL BEFORE 5',
  'HI*ABK:C50411*ABF:R928*BG:01',
  'LX*1',
  'SV1*HC:19283:RT*350*UN*1***1',
  'DTP*472*D8*20260314',
  'LX*2',
  'SV1*HC:19284:RT*400*MJ*2***1:2',
  'DTP*472*D8*20260316',
  'NM1*82*1*ROE*RICHARD****XX*1234567893',
  'SE*22*0001',
  'GE*1*42',
  'IEA*1*000000042',
].join('~\n');

describe('conversion: 837P to .claim', () => {
  it('refuses a file of 837I transactions, and leaves an 837I group of a mixed file out with a note', () => {
    const professional = toX12(fullClaim).text;
    const institutional = professional.replace(/005010X222A1/g, '005010X223A2');
    assert.match(
      toClaim(institutional).refused ?? '',
      /^This is an 837I institutional claim \(005010X223A2\), not an 837P/,
    );
    // The 837I group (GS...GE) copied into the 837P's interchange, before its IEA.
    const group = institutional.slice(institutional.indexOf('GS*'), institutional.indexOf('IEA*'));
    const mixed = professional.replace('IEA*1*', `${group}IEA*2*`);
    const converted = toClaim(mixed);
    assert.equal(converted.refused, undefined);
    assert.ok(
      converted.notes.includes('Left out: 1 transaction that is not an 837P claim (an 837I institutional claim).'),
      converted.notes.join('\n'),
    );
    assert.equal(converted.text.match(/^claim /gm)?.length, 1);
  });

  it('writes each claim with its id, headers and aligned service lines, the decimal points restored', () => {
    const x12 = toX12(fullClaim).text;
    const text = toClaim(x12).text;
    const body = text.slice(text.indexOf('\nclaim ') + 1);
    assert.equal(
      body,
      [
        'claim CLM-2026-0001',
        '  patient: DOE, JANE',
        '  dos: 2026-03-14',
        '  dx: C50.411, R92.8',
        '  lesions: 3',
        '  pos: 22',
        '  provider: SMITH, ANN MD',
        '',
        '  19283-RT      x1   $350.00   dx=A',
        '  19284-RT-59   x2   $400.50   dx=A,B dos=2026-03-15 pos=24 lesions=2',
        '',
      ].join('\n'),
    );
    assert.ok(text.startsWith('# Converted from an X12 837P file.\n# '), text);
  });

  it('takes the patient from NM1*QC, and lists what a .claim file cannot hold', () => {
    const result = toClaim(clearinghouse837);
    const [claim] = summaries(result.text, 'claim');
    assert.equal(claim?.patient, 'DOE, JANE Q');
    assert.equal(claim?.pos, '22');
    // The lines' dates differ and there is no claim-level date: each line keeps its own.
    assert.deepEqual(
      claim?.lines.map((line) => line.dos),
      ['2026-03-14', '2026-03-16'],
    );
    const notes = result.notes.join('\n');
    for (const expected of [
      /CLM02 differs from the sum of the lines' charges in CLM-77/,
      /SV103 unit bases other than UN .* in CLM-77/,
      /CLM elements other than .* in CLM-77/,
      /HI codes that are not diagnoses .* in CLM-77/,
      /Rendering providers of single service lines .* in CLM-77/,
      /member ids and NPIs/,
      /NM1\*41 \(submitter\), NM1\*85 \(billing provider\), NM1\*82 \(rendering provider\)/,
      /segments: DTP, NTE, PAT, SBR\./,
    ]) {
      assert.match(notes, expected);
    }
    // Notes name segments and claims, never the people in them.
    assert.doesNotMatch(notes, /DOE|JANE|JOHN|ROE|W123/);
  });

  it('writes ICD-9-CM codes with their own decimal point (after E and 3 digits for E codes), with a note', () => {
    const x12 = clearinghouse837.replace('HI*ABK:C50411*ABF:R928*BG:01', 'HI*BK:1749*BF:E8889*BF:V7612*BP:00400');
    const result = toClaim(x12);
    assert.match(result.text, /\n {2}dx: 174\.9, E888\.9, V76\.12\n/);
    const notes = result.notes.join('\n');
    assert.match(notes, /ICD-9-CM codes \(HI qualifiers BK, BF, \.\.\.\) in CLM-77 are carried over/);
    assert.match(notes, /HI codes that are not diagnoses .* in CLM-77/);
    assert.doesNotMatch(toClaim(clearinghouse837).notes.join('\n'), /ICD-9-CM/);
  });

  it('makes the date the lines share the claim dos:, and keeps dos= where a line differs', () => {
    const x12 = toX12('claim D\n  dos: 2026-03-14\n  19283 $1\n  19284 $1\n  76098 $1 dos=2026-03-20\n').text;
    const text = toClaim(x12).text;
    assert.match(text, /\n {2}dos: 2026-03-14\n/);
    assert.equal(text.match(/dos=/g)?.length, 1);
    assert.match(text, /76098 +x1 +\$1\.00 +dos=2026-03-20/);
  });

  it('leaves an SV1 whose code is not letters and digits as a comment, and drops unreadable pointers, with notes', () => {
    const x12 = toX12('claim W\n  dx: C50.411\n  19283 $350 dx=A\n  19284 $400 dx=A\n')
      .text.replace('HC:19284', 'HC:19 284')
      .replace('SV1*HC:19283*350*UN*1***1', 'SV1*HC:19283*350*UN*1***1:X');
    const result = toClaim(x12);
    assert.match(result.text, /\n {2}# An SV1 whose procedure code is not one could not be converted/);
    const [claim] = summaries(result.text, 'claim');
    assert.deepEqual(
      claim?.lines.map((line) => [line.code, line.pointers]),
      [['19283', [0]]],
    );
    assert.match(result.notes.join('\n'), /Unreadable SV107 pointers in W are left out/);
    assert.match(result.notes.join('\n'), /left as comments/);
    assert.match(result.notes.join('\n'), /The 837 has 2 problems when read/);
  });

  it('keeps the 4 modifiers a line carries and says the rest of SV101 is left out: a fifth in SV101-7, or seven', () => {
    const x12 = toX12('claim M\n  dx: C50.411\n  19283-RT $350 dx=A\n  19284-RT $400 dx=A\n').text;
    for (const sv101 of ['HC:19283:RT:LT:59:XS:XU', 'HC:19283:RT:LT:59:XS:XU:76:77']) {
      const result = toClaim(x12.replace('HC:19283:RT', sv101));
      const [claim] = summaries(result.text, 'claim');
      assert.deepEqual(claim?.lines[0]?.modifiers, ['RT', 'LT', '59', 'XS'], sv101);
      assert.match(
        result.notes.join('\n'),
        /SV101 in M carries more than 4 modifiers: a line takes at most 4 \(SV101-3 to SV101-6\), so only those are carried over/,
        sv101,
      );
    }
    for (const sv101 of ['HC:19283:RT:LT:59:XS', 'HC:19283:RT:LT:59:XS:BIOPSY OF TWO SITES', 'HC:19283:RT::::X1']) {
      const notes = toClaim(x12.replace('HC:19283:RT', sv101)).notes.join('\n');
      assert.doesNotMatch(notes, /more than 4 modifiers/, sv101);
    }
  });

  it('reports the fifth modifier of a .claim line and converts the line with its first 4, saying a problem is left out', () => {
    const result = toX12('claim M\n  dx: C50.411\n  19283-RT-LT-59-XS-XU $350 dx=A\n');
    assert.equal(sv1Segments(result.text)[0]?.[0], 'HC:19283:RT:LT:59:XS');
    assert.match(result.notes.join('\n'), /The \.claim file has 1 problem: what could not be read is not converted/);
  });
});

describe('conversion: a charge of $0', () => {
  it('keeps an explicit $0 through .claim -> 837 -> .claim, and tells a line without a charge that it comes back as $0.00', () => {
    const source =
      'claim C-0\n  dos: 2026-03-14\n  dx: C50.411\n  99024 $0 dx=A\n  19283-RT x1 $350.00 dx=A\n  76098 dx=A\n';
    const x12 = toX12(source);
    assert.deepEqual(
      segmentsOf(x12.text).filter((segment) => segment.startsWith('SV1*')),
      ['SV1*HC:99024*0*UN*1***1', 'SV1*HC:19283:RT*350*UN*1***1', 'SV1*HC:76098*0*UN*1***1'],
    );
    // Only the line that gave no charge is named in the note; the $0 line gave one.
    assert.match(
      x12.notes.join('\n'),
      /Service lines without a charge in C-0: their SV102, required, is 0, which converts back as \$0\.00\./,
    );
    const back = toClaim(x12.text);
    assert.deepEqual(
      summaries(back.text, 'claim')[0]?.lines.map((line) => [line.code, line.charge]),
      [
        ['99024', 0],
        ['19283', 350],
        ['76098', 0],
      ],
    );
    assert.match(back.text, /99024 +x1 +\$0\.00 +dx=A/);
  });

  it('reads SV102 0 of an 837 as a charge of $0.00, and an empty SV102 as no charge', () => {
    const x12 = toX12('claim C-1\n  dos: 2026-03-14\n  dx: C50.411\n  99024 $0 dx=A\n  77065 $90 dx=A\n').text.replace(
      'SV1*HC:77065*90*',
      'SV1*HC:77065**',
    );
    const lines = summaries(toClaim(x12).text, 'claim')[0]?.lines ?? [];
    assert.deepEqual(
      lines.map((line) => [line.code, line.charge]),
      [
        ['99024', 0],
        ['77065', undefined],
      ],
    );
  });
});

describe(`conversion: no input makes it throw (seed ${seed}, ${numRuns} cases each; replay with FUZZ_SEED, FUZZ_RUNS)`, () => {
  it('converts any text read as .claim into an 837 whose envelopes are right', () => {
    const texts = fc.oneof(
      claimDocumentArb,
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({
        unit: fc.constantFrom('claim ', 'dx: ', '19283', '-RT', ' x2', ' $3', ' dx=A', '\n', '*', '~', ':', '#', '^'),
        maxLength: 40,
      }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const result = toX12(text);
        // A malformed dx code is reported in both formats (x12-diagnosis-code here), and what the .claim lacks but the
        // 837P requires (a diagnosis, a date of service) by x12-required; the envelope and the layout never are.
        const expected = new Set(['x12-diagnosis-code', 'x12-required']);
        assert.deepEqual(
          codesOf(result.text, 'x12').filter((code) => code.startsWith('x12-') && !expected.has(code)),
          [],
          result.text,
        );
      }),
      { seed, numRuns },
    );
  });

  it('writes any text an 837 element holds (line breaks, #, control characters) so the .claim keeps every claim and line', () => {
    const base = toX12(fullClaim).text;
    const elementText = fc.string({ unit: 'binary', maxLength: 12 }).map((text) => text.replace(/[*:~^]/g, ''));
    const places = ['NM1*IL*1*DOE*', 'CLM*', '***', '*22', 'ABF:', 'NTE*ADD*', '*24'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...places), elementText), { maxLength: 4 }), (insertions) => {
        const x12 = insertions.reduce((text, [place, value]) => text.replace(place, `${place}${value}`), base);
        const claim = toClaim(x12);
        const before = summaries(x12, 'x12');
        const after = summaries(claim.text, 'claim');
        assert.deepEqual(
          after.map((c) => c.lines.map((line) => line.code)),
          before.map((c) => c.lines.map((line) => line.code)),
          claim.text,
        );
      }),
      { seed: seed + 2, numRuns },
    );
  });

  it('converts any 837 (damaged envelopes, CRLF, one line, pipes) into a .claim that converts back', () => {
    const texts = fc.oneof(
      x12DocumentArb,
      x12DocumentArb.chain((text) => fc.nat({ max: text.length }).map((cut) => text.slice(0, cut))),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const claim = toClaim(text);
        // Only a text whose ISA cannot be read is refused (a cut before the end of ISA).
        assert.equal(claim.refused !== undefined, parsed(text, 'x12').model.x12 === undefined);
        assert.equal(summaries(claim.text, 'claim').length, summaries(text, 'x12').length);
        toX12(claim.text);
      }),
      { seed: seed + 1, numRuns },
    );
  });
});
