/**
 * `claim-lint` on files that are not 837P claims: an 837I, an 835 and a
 * UTF-16 file each get one finding saying what they are, whether checked
 * whole or streamed; a file of several interchanges is checked as one of
 * each, and a repeated ISA13 is warned about.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeX12 } from '../../server/src/service';
import { jsonlRows, runCli, useTempFolder } from './cliRunner';

const professional = writeX12([
  {
    id: 'CLM-1',
    diagnoses: ['C50411'],
    dos: '2026-03-14',
    lines: [{ code: '19283', modifiers: ['RT'], charge: 350 }],
    totalCharge: 999,
  },
]);

describe('claim-lint on files that are not 837P', () => {
  const temp = useTempFolder();
  const lint = (file: string, extra: readonly string[] = []) => {
    const result = runCli(['--format', 'jsonl', ...extra, file], temp.dir());
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    return { status: result.status, rows: jsonlRows(result.stdout) };
  };
  const streamed = (file: string) => lint(file, ['--stream-threshold', '1', '--stream-chunk', '1K']);

  it('names an 837I and an 835 in one warning each, with no claim findings, whole or streamed, and exits 0', () => {
    temp.write('institutional.837', professional.replace(/005010X222A1/g, '005010X223A2'));
    temp.write('remittance.837', professional.replace('ST*837*', 'ST*835*'));
    for (const [file, words] of [
      ['institutional.837', /^This is an 837I institutional claim \(ST03 005010X223A2\)/],
      ['remittance.837', /^This is an 835 claim payment/],
    ] as const) {
      const whole = lint(file);
      assert.equal(whole.status, 0, 'a warning only');
      assert.deepEqual(
        whole.rows.map((row) => [row.ruleId, row.severity]),
        [['x12-not-837p', 'warning']],
        file,
      );
      assert.match(whole.rows[0]?.message ?? '', words);
      assert.deepEqual(streamed(file).rows, whole.rows, `${file} streamed`);
    }
  });

  it('gives an 837I batch with wrong trailer counts its one finding only, whole or streamed', () => {
    // Its envelopes hold nothing the product checks, so their counts are not told either.
    temp.write(
      'institutional-batch.837',
      professional
        .replace(/005010X222A1/g, '005010X223A2')
        .replace('GE*1*1~', 'GE*4*9~')
        .replace('IEA*1*000000001', 'IEA*2*000000007'),
    );
    const whole = lint('institutional-batch.837');
    assert.deepEqual(
      whole.rows.map((row) => row.ruleId),
      ['x12-not-837p'],
    );
    assert.deepEqual(streamed('institutional-batch.837').rows, whole.rows);
  });

  it('tells a UTF-16 file it is UTF-16 text, whole or streamed', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(professional, 'utf16le')]);
    fs.writeFileSync(path.join(temp.dir(), 'wide.837'), utf16);
    const whole = lint('wide.837');
    assert.equal(whole.status, 1);
    assert.deepEqual(
      whole.rows.map((row) => row.ruleId),
      ['x12-envelope'],
    );
    assert.match(whole.rows[0]?.message ?? '', /UTF-16 text.*save it as UTF-8 or ASCII/);
    assert.deepEqual(streamed('wide.837').rows, whole.rows);
  });

  it('tells a file with a note above its ISA that there is text before the ISA, whole or streamed', () => {
    temp.write('noted.837', `Example 1 - as sent by the clearinghouse\n\n${professional}`);
    const whole = lint('noted.837');
    assert.deepEqual(
      whole.rows.map((row) => row.ruleId),
      ['x12-envelope'],
    );
    assert.match(whole.rows[0]?.message ?? '', /^There is text before the ISA segment/);
    assert.deepEqual(streamed('noted.837').rows, whole.rows);
  });

  it('checks each interchange of a file on its own and warns of a repeated ISA13', () => {
    const second = professional.replace('CLM*CLM-1*', 'CLM*CLM-2*');
    temp.write('two.837', professional + second);
    const whole = lint('two.837');
    assert.deepEqual(
      whole.rows.map((row) => [row.ruleId, row.claimId]),
      [
        ['x12-claim-total', 'CLM-1'],
        ['x12-duplicate-interchange', null],
        ['x12-claim-total', 'CLM-2'],
      ],
    );
    assert.deepEqual(streamed('two.837').rows, whole.rows);
    temp.write('distinct.837', professional + second.replace(/000000001/g, '000000002'));
    assert.deepEqual(
      lint('distinct.837').rows.map((row) => row.ruleId),
      ['x12-claim-total', 'x12-claim-total'],
    );
  });
});
