/**
 * Formatting round trips on every claim file of the repository (examples/,
 * the editor fixtures, each rule page's example and corrected version), as
 * written and with their white space disturbed: every token (`.claim`) or
 * segment (837) is kept in order, formatting again changes nothing, and the
 * diagnostics are the same with their ranges moved; an 837 laid out on one
 * line, then a segment per line, then on one line again is the one-line file.
 */
import * as assert from 'node:assert/strict';
import { parseX12Text } from '../../../../server/src/service/x12/x12ClaimParser';
import type { X12Layout } from '../../../../server/src/service';
import {
  assertDiagnosticsKept,
  assertWellFormedEdits,
  formatted,
  type Language,
  withLayout,
} from '../../../support/checks/formattingChecks';
import { repositoryClaimFiles } from '../../../support/documents/repositoryClaimFiles';

const files = repositoryClaimFiles();

function tokensByLine(text: string): string[][] {
  return text.split(/\r\n|\r|\n/).map((line) => line.match(/\S+/g) ?? []);
}

function segmentTexts(text: string): string[] {
  const segments = parseX12Text(text).x12?.interchange.segments;
  return segments ? [...segments].map((segment) => text.slice(segment.start, segment.end)) : [];
}

/** Each segment after its predecessor's terminator and one line end, unless junk stands between them (kept as written). */
function assertSegmentPerLine(name: string, text: string): void {
  const x12 = parseX12Text(text).x12;
  const segments = x12 ? [...x12.interchange.segments] : [];
  const terminator = x12?.interchange.separators.segment ?? '';
  segments.slice(1).forEach((segment, i) => {
    const gap = text.slice(segments[i]?.end ?? 0, segment.start);
    if (gap.startsWith(terminator) && /^[ \t\r\n]*$/.test(gap.slice(terminator.length))) {
      assert.match(
        gap.slice(terminator.length),
        /^(\r\n|\r|\n)$/,
        `${name}: segment ${i + 1} is not on a line of its own`,
      );
    }
  });
}

/** `.claim` text with its layout disturbed: no indentation, and every gap between tokens one space wider. */
function disturbed(text: string, language: Language): string {
  return language === 'claim'
    ? text.replace(/^[ \t]+/gm, '').replace(/(\S)( +)(?=\S)/g, '$1$2 ')
    : text.replace(/~/g, '~ \n');
}

function checkRoundTrip(name: string, text: string, language: Language, layout?: X12Layout): string {
  const result = formatted(text, language, layout ? { x12Layout: layout } : {});
  assertWellFormedEdits(result.document, result.edits);
  if (language === 'claim') {
    assert.deepEqual(tokensByLine(result.text), tokensByLine(text), `${name}: every line keeps its tokens`);
  } else {
    assert.deepEqual(segmentTexts(result.text), segmentTexts(text), `${name}: every segment is kept as written`);
  }
  assert.deepEqual(
    formatted(result.text, language, layout ? { x12Layout: layout } : {}).edits,
    [],
    `${name}: formatting is idempotent`,
  );
  assertDiagnosticsKept(result, name);
  return result.text;
}

describe(`formatting round trips on the ${files.length} claim files of the repository`, () => {
  it('has the fixtures it needs: both formats, and every rule page', () => {
    assert.ok(files.filter((file) => file.format === 'claim').length >= 40);
    assert.ok(files.filter((file) => file.format === 'x12').length >= 20);
  });

  for (const file of files.filter((f) => f.format === 'claim')) {
    it(`${file.name}: keeps every token, is idempotent and keeps the diagnostics, also disturbed and with CRLF`, () => {
      checkRoundTrip(file.name, file.text, 'claim');
      checkRoundTrip(`${file.name} disturbed`, disturbed(file.text, 'claim'), 'claim');
      checkRoundTrip(`${file.name} CRLF`, file.text.replace(/\n/g, '\r\n'), 'claim');
    });
  }

  for (const file of files.filter((f) => f.format === 'x12')) {
    it(`${file.name}: keeps every segment in each layout, is idempotent, keeps the diagnostics, and one line round-trips`, () => {
      for (const layout of ['keep', 'segmentPerLine', 'oneLine'] as const) {
        checkRoundTrip(`${file.name} ${layout}`, file.text, 'x12', layout);
        checkRoundTrip(`${file.name} disturbed ${layout}`, disturbed(file.text, 'x12'), 'x12', layout);
      }
      const oneLine = withLayout(file.text, 'oneLine');
      const perLine = withLayout(oneLine, 'segmentPerLine');
      assert.equal(withLayout(perLine, 'oneLine'), oneLine, `${file.name}: one line, a segment per line, one line`);
      assert.equal(
        withLayout(withLayout(perLine, 'oneLine'), 'segmentPerLine'),
        perLine,
        `${file.name}: a segment per line, one line, a segment per line`,
      );
      assertSegmentPerLine(file.name, perLine);
    });
  }
});
