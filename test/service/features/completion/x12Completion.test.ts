/**
 * Completion in X12 837P files (issue 4): procedure codes in SV101-2,
 * modifiers after the component separator in SV101-3 to SV101-6, segment ids
 * at the start of a segment, with the file's own separators (also `|` and
 * `>` in a one-line file), and nothing elsewhere.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type CompletionItem, CompletionItemKind, type CompletionList, type Range } from 'vscode-languageserver-types';
import { bundledCodes } from '../../../../server/src/service/reference/bundledCodes';
import { CodeReference } from '../../../../server/src/service/reference/codeReference';
import { bundledModifiers } from '../../../../server/src/service/reference/modifiers';
import { codeMarkdown } from '../../../../server/src/service/reference/codeDocs';
import { doX12Complete } from '../../../../server/src/service/features/completion/x12Completion';
import type { ClaimDocumentModel } from '../../../../server/src/service/model/model';
import { parseX12Text } from '../../../../server/src/service/x12/x12ClaimParser';
import { type ClaimToWrite, writeX12 } from '../../../../server/src/service/x12/x12Writer';

const reference = new CodeReference({ codes: bundledCodes, modifiers: bundledModifiers });

const claim: ClaimToWrite = {
  id: 'CLM-1',
  diagnoses: ['C50.411'],
  dos: '2026-03-14',
  lines: [{ code: '19283', modifiers: ['RT'], charge: 350 }],
};

const file = writeX12([claim]);

interface Completion {
  list: CompletionList;
  labels: string[];
  item: (label: string) => CompletionItem;
  /** The document text with the item's edit applied. */
  apply: (label: string) => string;
  /** The text the item's edit replaces. */
  replaced: (label: string) => string;
}

/**
 * Completion at the `¦` in `text` (a mark no X12 separator here uses). The
 * model is parsed from `modelText` when given: it may be a keystroke old.
 */
function completeAt(textWithCursor: string, modelText?: string, model?: ClaimDocumentModel): Completion {
  const offset = textWithCursor.indexOf('¦');
  assert.notEqual(offset, -1, 'the text has a cursor mark');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const document = TextDocument.create('file:///test/claims.837', 'x12', 1, text);
  const list = doX12Complete(
    document,
    model ?? parseX12Text(modelText ?? text),
    document.positionAt(offset),
    reference,
  );
  const item = (label: string): CompletionItem => {
    const found = list.items.find((i) => i.label === label);
    assert.ok(found, `${label} is offered; got ${list.items.map((i) => i.label).join(', ')}`);
    return found;
  };
  const rangeOf = (label: string): Range => {
    const edit = item(label).textEdit;
    assert.ok(edit && 'range' in edit, 'the item has a text edit with a range');
    return edit.range;
  };
  return {
    list,
    labels: list.items.map((i) => i.label),
    item,
    apply: (label) => {
      const range = rangeOf(label);
      return text.slice(0, document.offsetAt(range.start)) + label + text.slice(document.offsetAt(range.end));
    },
    replaced: (label) => document.getText(rangeOf(label)),
  };
}

/** The file with the SV1 segment replaced by `segment` (which holds the cursor mark). */
function withSv1(segment: string, text = file): string {
  const start = text.indexOf('SV1*');
  const end = text.indexOf('~', start);
  assert.ok(start !== -1 && end !== -1);
  return text.slice(0, start) + segment + text.slice(end);
}

describe('X12 completion', () => {
  describe('procedure codes in SV101-2', () => {
    it('offers 19281-19288 for SV1*HC:1928, each with its summary and code documentation', () => {
      const completion = completeAt(withSv1('SV1*HC:1928¦'));
      assert.deepEqual(completion.labels, ['19281', '19282', '19283', '19284', '19285', '19286', '19287', '19288']);
      const info = reference.code('19284');
      assert.ok(info);
      const item = completion.item('19284');
      assert.equal(item.detail, info.summary);
      assert.equal(item.kind, CompletionItemKind.Value);
      assert.deepEqual(item.documentation, { kind: 'markdown', value: codeMarkdown('19284', info, reference) });
      assert.match(item.labelDetails?.description ?? '', /^add-on · /);
      assert.equal(completion.list.isIncomplete, false);
    });

    it('replaces the typed digits with the code', () => {
      const completion = completeAt(withSv1('SV1*HC:1928¦'));
      assert.equal(completion.replaced('19284'), '1928');
      assert.match(completion.apply('19284'), /\nSV1\*HC:19284~\n/);
    });

    it('replaces the whole code when editing inside it, keeping modifiers and the rest', () => {
      const completion = completeAt(withSv1('SV1*HC:192¦83:RT*350*UN*1***1'));
      assert.equal(completion.replaced('19284'), '19283');
      assert.match(completion.apply('19284'), /\nSV1\*HC:19284:RT\*350\*UN\*1\*\*\*1~\n/);
    });

    it('offers codes right after the component separator and asks again as the query grows', () => {
      const completion = completeAt(withSv1('SV1*HC:¦'));
      assert.ok(completion.labels.includes('19283'));
      assert.ok(completion.labels.includes('G0279'));
      assert.equal(completion.list.isIncomplete, true);
      assert.equal(completion.replaced('19283'), '');
    });

    it('finds codes by words too', () => {
      const completion = completeAt(withSv1('SV1*HC:stereo¦'));
      assert.ok(completion.labels.includes('19283'));
      assert.ok(!completion.labels.includes('19285'), 'ultrasound is not stereotactic');
      assert.equal(completion.item('19283').filterText, 'stereo');
      assert.equal(completion.replaced('19283'), 'stereo');
    });

    it('offers no CPT codes after another code set qualifier (ER)', () => {
      assert.deepEqual(completeAt(withSv1('SV1*ER:1928¦')).labels, []);
    });

    it('works when the model is a keystroke old', () => {
      const completion = completeAt(withSv1('SV1*HC:1928¦'), withSv1('SV1*HC:192'));
      assert.ok(completion.labels.includes('19284'));
      assert.equal(completion.replaced('19284'), '1928');
    });
  });

  describe('modifiers after the component separator', () => {
    it('offers modifiers in SV101-3, laterality first, replacing nothing', () => {
      const completion = completeAt(withSv1('SV1*HC:19283:¦'));
      for (const modifier of ['RT', 'LT', '59', 'XS']) {
        assert.ok(completion.labels.includes(modifier), modifier);
      }
      assert.ok(!completion.labels.includes('19283'), 'no codes where a modifier goes');
      const sorted = [...completion.list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      assert.deepEqual(
        sorted.slice(0, 2).map((i) => i.label),
        ['RT', 'LT'],
      );
      assert.equal(completion.item('RT').kind, CompletionItemKind.EnumMember);
      assert.equal(completion.replaced('RT'), '');
      assert.match(completion.apply('RT'), /\nSV1\*HC:19283:RT~\n/);
    });

    it('replaces a half-typed modifier and leaves out the ones already on the code', () => {
      const completion = completeAt(withSv1('SV1*HC:19283:RT:X¦*350'));
      assert.ok(!completion.labels.includes('RT'), 'RT is already there');
      assert.ok(completion.labels.includes('XS'));
      assert.equal(completion.replaced('XS'), 'X');
      assert.match(completion.apply('XS'), /\nSV1\*HC:19283:RT:XS\*350~\n/);
    });

    it('leaves out a modifier written after the cursor too', () => {
      const completion = completeAt(withSv1('SV1*HC:19283:¦:LT*350'));
      assert.ok(!completion.labels.includes('LT'));
      assert.ok(completion.labels.includes('RT'));
    });

    it('offers nothing after the fourth modifier', () => {
      assert.deepEqual(completeAt(withSv1('SV1*HC:19283:RT:59:XS:76:¦')).labels, []);
    });
  });

  describe('with | and > separators in a one-line file', () => {
    const oneLine = writeX12([claim], { separators: { element: '|', component: '>' }, oneLine: true });

    it('offers codes after SV1|HC> and replaces the component only', () => {
      const at = oneLine.indexOf('SV1|HC>1928') + 'SV1|HC>1928'.length;
      const completion = completeAt(`${oneLine.slice(0, at)}¦${oneLine.slice(at)}`);
      assert.ok(completion.labels.includes('19284'));
      assert.equal(completion.replaced('19284'), '19283');
      const applied = completion.apply('19284');
      assert.equal(applied, oneLine.replace('SV1|HC>19283>RT', 'SV1|HC>19284>RT'));
      assert.equal(applied.includes('\n'), false);
    });

    it('offers modifiers after > and none after the element separator |', () => {
      const at = oneLine.indexOf('SV1|HC>19283>') + 'SV1|HC>19283>'.length;
      const completion = completeAt(`${oneLine.slice(0, at)}¦${oneLine.slice(at)}`);
      assert.ok(completion.labels.includes('LT'));
      assert.equal(completion.replaced('LT'), 'RT');
      const charge = oneLine.indexOf('SV1|HC>19283>RT|') + 'SV1|HC>19283>RT|'.length;
      assert.deepEqual(completeAt(`${oneLine.slice(0, charge)}¦${oneLine.slice(charge)}`).labels, []);
    });
  });

  describe('segment ids', () => {
    it('offers segment ids at the start of a segment, replacing what is typed', () => {
      const text = file.replace('LX*1~\n', 'LX*1~\nSV¦\n');
      const completion = completeAt(text);
      assert.ok(completion.labels.includes('SV1'));
      assert.ok(completion.labels.includes('DTP'));
      assert.match(completion.item('SV1').detail ?? '', /^Professional service · Loop 2400 service line/);
      assert.equal(completion.replaced('SV1'), 'SV');
      assert.match(completion.apply('SV1'), /LX\*1~\nSV1\n/);
    });
  });

  describe('nothing elsewhere', () => {
    it('offers nothing in other elements and segments', () => {
      assert.deepEqual(completeAt(withSv1('SV1*HC:19283:RT*35¦')).labels, [], 'SV102, the charge');
      assert.deepEqual(completeAt(withSv1('SV1*H¦')).labels, [], 'SV101-1, the qualifier');
      assert.deepEqual(completeAt(file.replace('CLM*CLM-1', 'CLM*CLM¦-1')).labels, [], 'CLM01');
      assert.deepEqual(completeAt(file.replace('HI*ABK:C50411', 'HI*ABK:C50¦411')).labels, [], 'HI');
    });

    it('offers codes for the digits of SV101-2, digit modifiers for those of SV101-3, nothing for other digits', () => {
      // Digits are trigger characters: the client asks on each one typed.
      const first = completeAt(withSv1('SV1*HC:1¦'));
      assert.ok(first.labels.includes('19283'));
      assert.ok(
        first.labels.every((label) => label.startsWith('1')),
        first.labels.join(', '),
      );
      assert.deepEqual(completeAt(withSv1('SV1*HC:19283:5¦')).labels, ['50', '59', '51', '52', '53', '57', '58']);
      assert.deepEqual(completeAt(withSv1('SV1*HC:19283:RT:3¦')).labels, []);
      for (const [segment, what] of [
        ['SV1*HC:19283:RT*3¦', 'SV102, the charge'],
        ['SV1*HC:19283:RT*350*UN*2¦', 'SV104, the units'],
        ['SV1*HC:19283:RT*350*UN*1***1¦', 'SV107, the pointer'],
      ]) {
        assert.deepEqual(completeAt(withSv1(segment ?? '')).labels, [], what);
      }
      assert.deepEqual(completeAt(file.replace('D8*20260314', 'D8*2026¦0314')).labels, [], 'a date');
    });

    it('offers nothing when the model has no interchange', () => {
      const text = withSv1('SV1*HC:1928¦');
      assert.deepEqual(completeAt(text, undefined, { format: 'x12-837p', claims: [], problems: [] }).labels, []);
      assert.deepEqual(completeAt('ISA*trunc¦').labels, []);
    });
  });
});
