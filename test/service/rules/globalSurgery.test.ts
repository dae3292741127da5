/**
 * `global-surgery`: an E/M visit (99202-99499) in a procedure's global period
 * without the modifier that takes it out. Invented procedure codes with their
 * global days: 99950 (000), 99951 (010), 99952 (090); the visits are E/M
 * codes by range (99213), never described.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { writeX12 } from '../../../server/src/service';
import { isEvaluationAndManagement } from '../../../server/src/service/rules/globalSurgery';
import { x12Claim } from '../../support/checks/ruleFindings';
import { messageOf, ruleIds } from '../../support/documents/claimDocuments';
import { documentOf, findingsOf, serviceWith } from '../../support/inMemoryOfficialData';

const service = serviceWith({
  fees: [
    { code: '99950', globalDays: '000' },
    { code: '99951', globalDays: '010' },
    { code: '99952', globalDays: '090' },
    { code: '99953', globalDays: 'XXX' },
  ],
});
const findings = (text: string) => findingsOf(service, text, 'global-surgery');
/** A claim of a procedure on 2026-03-10 and a visit on `visitDate`. */
const claim = (procedure: string, visitDate: string, visit = '99213') =>
  `claim A\n  dos: 2026-03-10\n  ${procedure}\n  ${visit} dos=${visitDate}\n`;

describe('global-surgery', () => {
  it('tells E/M codes by range: 99202-99499', () => {
    assert.deepEqual(['99201', '99202', '99213', '99499', '99500', '9921F', 'G0279'].map(isEvaluationAndManagement), [
      false,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('reports a visit on the day of a minor procedure without 25, on the visit, as a warning', () => {
    for (const procedure of ['99950', '99951']) {
      const [diagnostic, ...rest] = findings(claim(procedure, '2026-03-10'));
      assert.equal(rest.length, 0);
      assert.equal(diagnostic?.severity, 2);
      assert.equal(diagnostic?.range.start.line, 3);
      assert.match(
        messageOf(diagnostic),
        new RegExp(
          `^99213 is on the day of ${procedure}, a minor procedure .*then add 25\\. The record must support it\\.$`,
        ),
      );
    }
    assert.deepEqual(findings(claim('99951', '2026-03-10', '99213-25')), []);
  });

  it('reports a visit on the day of or the day before a major procedure without 57; 25 is not enough', () => {
    assert.match(
      messageOf(findings(claim('99952', '2026-03-10'))[0]),
      /on the day of 99952, a major procedure .*add 57/,
    );
    assert.match(messageOf(findings(claim('99952', '2026-03-09'))[0]), /the day before 99952/);
    assert.equal(findings(claim('99952', '2026-03-10', '99213-25')).length, 1);
    assert.deepEqual(findings(claim('99952', '2026-03-09', '99213-57')), []);
    assert.deepEqual(findings(claim('99952', '2026-03-08')), [], 'two days before is outside the package');
  });

  it('reports a visit in the postoperative days without 24, 78 or 79, up to the last day of the period', () => {
    assert.match(messageOf(findings(claim('99951', '2026-03-11'))[0]), /postoperative day 1 of 99951 \(global 010/);
    assert.match(messageOf(findings(claim('99951', '2026-03-20'))[0]), /postoperative day 10 of 99951/);
    assert.deepEqual(findings(claim('99951', '2026-03-21')), []);
    assert.match(messageOf(findings(claim('99952', '2026-06-08'))[0]), /postoperative day 90 of 99952/);
    assert.deepEqual(findings(claim('99952', '2026-06-09')), []);
    assert.deepEqual(findings(claim('99950', '2026-03-11')), [], '000 has no postoperative days');
    for (const modifier of ['24', '78', '79']) {
      assert.deepEqual(findings(claim('99952', '2026-04-01', `99213-${modifier}`)), [], modifier);
    }
  });

  it('says nothing for codes without a global period, visits without a date, or without the fee schedule', () => {
    assert.deepEqual(findings(claim('99953', '2026-03-10')), []);
    assert.deepEqual(findings('claim A\n  99951\n  99213\n'), []);
    assert.ok(!ruleIds(claim('99951', '2026-03-10')).includes('global-surgery'));
  });

  it('offers to add the modifier, and the fix clears the finding', () => {
    const text = claim('99952', '2026-03-10');
    const document = documentOf(text);
    const model = service.parse(document);
    const diagnostics = service.doValidation(document, model);
    const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
    const [action, ...rest] = service
      .getCodeActions(document, model, whole, { diagnostics })
      .filter((a) => a.diagnostics?.some((d) => d.code === 'global-surgery'));
    assert.equal(rest.length, 0);
    assert.equal(action?.title, 'Add 57, if the record supports it');
    const fixed = TextDocument.applyEdits(document, action?.edit?.changes?.[document.uri] ?? []);
    assert.match(fixed, /99213-57 dos=2026-03-10/);
    assert.deepEqual(findings(fixed), []);
  });

  it('checks 837 claims', () => {
    const text = writeX12([
      x12Claim('CLM-1', [
        { code: '99951', modifiers: [], charge: 100 },
        { code: '99213', modifiers: [], charge: 90 },
      ]),
    ]);
    assert.equal(findings(text).length, 1);
  });
});
