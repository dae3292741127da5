/**
 * `x12-segment-placement`: A segment stands where the 837P layout does not
 * allow it (wrong loop, out of order, repeated too often), or is not an 837P
 * segment. A clean 837 broken in one place is reported there; clean files stay
 * quiet.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeX12 } from '../../../../server/src/service/x12/x12Writer';
import { messageOf, validateX12 } from '../../../support/documents/claimDocuments';
import { cleanTwoLines, ids, x12Claim, x12TextOf } from '../../../support/checks/ruleFindings';
import { repoRoot } from '../../../support/repoRoot';

const structureRules = ['x12-segment-placement', 'x12-required', 'x12-element', 'x12-hierarchy', 'x12-line-number'];
const structureIds = (text: string) => ids(validateX12(text)).filter((id) => structureRules.includes(id));

describe('x12-segment-placement', () => {
  it('x12-segment-placement: a misplaced or unknown segment is reported, not fatal', () => {
    const misplaced = cleanTwoLines.replace('LX*1~\n', 'LX*1~\nBHT*0019*00*0001*20260314*1200*CH~\n');
    const diagnostics = validateX12(misplaced);
    assert.deepEqual(ids(diagnostics), ['x12-segment-placement', 'x12-segment-count']);
    assert.equal(x12TextOf(misplaced, diagnostics[0]), 'BHT');
    assert.match(
      messageOf(diagnostics[0]),
      /BHT stands in Loop 2400 Service Line Number, but the 837P puts it in the transaction header/,
    );
    const unknown = cleanTwoLines.replace('LX*1~\n', 'LX*1~\nZZZ*1~\n').replace('SE*23*', 'SE*24*');
    assert.deepEqual(ids(validateX12(unknown)), ['x12-segment-placement']);
    const lone = writeX12([x12Claim('CLM-1', [{ code: '19284', modifiers: ['RT'], charge: 400 }])])
      .replace('LX*1~\n', 'LX*1~\nZZZ*1~\n')
      .replace('SE*20*', 'SE*21*');
    assert.deepEqual(ids(validateX12(lone)), ['x12-segment-placement', 'addon-without-primary']);
  });

  it('x12-segment-placement: an ISA after an IEA opens the next interchange; anything else after IEA is reported', () => {
    const second = cleanTwoLines.replace(/000000001/g, '000000002');
    assert.deepEqual(ids(validateX12(cleanTwoLines + second)), []);
    const stray = `${cleanTwoLines}GS*HC*SUBMITTERID*RECEIVERID*20260314*1200*2*X*005010X222A1~\n`;
    assert.ok(ids(validateX12(stray)).includes('x12-segment-placement'));
  });

  it('x12-segment-placement: passes over a transaction that is not an 837P', () => {
    const institutional = cleanTwoLines
      .replace(/005010X222A1/g, '005010X223A2')
      .replace('SV1*HC:19283:RT*350*UN*1***1~', 'SV2*0300*HC:19283*350*UN*1~');
    assert.deepEqual(ids(validateX12(institutional)), ['x12-not-837p']);
  });

  it('reports a segment before one the guide puts ahead of it (N4 before N3)', () => {
    const swapped = cleanTwoLines.replace(
      'N3*ADDRESS PLACEHOLDER~\nN4*CITY*ST*000000000~',
      'N4*CITY*ST*000000000~\nN3*ADDRESS PLACEHOLDER~',
    );
    const diagnostics = validateX12(swapped);
    assert.deepEqual(ids(diagnostics), ['x12-segment-placement']);
    assert.equal(x12TextOf(swapped, diagnostics[0]), 'N3');
    assert.match(messageOf(diagnostics[0]), /N3 is out of order in Loop 2010AA Billing Provider Name/);
  });

  it('reports a segment used more often than its loop allows, once', () => {
    const twice = cleanTwoLines
      .replace('HI*ABK:C50411~\n', 'NTE*ADD*ONE~\nNTE*ADD*TWO~\nHI*ABK:C50411~\n')
      .replace('SE*23*', 'SE*25*');
    const diagnostics = validateX12(twice);
    assert.deepEqual(ids(diagnostics), ['x12-segment-placement']);
    assert.match(messageOf(diagnostics[0]), /Loop 2300 Claim Information allows NTE at most 1 time/);
    assert.equal(diagnostics[0]?.range.start.line, cleanTwoLines.split('\n').indexOf('HI*ABK:C50411~') + 1);
  });

  it('reports a loop repeated more often than the guide allows', () => {
    const lines = Array.from({ length: 51 }, (_, n) => ({ code: '19283', modifiers: ['RT'], charge: 1 + n }));
    const diagnostics = validateX12(writeX12([x12Claim('CLM-1', lines)]));
    const placement = diagnostics.filter((d) => d.code === 'x12-segment-placement');
    assert.equal(placement.length, 1);
    assert.match(messageOf(placement[0]), /Loop 2400 Service Line Number repeats more than 50 times/);
  });

  it('stays quiet on a clean generated 837, a second interchange after IEA and the repository examples', () => {
    assert.deepEqual(structureIds(cleanTwoLines), []);
    const several = writeX12([
      x12Claim('CLM-1', [{ code: '19283', modifiers: ['RT'], charge: 350 }]),
      { ...x12Claim('CLM-2', [{ code: '19081', charge: 300 }]), renderingProvider: { last: 'DOE', first: 'JANE' } },
    ]);
    assert.deepEqual(structureIds(several), []);
    assert.deepEqual(structureIds(`${cleanTwoLines}${cleanTwoLines.replace(/000000001/g, '000000002')}`), []);
    const files = [
      path.join(repoRoot(), 'examples', 'lone-addon.837'),
      ...fs
        .readdirSync(path.join(repoRoot(), 'test', 'editor', 'fixtures', 'workspace', 'x12'))
        .filter((name) => !name.endsWith('.json'))
        .map((name) => path.join(repoRoot(), 'test', 'editor', 'fixtures', 'workspace', 'x12', name)),
      path.join(repoRoot(), 'test', 'editor', 'fixtures', 'workspace', 'two-claims.837'),
      path.join(repoRoot(), 'test', 'editor', 'fixtures', 'workspace', 'one-line.edi'),
    ];
    for (const file of files) {
      const expected = path.basename(file) === 'segment-placement.837' ? ['x12-segment-placement'] : [];
      assert.deepEqual(structureIds(fs.readFileSync(file, 'utf8')), expected, file);
    }
  });
});
