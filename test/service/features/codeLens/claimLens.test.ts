/**
 * The CodeLens on each claim (issue 8): lesions documented versus billed,
 * the total charge and the claim's problems, per format; the problem counts
 * equal validation's diagnostics inside each claim, for every example and
 * fixture; finding the lenses parses nothing and resolving one reads its
 * claim alone; odd lens data never throws.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CodeLens, DiagnosticSeverity } from 'vscode-languageserver-types';
import { documentRules } from '../../../../server/src/service/rules/ruleCatalog';
import { type ClaimSettings, defaultSettings } from '../../../../server/src/service/settings';
import { writeClaimText } from '../../../support/documents/claimBatch';
import { claimDocument, service, validate, x12Document } from '../../../support/documents/claimDocuments';
import { countingDocument, modelReadingNothingWhole } from '../../../support/checks/readCounting';
import { repoRoot } from '../../../support/repoRoot';
import { specExample } from '../../../support/documents/specExample';
import { batchClaim, x12Batch } from '../../../support/documents/x12Batch';
import { x12Fixtures } from '../../../support/documents/x12Fixtures';

function lensesOf(document: TextDocument, settings?: ClaimSettings): Array<{ line: number; title: string }> {
  const model = service.parse(document);
  return service.getCodeLenses(document, model).map((lens) => ({
    line: lens.range.start.line,
    title: service.resolveCodeLens(document, model, lens, settings).command?.title ?? '(none)',
  }));
}

function titles(text: string, settings?: ClaimSettings): string[] {
  return lensesOf(claimDocument(text), settings).map(({ title }) => title);
}

/** The counts a lens's last parts give: problems (errors and warnings: `no problems`, `1 warning`, `3 problems: ...`) and notes. */
function lensCounts(title: string): { problems: number; notes: number } {
  const parts = title.split(' · ');
  const notesMatch = /^(\d+) notes?$/.exec(parts[parts.length - 1] ?? '');
  if (notesMatch) {
    parts.pop();
  }
  const notes = notesMatch ? Number(notesMatch[1]) : 0;
  const part = parts.pop() ?? '';
  if (part === 'no problems') {
    return { problems: 0, notes };
  }
  const match = /^(\d+) (problems|errors?|warnings?)\b/.exec(part);
  assert.ok(match, `a problems part in '${title}'`);
  return { problems: Number(match[1]), notes };
}

const documentRuleIds = new Set(documentRules.map((rule) => rule.id));
/** A claim line and a diagnosis, so lines with RT and dx=A draw no laterality or pointer notices. */
const header = 'claim A\n  dx: C50.411\n';

describe('claim CodeLens', () => {
  it('on the spec example: one lens on the claim line, lesions complete, total charge, no problems', () => {
    const lenses = lensesOf(claimDocument(specExample));
    assert.deepEqual(lenses, [
      { line: 1, title: '3 lesions: 19283 x1 + 19284 x2, complete · total $750.00 · no problems' },
    ]);
  });

  it('says how many lesions are missing or too many, and counts the lesion-units warning', () => {
    assert.deepEqual(titles(`${header}  lesions: 3\n  19283-RT x1 $350 dx=A\n  19284-RT x1 $400 dx=A`), [
      '3 lesions: 19283 x1 + 19284 x1, missing 1 · total $750.00 · 1 warning',
    ]);
    assert.deepEqual(titles(`${header}  lesions: 2\n  19283-RT x1 $350 dx=A\n  19284-RT x2 $1200.5 dx=A`), [
      '2 lesions: 19283 x1 + 19284 x2, 1 too many · total $1,550.50 · 1 warning',
    ]);
  });

  it('never says complete when a first-lesion code carries the lesions of its add-on (primary-units), and names the code', () => {
    // 3 lesions, 3 units: the count adds up, but 19283 x2 should be 19283 x1 + 19284 x2.
    assert.deepEqual(titles(`${header}  lesions: 3\n  19283-RT x2 $700 dx=A\n  19284-RT x1 $400 dx=A`), [
      '3 lesions: 19283 x2 + 19284 x1, adds up, but 19283 takes 1 unit · total $1,100.00 · 1 warning',
    ]);
    assert.deepEqual(titles(`${header}  lesions: 3\n  19283-RT x3 $1050 dx=A`), [
      '3 lesions: 19283 x3, adds up, but 19283 takes 1 unit · total $1,050.00 · 1 warning',
    ]);
    // Counts that differ keep their balance, and the first-lesion units are named after it.
    assert.deepEqual(titles(`${header}  lesions: 4\n  19283-RT x2 $700 dx=A\n  19284-RT x1 $400 dx=A`), [
      '4 lesions: 19283 x2 + 19284 x1, missing 1; 19283 takes 1 unit · total $1,100.00 · 2 warnings',
    ]);
    // Two modalities of one procedure, each first-lesion code over 1 unit.
    const [twoModalities] = titles(`${header}  lesions: 4\n  19281-RT x2 dx=A\n  19283-RT-59 x2 dx=A`);
    assert.match(
      twoModalities ?? '',
      /^4 lesions: 19281 x2 \+ 19283 x2, adds up, but 19281 and 19283 take 1 unit each · /,
    );
  });

  it('never says complete when a first-lesion code is keyed on two lines of a date, or an add-on lacks its own primary', () => {
    // The case: 19083 keyed twice on one side for 2 lesions adds up, but is 19083 x2 (primary-units).
    assert.deepEqual(titles(`${header}  lesions: 2\n  19083-RT x1 $500 dx=A\n  19083-RT x1 $500 dx=A`), [
      '2 lesions: 19083 x1 + 19083 x1, adds up, but 19083 takes 1 unit · total $1,000.00 · 1 warning',
    ]);
    // On two dates they are two sessions: complete.
    assert.deepEqual(
      titles(`${header}  lesions: 2\n  19083-RT x1 $500 dx=A dos=2026-03-14\n  19083-RT x1 $500 dx=A dos=2026-03-20`),
      ['2 lesions: 19083 x1 + 19083 x1, complete · total $1,000.00 · no problems'],
    );
    // 2 units for 2 lesions, but the ultrasound add-on is billed with the stereotactic primary (addon-wrong-modality).
    const [wrongModality] = titles(`${header}  lesions: 2\n  19283-RT x1 $350 dx=A\n  19286-RT x1 $400 dx=A`);
    assert.match(wrongModality ?? '', /^2 lesions: 19283 x1 \+ 19286 x1, adds up, but \+19286 needs 19285 · /);
  });

  it('names each procedure when a claim bills more than one, and counts problems by severity and notes apart', () => {
    // 19999: missing-dx-pointer (information; with no list of CPT codes loaded, no unknown-code); the localization lines: lesion-units (warning).
    const [title] = titles(
      `${header}  lesions: 2\n  19081-RT x1 dx=A lesions=2\n  19082-RT x1 dx=A\n  19283-RT-59 x1 dx=A lesions=2\n  19999`,
    );
    assert.equal(
      title,
      'biopsy 2 lesions: 19081 x1 + 19082 x1, complete; localization 2 lesions: 19283 x1, missing 1 · 1 warning · 1 note',
    );
  });

  it("says once that procedures share the encounter's lesions when their split is not documented", () => {
    const [shared] = titles(`${header}  lesions: 2\n  19081-RT x1 dx=A\n  19281-RT-XU x1 dx=A`);
    assert.equal(
      shared,
      '2 lesions in the encounter, split not documented: biopsy 19081 x1; localization 19281 x1 · no problems',
    );
    const [over] = titles(`${header}  lesions: 2\n  19081-RT x1 dx=A\n  19082-RT x2 dx=A\n  19281-RT-XU x1 dx=A`);
    assert.equal(
      over,
      '2 lesions in the encounter, split not documented: biopsy 19081 x1 + 19082 x2, 1 more than the encounter; localization 19281 x1 · 1 warning',
    );
  });

  it('says lesions billed when no count is documented, and what lines lack a charge', () => {
    assert.deepEqual(titles(`${header}  19283-RT x1 $350 dx=A\n  19284-RT x2 dx=A`), [
      '3 lesions billed: 19283 x1 + 19284 x2, count not documented · total $350.00 (1 line without a charge) · no problems',
    ]);
    assert.deepEqual(titles(`${header}  77065-RT dx=A`), ['no problems']);
  });

  it('gives a lens to the unnamed claim before the first claim line, after leading comments', () => {
    const document = claimDocument('# batch\n\n19283 x1\n19284 x2\nclaim B\n  19283');
    // Without sides, each lesion-counted line gets laterality-missing (information).
    assert.deepEqual(
      lensesOf(document).map(({ line, title }) => `${line}: ${title}`),
      [
        '2: 3 lesions billed: 19283 x1 + 19284 x2, count not documented · no problems · 2 notes',
        '4: 1 lesion billed: 19283 x1, count not documented · no problems · 1 note',
      ],
    );
    assert.deepEqual(lensesOf(claimDocument('# only a comment\n\n')), []);
    assert.deepEqual(lensesOf(claimDocument('')), []);
  });

  it('follows the settings: a rule turned off is not counted, a lowered one is counted at its new severity', () => {
    const text = `${header}  19284-RT x1 $400 dx=A`;
    assert.deepEqual(titles(text), ['1 lesion billed: 19284 x1, count not documented · total $400.00 · 1 error']);
    assert.deepEqual(titles(text, { ...defaultSettings, rules: { 'addon-without-primary': 'off' } }), [
      '1 lesion billed: 19284 x1, count not documented · total $400.00 · no problems',
    ]);
    assert.deepEqual(titles(text, { ...defaultSettings, rules: { 'addon-without-primary': 'hint' } }), [
      '1 lesion billed: 19284 x1, count not documented · total $400.00 · no problems · 1 note',
    ]);
  });

  it('calls a claim with information findings only one with no problems, and counts its notes', () => {
    // 77065 without dx=A: missing-dx-pointer (information) only.
    const text = `${header}  77065-RT`;
    assert.deepEqual(
      validate(text).map((d) => [d.code, d.severity]),
      [['missing-dx-pointer', DiagnosticSeverity.Information]],
    );
    assert.deepEqual(titles(text), ['no problems · 1 note']);
    assert.doesNotMatch(titles(text)[0] ?? '', /\b1 problem|info/);
  });

  it('does not count a problem a claim-lint-disable comment silences', () => {
    const text = `${header}  # claim-lint-disable addon-without-primary\n  19284-RT x1 dx=A`;
    assert.deepEqual(titles(text), ['1 lesion billed: 19284 x1, count not documented · no problems']);
    assert.deepEqual(titles(text.replace('addon-without-primary', 'no-such-rule')), [
      '1 lesion billed: 19284 x1, count not documented · 2 problems: 1 error, 1 warning',
    ]);
  });

  describe('837P', () => {
    it("shows lesions billed (837P has no count), CLM02 and the claims' problems", () => {
      const fixture = x12Fixtures().find((f) => f.name === 'claim-total.837');
      assert.ok(fixture);
      const [lens] = lensesOf(x12Document(fixture.text));
      assert.match(
        lens?.title ?? '',
        /^\d lesions? billed: 19283 x1( \+ 19284 x\d)? · total \$[\d,.]+, lines \$[\d,.]+ · 1 error$/,
      );
      const document = x12Document(
        fs.readFileSync(path.join(repoRoot(), 'test/editor/fixtures/workspace/two-claims.837'), 'utf8'),
      );
      assert.deepEqual(lensesOf(document), [
        { line: 16, title: '2 lesions billed: 19283 x1 + 19284 x1 · total $750.00 · no problems' },
        { line: 28, title: '1 lesion billed: 19284 x1 · total $400.00 · 1 error' },
      ]);
    });

    it('gives an 837 on one line a lens only while it holds one claim', () => {
      assert.equal(lensesOf(x12Document(x12Batch(1, 1, { oneLine: true }))).length, 1);
      assert.deepEqual(lensesOf(x12Document(x12Batch(1, 3, { oneLine: true }))), []);
    });

    it('gives an 837 without a readable ISA no lens', () => {
      assert.deepEqual(lensesOf(x12Document('not an interchange')), []);
    });
  });

  it('counts exactly the diagnostics validation reports in each claim, for every example and fixture', () => {
    const root = repoRoot();
    const files = [
      ...fs.readdirSync(path.join(root, 'examples')).map((name) => path.join(root, 'examples', name)),
      ...fs
        .readdirSync(path.join(root, 'test/editor/fixtures/workspace'))
        .filter((name) => /\.(claim|837|edi)$/.test(name))
        .map((name) => path.join(root, 'test/editor/fixtures/workspace', name)),
      ...x12Fixtures().map((f) => path.join(root, 'test/editor/fixtures/workspace/x12', f.name)),
    ];
    let claims = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const document = file.endsWith('.claim') ? claimDocument(text) : x12Document(text);
      const lenses = lensesOf(document);
      const diagnostics = service
        .doValidation(document, service.parse(document))
        .filter((d) => !documentRuleIds.has(String(d.code)));
      lenses.forEach((lens, index) => {
        const next = lenses[index + 1]?.line ?? Number.MAX_SAFE_INTEGER;
        // A .claim claim owns its lines up to the next claim line; an 837's claims end where the next begins too.
        const inClaim = diagnostics.filter((d) => d.range.start.line >= lens.line && d.range.start.line < next);
        const notes = inClaim.filter(
          (d) => d.severity === DiagnosticSeverity.Information || d.severity === DiagnosticSeverity.Hint,
        ).length;
        assert.deepEqual(
          lensCounts(lens.title),
          { problems: inClaim.length - notes, notes },
          `${path.basename(file)} line ${lens.line}: '${lens.title}' against ${inClaim.map((d) => String(d.code)).join(', ')}`,
        );
        claims++;
      });
    }
    assert.ok(claims >= 20, `claims compared: ${claims}`);
  });

  describe('large documents and odd input', () => {
    it("finding a .claim file's lenses reads no claim; resolving one reads its claim's text alone", () => {
      const text = writeClaimText(Array.from({ length: 4000 }, (_, n) => batchClaim(n)));
      const full = claimDocument(text);
      const model = modelReadingNothingWhole(service.parse(full));
      const lenses = service.getCodeLenses(countingDocument(full, { allowWholeText: true }), model);
      assert.equal(lenses.length, 4000);
      const document = countingDocument(full);
      const lens = lenses[2000] as CodeLens;
      const resolved = service.resolveCodeLens(document, model, lens);
      assert.equal(
        resolved.command?.title,
        '2 lesions billed: 19281 x1 + 19282 x1, count not documented · total $840.00 · no problems',
        'claim 2000 bills one lesion too few, with no count to say so',
      );
      assert.deepEqual(
        resolved,
        service.resolveCodeLens(full, service.parse(full), lens),
        'the same lens as from the whole document',
      );
      assert.ok(document.charactersRead < 2000, `${document.charactersRead} of ${text.length} characters read`);
    });

    it('resolving a lens of an 837 reads one claim', () => {
      const document = x12Document(x12Batch(2, 1000));
      const model = service.parse(document);
      const lenses = service.getCodeLenses(document, modelReadingNothingWhole(model));
      assert.equal(lenses.length, 2000);
      const resolved = service.resolveCodeLens(document, modelReadingNothingWhole(model), lenses[1500] as CodeLens);
      assert.match(resolved.command?.title ?? '', /lesions? billed/);
    });

    it('answers lens data that is missing, malformed or past the end without throwing', () => {
      const document = claimDocument(specExample);
      const model = service.parse(document);
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      for (const data of [
        undefined,
        null,
        'x',
        { position: { line: -1, character: 0 } },
        { position: { line: 'a', character: 0 } },
        { position: { line: 9999, character: 0 } },
        { uri: document.uri, position: { line: 0, character: 0 } },
      ]) {
        const resolved = service.resolveCodeLens(document, model, { range, data });
        assert.equal(typeof resolved.command?.title, 'string', JSON.stringify(data));
      }
    });

    it('puts every lens inside the document', () => {
      for (const document of [
        claimDocument(`${specExample}claim B\r\n19283\r\n`),
        ...x12Fixtures().map((f) => x12Document(f.text)),
      ]) {
        for (const lens of service.getCodeLenses(document, service.parse(document))) {
          assert.deepEqual(document.positionAt(document.offsetAt(lens.range.start)), lens.range.start, document.uri);
        }
      }
    });
  });
});
