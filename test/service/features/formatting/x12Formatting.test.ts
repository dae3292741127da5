/**
 * Formatting X12 files: a segment per line, all on one line, or the layout
 * the file mostly has (`keep`); only the white space between segments
 * changes, never an element (white space inside one is content), a
 * separator or the fixed-width ISA; junk between segments stays as written.
 */
import * as assert from 'node:assert/strict';
import { readSettings } from '../../../../server/src/service/settings';
import { assertWellFormedEdits, formatted, formatText, withLayout } from '../../../support/checks/formattingChecks';
import { x12Batch } from '../../../support/documents/x12Batch';

const isa =
  'ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *260314*1200*^*00501*000000001*0*P*:~';
const segments = [
  isa,
  'GS*HC*S*R*20260314*1200*1*X*005010X222A1~',
  'ST*837*0001*005010X222A1~',
  'NM1*IL*1*DOE  *JANE ~',
  'SE*3*0001~',
  'GE*1*1~',
  'IEA*1*000000001~',
];
const perLine = `${segments.join('\n')}\n`;
const oneLine = segments.join('');

describe('formatting X12 files', () => {
  it('puts a one-line file a segment per line and back, exactly', () => {
    assert.equal(withLayout(oneLine, 'segmentPerLine'), segments.join('\n'));
    assert.equal(withLayout(withLayout(oneLine, 'segmentPerLine'), 'oneLine'), oneLine);
    assert.equal(withLayout(perLine, 'oneLine'), `${oneLine}\n`);
    assert.equal(withLayout(perLine, 'segmentPerLine'), perLine);
  });

  it('keeps the ISA segment intact, 106 characters, and the spaces inside elements', () => {
    const result = withLayout(`  \n${oneLine}`, 'segmentPerLine');
    const firstLine = result.split('\n')[0] ?? '';
    assert.equal(firstLine, isa);
    assert.equal(firstLine.length, 106);
    assert.ok(result.includes('\nNM1*IL*1*DOE  *JANE ~\n'), result);
  });

  it('keeps the layout most of the file has, tidying indentation, blank lines and line ends before a terminator', () => {
    const untidy = `${segments.slice(0, 3).join('\n')}\n\n   ${segments[3] ?? ''}\t\n${segments.slice(4).join('')}`;
    assert.equal(formatText(untidy, 'x12'), segments.join('\n'));
    const mostlyOneLine = `${segments.slice(0, 5).join('')}\n${segments.slice(5).join('')}`;
    assert.equal(formatText(mostlyOneLine, 'x12'), oneLine);
    assert.equal(
      withLayout(
        'ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *260314*1200*^*00501*000000001*0*P*:~GS*HC\r\n~ST*837~',
        'keep',
      ),
      `${isa}GS*HC~ST*837~`,
    );
  });

  it('keeps CRLF line ends, and gives a one-line file the \\n line end', () => {
    const crlf = `${segments.join('\r\n')}\r\n`;
    assert.equal(withLayout(withLayout(crlf, 'oneLine'), 'segmentPerLine'), crlf);
    assert.deepEqual(formatted(crlf, 'x12').edits, []);
  });

  it('leaves text that is not segments as it is, with the white space around it', () => {
    const junk = `${isa}\n\u0001\u0002 junk~\n  GS*HC~  ST*837~`;
    assert.equal(withLayout(junk, 'segmentPerLine'), `${isa}\n\u0001\u0002 junk~\n  GS*HC~\nST*837~`);
    assert.equal(withLayout(`${isa}GS*HC~~\nST*837~`, 'segmentPerLine'), `${isa}\nGS*HC~~\nST*837~`);
  });

  it('changes nothing in a file whose segment terminator is a line end, or that has no readable ISA', () => {
    const newlineTerminated = `${isa.slice(0, -1)}\nGS*HC*S\n  ST*837\n`;
    assert.deepEqual(formatted(newlineTerminated, 'x12', { x12Layout: 'oneLine' }).edits, []);
    assert.deepEqual(formatted('GS*HC~\n  ST*837~', 'x12', { x12Layout: 'oneLine' }).edits, []);
    assert.deepEqual(formatted('', 'x12', { x12Layout: 'segmentPerLine' }).edits, []);
  });

  it('ends with one line end if the file had any or the options ask for one', () => {
    assert.equal(withLayout(`${perLine}\n\n`, 'segmentPerLine'), perLine);
    assert.equal(
      formatText(oneLine, 'x12', {
        x12Layout: 'oneLine',
        options: { tabSize: 2, insertSpaces: true, insertFinalNewline: true },
      }),
      `${oneLine}\n`,
    );
  });

  it('formats only the segments a range touches and the gaps around them', () => {
    const text = oneLine;
    const start = text.indexOf('ST*');
    const end = text.indexOf('NM1*') + 2;
    const document = formatted(text, 'x12').document;
    const range = { start: document.positionAt(start), end: document.positionAt(end) };
    const result = formatted(text, 'x12', { range, x12Layout: 'segmentPerLine' });
    assertWellFormedEdits(result.document, result.edits);
    assert.equal(
      result.text,
      `${segments.slice(0, 2).join('')}\n${segments[2] ?? ''}\n${segments[3] ?? ''}\n${segments.slice(4).join('')}`,
    );
  });

  it('makes one small edit per gap, so a generated batch of 12 claims converts with one edit per segment boundary', () => {
    const batch = x12Batch(2, 6, { oneLine: true });
    const { document, edits, text } = formatted(batch, 'x12', { x12Layout: 'segmentPerLine' });
    assertWellFormedEdits(document, edits);
    const segmentCount = text.split('\n').length;
    assert.equal(edits.length, segmentCount - 1);
    assert.ok(edits.every((edit) => edit.newText === '\n' && edit.range.start.character === edit.range.end.character));
  });

  it('reads cptClaims.x12.layout, leaving it unset (keep) for anything that is not a layout', () => {
    assert.equal(readSettings({ x12: { layout: 'oneLine' } }).x12Layout, 'oneLine');
    assert.equal(readSettings({ x12: { layout: 'segmentPerLine' } }).x12Layout, 'segmentPerLine');
    for (const bad of [{ layout: 'one line' }, { layout: 3 }, 'oneLine', null, []]) {
      assert.equal(readSettings({ x12: bad }).x12Layout, undefined, JSON.stringify(bad));
    }
  });
});
