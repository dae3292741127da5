/**
 * Formatting `.claim` files: the README's house style (claim lines at the
 * margin, headers and service lines two spaces in, service lines in columns
 * three spaces apart, charges right-aligned), comments and unreadable lines
 * kept as written, line ends kept, the editor's options honoured, range
 * formatting, and edits that touch only the white space that changes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  assertWellFormedEdits,
  diagnosticsOf,
  documentOf,
  formatted,
  formatText,
  houseOptions,
} from '../../../support/checks/formattingChecks';
import { repoRoot } from '../../../support/repoRoot';

const messy = [
  '# Three lesions',
  'claim   CLM-1   # from the note',
  '    patient:   DOE,  JANE',
  ' dos:2026-03-14',
  '\tdx: C50.411, R92.8',
  'lesions : 3',
  '',
  '  19283-RT x1 $350.00 dx=A',
  '19284-RT-59   x 2    $1,200.00 dx=A dos=2026-03-14   # two more',
  '      76098 RT   $5',
  '  19281',
].join('\n');

const tidy = [
  '# Three lesions',
  'claim CLM-1   # from the note',
  '  patient: DOE,  JANE',
  '  dos:2026-03-14',
  '  dx: C50.411, R92.8',
  '  lesions : 3',
  '',
  '  19283-RT      x1      $350.00   dx=A',
  '  19284-RT-59   x 2   $1,200.00   dx=A dos=2026-03-14   # two more',
  '  76098 RT                   $5',
  '  19281',
].join('\n');

describe('formatting .claim files', () => {
  it('lays a claim out in the house style: indented headers, service lines in columns, charges right-aligned', () => {
    assert.equal(formatText(messy, 'claim'), tidy);
  });

  it('gives no edits for a file already in the house style (the README example and every file in examples/)', () => {
    const readme = fs.readFileSync(path.join(repoRoot(), 'README.md'), 'utf8');
    const readmeExample = /## Claim files\n\nThe `.claim` format[^`]*```\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(readmeExample, 'the README has its claim example');
    assert.deepEqual(formatted(readmeExample, 'claim').edits, []);
    for (const name of ['stereotactic-three-lesions.claim', 'common-mistakes.claim']) {
      assert.deepEqual(
        formatted(fs.readFileSync(path.join(repoRoot(), 'examples', name), 'utf8'), 'claim').edits,
        [],
        name,
      );
    }
    assert.deepEqual(formatted(tidy, 'claim').edits, []);
  });

  it('edits only the white space that changes, one edit per gap', () => {
    const { document, edits } = formatted('claim A\n  19283-RT x1  $350.00\n  19284-RT   x2 $400.00\n', 'claim');
    assertWellFormedEdits(document, edits);
    assert.deepEqual(
      edits.map((edit) => [edit.range.start.line, edit.range.start.character, edit.range.end.character, edit.newText]),
      [
        [1, 10, 11, '   '],
        [1, 13, 15, '   '],
        [2, 15, 16, '   '],
      ],
    );
  });

  it('aligns columns per claim, leaving out columns no line of the claim has', () => {
    const text = 'claim A\n  19283-RT x1\n  19284 x2\nclaim B\n  19281-LT-59 $1\n  19282 $300.00\n';
    assert.equal(
      formatText(text, 'claim'),
      'claim A\n  19283-RT   x1\n  19284      x2\nclaim B\n  19281-LT-59        $1\n  19282         $300.00\n',
    );
  });

  it('leaves a line the parser cannot read exactly as written, and lines up the others without it', () => {
    const text = 'claim A\n  19283-RT x1\n   19284 x0  $bad  \n 19285-LT-toolong  x1\n  76098 x1\n';
    assert.equal(
      formatText(text, 'claim'),
      'claim A\n  19283-RT   x1\n   19284 x0  $bad  \n 19285-LT-toolong  x1\n  76098      x1\n',
    );
  });

  it('spaces a line whose fields are out of column order, without moving any of them', () => {
    assert.equal(
      formatText('claim A\n  19283  x1   RT\n  19284-RT x2\n', 'claim'),
      'claim A\n  19283 x1 RT\n  19284-RT   x2\n',
    );
  });

  it('keeps comment lines where they are and a suppression comment before the same line', () => {
    const text = [
      'claim A',
      '# claim-lint-disable-next-line addon-without-primary',
      '      19284-RT    x1',
      '    # a note, indented as written',
      '  19283-RT x1',
    ].join('\n');
    const before = documentOf(text, 'claim');
    const result = formatted(text, 'claim');
    assert.equal(
      result.text,
      [
        'claim A',
        '# claim-lint-disable-next-line addon-without-primary',
        '  19284-RT   x1',
        '    # a note, indented as written',
        '  19283-RT   x1',
      ].join('\n'),
    );
    assert.deepEqual(
      diagnosticsOf(documentOf(result.text, 'claim')).map((d) => d.code),
      diagnosticsOf(before).map((d) => d.code),
    );
  });

  it('does not indent the lines before the first claim line (a bare list of codes)', () => {
    assert.equal(
      formatText('  19283-RT x1\n    19284-RT x2\nclaim B\n19281\n', 'claim'),
      '19283-RT   x1\n19284-RT   x2\nclaim B\n  19281\n',
    );
  });

  for (const eol of ['\r\n', '\r']) {
    it(`keeps ${JSON.stringify(eol)} line ends`, () => {
      const text = ['claim A  ', '19283-RT x1', '   ', '  19284 x2'].join(eol) + eol;
      assert.equal(formatText(text, 'claim'), ['claim A', '  19283-RT   x1', '', '  19284      x2'].join(eol) + eol);
    });
  }

  it('indents with the editor tab size, or with a tab when it asks for tabs', () => {
    const text = 'claim A\n dos: 2026-03-14\n 19283 x1\n';
    assert.equal(
      formatText(text, 'claim', { options: { tabSize: 4, insertSpaces: true } }),
      'claim A\n    dos: 2026-03-14\n    19283   x1\n',
    );
    assert.equal(
      formatText(text, 'claim', { options: { tabSize: 4, insertSpaces: false } }),
      'claim A\n\tdos: 2026-03-14\n\t19283   x1\n',
    );
  });

  it('trims trailing white space of unreadable lines only when asked, and adds or trims final line ends when asked', () => {
    const text = 'claim A\n  19283 bad!   \n  19284';
    assert.equal(formatText(text, 'claim'), text);
    assert.equal(
      formatText(text, 'claim', { options: { ...houseOptions, trimTrailingWhitespace: true } }),
      'claim A\n  19283 bad!\n  19284',
    );
    assert.equal(formatText(text, 'claim', { options: { ...houseOptions, insertFinalNewline: true } }), `${text}\n`);
    assert.equal(
      formatText('claim A\r\n  19284\r\n\r\n  \r\n', 'claim', {
        options: { ...houseOptions, trimFinalNewlines: true },
      }),
      'claim A\r\n  19284\r\n',
    );
    assert.equal(formatText('claim A\r\n  19284\r\n\r\n  \r\n', 'claim'), 'claim A\r\n  19284\r\n\r\n\r\n');
  });

  it('formats a range with the column widths of its whole claim, editing only the lines in it', () => {
    const text = 'claim A\n  19283-RT-59 x1\n 19284 x2\n 19285 x1\nclaim B\n 19281 x1\n';
    const {
      document,
      edits,
      text: result,
    } = formatted(text, 'claim', { range: { start: { line: 2, character: 3 }, end: { line: 3, character: 0 } } });
    assertWellFormedEdits(document, edits);
    assert.equal(result, 'claim A\n  19283-RT-59 x1\n  19284         x2\n 19285 x1\nclaim B\n 19281 x1\n');
  });

  it('formats a range in the lines before the first claim line without indenting them', () => {
    const text = '19283-RT x1\n 19284 x2\nclaim B\n 19281 x1\n';
    assert.equal(
      formatText(text, 'claim', { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } } }),
      '19283-RT x1\n19284      x2\nclaim B\n 19281 x1\n',
    );
  });

  it('keeps white space other than spaces and tabs between tokens (a no-break space, a form feed)', () => {
    // The form feed stands where two spaces of indentation would, so that line's columns come one short.
    const text = 'claim A\n 19283\u00a0x1\n\f19284 x2\n';
    assert.equal(formatText(text, 'claim'), 'claim A\n  19283\u00a0x1\n\f19284   x2\n');
  });
});
