/**
 * Inlay hints (issue 8): a code's short summary, in both formats; "2 lesions
 * of 3" on lesion-counted lines, counted as the lesion-units rule counts; in a
 * `.claim` file both at the end of the line, so the formatter's columns stay
 * put (issue 15); the settings that turn each off; hints only in the range
 * asked for, inside the document; and a large document read only around the
 * range.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { InlayHint, Range } from 'vscode-languageserver-types';
import { bundledCodes } from '../../../../server/src/service/reference/bundledCodes';
import { CodeReference, type DescriptorSource } from '../../../../server/src/service/reference/codeReference';
import { bundledModifiers } from '../../../../server/src/service/reference/modifiers';
import { codeHint, maxHintLength, shortened } from '../../../../server/src/service/features/inlayHints/codeHint';
import {
  lesionCountLabel,
  lineHintBudget,
  maxClaimsPerRequest,
} from '../../../../server/src/service/features/inlayHints/inlayHints';
import { getLanguageService } from '../../../../server/src/service';
import { type ClaimSettings, defaultSettings } from '../../../../server/src/service/settings';
import { X12DocumentModel } from '../../../../server/src/service/x12/x12ClaimParser';
import { writeClaimText } from '../../../support/documents/claimBatch';
import { claimDocument, service, x12Document } from '../../../support/documents/claimDocuments';
import { countingDocument, modelReadingNothingWhole } from '../../../support/checks/readCounting';
import { specExample } from '../../../support/documents/specExample';
import { batchClaim, x12Batch } from '../../../support/documents/x12Batch';
import { x12Fixtures } from '../../../support/documents/x12Fixtures';

function wholeRange(document: TextDocument): Range {
  return { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
}

function hintsOf(
  document: TextDocument,
  settings: ClaimSettings = defaultSettings,
  range = wholeRange(document),
  languageService = service,
): InlayHint[] {
  return languageService.getInlayHints(document, languageService.parse(document), range, settings);
}

function labelOf(hint: InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

/** `line text before the hint ⟨label⟩`, so a test reads where each hint sits. */
function placed(document: TextDocument, hints: readonly InlayHint[]): string[] {
  return hints.map(
    (hint) =>
      `${document.getText({ start: { line: hint.position.line, character: 0 }, end: hint.position }).trim()} ⟨${labelOf(hint)}⟩`,
  );
}

function claimHints(text: string, settings?: ClaimSettings): string[] {
  const document = claimDocument(text);
  return placed(document, hintsOf(document, settings));
}

const onlyLesions: ClaimSettings = { ...defaultSettings, inlayHints: { codeSummaries: false, lesionCounts: true } };

describe('inlay hints', () => {
  describe('code summaries', () => {
    it('sit at the end of each service line of the spec example, the summary before the lesion count', () => {
      assert.deepEqual(claimHints(specExample), [
        '19283-RT   x1   $350.00   dx=A ⟨Stereotactic localization⟩',
        '19283-RT   x1   $350.00   dx=A ⟨1 lesion of 3⟩',
        '19284-RT   x2   $400.00   dx=A ⟨Stereotactic localization⟩',
        '19284-RT   x2   $400.00   dx=A ⟨2 lesions of 3⟩',
      ]);
    });

    it("leave the formatter's columns where they are: every hint of a formatted .claim file is at its line's end, after any comment", () => {
      const unformatted = [
        'claim A',
        '  lesions: 3',
        '  19283-RT x1 $350.00 dx=A # first',
        '  19284-RT x2 $1,400.00 dx=A',
        '  19290 $1',
        '  77065-RT',
      ].join('\n');
      const before = claimDocument(unformatted);
      const formatted = TextDocument.applyEdits(
        before,
        service.format(before, () => service.parse(before), { options: { tabSize: 2, insertSpaces: true } }),
      );
      const document = claimDocument(formatted);
      const hints = hintsOf(document);
      assert.equal(hints.length, 6, placed(document, hints).join(' | '));
      for (const hint of hints) {
        const line = document.getText({
          start: { line: hint.position.line, character: 0 },
          end: { line: hint.position.line + 1, character: 0 },
        });
        assert.equal(hint.position.character, line.trimEnd().length, `${line.trimEnd()} ⟨${labelOf(hint)}⟩`);
      }
      assert.ok(placed(document, hints).includes('19283-RT   x1     $350.00   dx=A   # first ⟨1 lesion of 3⟩'));
    });

    it("keep every line's hints within VS Code's default per-line length, cutting the summary and never the lesion count", () => {
      const text = `claim C-1\n  lesions: 3\n  19285-LT x1 $1\n  19286-LT x1 $1\n  19283-RT x1 $1\n  19284-RT x1 $1\n`;
      const document = claimDocument(text);
      const byLine = new Map<number, string[]>();
      for (const hint of hintsOf(document)) {
        byLine.set(hint.position.line, [...(byLine.get(hint.position.line) ?? []), labelOf(hint)]);
      }
      assert.equal(byLine.size, 4);
      for (const labels of byLine.values()) {
        assert.ok(labels.join('').length <= lineHintBudget, labels.join(' | '));
        assert.match(labels.at(-1) ?? '', /lesions? of 3/);
      }
    });

    it('tell the modalities and roles of the lesion families apart, where cut summaries would all read alike', () => {
      const labels = bundledCodes.filter((info) => info.lesion).map((info) => codeHint(info.code, reference())?.label);
      assert.equal(new Set(labels).size, labels.length, labels.join(' | '));
      assert.equal(codeHint('19085', reference())?.label, 'MRI needle biopsy, first lesion');
      assert.equal(codeHint('19126', reference())?.label, 'Excision of marked lesion, each additional lesion');
    });

    it('are at most maxHintLength characters for every bundled code, and the tooltip keeps the whole summary, labelled as ours', () => {
      for (const info of bundledCodes) {
        const hint = codeHint(info.code, reference());
        assert.ok(hint, info.code);
        assert.ok(hint.label.length > 0 && hint.label.length <= maxHintLength, `${info.code}: ${hint.label}`);
        assert.ok(hint.tooltip.value.includes(info.summary), info.code);
        assert.match(hint.tooltip.value, /our own words, not the official (CPT|HCPCS) descriptor/);
      }
    });

    it('cut a long summary at its first clause, or at a word with an ellipsis', () => {
      assert.equal(
        shortened('Needle core sample of breast tissue taken by feel, with no imaging guidance.'),
        'Needle core sample of breast tissue taken by feel',
      );
      assert.equal(
        shortened('Surgical biopsy that cuts out part of a breast lesion through an incision.'),
        'Surgical biopsy that cuts out part of a breast lesion…',
      );
      assert.equal(shortened('MRI of one breast without contrast.'), 'MRI of one breast without contrast');
      assert.equal(shortened('x'.repeat(200)).length, maxHintLength);
    });

    it('say a deleted code is deleted, and show no lesion count for it', () => {
      assert.deepEqual(claimHints('claim A\n  lesions: 1\n  19290 x1'), [
        '19290 x1 ⟨Deleted 2014: a wire set in the first breast lesion…⟩',
      ]);
    });

    it('are not given for a code no data knows', () => {
      assert.deepEqual(claimHints('claim A\n  19999 x1\n  12345-RT'), []);
    });

    it('show a licensed descriptor in the tooltip, and as the hint only for a code the bundled data lacks', () => {
      const licensed = getLanguageService({
        descriptorSources: [
          descriptors({
            '19283': 'LICENSED TEXT FOR 19283',
            '19238': 'LICENSED DESCRIPTOR FOR 19238; WITH A LONG TAIL THAT IS CUT OFF HERE',
          }),
        ],
      });
      const document = claimDocument('claim A\n  19283-RT x1\n  19238');
      const hints = hintsOf(
        document,
        { ...defaultSettings, inlayHints: { codeSummaries: true, lesionCounts: false } },
        wholeRange(document),
        licensed,
      );
      assert.deepEqual(placed(document, hints), [
        '19283-RT x1 ⟨Stereotactic localization, first lesion⟩',
        '19238 ⟨LICENSED DESCRIPTOR FOR 19238⟩',
      ]);
      const tooltip = hints[0]?.tooltip;
      assert.ok(
        typeof tooltip === 'object' && tooltip.value.startsWith('LICENSED TEXT FOR 19283\n\n*Descriptor from org.tsv*'),
        JSON.stringify(tooltip),
      );
    });

    it('follow SV101 (code and modifiers) in an 837, with no lesion hints: 837P has no lesion count', () => {
      const fixture = x12Fixtures().find((f) => f.name === 'clean-two-lines.837');
      assert.ok(fixture);
      const document = x12Document(fixture.text);
      assert.deepEqual(placed(document, hintsOf(document)), [
        'SV1*HC:19283:RT ⟨Stereotactic localization, first lesion⟩',
        'SV1*HC:19284:RT ⟨Stereotactic localization, each additional lesion⟩',
      ]);
    });

    it('work in an 837 written on one line', () => {
      const document = x12Document(x12Batch(1, 3, { oneLine: true }));
      const hints = hintsOf(document);
      assert.equal(document.lineCount, 1);
      assert.equal(hints.length, 8, 'three lines in each of three claims, but claim 0 lacks its primary');
      for (const hint of hints) {
        assert.match(
          document.getText({ start: { line: 0, character: hint.position.character - 20 }, end: hint.position }),
          /SV1\*HC:\d{5}:(RT|LT)$/,
        );
      }
    });
  });

  describe('lesion counts', () => {
    it("say what is missing on the procedure's last line", () => {
      assert.deepEqual(claimHints('claim A\n  lesions: 3\n  19283 x1\n  19284 x1', onlyLesions), [
        '19283 x1 ⟨1 lesion of 3⟩',
        '19284 x1 ⟨1 lesion of 3, missing 1⟩',
      ]);
    });

    it('say how many are too many', () => {
      assert.deepEqual(claimHints('claim A\n  lesions: 2\n  19283 x1\n  19284 x3', onlyLesions), [
        '19283 x1 ⟨1 lesion of 2⟩',
        '19284 x3 ⟨3 lesions (2 documented), 2 too many⟩',
      ]);
    });

    it('do not call a count complete in the tooltip when the first-lesion code carries the lesions (primary-units)', () => {
      const document = claimDocument('claim A\n  lesions: 3\n  19283-RT x2\n  19284-RT x1');
      const hints = hintsOf(document, onlyLesions);
      assert.deepEqual(placed(document, hints), ['19283-RT x2 ⟨2 lesions of 3⟩', '19284-RT x1 ⟨1 lesion of 3⟩']);
      for (const hint of hints) {
        assert.equal(
          hint.tooltip,
          "3 lesions documented (the claim's lesions:); the localization lines bill 19283 x2 + 19284 x1: adds up, but 19283 takes 1 unit.",
        );
      }
    });

    it('count every modality of one procedure together, as the lesion-units rule does', () => {
      const text = 'claim A\n  lesions: 2\n  19283-RT x1\n  19285-LT x1';
      assert.deepEqual(claimHints(text, onlyLesions), ['19283-RT x1 ⟨1 lesion of 2⟩', '19285-LT x1 ⟨1 lesion of 2⟩']);
      assert.deepEqual(
        validateIds(text).filter((id) => id === 'lesion-units'),
        [],
      );
    });

    it('agree with the lesion-units rule on whether a claim adds up', () => {
      const cases = [
        'lesions: 3\n  19283 x1\n  19284 x2',
        'lesions: 3\n  19283 x1\n  19284 x1',
        'lesions: 1\n  19283 x1\n  19284 x1',
        'lesions: 2\n  19283 x2',
        'lesions: 2\n  19081 x1\n  19083 x1',
      ];
      for (const body of cases) {
        const text = `claim A\n  ${body}`;
        const flagged = validateIds(text).includes('lesion-units');
        const hinted = claimHints(text, onlyLesions).some((hint) => /missing|too many/.test(hint));
        assert.equal(hinted, flagged, body);
      }
    });

    it("take a line's lesions= over the claim's lesions:", () => {
      assert.deepEqual(claimHints('claim A\n  lesions: 5\n  19283 x1 lesions=2\n  19284 x1', onlyLesions), [
        '19283 x1 lesions=2 ⟨1 lesion of 2⟩',
        '19284 x1 ⟨1 lesion of 2⟩',
      ]);
    });

    it('count each procedure on its own against its lesions= (biopsy and localization of other lesions)', () => {
      const hints = claimHints(
        'claim A\n  lesions: 3\n  19081 x1 lesions=2\n  19082 x1\n  19283-59 x1 lesions=2',
        onlyLesions,
      );
      assert.deepEqual(hints, [
        '19081 x1 lesions=2 ⟨1 lesion of 2⟩',
        '19082 x1 ⟨1 lesion of 2⟩',
        '19283-59 x1 lesions=2 ⟨1 lesion of 2, missing 1⟩',
      ]);
    });

    it("give procedures that share the claim's lesions: no share of it, only the encounter's count", () => {
      // A biopsy of one lesion and a clip in another: 2 lesions in the encounter, 1 for each procedure.
      const text = 'claim A\n  lesions: 2\n  19081-RT x1\n  19281-RT-XU x1';
      const document = claimDocument(text);
      const lesionHints = hintsOf(document).filter((hint) => labelOf(hint).includes('encounter'));
      assert.deepEqual(lesionHints.map(labelOf), ['1 lesion, 2 in encounter', '1 lesion, 2 in encounter']);
      const tooltip = lesionHints[0]?.tooltip;
      assert.match(
        typeof tooltip === 'string' ? tooltip : '',
        /shared by several procedures.*Write lesions= on its lines/,
      );
      assert.deepEqual(
        validateIds(text).filter((id) => id === 'lesion-units'),
        [],
      );
    });

    it('say when one of several procedures bills more lesions than the encounter has', () => {
      const hints = claimHints('claim A\n  lesions: 2\n  19081-RT x1\n  19082-RT x2\n  19281-RT-XU x1', onlyLesions);
      assert.deepEqual(hints, [
        '19081-RT x1 ⟨1 lesion, 2 in encounter⟩',
        '19082-RT x2 ⟨2 lesions, 2 in encounter, 1 more than the encounter⟩',
        '19281-RT-XU x1 ⟨1 lesion, 2 in encounter⟩',
      ]);
    });

    it('count 1 unit when none are written, after the summary at the end of the line', () => {
      const document = claimDocument('claim A\n  lesions: 1\n  19283-RT $350');
      assert.deepEqual(placed(document, hintsOf(document)), [
        '19283-RT $350 ⟨Stereotactic localization⟩',
        '19283-RT $350 ⟨1 lesion of 1⟩',
      ]);
    });

    it('read as a count of lesions, never as "lesion number 1 of 3"', () => {
      assert.equal(lesionCountLabel(1, 3), '1 lesion of 3');
      assert.equal(lesionCountLabel(2, 3), '2 lesions of 3');
      assert.equal(lesionCountLabel(3, 2), '3 lesions (2 documented)');
      for (let documented = 1; documented <= 4; documented++) {
        for (let units = 1; units <= 5; units++) {
          const label = lesionCountLabel(units, documented);
          assert.match(label, new RegExp(`^${units} lesions? `), label);
          assert.doesNotMatch(label, /^\d+ of /, label);
        }
      }
    });

    it('are not shown without a documented count', () => {
      assert.deepEqual(claimHints('claim A\n  19283 x1\n  19284 x2', onlyLesions), []);
    });
  });

  describe('settings', () => {
    it('codeSummaries off leaves the lesion counts; lesionCounts off leaves the summaries; both off, none', () => {
      const noSummaries = claimHints(specExample, onlyLesions);
      assert.deepEqual(noSummaries, [
        '19283-RT   x1   $350.00   dx=A ⟨1 lesion of 3⟩',
        '19284-RT   x2   $400.00   dx=A ⟨2 lesions of 3⟩',
      ]);
      const noLesions = claimHints(specExample, {
        ...defaultSettings,
        inlayHints: { codeSummaries: true, lesionCounts: false },
      });
      assert.deepEqual(noLesions, [
        '19283-RT   x1   $350.00   dx=A ⟨Stereotactic localization, first lesion⟩',
        '19284-RT   x2   $400.00   dx=A ⟨Stereotactic localization, each additional lesion⟩',
      ]);
      assert.deepEqual(
        claimHints(specExample, { ...defaultSettings, inlayHints: { codeSummaries: false, lesionCounts: false } }),
        [],
      );
    });
  });

  describe('ranges', () => {
    const twoClaims = `${specExample}claim B\n  lesions: 2\n  19285-LT x1\n  19286-LT x1\n`;

    it('gives only the hints inside the range asked for', () => {
      const document = claimDocument(twoClaims);
      const secondClaim: Range = { start: { line: 10, character: 0 }, end: { line: 14, character: 0 } };
      const hints = hintsOf(document, defaultSettings, secondClaim);
      assert.deepEqual(placed(document, hints), [
        '19285-LT x1 ⟨Ultrasound localization⟩',
        '19285-LT x1 ⟨1 lesion of 2⟩',
        '19286-LT x1 ⟨Ultrasound localization⟩',
        '19286-LT x1 ⟨1 lesion of 2⟩',
      ]);
      const oneLine: Range = { start: { line: 8, character: 0 }, end: { line: 8, character: 40 } };
      assert.deepEqual(placed(document, hintsOf(document, defaultSettings, oneLine)), [
        '19284-RT   x2   $400.00   dx=A ⟨Stereotactic localization⟩',
        '19284-RT   x2   $400.00   dx=A ⟨2 lesions of 3⟩',
      ]);
      const beforeTheLineEnd: Range = { start: { line: 8, character: 0 }, end: { line: 8, character: 20 } };
      assert.deepEqual(hintsOf(document, defaultSettings, beforeTheLineEnd), [], 'the hints are at the end, outside');
    });

    it('counts a claim whose lines are only partly in range in full', () => {
      const document = claimDocument(specExample);
      const lastLine: Range = { start: { line: 8, character: 0 }, end: { line: 8, character: 40 } };
      assert.deepEqual(placed(document, hintsOf(document, onlyLesions, lastLine)), [
        '19284-RT   x2   $400.00   dx=A ⟨2 lesions of 3⟩',
      ]);
    });

    it('keeps every hint inside the document and the range, for every fixture and odd ranges', () => {
      const documents = [
        claimDocument(twoClaims),
        claimDocument('19283\r\n19284 x2\r\n'),
        ...x12Fixtures().map((f) => x12Document(f.text)),
        x12Document(x12Batch(1, 4, { oneLine: true })),
      ];
      for (const document of documents) {
        const end = document.positionAt(document.getText().length);
        const ranges: Range[] = [
          wholeRange(document),
          { start: end, end },
          { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          { start: { line: 2, character: 5 }, end: { line: 9999, character: 9999 } },
        ];
        for (const range of ranges) {
          for (const hint of hintsOf(document, defaultSettings, range)) {
            assert.deepEqual(
              document.positionAt(document.offsetAt(hint.position)),
              hint.position,
              `${document.uri} ${JSON.stringify(hint.position)} inside the document`,
            );
            const after = (a: Range['start'], b: Range['start']) =>
              a.line > b.line || (a.line === b.line && a.character >= b.character);
            assert.ok(
              after(hint.position, range.start) && after(range.end, hint.position),
              `${document.uri} ${JSON.stringify(hint.position)} inside ${JSON.stringify(range)}`,
            );
          }
        }
      }
    });
  });

  describe('large documents', () => {
    it('a .claim file: only the text around the range is read, and the model not at all', () => {
      const claims = Array.from({ length: 4000 }, (_, n) => batchClaim(n));
      const text = writeClaimText(claims);
      const full = claimDocument(text);
      const document = countingDocument(full);
      const model = modelReadingNothingWhole(service.parse(full));
      const middle = Math.floor(full.lineCount / 2);
      const range: Range = { start: { line: middle, character: 0 }, end: { line: middle + 40, character: 0 } };
      const hints = service.getInlayHints(document, model, range, defaultSettings);
      assert.ok(hints.length >= 10, `hints in the range: ${hints.length}`);
      assert.deepEqual(hints, hintsOf(full, defaultSettings, range), 'the same hints as from the whole model');
      assert.ok(
        document.charactersRead < text.length / 100,
        `${document.charactersRead} of ${text.length} characters read`,
      );
    });

    it('an 837: only the claims the range touches are read from the segments', () => {
      const full = x12Document(x12Batch(2, 1000));
      const model = service.parse(full);
      assert.ok(model instanceof X12DocumentModel);
      let claimsRead = 0;
      const readClaimAt = model.readClaimAt.bind(model);
      model.readClaimAt = (span, problems, visit) =>
        readClaimAt(span, problems, (claim) => {
          claimsRead++;
          visit(claim);
        });
      const middle = Math.floor(full.lineCount / 2);
      const range: Range = { start: { line: middle, character: 0 }, end: { line: middle + 60, character: 0 } };
      const hints = service.getInlayHints(full, modelReadingNothingWhole(model), range, defaultSettings);
      assert.ok(hints.length >= 5, `hints in the range: ${hints.length}`);
      // 60 lines of about 15 segments a claim (each line dated in its loop 2400): 4 claims, plus the one the range starts in.
      assert.ok(claimsRead >= 3 && claimsRead <= 6, `claims read: ${claimsRead}`);
    });

    it(`an 837 on one line: at most ${maxClaimsPerRequest} claims are read for one request`, () => {
      const document = x12Document(x12Batch(1, maxClaimsPerRequest + 100, { oneLine: true }));
      const hints = hintsOf(document);
      assert.equal(
        hints.length,
        maxClaimsPerRequest * 3 - Math.ceil(maxClaimsPerRequest / 7),
        'three lines a claim, every seventh without its primary',
      );
    });
  });
});

function reference(): CodeReference {
  return new CodeReference({ codes: bundledCodes, modifiers: bundledModifiers });
}

function descriptors(texts: Record<string, string>): DescriptorSource {
  return { label: 'org.tsv', descriptorOf: (code) => texts[code] };
}

function validateIds(text: string): string[] {
  const document = claimDocument(text);
  return service.doValidation(document, service.parse(document)).map((d) => String(d.code));
}
