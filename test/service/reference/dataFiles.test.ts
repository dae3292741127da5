/**
 * Reading the data files a licensed user brings: descriptor files (tab or
 * comma separated, header row optional) and the CMS MUE CSV as published
 * (preamble, header, rows). Bad rows are reported with their line; good rows
 * are still used.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readDescriptorFile } from '../../../server/src/service/reference/descriptorFile';
import { maxRowProblemsKept, RowProblems, rowsOf, splitRow } from '../../../server/src/service/reference/delimitedText';
import { readMueFile } from '../../../server/src/service/reference/mueFile';

describe('data files', () => {
  describe('rows', () => {
    it('splits commas outside quotes and tabs, and unquotes', () => {
      assert.deepEqual(splitRow('19283,"Placement, first lesion","say ""hi"""'), [
        '19283',
        'Placement, first lesion',
        'say "hi"',
      ]);
      assert.deepEqual(splitRow('19283\tA descriptor, with a comma'), ['19283', 'A descriptor, with a comma']);
    });

    it('numbers rows by line whatever the line ends, leaving blank rows out', () => {
      const rows = [...rowsOf('\uFEFFa,1\r\n\r\nb,2\rc,3\n  \nd,4')];
      assert.deepEqual(rows, [
        { line: 1, length: 3, cells: ['a', '1'] },
        { line: 3, length: 3, cells: ['b', '2'] },
        { line: 4, length: 3, cells: ['c', '3'] },
        { line: 6, length: 3, cells: ['d', '4'] },
      ]);
      assert.deepEqual([...rowsOf('')], []);
      assert.deepEqual([...rowsOf('a\n')], [{ line: 1, length: 1, cells: ['a'] }]);
    });

    it('places every row problem on its whole line and never past it, whatever the lines hold (property)', () => {
      const cell = fc.string({
        unit: fc.constantFrom('1', '9', 'A', 'x', ' ', ',', '\t', '"', 'é', '😀', '\u0000'),
        maxLength: 12,
      });
      const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
      const fileArb = fc
        .tuple(fc.boolean(), fc.array(fc.tuple(cell, lineEnd), { maxLength: 30 }), fc.boolean())
        .map(([bom, rows, mue]) => ({
          text: (bom ? '\uFEFF' : '') + rows.map(([row, end]) => row + end).join(''),
          mue,
        }));
      fc.assert(
        fc.property(fileArb, ({ text, mue }) => {
          // As an editor shows the file: the BOM is not a character of its first line.
          const document = TextDocument.create('file:///data.csv', 'csv', 1, text.replace(/^\uFEFF/, ''));
          const problems = mue ? readMueFile(text).problems : readDescriptorFile(text, 'data.csv').problems;
          for (const { line, length } of problems) {
            const lineText = document.getText({
              start: { line: line - 1, character: 0 },
              end: { line, character: 0 },
            });
            assert.equal(
              length,
              lineText.replace(/(\r\n|\r|\n)$/, '').length,
              `line ${line} of ${JSON.stringify(text)}`,
            );
          }
        }),
        { seed: Number(process.env.FUZZ_SEED ?? 20261206), numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
      );
    });

    it('keeps the first row problems and counts them all', () => {
      const problems = new RowProblems();
      for (let line = 1; line <= 250; line++) {
        problems.add({ line, length: 3 }, () => 'bad');
      }
      assert.equal(problems.kept.length, maxRowProblemsKept);
      assert.equal(problems.kept[maxRowProblemsKept - 1]?.line, maxRowProblemsKept);
      assert.equal(problems.total, 250);
    });
  });

  describe('descriptor files', () => {
    it('reads comma and tab rows after an optional header, by code', () => {
      const file = readDescriptorFile(
        'code,descriptor\n19283,"Licensed text for 19283, first lesion"\n19284\tLicensed text for 19284\n',
        'org-cpt.csv',
      );
      assert.deepEqual(file.problems, []);
      assert.equal(file.count, 2);
      assert.equal(file.source.label, 'org-cpt.csv');
      assert.equal(file.source.descriptorOf('19283'), 'Licensed text for 19283, first lesion');
      assert.equal(file.source.descriptorOf('19284'), 'Licensed text for 19284');
      assert.equal(file.source.descriptorOf('19285'), undefined);
    });

    it('reports bad rows with their line and keeps the good ones', () => {
      const file = readDescriptorFile('19283,Good\n1928,Too short\n19285,\n19283,Again\n\n19287,Good too\n', 'x.csv');
      assert.deepEqual(
        file.problems.map((p) => p.line),
        [2, 3, 4],
      );
      assert.match(file.problems[0]?.message ?? '', /not a CPT or HCPCS code/);
      assert.equal(file.count, 2);
      assert.equal(file.source.descriptorOf('19283'), 'Good');
    });

    it('keeps at most 100 problems of a file of junk rows, with the count of all, and still reads the good row', () => {
      const file = readDescriptorFile(`code,descriptor\n19283,Good\n${'junk,row\n'.repeat(5000)}`, 'junk.csv');
      assert.equal(file.count, 1);
      assert.equal(file.problems.length, 100);
      assert.equal(file.problemCount, 5000);
      assert.equal(file.problems[99]?.line, 102);
    });

    it('never throws on binary junk', () => {
      const junk = Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
      assert.doesNotThrow(() => readDescriptorFile(junk, 'junk'));
    });
  });

  describe('MUE file', () => {
    const published = [
      '"CPT codes, descriptions and other data only are copyright 2025 American Medical Association. All Rights Reserved."',
      '"Practitioner Services MUE Table - Effective April 1, 2026"',
      '',
      '"HCPCS/CPT Code","Practitioner Services MUE Values","MUE Adjudication Indicator","MUE Rationale"',
      '"19283","1","2 Date of Service Edit: Policy","Anatomic Consideration"',
      '"19284","3","3 Date of Service Edit: Clinical","Clinical: Data"',
      '"76098","2","1 Line Edit","Nature of Service/Procedure"',
      '"1928","1","2 Date of Service Edit: Policy","bad code"',
      '"19285","many","2 Date of Service Edit: Policy","bad value"',
      '"19286","1","9 Unknown","bad indicator"',
    ].join('\r\n');

    it('skips the preamble and reads code, value, indicator and rationale', () => {
      const table = readMueFile(published);
      assert.deepEqual([...table.entries.keys()], ['19283', '19284', '76098']);
      assert.deepEqual(table.entries.get('19284'), {
        code: '19284',
        value: 3,
        indicator: 3,
        rationale: 'Clinical: Data',
      });
      assert.equal(table.entries.get('76098')?.indicator, 1);
      assert.equal(table.period, 'April 1, 2026');
    });

    it('reports each bad row with its line', () => {
      assert.deepEqual(
        readMueFile(published).problems.map((p) => p.line),
        [8, 9, 10],
      );
    });

    it('keeps at most 100 problems of junk rows after the header, with the count of all', () => {
      const table = readMueFile(`${published}\r\n${'"junk","x","y","z"\r\n'.repeat(3000)}`);
      assert.equal(table.entries.size, 3);
      assert.equal(table.problems.length, 100);
      assert.equal(table.problemCount, 3003);
    });

    it('says so when no header row is found', () => {
      const table = readMueFile('just,some,text\n1,2,3\n');
      assert.equal(table.entries.size, 0);
      assert.match(table.problems[0]?.message ?? '', /No header row/);
    });
  });
});
