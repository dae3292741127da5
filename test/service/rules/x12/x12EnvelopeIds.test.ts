/**
 * `x12-envelope-ids`: GS01 is not HC in a group of 837P claims, or ST03 is
 * missing or differs from GS08; 005010X222 (before its errata) is checked and
 * warned about.
 */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { messageOf, validateX12 } from '../../../support/documents/claimDocuments';
import { cleanTwoLines, ids, x12TextOf } from '../../../support/checks/ruleFindings';

describe('x12-envelope-ids', () => {
  it('x12-envelope-ids: GS01 other than HC is reported on GS01, once per group', () => {
    const text = cleanTwoLines.replace('GS*HC*', 'GS*HP*');
    const diagnostics = validateX12(text);
    assert.deepEqual(ids(diagnostics), ['x12-envelope-ids']);
    assert.equal(x12TextOf(text, diagnostics[0]), 'HP');
    assert.match(messageOf(diagnostics[0]), /GS01 is not HC \(HP\)/);
  });

  it('x12-envelope-ids: ST03 that differs from GS08, or is missing, is reported on ST03 or ST', () => {
    const differs = cleanTwoLines.replace('ST*837*0001*005010X222A1~', 'ST*837*0001*005010X222A2~');
    const diagnostics = validateX12(differs);
    assert.deepEqual(ids(diagnostics), ['x12-envelope-ids']);
    assert.equal(x12TextOf(differs, diagnostics[0]), '005010X222A2');
    assert.match(messageOf(diagnostics[0]), /ST03 \(005010X222A2\) differs from GS08 \(005010X222A1\)/);
    const missing = cleanTwoLines.replace('ST*837*0001*005010X222A1~', 'ST*837*0001~');
    const missingFindings = validateX12(missing);
    assert.deepEqual(ids(missingFindings), ['x12-envelope-ids']);
    assert.equal(x12TextOf(missing, missingFindings[0]), 'ST');
  });

  it('x12-envelope-ids: GS08 with a space before the guide is reported on ST03: a receiver compares them as written', () => {
    const spaced = cleanTwoLines.replace('*X*005010X222A1~', '*X* 005010X222A1~');
    const diagnostics = validateX12(spaced);
    assert.deepEqual(ids(diagnostics), ['x12-envelope-ids']);
    assert.equal(x12TextOf(spaced, diagnostics[0]), '005010X222A1');
    assert.match(
      messageOf(diagnostics[0]),
      /GS08 ' 005010X222A1' and ST03 '005010X222A1' name the same guide, but with spaces/,
    );
  });

  it('x12-envelope-ids: a group of 005010X222, without its errata, is checked, with one warning on GS08', () => {
    const text = cleanTwoLines.replace(/005010X222A1/g, '005010X222').replace('CLM*CLM-1*750*', 'CLM*CLM-1*999*');
    const diagnostics = validateX12(text);
    assert.deepEqual(ids(diagnostics), ['x12-envelope-ids', 'x12-claim-total']);
    assert.equal(diagnostics[0]?.severity, DiagnosticSeverity.Warning);
    assert.equal(x12TextOf(text, diagnostics[0]), '005010X222');
    assert.equal(diagnostics[0]?.range.start.line, 1, 'on GS08');
    // Two transactions in the group: still one warning.
    const lines = text.split('\n');
    const transaction = lines.slice(2, -3);
    const twice = [...lines.slice(0, 2), ...transaction, ...transaction, 'GE*2*1~', 'IEA*1*000000001~'].join('\n');
    assert.deepEqual(
      ids(validateX12(twice)).filter((id) => id === 'x12-envelope-ids'),
      ['x12-envelope-ids'],
    );
  });

  it('x12-envelope-ids: stays quiet on a right envelope, X222A2 in both, and a refused transaction', () => {
    assert.deepEqual(ids(validateX12(cleanTwoLines)), []);
    assert.deepEqual(ids(validateX12(cleanTwoLines.replace(/005010X222A1/g, '005010X222A2'))), []);
    const institutional = cleanTwoLines.replace('GS*HC*', 'GS*XX*').replace(/005010X222A1/g, '005010X223A2');
    assert.deepEqual(ids(validateX12(institutional)), ['x12-not-837p']);
  });
});
