/**
 * `laterality-missing`: A lesion-counted code has no RT or LT, so its side
 * cannot be checked against the diagnosis. Cases that fire (with their range
 * and message) and cases that must not, and its quick fixes.
 */
import * as assert from 'node:assert/strict';
import { writeX12 } from '../../../server/src/service/x12/x12Writer';
import {
  applyAction,
  formatDiagnostic,
  messageOf,
  ruleIds,
  service,
  textAt,
  validateX12,
  x12Document,
} from '../../support/documents/claimDocuments';
import { applyFix, fixTitles, only } from '../../support/checks/ruleFindings';

describe('laterality-missing', () => {
  it('reports a lesion-counted code without RT or LT as information, on the code', () => {
    const text = 'claim A\n 19283 x1\n';
    const diagnostic = only(text, 'laterality-missing');
    assert.equal(diagnostic.severity, 3);
    assert.deepEqual(diagnostic.range, { start: { line: 1, character: 1 }, end: { line: 1, character: 6 } });
    assert.equal(textAt(text, diagnostic), '19283');
    assert.equal(
      messageOf(diagnostic),
      '19283 is counted per lesion: add RT or LT so the side can be checked against the diagnosis.',
    );
  });

  it('reports each line without a side, in an 837 too', () => {
    assert.deepEqual(ruleIds('claim A\n 19081-59\n 19082-RT\n 19125\n'), ['laterality-missing', 'laterality-missing']);
    const text = writeX12([
      { id: 'CLM-1', diagnoses: ['C50411'], dos: '2026-03-14', lines: [{ code: '19283', charge: 350 }] },
    ]);
    const diagnostics = validateX12(text);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['laterality-missing'],
      diagnostics.map(formatDiagnostic).join('\n'),
    );
    assert.equal(x12Document(text).getText(diagnostics[0]?.range), '19283');
  });

  it('does not fire with RT or LT, with 50 (bilateral-modifier reports it), or on codes that are not lesion-counted', () => {
    assert.deepEqual(ruleIds('claim A\n 19283-RT\n 19284-LT\n 19285 RT\nclaim B\n 19081-59-LT\n'), []);
    assert.deepEqual(ruleIds('claim A\n 19283-50\n'), ['bilateral-modifier']);
    assert.deepEqual(ruleIds('claim A\n 76098\n 77065\n 19303\n'), []);
    assert.deepEqual(ruleIds('claim A\n 19290\n'), ['deleted-code']);
  });

  it('offers Add RT and Add LT, neither preferred without a sided diagnosis; each clears it', () => {
    const text = 'claim A\n 19283 x1 $350.00\n';
    assert.deepEqual(fixTitles(text, 'laterality-missing'), [
      ['Add RT', false],
      ['Add LT', false],
    ]);
    const right = applyFix(text, 'laterality-missing', 'Add RT');
    assert.equal(right, 'claim A\n 19283-RT x1 $350.00\n');
    assert.deepEqual(ruleIds(right), []);
    const left = applyFix(text, 'laterality-missing', 'Add LT');
    assert.equal(left, 'claim A\n 19283-LT x1 $350.00\n');
    assert.deepEqual(ruleIds(left), []);
  });

  it('prefers the side of the pointed diagnosis, and lists it first', () => {
    assert.deepEqual(fixTitles('claim A\n dx: C50.411\n 19283 dx=A\n', 'laterality-missing'), [
      ['Add RT', true],
      ['Add LT', false],
    ]);
    const text = 'claim A\n dx: R92.8, N63.20\n 19283 dx=A,B\n';
    assert.deepEqual(fixTitles(text, 'laterality-missing'), [
      ['Add LT', true],
      ['Add RT', false],
    ]);
    const fixed = applyFix(text, 'laterality-missing', 'Add LT');
    assert.equal(fixed, 'claim A\n dx: R92.8, N63.20\n 19283-LT dx=A,B\n');
    assert.deepEqual(ruleIds(fixed), []);
    assert.deepEqual(fixTitles('claim A\n dx: C50.411, C50.412\n 19283 dx=A,B\n', 'laterality-missing'), [
      ['Add RT', false],
      ['Add LT', false],
    ]);
  });

  it('adds the side after the last modifier, joined or written apart', () => {
    assert.equal(applyFix('claim A\n 19283-59 x1\n', 'laterality-missing', 'Add RT'), 'claim A\n 19283-59-RT x1\n');
    const apart = applyFix('claim A\n 19283 59 x1\n', 'laterality-missing', 'Add LT');
    assert.equal(apart, 'claim A\n 19283 59 LT x1\n');
    assert.deepEqual(ruleIds(apart), []);
  });

  it('adds the side as the next SV101 component in an 837, with its separators', () => {
    for (const [separators, expected] of [
      [undefined, 'SV1*HC:19283:59:LT*350'],
      [{ element: '|', component: '>' }, 'SV1|HC>19283>59>LT|350'],
    ] as const) {
      const text = writeX12(
        [
          {
            id: 'CLM-1',
            diagnoses: ['C50412'],
            dos: '2026-03-14',
            lines: [{ code: '19283', modifiers: ['59'], charge: 350 }],
          },
        ],
        separators ? { separators } : {},
      );
      const document = x12Document(text);
      const model = service.parse(document);
      const diagnostics = service.doValidation(document, model);
      const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
      const actions = service
        .getCodeActions(document, model, whole, { diagnostics })
        .filter((a) => a.diagnostics?.some((d) => d.code === 'laterality-missing'));
      assert.deepEqual(
        actions.map((a) => [a.title, a.isPreferred === true]),
        [
          ['Add LT', true],
          ['Add RT', false],
        ],
      );
      const fixed = applyAction(document, actions[0] as (typeof actions)[number]);
      assert.ok(fixed.includes(expected), fixed);
      assert.deepEqual(validateX12(fixed), []);
    }
  });
});
