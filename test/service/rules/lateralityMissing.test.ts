/**
 * The claim scrubber's rules (issue 5): for each, a case that fires (range
 * and message), a case that must not, and its quick fixes where it has any.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { readDescriptorFile } from '../../../server/src/service/reference/descriptorFile';
import { getLanguageService } from '../../../server/src/service/languageService';
import { diagnosisSide } from '../../../server/src/service/rules/laterality';
import { writeX12 } from '../../../server/src/service/x12/x12Writer';
import {
  applyAction,
  claimDocument,
  formatDiagnostic,
  messageOf,
  quickFixes,
  ruleIds,
  service,
  textAt,
  validate,
  validateX12,
  x12Document,
} from '../../support/documents/claimDocuments';

function only(text: string, ruleId: string): Diagnostic {
  const diagnostics = validate(text);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    [ruleId],
    diagnostics.map(formatDiagnostic).join('\n'),
  );
  const [diagnostic] = diagnostics;
  assert.ok(diagnostic);
  return diagnostic;
}

function fixTitles(text: string, ruleId: string): Array<[string, boolean]> {
  return quickFixes(claimDocument(text))
    .filter((action) => action.diagnostics?.some((d) => d.code === ruleId))
    .map((action) => [action.title, action.isPreferred === true]);
}

function applyFix(text: string, ruleId: string, title: string): string {
  const document = claimDocument(text);
  const action = quickFixes(document).find(
    (candidate) => candidate.title === title && candidate.diagnostics?.some((d) => d.code === ruleId),
  );
  assert.ok(action, `a fix titled ${title}`);
  return applyAction(document, action);
}

describe('scrubber rules', () => {
  describe('deleted-code', () => {
    it('reports 19290 as an error on the code, naming its replacements by modality', () => {
      const text = 'claim A\n 19290-RT\n';
      const diagnostic = only(text, 'deleted-code');
      assert.equal(diagnostic.severity, 1);
      assert.equal(textAt(text, diagnostic), '19290');
      assert.equal(
        messageOf(diagnostic),
        '19290 was deleted in 2014; report 19281 (mammographic), 19283 (stereotactic), 19285 (ultrasound), 19287 (mri) instead.',
      );
    });

    it('offers one fix per replacement, none preferred, and each clears the error', () => {
      const text = 'claim A\n 19290-RT\n';
      assert.deepEqual(fixTitles(text, 'deleted-code'), [
        ['Replace 19290 with 19281 (mammographic)', false],
        ['Replace 19290 with 19283 (stereotactic)', false],
        ['Replace 19290 with 19285 (ultrasound)', false],
        ['Replace 19290 with 19287 (mri)', false],
      ]);
      const fixed = applyFix(text, 'deleted-code', 'Replace 19290 with 19283 (stereotactic)');
      assert.equal(fixed, 'claim A\n 19283-RT\n');
      assert.deepEqual(ruleIds(fixed), []);
    });

    it('prefers the fix when there is a single replacement', () => {
      assert.deepEqual(fixTitles('claim A\n 77032\n', 'deleted-code'), [
        ['Replace 77032 with 19281 (mammographic)', true],
      ]);
    });

    it('does not fire on current codes', () => {
      assert.deepEqual(ruleIds('claim A\n 19283-RT\n 19281-LT\n'), []);
    });
  });

  describe('biopsy-with-localization', () => {
    it('warns on a localization device placed on the side of a biopsy', () => {
      const text = 'claim A\n 19081-RT\n 19283-RT\n';
      const diagnostic = only(text, 'biopsy-with-localization');
      assert.equal(diagnostic.severity, 2);
      assert.equal(textAt(text, diagnostic), '19283');
      assert.equal(diagnostic.range.start.line, 2);
      assert.match(
        messageOf(diagnostic),
        /^19081 already includes localization device placement and specimen imaging.*59 or XS/,
      );
    });

    it('warns on specimen imaging 76098 when either line has no side', () => {
      const text = 'claim A\n 19083-LT\n 76098\n';
      const diagnostic = only(text, 'biopsy-with-localization');
      assert.equal(textAt(text, diagnostic), '76098');
    });

    it('accepts opposite sides, 59 or XS, and localization without a biopsy', () => {
      assert.deepEqual(ruleIds('claim A\n 19081-RT\n 19283-LT\n'), []);
      assert.deepEqual(ruleIds('claim A\n 19081-RT\n 19283-RT-XS\n'), []);
      assert.deepEqual(ruleIds('claim A\n 19081-RT\n 19283-RT-59\n'), []);
      assert.deepEqual(ruleIds('claim A\n 19283-RT\n 76098\n'), []);
    });
  });

  describe('bilateral-modifier', () => {
    it('warns on 50 on a lesion-counted code, on the modifier', () => {
      const text = 'claim A\n 19283-50\n';
      const diagnostic = only(text, 'bilateral-modifier');
      assert.equal(diagnostic.severity, 2);
      assert.equal(textAt(text, diagnostic), '50');
      assert.match(
        messageOf(diagnostic),
        /lesions are counted with the add-on code, and sides are shown with RT or LT/,
      );
    });

    it('offers RT and LT, neither preferred', () => {
      const text = 'claim A\n 19283-50\n';
      assert.deepEqual(fixTitles(text, 'bilateral-modifier'), [
        ['Replace 50 with RT', false],
        ['Replace 50 with LT', false],
      ]);
      const fixed = applyFix(text, 'bilateral-modifier', 'Replace 50 with LT');
      assert.equal(fixed, 'claim A\n 19283-LT\n');
      assert.deepEqual(ruleIds(fixed), []);
    });

    it('found: replaces a 50 written twice as a whole, so the warning goes (joined and separate modifiers)', () => {
      // The property test's counterexample: replacing only the first 50 left the line warned about.
      assert.equal(
        applyFix('claim A\n 19282-50-59-50 x1\n', 'bilateral-modifier', 'Replace 50 with RT'),
        'claim A\n 19282-RT-59 x1\n',
      );
      const fixed = applyFix('claim A\n 19283 50  50 x1\n', 'bilateral-modifier', 'Replace 50 with LT');
      assert.equal(fixed, 'claim A\n 19283 LT x1\n');
      assert.deepEqual(ruleIds(fixed), []);
    });

    it('does not fire on 50 on a code that is not lesion-counted', () => {
      assert.deepEqual(ruleIds('claim A\n 19303-50\n'), []);
    });
  });

  describe('laterality-mismatch', () => {
    it('reads the side of C50 from its sixth character and of N63 from its fourth', () => {
      assert.equal(diagnosisSide('C50.411'), 'RT');
      assert.equal(diagnosisSide('C50412'), 'LT');
      assert.equal(diagnosisSide('C50.421'), 'RT');
      assert.equal(diagnosisSide('C50.919'), undefined);
      assert.equal(diagnosisSide('N63.10'), 'RT');
      assert.equal(diagnosisSide('N6320'), 'LT');
      assert.equal(diagnosisSide('N63.0'), undefined);
      assert.equal(diagnosisSide('R92.8'), undefined);
    });

    it('warns on LT pointing at a right-breast diagnosis, on the modifier', () => {
      const text = 'claim A\n dx: C50.411\n 19283-LT dx=A\n';
      const diagnostic = only(text, 'laterality-mismatch');
      assert.equal(diagnostic.severity, 2);
      assert.equal(textAt(text, diagnostic), 'LT');
      assert.equal(
        messageOf(diagnostic),
        'LT (left) contradicts the pointed diagnosis C50.411, which is the right breast.',
      );
    });

    it('reads 837 diagnoses without the decimal point', () => {
      const text = writeX12([
        {
          id: 'CLM-1',
          diagnoses: ['C50412'],
          dos: '2026-03-14',
          lines: [{ code: '19283', modifiers: ['RT'], charge: 350 }],
        },
      ]);
      const diagnostics = validateX12(text);
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        ['laterality-mismatch'],
        diagnostics.map(formatDiagnostic).join('\n'),
      );
      assert.match(messageOf(diagnostics[0]), /C50412, which is the left breast/);
    });

    it('accepts a matching side, a diagnosis with no side, and a line with no side', () => {
      assert.deepEqual(ruleIds('claim A\n dx: C50.412, N63.20\n 19283-LT dx=A,B\n'), []);
      assert.deepEqual(ruleIds('claim A\n dx: R92.8\n 19283-LT dx=A\n'), []);
      assert.deepEqual(ruleIds('claim A\n dx: C50.411\n 19303 dx=A\n'), []);
      assert.deepEqual(ruleIds('claim A\n dx: C50.411, C50.412\n 19283-LT dx=A,B\n'), []);
    });
  });

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
      assert.deepEqual(ruleIds('claim A\n 19081-59\n 19082-RT\n 19125\n'), [
        'laterality-missing',
        'laterality-missing',
      ]);
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

  describe('unknown-code', () => {
    it('reports a well-formed code the data does not know as information', () => {
      const text = 'claim A\n 19238\n';
      const diagnostic = only(text, 'unknown-code');
      assert.equal(diagnostic.severity, 3);
      assert.equal(textAt(text, diagnostic), '19238');
      assert.equal(messageOf(diagnostic), '19238 (CPT Category I) is not in the loaded data; check for a typo.');
    });

    it('does not report a code a loaded descriptor file knows, and hovers it with that descriptor', () => {
      const licensed = getLanguageService({
        descriptorSources: [readDescriptorFile('19238,LICENSED DESCRIPTOR', 'org.csv').source],
      });
      const document = TextDocument.create('file:///licensed.claim', 'claim', 1, 'claim A\n 19238\n');
      const model = licensed.parse(document);
      assert.deepEqual(
        licensed.doValidation(document, model).map((d) => d.code),
        [],
      );
      const hover = licensed.doHover(document, model, { line: 1, character: 2 });
      const text = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
      assert.match(text, /LICENSED DESCRIPTOR/);
      assert.match(text, /org\.csv/);
    });

    it('does not report known codes or malformed ones (code-shape does)', () => {
      assert.deepEqual(ruleIds('claim A\n 19283-RT\n'), []);
      assert.deepEqual(ruleIds('claim A\n 1928\n'), ['code-shape']);
    });
  });

  describe('duplicate-line', () => {
    it('warns on the second line with the same code, modifiers in any order and date', () => {
      const text = 'claim A\n dos: 2026-03-14\n 19283-RT-59\n 19283-59-RT x1\n';
      const diagnostic = only(text, 'duplicate-line');
      assert.equal(diagnostic.severity, 2);
      assert.equal(textAt(text, diagnostic), '19283-59-RT x1');
      assert.match(messageOf(diagnostic), /repeats service line 1 of this claim/);
    });

    it('offers removing the duplicate, not preferred', () => {
      const text = 'claim A\n 19283-RT\n 19283-RT\n';
      assert.deepEqual(fixTitles(text, 'duplicate-line'), [['Remove this duplicate 19283-RT line', false]]);
      const fixed = applyFix(text, 'duplicate-line', 'Remove this duplicate 19283-RT line');
      assert.equal(fixed, 'claim A\n 19283-RT\n');
      assert.deepEqual(ruleIds(fixed), []);
    });

    it('accepts other modifiers, another date, or another claim', () => {
      assert.deepEqual(ruleIds('claim A\n 19283-RT\n 19283-LT\n'), []);
      assert.deepEqual(ruleIds('claim A\n dos: 2026-03-14\n 19283-RT\n 19283-RT dos=2026-03-15\n'), []);
      assert.deepEqual(ruleIds('claim A\n 19283-RT\nclaim B\n 19283-RT\n'), []);
    });
  });

  describe('missing-dx-pointer', () => {
    it('reports a line without a pointer when the claim has a dx list, as information', () => {
      const text = 'claim A\n dx: C50.411\n 19283-RT dx=A\n 19303\n';
      const diagnostic = only(text, 'missing-dx-pointer');
      assert.equal(diagnostic.severity, 3);
      assert.equal(textAt(text, diagnostic), '19303');
      assert.match(messageOf(diagnostic), /no diagnosis pointer.*C50\.411/);
    });

    it('says nothing without a dx list, or when every line points', () => {
      assert.deepEqual(ruleIds('claim A\n 19283-RT\n'), []);
      assert.deepEqual(ruleIds('claim A\n dx: C50.411\n 19283-RT dx=A\n'), []);
    });
  });
});
