/**
 * Hover on in-memory `.claim` documents (issue 2): codes with their kind,
 * our own summary, family, modality, add-on relation and units rule; deleted
 * and unknown codes; modifiers, header keys, `dx=` pointers and fields, ICD
 * codes; the hover range; and the places where no hover belongs.
 */
import * as assert from 'node:assert/strict';
import { specExample } from '../../../support/documents/specExample';
import type { Hover } from 'vscode-languageserver-types';
import { bundledCodes } from '../../../../server/src/service/reference/bundledCodes';
import { service, withCursor } from '../../../support/documents/claimDocuments';

function hoverAt(textWithCursor: string): { hover: Hover | null; textAt: (hover: Hover) => string } {
  const { document, position } = withCursor(textWithCursor);
  const hover = service.doHover(document, service.parse(document), position);
  return {
    hover,
    textAt: (h) => {
      assert.ok(h.range, 'hover has a range');
      return document.getText(h.range);
    },
  };
}

/** The markdown of the hover at the cursor; fails when there is none. */
function hoverText(textWithCursor: string): string {
  const { hover } = hoverAt(textWithCursor);
  assert.ok(hover, `expected a hover at ${JSON.stringify(textWithCursor)}`);
  const contents = hover.contents;
  assert.ok(typeof contents === 'object' && 'kind' in contents, 'hover contents are MarkupContent');
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

function summaryOf(code: string): string {
  const info = bundledCodes.find((c) => c.code === code);
  assert.ok(info, `${code} is bundled`);
  return info.summary;
}

const example = specExample;

/** The example with a `|` inserted before the first occurrence of `marker` plus `offset`. */
function inExample(marker: string, offset = 0): string {
  const at = example.indexOf(marker);
  assert.notEqual(at, -1, `${marker} is in the example`);
  return `${example.slice(0, at + offset)}|${example.slice(at + offset)}`;
}

describe('hover', () => {
  describe('on a code', () => {
    it('names 19284 as a CPT Category I add-on code', () => {
      const text = hoverText('1928|4');
      assert.match(text, /\*\*\+19284\*\*/);
      assert.match(text, /CPT Category I\b(?! I)/);
      assert.match(text, /add-on/i);
    });

    it('gives our own summary, labelled as a summary and not the official CPT descriptor', () => {
      const text = hoverText('1928|4');
      assert.ok(
        text.includes(`Summary (our own words, not the official CPT descriptor):* ${summaryOf('19284')}`),
        text,
      );
      assert.doesNotMatch(text, /official descriptor:/i);
    });

    it('gives the family and the imaging modality', () => {
      const text = hoverText('1928|4');
      assert.match(text, /\*\*Family:\*\* Breast localization device placement/);
      assert.match(text, /\*\*Modality:\*\* stereotactic/);
    });

    it('says 19284 is an add-on that needs 19283, the first-lesion code of the same modality', () => {
      const text = hoverText('1928|4');
      assert.match(
        text,
        /\*\*Add-on code\*\* for each additional lesion: report only with \*\*19283\*\*, the first-lesion code of the same modality \(stereotactic\)/,
      );
    });

    it('gives the add-on units rule: 1 unit per additional lesion', () => {
      const text = hoverText('1928|4');
      assert.match(text, /\*\*Units:\*\* 1 unit per additional lesion/);
      assert.match(text, /For 3 lesions: 19283 x1 and 19284 x2/);
    });

    it('gives the first-lesion units rule for 19283: 1 unit, further lesions on +19284', () => {
      const text = hoverText('1928|3');
      assert.match(text, /\*\*Units:\*\* 1 unit, once per stereotactic session/);
      assert.match(
        text,
        /\*\*First-lesion code\*\*: each additional lesion under the same guidance is \*\*\+19284\*\*/,
      );
      assert.doesNotMatch(text, /add-on code\*\*/i, 'a primary is not an add-on');
      assert.doesNotMatch(text.split('\n')[0] ?? '', /add-on/);
    });

    it('names a 4-digit-F code CPT Category II and a 4-digit-T code CPT Category III', () => {
      assert.match(hoverText('3288|F'), /^\*\*3288F\*\* · CPT Category II \(performance measure\)/);
      assert.match(hoverText('0075|T'), /^\*\*0075T\*\* · CPT Category III \(emerging technology\)/);
    });

    it('names G0279 HCPCS Level II, an add-on to a diagnostic mammogram, with a HCPCS summary label', () => {
      const text = hoverText('G02|79');
      assert.match(text, /^\*\*\+G0279\*\* · HCPCS Level II · add-on/);
      assert.match(text, /not the official HCPCS descriptor/);
      assert.doesNotMatch(text, /CPT descriptor/, 'HCPCS Level II is not CPT');
      assert.match(text, /\*\*77065\*\*, \*\*77066\*\*/);
    });

    it('says a deleted code (19290) is deleted, once, and names its replacements', () => {
      const text = hoverText('1929|0');
      assert.match(text, /^\*\*19290\*\* · CPT Category I · \*\*deleted\*\*/);
      assert.match(text, /do not report it/);
      assert.match(text, /Replaced by: \*\*19281\*\*, \*\*19283\*\*, \*\*19285\*\*, \*\*19287\*\*/);
      assert.equal(text.match(/Deleted in 2014/g)?.length, 1, 'the year is not said twice');
      assert.match(text, /not yet verified/, 'the deleted list is marked unverified in domain.md');
    });

    it('says what became of a deleted code in each case: 76096 removed with a biopsy, replaced by 19281 for a wire', () => {
      const text = hoverText('7609|6');
      assert.match(text, /When it guided a biopsy: included in \*\*19081-19086\*\* \(remove the line\)\./);
      assert.match(
        text,
        /When one of 19281, 19282, 19290, 19291 is on the claim for the same date and side: included in/,
      );
      assert.match(text, /When it guided a wire or other localization device: replaced by \*\*19281\*\*\./);
      assert.match(hoverText('1929|5'), /Included in \*\*19081-19086\*\* \(remove the line\)\./);
      assert.doesNotMatch(hoverText('1929|5'), /Replaced by/);
    });

    it('says an unknown well-formed code is not in the data', () => {
      const text = hoverText('1999|9');
      assert.match(text, /^\*\*19999\*\* · CPT Category I\n/);
      assert.match(text, /not in the loaded reference data/);
      assert.doesNotMatch(text, /Summary/);
    });

    it('says a malformed code has no valid code shape', () => {
      assert.match(hoverText('192|8 RT'), /^\*\*1928\*\* · not a valid code shape/);
    });

    it('answers on a lower-case code as on its upper-case form', () => {
      assert.match(hoverText('g02|79'), /^\*\*\+G0279\*\* · HCPCS Level II/);
    });

    it('answers with the cursor just after the code', () => {
      assert.match(hoverText('19284|'), /\*\*\+19284\*\*/);
      assert.match(hoverText('  19283|-RT x1'), /^\*\*19283\*\*/);
    });

    it('has the range of the code alone, without its joined modifiers', () => {
      const { hover, textAt } = hoverAt(inExample('19284-RT', 2));
      assert.ok(hover);
      assert.equal(textAt(hover), '19284');
      assert.deepEqual(hover.range, { start: { line: 8, character: 2 }, end: { line: 8, character: 7 } });
    });
  });

  describe('on a modifier', () => {
    it('explains RT joined to the code, with its category', () => {
      const { hover, textAt } = hoverAt('19283-R|T x1');
      assert.ok(hover);
      assert.equal(textAt(hover), 'RT');
      assert.match(hoverText('19283-R|T x1'), /^\*\*Modifier RT\*\* · laterality\n\nRight side/);
    });

    it('explains 59 and XS written as separate tokens, in words rather than category ids', () => {
      assert.match(hoverText('19283 5|9'), /^\*\*Modifier 59\*\* · distinct service\n\n.*separate/);
      const xs = hoverText('19283 RT X|S');
      assert.match(
        xs,
        /^\*\*Modifier XS\*\* · distinct service\n\n.*the other breast; for another lesion of the same breast, XU or 59/,
      );
      assert.doesNotMatch(xs, /distinct-service/);
    });

    it('says when a modifier is not in the list', () => {
      assert.match(hoverText('19283-Q|Q'), /^\*\*Modifier QQ\*\*\n\nNot in the loaded modifier list/);
    });

    it('answers at the end of the modifier', () => {
      assert.match(hoverText('19283-RT|'), /Modifier RT/);
    });
  });

  describe('on units', () => {
    it('says a first-lesion code takes 1 unit and where the rest go', () => {
      const text = hoverText('19283 x|2');
      assert.match(text, /^\*\*Units\*\* · 2 \(19283\)/);
      assert.match(text, /report the other 1 on \+19284/);
    });

    it('gives the add-on rule on an add-on line, with no move advice', () => {
      const text = hoverText('19284 x|2');
      assert.match(text, /1 unit per additional lesion/);
      assert.doesNotMatch(text, /report the other/);
    });

    it('gives a general note on a code that does not count lesions', () => {
      const text = hoverText('99213 x|2');
      assert.match(text, /^\*\*Units\*\* · 2\n/);
      assert.match(text, /1 when none are written/);
    });
  });

  describe('on a header key', () => {
    it('explains dos', () => {
      const { hover, textAt } = hoverAt(inExample('dos:', 1));
      assert.ok(hover);
      assert.equal(textAt(hover), 'dos');
      assert.match(hoverText(inExample('dos:', 1)), /^\*\*dos:\*\* · claim header\n\nDate of service/);
    });

    it('explains lesions, whatever the case of the key', () => {
      assert.match(hoverText('claim A\n  Lesi|ons: 3'), /^\*\*lesions:\*\* · claim header\n\nLesions treated/);
    });

    it('answers at the end of the key', () => {
      assert.match(hoverText('lesions|: 3'), /\*\*lesions:\*\*/);
    });

    it('gives no hover on the header value', () => {
      assert.equal(hoverAt('dos: 2026-0|3-14').hover, null);
    });
  });

  describe('on a dx= pointer', () => {
    it('shows the ICD-10 code a letter points to', () => {
      const { hover, textAt } = hoverAt(inExample('dx=A', 3));
      assert.ok(hover);
      assert.equal(textAt(hover), 'A');
      assert.match(
        hoverText(inExample('dx=A', 3)),
        /^\*\*Diagnosis pointer A\*\* → \*\*C50\.411\*\*\n\nDiagnosis 1 of 2/,
      );
    });

    it('shows the ICD-10 code a number points to', () => {
      const text = hoverText('dx: C50.411, R92.8\n19283 dx=A,|2');
      assert.match(text, /^\*\*Diagnosis pointer 2\*\* → \*\*R92\.8\*\*\n\nDiagnosis 2 of 2/);
    });

    it('says a pointer outside the list is outside, and how long the list is', () => {
      const text = hoverText('dx: C50.411, R92.8\n19283 dx=A,|C');
      assert.match(
        text,
        /^\*\*Diagnosis pointer C\*\*\n\nPoints outside the claim's dx list: it has 2 diagnoses \(A-B\)/,
      );
      assert.doesNotMatch(text, /→/);
    });

    it('says so when the claim has no dx list at all', () => {
      assert.match(hoverText('19283 dx=|A'), /This claim has no `dx:` list/);
    });

    it('says a malformed pointer is not a pointer, rather than out of range', () => {
      const text = hoverText('dx: C50.411, R92.8\n19283 dx=A|A');
      assert.match(text, /'AA' is not a diagnosis pointer/);
      assert.doesNotMatch(text, /outside/);
    });

    it('uses the dx list of the claim the line is in, not the first claim', () => {
      const text = [
        'claim ONE',
        '  dx: Z12.31',
        '  77067',
        'claim TWO',
        '  dx: C50.412, N63.20',
        '  19283-LT dx=|B',
      ].join('\n');
      assert.match(hoverText(text), /→ \*\*N63\.20\*\*/);
      assert.match(hoverText(text.replace('dx=|B', 'dx=|A')), /→ \*\*C50\.412\*\*/);
    });

    it('uses the claim dx list even when the dx header comes after the line', () => {
      assert.match(hoverText('claim A\n  19283 dx=|B\n  dx: C50.411, R92.8'), /→ \*\*R92\.8\*\*/);
    });
  });

  describe('on a service line field', () => {
    it('explains the dx= key, with the range of the whole field', () => {
      const { hover, textAt } = hoverAt('dx: C50.411, R92.8\n19283 d|x=A,B');
      assert.ok(hover);
      assert.equal(textAt(hover), 'dx=A,B');
      assert.match(hoverText('dx: C50.411, R92.8\n19283 d|x=A,B'), /^\*\*dx=\*\* · service line field/);
    });

    it('explains an empty dx= as the field, not as a blank pointer', () => {
      const text = hoverText('dx: C50.411\n19283 dx=|');
      assert.match(text, /^\*\*dx=\*\* · service line field/);
      assert.doesNotMatch(text, /Diagnosis pointer \*\*/);
    });

    it('explains dos= on a line', () => {
      const { hover, textAt } = hoverAt('19283 do|s=2026-03-14');
      assert.ok(hover);
      assert.equal(textAt(hover), 'dos=2026-03-14');
    });
  });

  describe('on a diagnosis in the dx header', () => {
    it('names the ICD-10-CM code and how lines point to it', () => {
      const { hover, textAt } = hoverAt(inExample('R92.8', 2));
      assert.ok(hover);
      assert.equal(textAt(hover), 'R92.8');
      assert.match(
        hoverText(inExample('R92.8', 2)),
        /^\*\*R92\.8\*\* · ICD-10-CM diagnosis 2\n\nLines point to it as `dx=B` or `dx=2`/,
      );
    });
  });

  describe('on a claim with more diagnoses than letters', () => {
    const many = Array.from({ length: 27 }, (_, i) => `Z${String(i).padStart(2, '0')}`).join(' ');

    it('points to the 27th diagnosis by number only', () => {
      const text = hoverText(`dx: ${many.replace('Z26', 'Z2|6')}`);
      assert.match(text, /^\*\*Z26\*\* · ICD-10-CM diagnosis 27\n\nLines point to it as `dx=27`\.$/);
    });

    it('gives the list length by number for a pointer past its end', () => {
      assert.match(hoverText(`dx: ${many}\n19283 dx=2|8`), /it has 27 diagnoses \(1-27\)/);
    });
  });

  describe('where there is nothing to explain', () => {
    it('gives none on blank space', () => {
      assert.equal(hoverAt('19283   |   RT').hover, null);
      assert.equal(hoverAt('claim A\n\n|\n19283').hover, null);
      assert.equal(hoverAt('|').hover, null);
    });

    it('gives none in a comment that contains a code', () => {
      assert.equal(hoverAt('# 192|84').hover, null);
      assert.equal(hoverAt('19283 x1 # then 192|84').hover, null);
      assert.equal(hoverAt(inExample('Stereotactic', 3)).hover, null);
    });

    it('gives none on the claim keyword', () => {
      assert.equal(hoverAt('cl|aim CLM-1\n19283').hover, null);
      assert.equal(hoverAt('claim| CLM-1\n19283').hover, null);
    });

    it('still answers on the token right after the blank space', () => {
      assert.match(hoverText('19283   |RT'), /Modifier RT/);
    });
  });
});
