/**
 * The server's open documents answer every question about lines and offsets
 * as vscode-languageserver-textdocument's documents do, on texts with `\n`,
 * `\r\n` and lone `\r` line breaks, after edits that add, remove and join line
 * breaks, and whether their line table was built a slice at a time or not.
 */
import * as assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { OpenDocument, openDocuments } from '../../../server/src/documents/openDocument';
import { randomSource } from '../../support/randomSource';

const texts: Record<string, string> = {
  empty: '',
  'one line': 'claim C1',
  'line feeds': 'claim C1\n  patient: Doe, Jane\n  19283-RT x1 $350.00\n',
  'carriage return and line feed': 'claim C1\r\n  19283-RT\r\n\r\n  19284-RT',
  'lone carriage returns': 'claim C1\r  19283-RT\r\r',
  mixed: '\n\r\n\r\r\nx\ry\n\n\r',
};

/** Every answer of `actual` that `expected` gives too, for every line and offset of the text and a few beyond. */
function assertSameAnswers(actual: TextDocument, expected: TextDocument): void {
  assert.equal(actual.getText(), expected.getText());
  assert.equal(actual.lineCount, expected.lineCount);
  assert.equal(actual.version, expected.version);
  const length = expected.getText().length;
  for (let offset = -1; offset <= length + 1; offset++) {
    assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset), `positionAt(${offset})`);
  }
  for (let line = -1; line <= expected.lineCount + 1; line++) {
    assert.deepEqual(actual.getLineRange(line), expected.getLineRange(line), `getLineRange(${line})`);
    assert.equal(actual.getEOLCharacters(line), expected.getEOLCharacters(line), `getEOLCharacters(${line})`);
    for (let character = -1; character <= 12; character++) {
      const position = { line, character };
      assert.equal(actual.offsetAt(position), expected.offsetAt(position), `offsetAt(${line}:${character})`);
    }
  }
  const range = { start: { line: 0, character: 1 }, end: { line: expected.lineCount - 1, character: 2 } };
  assert.equal(actual.getText(range), expected.getText(range));
}

/** A random edit of `document`: a range of it replaced by a few characters, line breaks often among them. */
function randomChange(document: TextDocument, random: () => number): TextDocumentContentChangeEvent {
  const pieces = ['a', 'bc', '\n', '\r', '\r\n', '  19283-RT\n', ''];
  let text = '';
  for (let i = Math.floor(random() * 4); i > 0; i--) {
    text += pieces[Math.floor(random() * pieces.length)] ?? '';
  }
  const length = document.getText().length;
  const from = document.positionAt(Math.floor(random() * (length + 1)));
  const to = document.positionAt(Math.floor(random() * (length + 1)));
  return { range: { start: from, end: to }, text };
}

describe('open documents', () => {
  for (const [name, text] of Object.entries(texts)) {
    it(`answers as the library's document does: ${name}`, () => {
      const ours = openDocuments.create('file:///a.claim', 'claim', 1, text);
      assertSameAnswers(ours, TextDocument.create('file:///a.claim', 'claim', 1, text));
    });
  }

  it('builds its line table a slice at a time, to the same table as built at once', () => {
    const text = texts.mixed?.repeat(50) ?? '';
    const sliced = new OpenDocument('file:///a.claim', 'claim', 1, text);
    assert.equal(sliced.lineTableComplete, false);
    let slices = 1;
    while (!sliced.buildLineTable(7)) {
      slices++;
    }
    assert.equal(sliced.lineTableComplete, true);
    assert.ok(slices > 10, `${slices} slices`);
    assertSameAnswers(sliced, TextDocument.create('file:///a.claim', 'claim', 1, text));
  });

  it('keeps answering as the library does through random edits, full changes and half-built tables', () => {
    const random = randomSource(18);
    for (let round = 0; round < 20; round++) {
      const start = Object.values(texts)[round % 6] ?? '';
      let ours = openDocuments.create('file:///a.claim', 'claim', 1, start);
      let theirs = TextDocument.create('file:///a.claim', 'claim', 1, start);
      for (let version = 2; version < 30; version++) {
        // A table left half built is finished by the edit.
        ours.buildLineTable(Math.floor(random() * 8));
        // Each change is said on the text the ones before it made, as an editor says them.
        const changes: TextDocumentContentChangeEvent[] = [];
        let upToHere = TextDocument.create('file:///b.claim', 'claim', 1, theirs.getText());
        for (let i = 1 + Math.floor(random() * 3); i > 0; i--) {
          const change = randomChange(upToHere, random);
          changes.push(change);
          upToHere = TextDocument.update(upToHere, [change], version);
        }
        if (random() < 0.1) {
          changes.push({ text: `claim C${version}\r\n  19283-RT\n` });
        }
        ours = openDocuments.update(ours, changes, version);
        theirs = TextDocument.update(theirs, changes, version);
        assertSameAnswers(ours, theirs);
      }
    }
  });
});
