/**
 * Completion on in-memory `.claim` documents (issue 2): codes by digits and
 * by words, modifiers, service-line fields, header keys, `dx=` pointers, the
 * claim snippet, edits in the middle of a token, and the places where nothing
 * code-like belongs.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CompletionItem,
  CompletionItemKind,
  CompletionItemTag,
  type CompletionList,
  InsertTextFormat,
  type Range,
} from 'vscode-languageserver-types';
import { bundledCodes } from '../../../../server/src/service/reference/bundledCodes';
import { service, withCursor } from '../../../support/documents/claimDocuments';

interface Completion {
  list: CompletionList;
  labels: string[];
  item(label: string): CompletionItem;
  /** The document text after accepting the item. */
  apply(label: string): string;
}

function completeAt(textWithCursor: string): Completion {
  const { document, position } = withCursor(textWithCursor);
  const list = service.doComplete(document, service.parse(document), position);
  const item = (label: string): CompletionItem => {
    const found = list.items.find((i) => i.label === label);
    assert.ok(
      found,
      `${label} is offered at ${JSON.stringify(textWithCursor)}; got ${list.items.map((i) => i.label).join(', ')}`,
    );
    return found;
  };
  return {
    list,
    labels: list.items.map((i) => i.label),
    item,
    apply(label) {
      const edit = item(label).textEdit;
      assert.ok(edit && 'range' in edit, 'the item has a plain text edit');
      return TextDocument.applyEdits(document, [edit]);
    },
  };
}

function rangeOf(item: CompletionItem): Range {
  const edit = item.textEdit;
  assert.ok(edit && 'range' in edit, 'the item has a plain text edit');
  return edit.range;
}

function onLine(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function summaryOf(code: string): string {
  const info = bundledCodes.find((c) => c.code === code);
  assert.ok(info, `${code} is bundled`);
  return info.summary;
}

/** Labels in the order an editor shows them: by sortText, then label. */
function sortedLabels(list: CompletionList): string[] {
  return [...list.items]
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label))
    .map((i) => i.label);
}

const codeLike = /^[A-Z0-9]?\d{3,4}[0-9FT]?$/;

function assertNothingCodeLike(textWithCursor: string): void {
  const { list } = completeAt(textWithCursor);
  const codes = list.items.filter((i) => codeLike.test(i.label) || i.kind === CompletionItemKind.Snippet);
  assert.deepEqual(
    codes.map((i) => i.label),
    [],
    `nothing code-like at ${JSON.stringify(textWithCursor)}`,
  );
}

describe('completion', () => {
  describe('codes by leading digits', () => {
    it('offers 19281-19288 for 1928, each with its summary as detail', () => {
      const completion = completeAt('1928|');
      assert.deepEqual(completion.labels, ['19281', '19282', '19283', '19284', '19285', '19286', '19287', '19288']);
      for (const code of completion.labels) {
        assert.equal(completion.item(code).detail, summaryOf(code));
        assert.equal(completion.item(code).kind, CompletionItemKind.Value);
      }
      assert.equal(completion.list.isIncomplete, false, 'every code starting 1928 is in the list');
    });

    it('replaces the typed 1928 with the code', () => {
      const completion = completeAt('  1928|');
      assert.deepEqual(rangeOf(completion.item('19284')), onLine(0, 2, 6));
      assert.equal(completion.apply('19284'), '  19284');
    });

    it('describes an add-on in its label details and documentation', () => {
      const item = completeAt('1928|').item('19284');
      assert.match(item.labelDetails?.description ?? '', /^add-on · /);
      const documentation = item.documentation;
      assert.ok(documentation && typeof documentation === 'object');
      assert.match(documentation.value, /report only with \*\*19283\*\*/);
    });

    it('replaces the whole code when editing inside it, keeping the modifiers', () => {
      const completion = completeAt('192|83-RT x1');
      assert.deepEqual(rangeOf(completion.item('19284')), onLine(0, 0, 5));
      assert.equal(completion.apply('19284'), '19284-RT x1');
    });

    it('finds HCPCS codes by their letter, in upper case even when typed in lower case', () => {
      assert.ok(completeAt('G|').labels.includes('G0279'));
      const lower = completeAt('g02|');
      assert.equal(lower.apply('G0279'), 'G0279');
    });

    it('tags deleted codes as deprecated and lists them after current ones', () => {
      const completion = completeAt('1929|');
      assert.deepEqual(completion.item('19290').tags, [CompletionItemTag.Deprecated]);
      assert.match(completion.item('19290').detail ?? '', /^Deleted 2014\. /);
      assert.equal(completion.item('19294').tags, undefined);
      assert.deepEqual(sortedLabels(completion.list), ['19294', '19297', '19290', '19291', '19295']);
    });
  });

  describe('codes by words', () => {
    it('finds the stereotactic codes for "stereo"', () => {
      const completion = completeAt('stereo|');
      for (const code of ['19283', '19284', '19081', '19082']) {
        assert.ok(completion.labels.includes(code), code);
      }
      for (const code of ['99213', '19285', '19281']) {
        assert.ok(!completion.labels.includes(code), code);
      }
      assert.equal(completion.item('19283').filterText, 'stereo');
      assert.equal(completion.item('19283').detail, summaryOf('19283'));
      assert.equal(completion.list.isIncomplete, true, 'a longer query needs a new search');
    });

    it('finds ultrasound localization for "ultrasound clip", replacing the whole query', () => {
      const completion = completeAt('  ultrasound clip|');
      assert.ok(completion.labels.includes('19285'));
      assert.ok(completion.labels.includes('19286'));
      for (const code of ['19283', '19287', '99213', '76641']) {
        assert.ok(!completion.labels.includes(code), code);
      }
      const item = completion.item('19285');
      assert.deepEqual(rangeOf(item), onLine(0, 2, 17));
      assert.equal(item.filterText, 'ultrasound clip', 'the editor filters on the query, so it keeps the item');
      assert.equal(completion.apply('19285'), '  19285');
    });

    it('finds MRI biopsy for "mri biopsy"', () => {
      const completion = completeAt('mri biopsy|');
      assert.ok(completion.labels.includes('19085'));
      assert.ok(completion.labels.includes('19086'));
      for (const code of ['19083', '19081', '19287', '77046', '99213']) {
        assert.ok(!completion.labels.includes(code), code);
      }
      assert.deepEqual(rangeOf(completion.item('19085')), onLine(0, 0, 10));
      assert.equal(completion.item('19085').filterText, 'mri biopsy');
    });

    it('ranks the first-lesion code and its add-on of the searched modality ahead of deleted codes', () => {
      const sorted = sortedLabels(completeAt('stereo|').list);
      assert.ok(sorted.indexOf('19283') < sorted.indexOf('77031'));
    });
  });

  describe('modifiers', () => {
    it('offers modifiers after a dash, laterality first', () => {
      const completion = completeAt('19283-|');
      for (const modifier of ['RT', 'LT', '59', 'XS']) {
        assert.ok(completion.labels.includes(modifier), modifier);
      }
      assert.deepEqual(rangeOf(completion.item('RT')), onLine(0, 6, 6));
      const sorted = sortedLabels(completion.list);
      assert.deepEqual(new Set(sorted.slice(0, 2)), new Set(['RT', 'LT']));
      assert.ok(sorted.indexOf('LT') < sorted.indexOf('59'));
      assert.ok(!completion.labels.some((l) => l.endsWith('=')), 'no fields joined to the code');
    });

    it('replaces the partly typed modifier after a dash', () => {
      const completion = completeAt('19283-R|');
      assert.deepEqual(rangeOf(completion.item('RT')), onLine(0, 6, 7));
      assert.equal(completion.apply('RT'), '19283-RT');
    });

    it('replaces the whole modifier when editing inside it', () => {
      assert.equal(completeAt('19283-R|T x1').apply('LT'), '19283-LT x1');
      assert.equal(completeAt('19283 R|T x1').apply('LT'), '19283 LT x1');
    });

    it('offers modifiers and fields after a space on a service line, laterality first', () => {
      const completion = completeAt('19283 |');
      for (const label of ['RT', 'LT', 'XS', 'dx=', 'dos=', 'lesions=', 'pos=']) {
        assert.ok(completion.labels.includes(label), label);
      }
      assert.deepEqual(new Set(sortedLabels(completion.list).slice(0, 2)), new Set(['RT', 'LT']));
      assert.equal(completion.item('dx=').kind, CompletionItemKind.Field);
    });

    it('does not offer again a modifier already on the line', () => {
      assert.ok(!completeAt('19283-RT |').labels.includes('RT'));
      assert.ok(!completeAt('19283-RT-|').labels.includes('RT'));
      assert.ok(!completeAt('19283 XS |').labels.includes('XS'));
      assert.ok(completeAt('19283-RT |').labels.includes('59'));
    });
  });

  describe('service line fields', () => {
    it('offers the field keys after a space, replacing what is typed', () => {
      const completion = completeAt('19283-RT x1 d|');
      assert.deepEqual(rangeOf(completion.item('dx=')), onLine(0, 12, 13));
      assert.equal(completion.apply('dx='), '19283-RT x1 dx=');
    });

    it('replaces only the key when editing the key of an existing field', () => {
      const completion = completeAt('19283 d|x=A');
      assert.deepEqual(completion.labels, ['dx=', 'dos=', 'lesions=', 'pos=']);
      assert.equal(completion.apply('dx='), '19283 dx=A');
    });

    it('offers nothing in a field value other than dx=', () => {
      assert.deepEqual(completeAt('19283 dos=2026|').labels, []);
      assert.deepEqual(completeAt('19283 $35|').labels, []);
    });
  });

  describe('header keys', () => {
    it('offers lesions for le at the start of a line, with its colon', () => {
      const completion = completeAt('claim A\n  le|');
      const item = completion.item('lesions');
      assert.equal(item.kind, CompletionItemKind.Property);
      assert.equal(completion.apply('lesions'), 'claim A\n  lesions: ');
      assert.ok(!completion.labels.includes('dos'), 'keys that do not start with le are left out');
    });

    it('ranks a matching header key before codes found by words', () => {
      assert.equal(sortedLabels(completeAt('pa|').list)[0], 'patient');
      assert.equal(sortedLabels(completeAt('le|').list)[0], 'lesions');
    });

    it('offers only header keys when editing the key of an existing header, keeping its value', () => {
      const completion = completeAt('le|sions: 3');
      assert.deepEqual(completion.labels, ['patient', 'dos', 'dx', 'lesions', 'pos', 'provider']);
      assert.deepEqual(rangeOf(completion.item('dos')), onLine(0, 0, 7));
      assert.equal(completion.apply('dos'), 'dos: 3');
      assert.equal(completion.apply('lesions'), 'lesions: 3');
    });

    it('offers nothing after the colon of a header', () => {
      assert.deepEqual(completeAt('dos:|').labels, []);
      assert.deepEqual(completeAt('dos:| 2026-03-14').labels, []);
    });
  });

  describe('dx= pointers', () => {
    const claim = 'claim A\n  dx: C50.411, R92.8\n';

    it('offers the claim dx list after dx=, with the ICD code as detail', () => {
      const completion = completeAt(`${claim}  19283 dx=|`);
      assert.deepEqual(completion.labels, ['A', 'B']);
      assert.equal(completion.item('A').detail, 'C50.411');
      assert.equal(completion.item('B').detail, 'R92.8');
      assert.equal(completion.item('A').kind, CompletionItemKind.Reference);
      assert.deepEqual(rangeOf(completion.item('A')), onLine(2, 11, 11));
    });

    it('offers the pointers not yet on the line after dx=A,', () => {
      const completion = completeAt(`${claim}  19283 dx=A,|`);
      assert.deepEqual(completion.labels, ['B']);
      assert.equal(completion.item('B').detail, 'R92.8');
      assert.equal(completion.apply('B'), `${claim}  19283 dx=A,B`);
    });

    it('replaces the pointer the cursor is on', () => {
      assert.equal(completeAt(`${claim}  19283 dx=|B`).apply('A'), `${claim}  19283 dx=A`);
    });

    it('offers no fifth pointer', () => {
      const text = 'dx: C50.411 R92.8 N63.10 Z80.3 Z12.31\n19283 dx=A,B,C,D,|';
      assert.deepEqual(completeAt(text).labels, []);
    });

    it('takes the list from the claim the cursor is in, even when its dx header comes after the line', () => {
      const text = [
        'claim ONE',
        '  dx: Z12.31',
        '  77067',
        'claim TWO',
        '  19283-LT dx=|',
        '  dx: C50.412, N63.20',
        'claim THREE',
        '  dx: R92.8',
      ].join('\n');
      const completion = completeAt(text);
      assert.deepEqual(completion.labels, ['A', 'B']);
      assert.equal(completion.item('A').detail, 'C50.412');
      assert.equal(completion.item('B').detail, 'N63.20');
    });

    it('offers a diagnosis after the 26th by number', () => {
      const many = Array.from({ length: 27 }, (_, i) => `Z${String(i).padStart(2, '0')}`).join(' ');
      const completion = completeAt(`dx: ${many}\n19283 dx=|`);
      assert.equal(completion.labels[25], 'Z');
      assert.equal(completion.labels[26], '27');
      assert.equal(completion.item('27').detail, 'Z26');
    });

    it('offers nothing when the claim has no dx list', () => {
      assert.deepEqual(completeAt('claim A\n  19283 dx=|').labels, []);
    });
  });

  describe('claim snippet', () => {
    it('offers a claim skeleton at the start of an empty line', () => {
      const completion = completeAt('|');
      const item = completion.item('claim');
      assert.equal(item.kind, CompletionItemKind.Snippet);
      assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
      const edit = item.textEdit;
      assert.ok(edit && 'range' in edit);
      assert.match(edit.newText, /^claim \$\{1:[^}]+\}\n/);
      // It is the Claim snippet, which expands to a claim with no problems: test/client/snippets.test.ts.
      for (const key of ['patient:', 'dos:', 'dx:', 'dx=']) {
        assert.ok(edit.newText.includes(key), key);
      }
      assert.equal(sortedLabels(completion.list)[0], 'claim');
    });

    it('offers the skeleton for cl, replacing it', () => {
      const completion = completeAt('cl|');
      assert.deepEqual(rangeOf(completion.item('claim')), onLine(0, 0, 2));
    });

    it('offers the skeleton for a bare claim keyword with nothing after it', () => {
      assert.ok(completeAt('claim|').labels.includes('claim'));
    });
  });

  describe('an empty line in a claim', () => {
    it('offers codes, header keys and the snippet, and asks again as the coder types', () => {
      const completion = completeAt('claim A\n  dx: C50.411\n  |\n  19283-RT');
      for (const label of ['19283', '19284', '99213', 'dos', 'lesions', 'patient', 'claim']) {
        assert.ok(completion.labels.includes(label), label);
      }
      assert.deepEqual(rangeOf(completion.item('19283')), onLine(2, 2, 2));
      assert.equal(completion.item('lesions').textEdit?.newText, 'lesions: ');
      assert.equal(completion.list.isIncomplete, true, 'a word typed next needs a word search');
    });
  });

  describe('typed digits (every digit is a trigger character, so the client asks on each)', () => {
    it('offers codes for a digit at the start of a service line, and after 1928', () => {
      const first = completeAt('claim A\n  dx: C50.411\n  1|');
      assert.ok(first.labels.includes('19283') && first.labels.includes('19284'), first.labels.join(', '));
      assert.ok(
        first.labels.every((label) => label.startsWith('1')),
        `only codes starting with 1: ${first.labels.join(', ')}`,
      );
      assert.deepEqual(rangeOf(first.item('19283')), onLine(2, 2, 3));
      const more = completeAt('claim A\n  dx: C50.411\n  1928|');
      assert.deepEqual(more.labels, ['19281', '19282', '19283', '19284', '19285', '19286', '19287', '19288']);
    });

    it('offers only the digit modifiers a digit starts, and no fields', () => {
      assert.deepEqual(completeAt('19283-RT 5|').labels, ['50', '59', '51', '52', '53', '57', '58']);
      assert.deepEqual(completeAt('19283-5|').labels, ['50', '59', '51', '52', '53', '57', '58']);
      assert.deepEqual(completeAt('19283-RT 59|').labels, ['59']);
      assert.deepEqual(completeAt('19283-RT x1 3|').labels, []);
      assert.deepEqual(completeAt('19283-RT-59 5|').labels, ['50', '51', '52', '53', '57', '58'], 'not 59 again');
    });

    it('offers nothing for the digits of units, a charge, a date or a field value', () => {
      const places = [
        '19283-RT x|',
        '19283-RT x2|',
        '19283-RT x12|',
        '19283-RT ×2|',
        '19283-RT x |',
        '19283-RT x 2|',
        '19283-RT x1 $1|',
        '19283-RT x1 $150|',
        '19283-RT x1 $1,2|',
        '19283-RT x1 $150.0|',
        '19283-RT dos=2|',
        '19283-RT dos=2026-|',
        '19283-RT dos=2026-03-1|',
        '19283-RT lesions=2|',
        '19283-RT pos=1|',
        'claim A\n  dx: C50.411\n  19283-RT dx=1|',
        'claim A\n  dx: C50.411, R92.8\n  19283-RT dx=A,2|',
        '  dos: 2026-03-1|',
        '  lesions: 2|',
        '  pos: 1|',
        '  dx: C50.41|',
        'claim CLM-1|',
        '19283-RT x1 # 1|',
      ];
      for (const place of places.slice(1)) {
        assert.deepEqual(completeAt(place).labels, [], JSON.stringify(place));
      }
      // A lone x with nothing after it may still become the XS modifier.
      assert.ok(completeAt(places[0] ?? '').labels.includes('XS'));
    });

    it('answers a digit in units, a charge or a date from the line alone, reading no claim', () => {
      for (const textWithCursor of [
        'claim A\n  19283-RT x12|',
        'claim A\n  19283-RT $150|',
        'claim A\n  19283 dos=2026-|',
      ]) {
        const { document, position } = withCursor(textWithCursor);
        const untouchable = new Proxy(service.parse(document), {
          get: (model, key): unknown => {
            assert.ok(
              key !== 'claims' && key !== 'readClaims',
              `the claims are read at ${JSON.stringify(textWithCursor)}`,
            );
            return Reflect.get(model, key, model) as unknown;
          },
        });
        assert.deepEqual(service.doComplete(document, untouchable, position).items, []);
      }
    });
  });

  describe('where nothing code-like belongs', () => {
    it('offers nothing inside the claim keyword of an existing claim line', () => {
      assertNothingCodeLike('cla|im CLM-1\n19283');
      assert.deepEqual(completeAt('cla|im CLM-1').labels, []);
    });

    it('offers nothing at the end of the claim keyword of an existing claim line', () => {
      assert.deepEqual(completeAt('claim| CLM-1').labels, []);
    });

    it('offers nothing on the claim id', () => {
      assert.deepEqual(completeAt('claim CL|M-1').labels, []);
      assert.deepEqual(completeAt('claim |').labels, []);
    });

    it('offers nothing in a header value', () => {
      assert.deepEqual(completeAt('dos: 2026|').labels, []);
      assert.deepEqual(completeAt('dx: C50|').labels, []);
      assert.deepEqual(completeAt('patient: DO|E, JANE').labels, []);
    });

    it('offers nothing in a comment', () => {
      assert.deepEqual(completeAt('# 1928|').labels, []);
      assert.deepEqual(completeAt('19283 # 1928|').labels, []);
      assert.deepEqual(completeAt('  # stereo|').labels, []);
    });

    it('does offer codes right before a comment', () => {
      assert.ok(completeAt('1928| # first lesion').labels.includes('19283'));
    });
  });
});
