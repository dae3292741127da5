/**
 * Malformed input: each problem gets a clear message on its own range, and
 * the rest of the file is still checked.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service';
import { formatDiagnostic, textAt, validate, messageOf } from '../../support/documents/claimDocuments';

/** The text as a UTF-16 file reads when taken for UTF-8: a byte order mark, then a NUL after every character. */
function asMisreadUtf16(text: string, bom: string): string {
  return bom + [...text].map((character) => `${character}\0`).join('');
}

function problems(text: string): Array<{ rule: string; text: string; message: string }> {
  return validate(text).map((d) => ({ rule: String(d.code), text: textAt(text, d), message: messageOf(d) }));
}

describe('malformed input', () => {
  it('tells a UTF-16 file it is UTF-16 text in one finding, with or without a byte order mark', () => {
    const text = 'claim CLM-1\n  dos: 2026-03-14\n  dx: C50.411\n  19283-RT x1 $350.00 dx=A\n  19284-RT x2 dx=A\n';
    for (const bom of ['\ufffd\ufffd', '\u00ff\u00fe', '']) {
      const utf16 = asMisreadUtf16(text, bom);
      const found = problems(utf16);
      assert.deepEqual(
        found.map((p) => p.rule),
        ['bad-token'],
        JSON.stringify(bom),
      );
      assert.match(found[0]?.message ?? '', /UTF-16 text.*save it as UTF-8 or ASCII/);
      // The editor's validator, which reads a .claim file claim by claim, says the same.
      const service = getLanguageService();
      const document = TextDocument.create('file:///u/utf16.claim', 'claim', 1, utf16);
      assert.deepEqual(service.createDocumentValidator().validate(document), validate(utf16));
    }
    // The same file as UTF-8 is read as usual.
    assert.deepEqual(problems(text), []);
  });

  it('reports a bad code shape on the code and keeps checking the next lines', () => {
    const text = 'claim A\n 1928 x1\n 19284-RT\n';
    assert.deepEqual(
      problems(text).map((p) => [p.rule, p.text]),
      [
        ['code-shape', '1928'],
        ['addon-without-primary', '19284'],
      ],
    );
    assert.match(problems(text)[0]?.message ?? '', /5 digits/);
  });

  it('flags a lower-case code and still applies the rules to it', () => {
    const text = 'claim A\n 19283-RT\n g0279\n';
    const found = problems(text);
    assert.deepEqual(
      found.map((p) => [p.rule, p.text]),
      [
        ['lowercase-code', 'g0279'],
        ['addon-without-primary', 'g0279'],
      ],
    );
  });

  it('flags lower-case modifiers and diagnosis codes', () => {
    assert.deepEqual(
      problems('claim A\n dx: c50.411\n 19283-rt dx=A\n').map((p) => [p.rule, p.text]),
      [
        ['lowercase-code', 'c50.411'],
        ['lowercase-code', 'rt'],
      ],
    );
  });

  it('reports bad units: zero, too many, not a number, written twice', () => {
    assert.deepEqual(
      problems('19283-RT x0\n19283-RT x10000\n19283-RT x1.5\n19283-RT x\n19283-RT x1 x1\n')
        .filter((p) => p.rule === 'bad-units')
        .map((p) => p.text),
      ['x0', 'x10000', 'x1.5', 'x', 'x1'],
    );
  });

  it('reads units written x2, x 2 and ×2, and takes X2 for a modifier', () => {
    const diagnostics = validate(
      'claim A\n lesions: 3\n 19283-RT\n 19284-RT x 2\nclaim B\n lesions: 3\n 19283-RT\n 19284-RT ×2\nclaim C\n 19283-RT X2\n',
    );
    assert.deepEqual(diagnostics.map(formatDiagnostic), []);
  });

  it('reports bad modifiers on their own range, an empty one on its dash', () => {
    assert.deepEqual(
      problems('19283-LT-RTX\n19285-RT R\n19287-RT-\n19281-RT-LT-59-XS-76\n19283--RT\n')
        // 19283 twice on a date is also primary-units' to report; only the modifiers are looked at here.
        .filter((p) => p.rule === 'bad-modifier')
        .map((p) => [p.rule, p.text]),
      [
        ['bad-modifier', 'RTX'],
        ['bad-modifier', 'R'],
        ['bad-modifier', '-'],
        ['bad-modifier', '76'],
        ['bad-modifier', '-'],
      ],
    );
  });

  it('reports a dash left at the very end of the file on the dash, inside the line', () => {
    for (const text of ['claim A\n 19281-', 'claim A\n 19281-RT-', 'claim A\n 19281-\r\n']) {
      const found = validate(text).filter((d) => d.code === 'bad-modifier');
      assert.deepEqual(
        found.map((d) => [d.range.start.line, d.range.end.character - d.range.start.character, textAt(text, d)]),
        [[1, 1, '-']],
        JSON.stringify(text),
      );
      assert.match(messageOf(found[0] ?? assert.fail('no diagnostic')), /empty modifier after '-'/);
    }
  });

  it('says nothing of a dash between a code and its modifiers', () => {
    assert.deepEqual(
      problems('claim A\n 19283-RT-59\n 19283-LT').filter((p) => p.rule === 'bad-modifier'),
      [],
    );
  });

  it('reports a dx= pointer that is malformed or outside the list', () => {
    assert.deepEqual(
      problems('claim A\n dx: C50.411\n 19283-RT dx=A,?\n 19285-RT dx=B\n').map((p) => [p.rule, p.text]),
      [
        ['dx-pointer', '?'],
        ['dx-pointer', 'B'],
      ],
    );
  });

  it('reports an empty dx= and a stray comma without adding empty pointers', () => {
    const text = 'claim A\n dx: C50.411\n 19283-RT dx=\n 19285-RT dx=A,\n 19287-RT dx=,A\n';
    assert.deepEqual(
      problems(text).map((p) => [p.rule, p.text]),
      [
        ['dx-pointer', 'dx='],
        ['dx-pointer', ','],
        ['dx-pointer', ','],
      ],
    );
  });

  it('reports more than four pointers', () => {
    assert.deepEqual(
      problems('claim A\n dx: C50.411 R92.8 N63.10 N63.20 Z12.31\n 19283-RT dx=A,B,C,D,E\n').map((p) => [
        p.rule,
        p.text,
      ]),
      [['dx-pointer', 'E']],
    );
  });

  it('reports an unknown header key as a warning on the key, not fatal', () => {
    const diagnostics = validate('claim A\n payer: ACME\n 19284-RT\n');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [
        ['unknown-header-key', 2],
        ['addon-without-primary', 1],
      ],
    );
  });

  it('reports bad header values: date, lesion count, place of service, ICD-10 code', () => {
    const text = 'claim A\n dos: 2026-02-30\n lesions: 0\n pos: 2\n dx: C50.411, 123\n';
    assert.deepEqual(
      problems(text).map((p) => [p.rule, p.text]),
      [
        ['bad-header-value', '2026-02-30'],
        ['bad-header-value', '0'],
        ['bad-header-value', '2'],
        ['bad-header-value', '123'],
      ],
    );
  });

  it('reports charges, fields and stray text on their own ranges', () => {
    assert.deepEqual(
      problems('19283-RT $3a lesions=0 zz=1 ???\n').map((p) => [p.rule, p.text]),
      [
        ['bad-charge', '$3a'],
        ['bad-field', '0'],
        ['bad-field', 'zz'],
        ['bad-token', '???'],
      ],
    );
  });

  it('reports a field left without a value on its key and =, also at the end of the file', () => {
    assert.deepEqual(
      problems('19283-RT dos=\n19285-RT lesions= $350\n19287-RT pos=').map((p) => [p.rule, p.text]),
      [
        ['bad-field', 'dos='],
        ['bad-field', 'lesions='],
        ['bad-field', 'pos='],
      ],
    );
  });

  it('accepts charges written $350, $350.00 and $1,200.00', () => {
    assert.deepEqual(problems('19283-RT $350\n19285-RT $350.00\n19287-RT $1,200.00\n'), []);
  });

  it('reports a claim line without an id, and an id of two tokens', () => {
    assert.deepEqual(
      problems('claim\n 19283-RT\nclaim A B\n 19283-RT\n').map((p) => [p.rule, p.text]),
      [
        ['claim-id', 'claim'],
        ['claim-id', 'B'],
      ],
    );
  });

  it('warns on a header given twice in one claim', () => {
    assert.deepEqual(
      problems('claim A\n lesions: 2\n lesions: 3\n 19283-RT\n 19284-RT x2\n').map((p) => p.rule),
      ['duplicate-header'],
    );
  });

  it('survives text that is none of the format', () => {
    const text = '\u0000\u0001 ::: == $$ \t\r\n\uFEFFclaim\u00A0X\n😀 19283\n-RT\n=\n';
    assert.doesNotThrow(() => validate(text));
    assert.ok(validate(text).length > 0);
  });
});
