/**
 * Globs as operands ('claims/**\/*.837', quoted so the shell leaves them
 * alone): the files they match are checked in sorted order, as the shell
 * would expand them; a glob that matches nothing is a read error and the
 * other operands are still checked.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { jsonlRows, loneAddOn, runCli, useTempFolder } from './cliRunner';

describe('claim-lint with globs', () => {
  const temp = useTempFolder();
  const x12 = (id: string) =>
    `ISA*00*          *00*          *ZZ*A              *ZZ*B              *260314*1200*^*00501*000000001*0*P*:~\nGS*HC*A*B*20260314*1200*1*X*005010X222A1~\nST*837*0001*005010X222A1~\nBHT*0019*00*0001*20260314*1200*CH~\nNM1*41*2*S*****46*SUBMITTER~\nPER*IC*C*TE*5555550100~\nNM1*40*2*R*****46*RECEIVER~\nHL*1**20*1~\nNM1*85*2*P*****XX*1234567893~\nN3*A~\nN4*CITY*ST*000000000~\nREF*EI*000000000~\nHL*2*1*22*0~\nSBR*P*18*******CI~\nNM1*IL*1*P*****MI*MEMBER~\nNM1*PR*2*P*****PI*PAYER~\nCLM*${id}*400***11:B:1*Y*A*Y*Y~\nHI*ABK:C50411~\nLX*1~\nSV1*HC:19284:RT*400*UN*1***1~\nDTP*472*D8*20260314~\nSE*20*0001~\nGE*1*1~\nIEA*1*000000001~\n`;

  const files = () =>
    jsonlRows(runCli(['--format', 'jsonl', ...operands], temp.dir()).stdout).map(
      (row) => `${row.file} ${row.claimId ?? ''}`,
    );
  let operands: string[] = [];

  it('checks the files a ** glob matches, in sorted order, and nothing else', () => {
    temp.write('claims/2026/b.837', x12('B'));
    temp.write('claims/a.837', x12('A'));
    temp.write('claims/2026/03/c.837', x12('C'));
    temp.write('claims/notes.claim', loneAddOn);
    temp.write('claims/.hidden/d.837', x12('D'));
    operands = ['claims/**/*.837'];
    assert.deepEqual(files(), [
      `${path.join('claims', '2026', '03', 'c.837')} C`,
      `${path.join('claims', '2026', 'b.837')} B`,
      `${path.join('claims', 'a.837')} A`,
    ]);
  });

  it('exits 2 when a glob matches nothing, and still checks the other operands', () => {
    temp.write('lone.claim', loneAddOn);
    const result = runCli(['--format', 'jsonl', 'claims/**/*.837', 'lone.claim'], temp.dir());
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^claim-lint: claims\/\*\*\/\*\.837: no files match this glob$/m);
    assert.deepEqual(
      jsonlRows(result.stdout).map((row) => row.file),
      ['lone.claim'],
    );
  });

  it('matches any extension, as the shell would, and reads each file by its extension or content', () => {
    temp.write('in/a.txt', loneAddOn);
    temp.write('in/b.dat', x12('B'));
    temp.write('in/c.claim', loneAddOn);
    operands = ['in/*.{txt,dat}'];
    assert.deepEqual(files(), [`${path.join('in', 'a.txt')} CLM-LONE`, `${path.join('in', 'b.dat')} B`]);
  });

  it('checks a file whose name has glob characters as that file', () => {
    temp.write('odd[1].claim', loneAddOn);
    temp.write('odd1.claim', loneAddOn);
    operands = ['odd[1].claim'];
    assert.deepEqual(files(), ['odd[1].claim CLM-LONE']);
  });

  it('checks a file named by both a folder and a glob once, where it is first named', () => {
    temp.write('claims/a.claim', loneAddOn);
    temp.write('claims/b.claim', loneAddOn);
    operands = ['claims/b.claim', 'claims', 'claims/*.claim'];
    assert.deepEqual(files(), [
      `${path.join('claims', 'b.claim')} CLM-LONE`,
      `${path.join('claims', 'a.claim')} CLM-LONE`,
    ]);
  });

  it('gives absolute paths for an absolute glob', () => {
    const file = temp.write('claims/a.claim', loneAddOn);
    operands = [path.join(temp.dir(), 'claims', '*.claim')];
    assert.deepEqual(files(), [`${file} CLM-LONE`]);
  });
});
