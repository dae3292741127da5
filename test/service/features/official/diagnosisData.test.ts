/**
 * Diagnoses with an ICD-10-CM code set loaded: hover shows the description of
 * the edition for the claim's date (both formats); completion offers codes by
 * prefix and by words, with the point in `.claim` and without in an 837; and
 * laterality is read from the official description for every code.
 */
import * as assert from 'node:assert/strict';
import type { Hover, Position } from 'vscode-languageserver-types';
import { type ClaimLanguageService, writeX12 } from '../../../../server/src/service';
import { x12Claim } from '../../../support/checks/ruleFindings';
import { messageOf } from '../../../support/documents/claimDocuments';
import { completeAt, documentOf, findingsOf, serviceWith } from '../../../support/inMemoryOfficialData';
import { twoIcd10Years } from '../../../support/officialFixtures';

const service = serviceWith(twoIcd10Years);

function at(text: string, marker: string, offset = 0): { text: string; position: Position } {
  const document = documentOf(text);
  return { text, position: document.positionAt(text.indexOf(marker) + offset) };
}

function hoverText(on: ClaimLanguageService, text: string, marker: string): string {
  const document = documentOf(text);
  const hover: Hover | null = on.doHover(document, on.parse(document), at(text, marker, 1).position);
  const contents = hover?.contents;
  return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

describe('diagnoses with an ICD-10-CM code set loaded', () => {
  describe('hover', () => {
    it('shows the description of the edition for the claim date on a dx: code', () => {
      const text = 'claim A\n  dos: 2026-03-14\n  dx: R92.8, C50.411\n  G0279 dx=A\n';
      const hover = hoverText(service, text, 'C50.411');
      assert.match(hover, /Malignant neoplasm of upper-outer quadrant of right female breast \*\(ICD-10-CM FY2026\)\*/);
      assert.match(hoverText(service, text.replace('2026-03-14', '2025-03-14'), 'C50.411'), /ICD-10-CM FY2025/);
    });

    it('names the pointed diagnosis with its description on a dx= pointer', () => {
      const text = 'claim A\n  dos: 2026-03-14\n  dx: R92.8, C50.411\n  G0279 dx=B\n';
      const document = documentOf(text);
      const hover = service.doHover(document, service.parse(document), document.positionAt(text.indexOf('dx=B') + 3));
      const value =
        hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
      assert.match(
        value,
        /^\*\*Diagnosis pointer B\*\* → \*\*C50\.411\*\* · Malignant neoplasm of upper-outer quadrant of right female breast/,
      );
    });

    it('says a header code is not billable and names its billable children', () => {
      const hover = hoverText(service, 'claim A\n  dos: 2026-03-14\n  dx: C50.41\n', 'C50.41');
      assert.match(hover, /A header code, not billable\*\*: it needs 1 more character, e\.g\. `C50\.411`, `C50\.412`/);
    });

    it('says a code is not one of the edition', () => {
      assert.match(
        hoverText(service, 'claim A\n  dos: 2025-03-14\n  dx: X99.01\n', 'X99.01'),
        /Not a code of ICD-10-CM FY2025/,
      );
    });

    it('shows the description on an 837 HI code, by the claim date', () => {
      const text = writeX12([x12Claim('CLM-1', [{ code: 'G0279', modifiers: [], charge: 50 }], ['C50411'])]);
      assert.match(hoverText(service, text, 'C50411'), /right female breast \*\(ICD-10-CM FY2026\)\*/);
    });

    it('shows no description without a code set', () => {
      const text = 'claim A\n  dx: C50.411\n';
      assert.doesNotMatch(hoverText(serviceWith({}), text, 'C50.411'), /Malignant/);
    });
  });

  describe('completion', () => {
    it('offers codes by prefix in a dx: list, billable and header, with the point', () => {
      const list = completeAt(service, 'claim A\n  dos: 2026-03-14\n  dx: R92.8, C50.4|\n');
      assert.deepEqual(
        list.items.map((item) => item.label),
        ['C50.4', 'C50.411', 'C50.412', 'C50.419'],
      );
      const [, billable] = list.items;
      assert.equal(billable?.textEdit && 'range' in billable.textEdit ? billable.textEdit.newText : '', 'C50.411');
      assert.equal(billable?.labelDetails?.description, 'Malig neo upr-outr quad r fem');
    });

    it('offers codes by words of their description', () => {
      const list = completeAt(service, 'claim A\n  dos: 2026-03-14\n  dx: malignant upper outer right breast|\n');
      assert.deepEqual(
        list.items.map((item) => item.label),
        ['C50.411'],
      );
      const edit = list.items[0]?.textEdit;
      assert.deepEqual(edit && 'range' in edit ? edit.range : undefined, {
        start: { line: 2, character: 6 },
        end: { line: 2, character: 40 },
      });
    });

    it('offers only the edition of the claim date', () => {
      assert.deepEqual(completeAt(service, 'claim A\n  dos: 2025-03-14\n  dx: X99|\n').items, []);
      assert.deepEqual(
        completeAt(service, 'claim A\n  dos: 2026-03-14\n  dx: X99|\n').items.map((i) => i.label),
        ['X99.01'],
      );
    });

    it('offers codes without the point after an ICD-10-CM qualifier in HI', () => {
      const text = writeX12([x12Claim('CLM-1', [{ code: 'G0279', modifiers: [], charge: 50 }], ['R928'])]);
      const list = completeAt(service, text.replace('HI*ABK:R928', 'HI*ABK:R928*ABF:C5041|'));
      const newTexts = list.items.map((item) =>
        item.textEdit && 'range' in item.textEdit ? item.textEdit.newText : '',
      );
      assert.deepEqual(newTexts, ['C5041', 'C50411', 'C50412', 'C50419']);
    });

    it('offers nothing in a dx: list without a code set, or in another header', () => {
      assert.deepEqual(completeAt(serviceWith({}), 'claim A\n  dx: C50|\n').items, []);
      assert.deepEqual(completeAt(service, 'claim A\n  pos: C50|\n').items, []);
    });
  });

  describe('laterality from the official descriptions', () => {
    it('reads the side of any code: a knee, as well as a breast', () => {
      const text = 'claim A\n  dos: 2026-03-14\n  dx: M17.12\n  G0279-RT dx=A\n';
      const [diagnostic] = findingsOf(service, text, 'laterality-mismatch');
      assert.equal(
        messageOf(diagnostic),
        'RT (right) contradicts the pointed diagnosis M17.12, whose ICD-10-CM description names the left side.',
      );
      assert.deepEqual(findingsOf(service, text.replace('M17.12', 'M17.11'), 'laterality-mismatch'), []);
      assert.deepEqual(findingsOf(serviceWith({}), text, 'laterality-mismatch'), [], 'the hand list has no knees');
    });

    it('names no side for "bilateral", and none for left or right as part of an organ', () => {
      for (const code of ['M17.0', 'I50.1']) {
        const text = `claim A\n  dos: 2026-03-14\n  dx: ${code}\n  G0279-RT dx=A\n`;
        assert.deepEqual(findingsOf(service, text, 'laterality-mismatch'), [], code);
      }
    });

    it('keeps the bundled breast table for a code the edition does not hold', () => {
      const text = 'claim A\n  dos: 2026-03-14\n  dx: N63.20\n  19283-RT x1 dx=A\n';
      assert.match(messageOf(findingsOf(service, text, 'laterality-mismatch')[0]), /which is the left breast/);
    });
  });
});
