/**
 * `x12-element`: an element holds what the 837P guide allows: its type and
 * length, a date that exists (DTP03 read by DTP02), a code of the list the
 * guide fixes in that loop. SV101-2 is a HCPCS code only under SV101-1 HC.
 */
import * as assert from 'node:assert/strict';
import { messageOf, validateX12 } from '../../../support/documents/claimDocuments';
import { cleanTwoLines, ids, x12TextOf } from '../../../support/checks/ruleFindings';

function changed(from: string, to: string): string {
  assert.ok(cleanTwoLines.includes(from), from);
  return cleanTwoLines.replace(from, to);
}

/** Both lines' service dates changed alike, so the claim rules, which compare them, stay quiet. */
function dated(to: string): string {
  return cleanTwoLines.replaceAll('DTP*472*D8*20260314', to);
}

describe('x12-element', () => {
  it('x12-element: a date that does not exist in DTP03 (D8), on the date', () => {
    const text = dated('DTP*472*D8*20261399');
    const diagnostics = validateX12(text);
    assert.deepEqual(ids(diagnostics), ['x12-element', 'x12-element']);
    assert.equal(x12TextOf(text, diagnostics[0]), '20261399');
    assert.equal(
      messageOf(diagnostics[0]),
      'Loop 2400 Service Line Number: DTP03 (date time period) is not a date that exists (D8: CCYYMMDD).',
    );
    assert.deepEqual(ids(validateX12(dated('DTP*472*D8*20250229'))), ['x12-element', 'x12-element']);
    assert.deepEqual(ids(validateX12(dated('DTP*472*D8*20240229'))), []);
  });

  it('reads DTP03 by DTP02: RD8 is two dates, the first not after the second', () => {
    assert.deepEqual(ids(validateX12(dated('DTP*472*RD8*20260301-20260314'))), []);
    const backwards = validateX12(dated('DTP*472*RD8*20260314-20260301'));
    assert.deepEqual(ids(backwards), ['x12-element', 'x12-element']);
    assert.match(messageOf(backwards[0]), /ends before it starts/);
    const format = validateX12(dated('DTP*472*DT*20260314'));
    assert.deepEqual(ids(format), ['x12-element', 'x12-element']);
    assert.match(
      messageOf(format[0]),
      /DTP02 \(date time period format qualifier\) is 'DT'; the 837P allows D8, RD8 here/,
    );
  });

  it('reports a qualifier the loop does not allow: DTP01 472 in loop 2300, SV101-1 other than HC/ER/IV/WK', () => {
    const claimDate = validateX12(
      changed('HI*ABK:C50411~', 'DTP*472*D8*20260314~\nHI*ABK:C50411~').replace('SE*23*', 'SE*24*'),
    );
    assert.deepEqual(ids(claimDate), ['x12-element']);
    assert.match(messageOf(claimDate[0]), /^Loop 2300 Claim Information: DTP01 \(date\/time qualifier\) is '472'/);
    const qualifier = changed('SV1*HC:19284:RT', 'SV1*ZZ:19284:RT');
    const diagnostics = validateX12(qualifier);
    assert.ok(diagnostics.some((d) => d.code === 'x12-element' && x12TextOf(qualifier, d) === 'ZZ'));
    assert.match(
      messageOf(diagnostics.find((d) => d.code === 'x12-element')),
      /SV101-1 \(product\/service id qualifier\) is 'ZZ'; the 837P allows ER, HC, IV, WK here/,
    );
  });

  it('does not read SV101-2 as a CPT or HCPCS code under another qualifier (WK)', () => {
    const text = changed('SV1*HC:19284:RT*400', 'SV1*WK:ABC-12*400');
    const codes = ids(validateX12(text));
    assert.ok(!codes.includes('code-shape'), codes.join(', '));
    assert.ok(!codes.includes('x12-element'), codes.join(', '));
  });

  it('reports a charge that is not an amount and a value longer than its element', () => {
    const charge = changed('CLM*CLM-1*750*', 'CLM*CLM-1*7X0*');
    assert.ok(ids(validateX12(charge)).includes('x12-element'));
    assert.match(
      messageOf(validateX12(charge).find((d) => d.code === 'x12-element')),
      /CLM02 \(total claim charge amount\) is not a decimal number/,
    );
    const state = validateX12(changed('N4*CITY*ST*', 'N4*CITY*STATE*'));
    assert.deepEqual(ids(state), ['x12-element']);
    assert.match(messageOf(state[0]), /N402 \(state or province code\) is 5 characters long; it may have at most 2/);
  });

  it('reads numbers as X12 writes them: no exponent, hex, plus sign or thousands separator', () => {
    for (const [value, quoted] of [
      ['0x10', true],
      ['1e308', true],
      ['1E3', true],
      ['+1', true],
      ['1,200', true],
      ['1.2.3', false],
      ['2026-03-14', false],
      ['-', false],
      ['.', false],
      ['ONE', false],
    ] as const) {
      const text = changed('SV1*HC:19284:RT*400*UN*1*', `SV1*HC:19284:RT*400*UN*${value}*`);
      const diagnostics = validateX12(text);
      assert.deepEqual(ids(diagnostics), ['x12-element'], value);
      assert.equal(x12TextOf(text, diagnostics[0]), value);
      assert.equal(
        messageOf(diagnostics[0]),
        `Loop 2400 Service Line Number: SV104 (service unit count) ${quoted ? `is '${value}', which is not` : 'is not'} a decimal number: X12 writes a number as digits with an optional leading minus and one decimal point, without exponent, hex digits, plus sign or thousands separators.`,
        value,
      );
    }
    for (const value of ['2', '2.', '.5', '0.5', '-0', '000000000000002']) {
      const text = changed('SV1*HC:19284:RT*400*UN*1*', `SV1*HC:19284:RT*400*UN*${value}*`);
      assert.ok(!ids(validateX12(text)).includes('x12-element'), value);
    }
  });

  it('an amount that is not a decimal is not added: CLM02 1e3 and SV102 0x190 are reported once each, not totalled', () => {
    const text = changed('CLM*CLM-1*750*', 'CLM*CLM-1*1e3*').replace('SV1*HC:19284:RT*400*', 'SV1*HC:19284:RT*0x190*');
    assert.deepEqual(ids(validateX12(text)), ['x12-element', 'x12-element']);
  });

  it('an amount has at most 2 decimal places and 18 digits', () => {
    const cents = validateX12(changed('SV1*HC:19284:RT*400*', 'SV1*HC:19284:RT*400.005*'));
    assert.ok(
      cents.some((d) =>
        /SV102 \(line item charge amount\) has 3 decimal places; an amount has at most 2/.test(messageOf(d)),
      ),
    );
    const digits = validateX12(changed('SV1*HC:19284:RT*400*', `SV1*HC:19284:RT*${'9'.repeat(19)}*`));
    assert.ok(
      digits.some((d) =>
        /SV102 \(line item charge amount\) is 19 digits long; it may have at most 18/.test(messageOf(d)),
      ),
    );
    assert.ok(!ids(validateX12(changed('SV1*HC:19284:RT*400*', 'SV1*HC:19284:RT*400.00*'))).includes('x12-element'));
  });

  it('reports components past the last the 837P defines, on them, and not separators alone', () => {
    const text = changed('SV1*HC:19284:RT*', 'SV1*HC:19284:RT:LT:59:XS:DESCRIPTION:76:77*');
    const diagnostics = validateX12(text).filter((d) => d.code === 'x12-element');
    assert.equal(diagnostics.length, 1);
    assert.equal(x12TextOf(text, diagnostics[0]), '76:77');
    assert.equal(
      messageOf(diagnostics[0]),
      'Loop 2400 Service Line Number: SV101 (composite medical procedure identifier) has 9 components; the 837P defines 7, so SV101-8 on are not read.',
    );
    const trailing = changed('SV1*HC:19284:RT*', 'SV1*HC:19284:RT:LT:59:XS:DESCRIPTION::*');
    assert.ok(!ids(validateX12(trailing)).includes('x12-element'));
  });

  it('stays quiet on the clean 837', () => {
    assert.deepEqual(ids(validateX12(cleanTwoLines)), []);
  });
});
