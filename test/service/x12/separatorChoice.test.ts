/**
 * An 837 whose ISA names control characters as separators (FS, GS, RS, US,
 * BEL: some systems write them because no data holds them) is read and
 * checked like one written with '*', ':' and '~': the separators are not
 * taken for binary junk. A property test writes random batches with random
 * separators and compares every finding with the same batch written with the
 * usual ones. Delimiters that cannot work (a letter, a digit, a space, one
 * character for two roles) are refused with a finding that says why.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-types';
import { defaultSettings } from '../../../server/src/service';
import { formatDiagnostic, messageOf, validateX12 } from '../../support/documents/claimDocuments';
import { x12DocumentArb } from '../../support/documents/fixableDocuments';

const seed = Number(process.env.FUZZ_SEED ?? 20261206);
const numRuns = Number(process.env.FUZZ_RUNS ?? 150);
const settings = { ...defaultSettings, maxNumberOfProblems: 1e6 };

const clean =
  'ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *260314*1200*^*00501*000000001*0*P*:~\n' +
  'GS*HC*SUBMITTERID*RECEIVERID*20260314*1200*1*X*005010X222A1~\n' +
  'ST*837*0001*005010X222A1~\n' +
  'BHT*0019*00*0001*20260314*1200*CH~\n' +
  'NM1*41*2*SUBMITTER PLACEHOLDER*****46*SUBMITTERID~\n' +
  'PER*IC*CONTACT PLACEHOLDER*TE*5555550100~\n' +
  'NM1*40*2*RECEIVER PLACEHOLDER*****46*RECEIVERID~\n' +
  'HL*1**20*1~\n' +
  'NM1*85*2*BILLING PROVIDER PLACEHOLDER*****XX*1234567893~\n' +
  'N3*ADDRESS PLACEHOLDER~\n' +
  'N4*CITY*ST*000000000~\n' +
  'REF*EI*000000000~\n' +
  'HL*2*1*22*0~\n' +
  'SBR*P*18*******CI~\n' +
  'NM1*IL*1*PATIENT PLACEHOLDER*****MI*MEMBERID~\n' +
  'NM1*PR*2*PAYER PLACEHOLDER*****PI*PAYERID~\n' +
  'CLM*CLM-1*750***11:B:1*Y*A*Y*Y~\n' +
  'HI*ABK:C50411~\n' +
  'LX*1~\n' +
  'SV1*HC:19283:RT*350*UN*1***1~\n' +
  'DTP*472*D8*20260314~\n' +
  'LX*2~\n' +
  'SV1*HC:19284:RT*400*UN*1***1~\n' +
  'DTP*472*D8*20260314~\n' +
  'SE*23*0001~\n' +
  'GE*1*1~\n' +
  'IEA*1*000000001~\n';

interface Separators {
  element: string;
  component: string;
  repetition: string;
  segment: string;
}

/** The text with its '*', ':', '^' and '~' (every one a separator in the texts used here) replaced. */
function withSeparators(text: string, { element, component, repetition, segment }: Separators): string {
  return text.replace(/[*:^~]/g, (c) => ({ '*': element, ':': component, '^': repetition, '~': segment })[c] ?? c);
}

/** Each finding with the end of its range, which formatDiagnostic leaves out. */
const findings = (diagnostics: Diagnostic[]) =>
  diagnostics.map((d) => `${formatDiagnostic(d)} to ${d.range.end.line + 1}:${d.range.end.character + 1}`);

/** Characters that can separate: control characters systems use for it, and punctuation no batch here holds. */
const separatorChars = ['\x1c', '\x1d', '\x1e', '\x1f', '\x07', '\x01', '\x7f', '|', '>', '!', '`', '{'];

const separatorsArb: fc.Arbitrary<Separators> = fc
  .uniqueArray(fc.constantFrom(...separatorChars), { minLength: 4, maxLength: 4 })
  .map(([element = '', component = '', repetition = '', segment = '']) => ({
    element,
    component,
    repetition,
    segment,
  }));

describe('separators the ISA names', () => {
  it('a batch separated by GS, US, RS and FS is checked like one separated by *, : ^ and ~', () => {
    const control = withSeparators(clean.replace('SV1*HC:19283:RT*350', 'SV1*HC:19283:RT*0x10'), {
      element: '\x1d',
      component: '\x1f',
      repetition: '\x1e',
      segment: '\x1c',
    });
    const usual = findings(validateX12(clean.replace('SV1*HC:19283:RT*350', 'SV1*HC:19283:RT*0x10'), settings));
    assert.ok(
      usual.some((finding) => finding.includes('x12-element')),
      'the planted SV102 is reported',
    );
    assert.deepEqual(findings(validateX12(control, settings)), usual);
    assert.deepEqual(
      findings(
        validateX12(
          withSeparators(clean, { element: '\x07', component: '\x1f', repetition: '\x1e', segment: '\n' }),
          settings,
        ),
      ),
      [],
    );
  });

  it('any separators that can work give the findings of the usual ones, at the same places', () => {
    fc.assert(
      fc.property(x12DocumentArb, separatorsArb, (text, separators) => {
        fc.pre(!separatorChars.some((c) => text.includes(c)));
        const usual = findings(validateX12(text, settings));
        assert.deepEqual(findings(validateX12(withSeparators(text, separators), settings)), usual);
      }),
      { seed, numRuns },
    );
  });

  it('refuses separators that cannot work, saying which and why', () => {
    const refusal = (separators: Separators) => {
      const diagnostics = validateX12(withSeparators(clean, separators), settings);
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        ['x12-envelope'],
      );
      return messageOf(diagnostics[0]);
    };
    const usual = { element: '*', component: ':', repetition: '^', segment: '~' };
    assert.match(refusal({ ...usual, component: ' ' }), /ISA16, the component separator, is ' '/);
    assert.match(
      refusal({ ...usual, segment: ' ' }),
      /the segment terminator, is ' '.*not be a letter, digit or space/,
    );
    assert.match(refusal({ ...usual, component: '\x1d', segment: '\x1d' }), /the segment terminator, is U\+001D/);
    assert.match(refusal({ ...usual, repetition: ':' }), /ISA11, the repetition separator, is ':'/);
    assert.match(refusal({ ...usual, repetition: '~' }), /ISA11, the repetition separator, is '~'/);
  });
});
