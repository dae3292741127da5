/**
 * Property: every quick fix, applied, yields a document whose re-validation
 * no longer reports that diagnostic and changes no other line, in both file
 * formats. Inputs are generated claims that trip every rule with a fix
 * (`test/support/documents/fixableDocuments.ts`; a fixed number of cases from a printed
 * seed, replayed with FUZZ_SEED=<seed>, FUZZ_RUNS=<n> for more), every
 * example and fixture file as it is, and the example of each rule page. Each
 * fix is asked for as an editor asks: `getCodeActions` for the diagnostic's
 * range with that diagnostic as context, and applied to the original text.
 *
 * "Line" means a line of a `.claim` file and a segment of an 837 (so a
 * one-line 837 is compared segment by segment). A fix that adds or removes
 * 837 segments must also renumber the claim's later LX and recount SE01:
 * "changes no other line" is about the content a coder wrote, and leaving
 * SE01 stale would trade the fixed problem for an x12-segment-count error.
 * Those two numbers are the only other text such a fix may change, and the
 * test checks they come out right.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { bundledCodes } from '../../../../server/src/service/reference/bundledCodes';
import { allRules, defaultSettings, getLanguageService } from '../../../../server/src/service';
import type { ClaimDocumentModel, ServiceLine } from '../../../../server/src/service/model/model';
import { claimDocumentArb, x12DocumentArb } from '../../../support/documents/fixableDocuments';
import { repoRoot } from '../../../support/repoRoot';
import { example, x12Text } from '../../../support/documents/ruleDocExamples';
import { linesOf, OffsetEdits, segmentsOf, spansOverlap, type TextUnit } from '../../../support/documents/textUnits';

const service = getLanguageService();
const settings = { ...defaultSettings, maxNumberOfProblems: 1e6 };
const seed = Number(process.env.FUZZ_SEED ?? 20261125);
const numRuns = Number(process.env.FUZZ_RUNS ?? 150);

type Format = 'claim' | 'x12';

/**
 * The rules that offer quick fixes (read from the rule modules, the parser's
 * `replacement`s and docs/rules/<id>.md, "Quick fix"). A run must apply a fix
 * of each, so the property cannot silently cover nothing; a rule that offers
 * a fix and is missing here fails the run, so the list stays complete.
 * `lesion-units` needs a lesion count, which an 837 does not have.
 */
const fixableRules: Record<Format, readonly string[]> = {
  claim: [
    'addon-without-primary',
    'addon-wrong-modality',
    'primary-units',
    'lesion-units',
    'deleted-code',
    'bilateral-modifier',
    'laterality-missing',
    'duplicate-line',
    'lowercase-code',
    'biopsy-with-localization',
  ],
  x12: [
    'addon-without-primary',
    'addon-wrong-modality',
    'primary-units',
    'deleted-code',
    'bilateral-modifier',
    'laterality-missing',
    'duplicate-line',
    'lowercase-code',
    'x12-icd-decimal',
    'x12-segment-count',
    'x12-control-numbers',
    'x12-claim-total',
    'biopsy-with-localization',
  ],
};

/** Fixes that add or remove a whole 837 service line (loop 2400). */
const lineDeletingRules = new Set(['duplicate-line', 'lesion-units', 'primary-units', 'deleted-code']);

/**
 * Rules a fix of the key rule must not make report more often: a deleted
 * code's fix bills nothing twice (its replacement is not already on the
 * claim), and taking its line off keeps the 837 total (CLM02) adding up.
 */
const mustNotRaise: Readonly<Record<string, readonly string[]>> = {
  'deleted-code': ['duplicate-line', 'x12-claim-total'],
};

class FixTally {
  cases = 0;
  diagnosticsWithFixes = 0;
  fixesApplied = 0;
  readonly byRule = new Map<string, number>();

  count(ruleId: string): void {
    this.fixesApplied += 1;
    this.byRule.set(ruleId, (this.byRule.get(ruleId) ?? 0) + 1);
  }

  summary(): string {
    const rules = [...this.byRule].sort(([a], [b]) => a.localeCompare(b)).map(([id, n]) => `${id} ${n}`);
    return `${this.cases} documents, ${this.diagnosticsWithFixes} diagnostics with fixes, ${this.fixesApplied} fixes applied (${rules.join(', ')})`;
  }
}

function documentOf(text: string, format: Format, version = 1): TextDocument {
  return TextDocument.create(`file:///quick-fix.${format === 'x12' ? '837' : 'claim'}`, format, version, text);
}

function offsets(document: TextDocument, diagnostic: Diagnostic): { start: number; end: number } {
  return { start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) };
}

/** The lines (`.claim`) or segments (837) of a text. */
function unitsOf(text: string, model: ClaimDocumentModel): TextUnit[] {
  return model.x12 ? segmentsOf(text, model.x12.interchange.separators.segment) : linesOf(text);
}

function assertEditsInsideAndApart(document: TextDocument, edits: readonly TextEdit[], label: string): void {
  const spans = edits.map((edit) => {
    const { start, end } = edit.range;
    for (const position of [start, end]) {
      assert.ok(
        position.line >= 0 && position.line < document.lineCount && position.character >= 0,
        `${label}: ${JSON.stringify(edit.range)} is outside the document`,
      );
      const back = document.positionAt(document.offsetAt(position));
      assert.deepEqual(back, position, `${label}: ${JSON.stringify(position)} is not a position of the document`);
    }
    return { start: document.offsetAt(start), end: document.offsetAt(end) };
  });
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  sorted.forEach((span, n) => {
    assert.ok(span.start <= span.end, `${label}: an edit ends before it starts`);
    const next = sorted[n + 1];
    assert.ok(!next || span.end <= next.start, `${label}: edits overlap`);
  });
}

/** The segment id of an 837 unit (its text up to the first element separator). */
function segmentId(unit: TextUnit, element: string): string {
  return unit.text.trimStart().split(element, 1)[0] ?? '';
}

/**
 * The units the fix may change besides the diagnostic's own, as its rule's
 * page documents: `primary-units` moves units onto the claim's add-on line;
 * removing a `.claim` line takes its `claim-lint-disable-next-line` comment
 * along; removing an 837 service line removes its whole loop 2400 (the LX
 * before its SV1 and the segments after it up to the next loop) and may take
 * the line's charge off the claim's total (its CLM).
 */
function documentedUnits(
  ruleId: string,
  model: ClaimDocumentModel,
  document: TextDocument,
  diagnostic: Diagnostic,
  units: readonly TextUnit[],
  own: Set<number>,
): Set<number> {
  const allowed = new Set(own);
  const touching = (span: { start: number; end: number }) =>
    units.forEach((unit, n) =>
      spansOverlap(span, unit) || (span.start === span.end && span.start === unit.start) ? allowed.add(n) : undefined,
    );
  if (ruleId === 'primary-units') {
    const at = offsets(document, diagnostic);
    const spanOf = (line: ServiceLine) => ({
      start: document.offsetAt(line.range.start),
      end: document.offsetAt(line.range.end),
    });
    const claim = model.claims.find((c) =>
      c.lines.some((line) => spanOf(line).start <= at.start && at.end <= spanOf(line).end),
    );
    const primary = claim?.lines.find((line) => spanOf(line).start <= at.start && at.end <= spanOf(line).end);
    const addOn = bundledCodes.find(
      (info) => info.lesion?.role === 'additional' && primary && info.addOnTo?.includes(primary.code.value),
    );
    claim?.lines.filter((line) => line.code.value === addOn?.code).forEach((line) => touching(spanOf(line)));
  }
  if (!model.x12 && lineDeletingRules.has(ruleId)) {
    [...own]
      .filter((n) => n > 0 && /^\s*#\s*claim-lint-disable-next-line\s/.test(units[n - 1]?.text ?? ''))
      .forEach((n) => allowed.add(n - 1));
  }
  const element = model.x12?.interchange.separators.element;
  if (element && lineDeletingRules.has(ruleId)) {
    for (const n of own) {
      if (segmentId(units[n] as TextUnit, element) !== 'SV1') {
        continue;
      }
      if (n > 0 && segmentId(units[n - 1] as TextUnit, element) === 'LX') {
        allowed.add(n - 1);
      }
      for (let before = n - 1; before >= 0; before--) {
        if (segmentId(units[before] as TextUnit, element) === 'CLM') {
          allowed.add(before);
          break;
        }
      }
      for (
        let after = n + 1;
        after < units.length &&
        !['LX', 'CLM', 'HL', 'SE', 'GE', 'IEA'].includes(segmentId(units[after] as TextUnit, element));
        after++
      ) {
        allowed.add(after);
      }
    }
  }
  return allowed;
}

/**
 * How units are compared. When a fix adds or removes 837 segments, LX01 and
 * SE01 are compared without their number: the fix must renumber the claim's
 * later LX and recount SE01 (checked separately), or it would leave the file
 * with a wrong segment count, which is worse than the line it fixed.
 */
function unitKey(unit: TextUnit, element: string | undefined, renumbering: boolean): string {
  if (!element || !renumbering) {
    return unit.text;
  }
  const id = segmentId(unit, element);
  if (id !== 'LX' && id !== 'SE') {
    return unit.text;
  }
  const parts = unit.text.split(element);
  parts[1] = '#';
  return parts.join(element);
}

/** LX01 of each claim, in order, for the numbering check. */
function lxNumbers(units: readonly TextUnit[], element: string): string[][] {
  const claims: string[][] = [];
  for (const unit of units) {
    const id = segmentId(unit, element);
    if (id === 'CLM') {
      claims.push([]);
    } else if (id === 'LX') {
      claims.at(-1)?.push(unit.text.trimStart().split(element)[1]?.replace(/\W+$/, '') ?? '');
    }
  }
  return claims;
}

const isCounted = (claims: string[][]) => claims.every((numbers) => numbers.every((n, i) => n === String(i + 1)));

function lineEnds(text: string): Set<string> {
  return new Set([...text.matchAll(/\r\n|\r|\n/g)].map((match) => match[0]));
}

/** The rule ids the suppression comments of a `.claim` model silence on a line. */
function silencedOn(model: ClaimDocumentModel, line: number): string[] {
  const ids = (model.suppressions ?? [])
    .filter((s) => s.firstLine <= line && line <= s.lastLine)
    .flatMap((s) => s.ruleIds.map((id) => id.value));
  return [...new Set(ids)].sort();
}

/**
 * (3) A fix changes no line's meaning either: each line the edits left whole
 * is silenced by the same rules as before. (A `claim-lint-disable-next-line`
 * comment speaks of the line below it; a line put or taken away between them
 * would silence another line.)
 */
function assertSameLinesSilenced(
  document: TextDocument,
  model: ClaimDocumentModel,
  fixed: TextDocument,
  fixedModel: ClaimDocumentModel,
  mapped: OffsetEdits,
  label: string,
): void {
  linesOf(document.getText()).forEach((line, n) => {
    if (!mapped.leavesWhole(line.start, line.end)) {
      return;
    }
    const moved = fixed.positionAt(mapped.map(line.start, 'end')).line;
    assert.deepEqual(
      silencedOn(fixedModel, moved),
      silencedOn(model, n),
      `${label}: line ${n + 1} (now ${moved + 1}) is silenced by other rules`,
    );
  });
}

function checkFix(
  document: TextDocument,
  model: ClaimDocumentModel,
  before: readonly Diagnostic[],
  diagnostic: Diagnostic,
  action: CodeAction,
  format: Format,
  tally: FixTally,
): void {
  const ruleId = String(diagnostic.code);
  const label = `fix '${action.title}' of ${ruleId} at ${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
  assert.ok(
    fixableRules[format].includes(ruleId),
    `${ruleId} offers a fix in ${format} but is not in the list of fixable rules`,
  );
  assert.equal(action.kind, 'quickfix', label);
  assert.deepEqual(action.diagnostics, [diagnostic], `${label}: the action names its diagnostic`);
  const edits = action.edit?.changes?.[document.uri] ?? [];
  assert.ok(edits.length > 0, `${label} changes nothing`);
  assert.deepEqual(Object.keys(action.edit?.changes ?? {}), [document.uri], `${label} edits another document`);
  assertEditsInsideAndApart(document, edits, label);
  tally.count(ruleId);

  const text = document.getText();
  const fixedText = TextDocument.applyEdits(document, edits);
  const fixed = documentOf(fixedText, format, 2);
  const fixedModel = service.parse(fixed);
  const after = service.doValidation(fixed, fixedModel, settings);

  // (1) The diagnostic is gone. "The same diagnostic" after the fix is one
  // with the same rule id whose range overlaps the old range mapped through
  // the edits (widened over any text an edit wrote at its ends), or overlaps
  // text the fix wrote: a fix that moves its problem onto the line it
  // inserted has not fixed it. And the rule reports fewer diagnostics than
  // before, so a problem that moved elsewhere in its claim is caught too.
  const mapped = new OffsetEdits(document, edits);
  const old = offsets(document, diagnostic);
  const spans = [
    { start: mapped.map(old.start, 'start'), end: mapped.map(old.end, 'end') },
    ...mapped.written().filter((span) => span.end > span.start),
  ];
  const still = after.find(
    (d) => d.code === diagnostic.code && spans.some((span) => spansOverlap(offsets(fixed, d), span)),
  );
  assert.equal(
    still,
    undefined,
    `${label}: still reported after the fix (${JSON.stringify(still?.range)}: ${JSON.stringify(still?.message)})`,
  );
  const count = (list: readonly Diagnostic[], id: string) => list.filter((d) => d.code === id).length;
  assert.ok(
    count(after, ruleId) < count(before, ruleId),
    `${label}: ${ruleId} reported ${count(after, ruleId)} times after, ${count(before, ruleId)} before`,
  );
  for (const other of mustNotRaise[ruleId] ?? []) {
    assert.ok(
      count(after, other) <= count(before, other),
      `${label}: ${other} reported ${count(after, other)} times after, ${count(before, other)} before`,
    );
  }

  // (2) No other line changed: every line (837: segment) of the old text
  // outside the diagnostic's own and those its rule documents is still there,
  // unchanged and in order; new lines may come in between.
  const units = unitsOf(text, model);
  const fixedUnits = unitsOf(fixedText, model);
  const own = new Set<number>();
  units.forEach((unit, n) =>
    spansOverlap(old, unit) || (old.start === old.end && unit.start <= old.start && old.start <= unit.end)
      ? own.add(n)
      : undefined,
  );
  const allowed = documentedUnits(ruleId, model, document, diagnostic, units, own);
  const element = model.x12?.interchange.separators.element;
  const renumbering = element !== undefined && fixedUnits.length !== units.length;
  let cursor = 0;
  units.forEach((unit, n) => {
    if (allowed.has(n)) {
      return;
    }
    const key = unitKey(unit, element, renumbering);
    while (cursor < fixedUnits.length && unitKey(fixedUnits[cursor] as TextUnit, element, renumbering) !== key) {
      cursor++;
    }
    assert.ok(
      cursor < fixedUnits.length,
      `${label}: ${model.x12 ? 'segment' : 'line'} ${n + 1} changed or moved: ${JSON.stringify(unit.text)}`,
    );
    cursor++;
  });
  if (element && renumbering) {
    assert.ok(
      !isCounted(lxNumbers(units, element)) || isCounted(lxNumbers(fixedUnits, element)),
      `${label}: LX numbers no longer count 1, 2, ... in each claim`,
    );
    assert.ok(
      count(after, 'x12-segment-count') <= count(before, 'x12-segment-count'),
      `${label}: SE01 no longer counts the segments`,
    );
  }
  if (!model.x12) {
    assertSameLinesSilenced(document, model, fixed, fixedModel, mapped, label);
  }
  const ends = lineEnds(text);
  for (const end of lineEnds(fixedText)) {
    assert.ok(
      ends.has(end) || (ends.size === 0 && !model.x12),
      `${label}: writes a line end (${JSON.stringify(end)}) the document does not use`,
    );
  }
}

/** The property on one document: each fix of each diagnostic, applied to the document as it was. */
function checkEveryQuickFix(text: string, format: Format, tally: FixTally): void {
  tally.cases += 1;
  const document = documentOf(text, format);
  const model = service.parse(document);
  const before = service.doValidation(document, model, settings);
  for (const diagnostic of before) {
    const actions = service.getCodeActions(document, model, diagnostic.range, { diagnostics: [diagnostic] }, settings);
    if (actions.length > 0) {
      tally.diagnosticsWithFixes += 1;
    }
    for (const action of actions) {
      checkFix(document, model, before, diagnostic, action, format, tally);
    }
  }
}

function assertEveryRuleExercised(tally: FixTally, format: Format): void {
  const missing = fixableRules[format].filter((id) => !tally.byRule.has(id));
  assert.deepEqual(missing, [], `no fix of ${missing.join(', ')} was applied in ${tally.cases} ${format} documents`);
}

/** The example and fixture files of the repository, and the example that fires each rule in its page, with their format. */
function exampleFiles(): Array<{ name: string; format: Format; text: string }> {
  const root = repoRoot();
  const dirs = [
    'examples',
    'test/editor/fixtures/workspace',
    'test/editor/fixtures/workspace/x12',
    'test/editor/fixtures/workspace/licensed',
  ];
  const files = dirs.flatMap((dir) =>
    fs
      .readdirSync(path.join(root, dir))
      .filter((name) => /\.(claim|837|edi|x12)$/.test(name))
      .map((name) => ({
        name: `${dir}/${name}`,
        format: name.endsWith('.claim') ? ('claim' as const) : ('x12' as const),
        text: fs.readFileSync(path.join(root, dir, name), 'utf8'),
      })),
  );
  const pages = allRules.map((rule) => ({ id: rule.id, ...example(rule.id, 'Example that fires') }));
  return files.concat(
    pages.map(({ id, language, text }) => ({
      name: `docs/rules/${id}.md`,
      format: language === 'x12' ? ('x12' as const) : ('claim' as const),
      text: language === 'x12' && text.startsWith('CLM') ? x12Text(text) : text,
    })),
  );
}

describe(`every quick fix removes its diagnostic and changes no other line (seed ${seed}, ${numRuns} cases a format; replay with FUZZ_SEED)`, function () {
  this.timeout(120_000);

  it('in generated .claim files', () => {
    const tally = new FixTally();
    fc.assert(
      fc.property(claimDocumentArb, (text) => checkEveryQuickFix(text, 'claim', tally)),
      { seed, numRuns },
    );
    console.log(`      .claim: ${tally.summary()}`);
    assertEveryRuleExercised(tally, 'claim');
  });

  it('in generated 837P files', () => {
    const tally = new FixTally();
    fc.assert(
      fc.property(x12DocumentArb, (text) => checkEveryQuickFix(text, 'x12', tally)),
      { seed: seed + 1, numRuns },
    );
    console.log(`      837P: ${tally.summary()}`);
    assertEveryRuleExercised(tally, 'x12');
  });

  it('in every example and fixture file as it is', () => {
    const tally = new FixTally();
    const files = exampleFiles();
    for (const file of files) {
      try {
        checkEveryQuickFix(file.text, file.format, tally);
      } catch (error) {
        throw new Error(`${file.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    console.log(`      files: ${tally.summary()}`);
    assert.ok(files.length >= 50 && tally.fixesApplied > 0, `${files.length} files, ${tally.fixesApplied} fixes`);
  });
});
