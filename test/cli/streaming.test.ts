/**
 * Large files are read as a stream and checked a piece at a time; these
 * tests lower the stream threshold and the chunk size so small generated
 * batches take that path, with transactions larger than a chunk (so they are
 * cut), and compare every finding (rule id, message, range, claim id) with
 * the whole-file check of the same file. Planted problems include the ones
 * the stream reports itself: envelope counts and control numbers, SE01 of a
 * cut transaction, envelopes never closed.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { type JsonlRow, jsonlRows, runCli, useTempFolder } from './cliRunner';
import { x12Batch } from '../support/documents/x12Batch';
import { allRules, problemPriority } from '../../server/src/service';
import {
  fortyLineClaim,
  type LargeClaimShape,
  largeClaimsText,
  largeClaimsX12,
  plantedDescriptorFile,
} from '../support/documents/largeClaims';

/** Six transactions of 40 claims: each transaction (about 12 KB) is larger than the 1K and 8K chunks below. */
const batch = x12Batch(6, 40);

const plantedProblems: Record<string, (text: string) => string> = {
  'a wrong GE01 and GE02': (t) => t.replace('GE*6*1~', 'GE*5*7~'),
  'a wrong IEA01 and IEA02': (t) => t.replace('IEA*1*000000001~', 'IEA*2*000000009~'),
  'a wrong SE01 and SE02': (t) => t.replace('SE*593*0002~', 'SE*500*0003~'),
  'a transaction without SE': (t) => t.replace('SE*593*0003~\n', ''),
  'binary junk between and inside transactions': (t) =>
    t.replace('SE*593*0002~\n', 'SE*593*0002~\n\x01\x02garbage~\n').replace('LX*2~', 'L\x01X*2~'),
  'unknown and misplaced segments between transactions': (t) =>
    t.replace('SE*596*0004~\n', 'SE*596*0004~\nZZZ*1~\nNM1*XX~\n'),
  'no IEA': (t) => t.replace('IEA*1*000000001~\n', ''),
  'a second functional group': (t) =>
    t.replace('SE*593*0002~\n', 'SE*593*0002~\nGE*2*1~\nGS*HC*A*B*20260314*1200*2*X*005010X222A1~\n'),
  'a claim right after ST': (t) =>
    t.replace(/ST\*837\*0003\*005010X222A1~\n[\s\S]*?CLM\*/, 'ST*837*0003*005010X222A1~\nCLM*'),
  'no subscriber loops': (t) => t.replace(/HL\*\d+\*1\*22\*0~\n/g, ''),
};

/** Envelopes and transactions that are not 837P: the stream tells what each is, and the pieces check nothing in them. */
const otherTransactions: Record<string, (text: string) => string> = {
  'two institutional transactions, then 837P again': (t) =>
    t
      .replace('ST*837*0002*005010X222A1~', 'ST*837*0002*005010X223A2~')
      .replace('ST*837*0003*005010X222A1~', 'ST*837*0003*005010X223A2~'),
  'an 835 last': (t) => t.replace('ST*837*0006*', 'ST*835*0006*'),
  'a 4010 group, told by GS08': (t) =>
    t.replace('*1*X*005010X222A1~', '*1*X*004010X098A1~').replace(/ST\*837\*(\d+)\*005010X222A1~/g, 'ST*837*$1~'),
  'a second interchange repeating the first ISA13': (t) =>
    t.replace(
      'SE*596*0004~\n',
      `SE*596*0004~\nGE*4*1~\nIEA*1*000000001~\n${t.split('\n')[0] ?? ''}\nGS*HC*SUBMITTERID*RECEIVERID*20260314*1200*1*X*005010X222A1~\n`,
    ),
  'a short ISA, GS01 not HC, ST03 not GS08 and 005010X222': (t) =>
    t
      .replace('*SUBMITTERID    *', '*SUBMITTERID*')
      .replace('GS*HC*', 'GS*HP*')
      .replace('ST*837*0003*005010X222A1~', 'ST*837*0003*005010X222A2~')
      .replace('ST*837*0005*005010X222A1~', 'ST*837*0005*005010X222~'),
};
const everything = (text: string) => Object.values(plantedProblems).reduce((t, plant) => plant(t), text);

const layouts: Record<string, (text: string) => string> = {
  'one segment per line': (t) => t,
  'one line': (t) => t.replace(/~\n/g, '~'),
  'CRLF line ends': (t) => t.replace(/\n/g, '\r\n'),
  // Some systems separate with GS, US, RS and FS, control characters no data holds: they are separators, not junk.
  'control-character separators': (t) =>
    t.replace(/[*:^~]/g, (c) => ({ '*': '\x1d', ':': '\x1f', '^': '\x1e', '~': '\x1c' })[c] ?? c),
};

/** A .claim batch with an unnamed claim first, comments, suppressions of both kinds (one naming no rule) and errors, some suppressed. */
function claimBatchText(): string {
  const parts = ['19283 x1\n\n'];
  for (let n = 0; n < 200; n++) {
    const side = n % 2 === 0 ? 'LT' : 'RT';
    parts.push(
      `# claim ${n}\n${n % 9 === 0 ? '# claim-lint-disable-next-line claim-id\n' : ''}claim CLM-${n}${n % 9 === 0 || n % 13 === 0 ? ' extra' : ''}\n` +
        `  dos: 2026-03-14\n  dx: C50.411\n  lesions: ${1 + (n % 3)}\n${n % 5 === 0 ? '  # claim-lint-disable lesion-units bogus-rule\n' : ''}` +
        `${n % 7 === 0 ? '' : `  19283-${side}   x1   $350.00   dx=A\n`}  19284-${side}   x${n % 4}   $400.00   dx=A\n\n`,
    );
  }
  return parts.join('');
}

describe('claim-lint on large files, streamed', () => {
  const temp = useTempFolder();
  interface Output {
    rows: JsonlRow[];
    stdout: string;
  }
  const lint = (args: readonly string[], input?: string): Output => {
    const result = runCli(['--format', 'jsonl', ...args], temp.dir(), input);
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    return { rows: jsonlRows(result.stdout), stdout: result.stdout };
  };
  const streamed = (file: string, chunk: string, extra: readonly string[] = []) =>
    lint(['--stream-threshold', '1', '--stream-chunk', chunk, ...extra, file]);
  /** The same findings (compared as rows, for a readable difference) and the same output bytes. */
  const assertSame = (actual: Output, expected: Output, label?: string) => {
    assert.deepEqual(actual.rows, expected.rows, label);
    assert.equal(actual.stdout, expected.stdout, label);
  };
  const ruleIds = (output: Output) => new Set(output.rows.map((row) => row.ruleId));
  /** A descriptor file that makes unknown-code report every line of the large claims. */
  const plantDescriptorFile = () => {
    temp.write('org-cpt.csv', plantedDescriptorFile);
    temp.write('.claimlintrc.json', JSON.stringify({ descriptorFiles: ['org-cpt.csv'] }));
  };

  for (const [layout, lay] of Object.entries(layouts)) {
    it(`gives the whole-file findings for a multi-transaction 837 with every planted problem (${layout})`, () => {
      temp.write('batch.837', lay(everything(batch)));
      const whole = lint(['batch.837']);
      for (const ruleId of [
        'x12-control-numbers',
        'x12-segment-count',
        'x12-segment-placement',
        'x12-unreadable',
        'x12-claim-total',
        'addon-without-primary',
      ]) {
        assert.ok(ruleIds(whole).has(ruleId), `${ruleId} planted`);
      }
      assert.ok(whole.rows.some((row) => row.claimId !== null) && whole.rows.some((row) => row.claimId === null));
      for (const chunk of ['1K', '8K', '64K']) {
        assertSame(streamed('batch.837', chunk), whole, `chunk ${chunk}`);
      }
    });
  }

  it('plants every problem: each one changes the batch', () => {
    for (const [problem, plant] of Object.entries(plantedProblems)) {
      assert.notEqual(plant(batch), batch, problem);
    }
  });

  for (const [problem, plant] of Object.entries(plantedProblems)) {
    it(`gives the whole-file findings with ${problem}`, () => {
      temp.write('batch.837', plant(batch));
      const whole = lint(['batch.837']);
      assertSame(streamed('batch.837', '1K'), whole);
      assertSame(streamed('batch.837', '8K'), whole);
    });
  }

  for (const [what, plant] of Object.entries(otherTransactions)) {
    it(`gives the whole-file findings with ${what}`, () => {
      temp.write('batch.837', plant(batch));
      const whole = lint(['batch.837']);
      const told = whole.rows.filter((row) =>
        ['x12-not-837p', 'x12-duplicate-interchange', 'x12-envelope-ids', 'x12-envelope'].includes(row.ruleId ?? ''),
      );
      assert.ok(told.length > 0, 'the whole-file check tells it');
      for (const chunk of ['1K', '8K', '64K']) {
        assertSame(streamed('batch.837', chunk), whole, `chunk ${chunk}`);
      }
    });
  }

  it('tells a file of institutional transactions once, and nothing else, streamed at any chunk size', () => {
    temp.write('institutional.837', batch.replace(/005010X222A1/g, '005010X223A2'));
    const whole = lint(['institutional.837']);
    assert.deepEqual(
      whole.rows.map((row) => [row.ruleId, row.line]),
      [['x12-not-837p', 3]],
    );
    for (const chunk of ['1K', '8K']) {
      assertSame(streamed('institutional.837', chunk), whole, `chunk ${chunk}`);
    }
  });

  it('reports SE01 of a transaction cut into pieces once, counted over all of it', () => {
    temp.write('batch.837', batch.replace('SE*593*0002~', 'SE*500*0002~'));
    const counts = streamed('batch.837', '1K').rows.filter((row) => row.ruleId === 'x12-segment-count');
    assert.deepEqual(
      counts.map(({ line, column, message }) => ({ line, column, message })),
      [{ line: 1188, column: 4, message: 'SE01 should be 593: this transaction has 593 segments from ST to SE.' }],
    );
  });

  it('applies the config problem limit to the whole file, with the same notice', () => {
    temp.write('.claimlintrc.json', JSON.stringify({ maxNumberOfProblems: 25 }));
    temp.write('batch.837', everything(batch));
    const whole = lint(['batch.837']);
    assert.equal(whole.rows.length, 26);
    assert.equal(whole.rows[25]?.ruleId, 'too-many-problems');
    assertSame(streamed('batch.837', '1K'), whole);
  });

  it('keeps the file-level findings of the end of the file under the limit, then errors first, whole and streamed', () => {
    temp.write('batch.837', everything(batch));
    const all = lint(['batch.837']);
    // The rules the cap counts as file-level (problemCap.ts): every document rule, the envelope and unreadable text.
    const fileLevel = allRules.map((rule) => rule.id).filter((id) => problemPriority(id, 'error') === 0);
    const lastRow = all.rows[all.rows.length - 1];
    assert.ok(lastRow && fileLevel.includes(lastRow.ruleId ?? ''), 'the last finding of the file is file-level');
    temp.write('.claimlintrc.json', JSON.stringify({ maxNumberOfProblems: 3 }));
    const whole = lint(['batch.837']);
    assert.equal(whole.rows.length, 4);
    assert.equal(whole.rows[3]?.ruleId, 'too-many-problems');
    assert.ok(whole.rows.slice(0, 3).every((row) => fileLevel.includes(row.ruleId ?? '')));
    assertSame(streamed('batch.837', '1K'), whole);
  });

  it('gives the whole-file findings for a large .claim file, cut between claims', () => {
    const lineEnds: Record<string, (text: string) => string> = {
      LF: (t) => t,
      CRLF: (t) => t.replace(/\n/g, '\r\n'),
      CR: (t) => t.replace(/\n/g, '\r'),
    };
    for (const [layout, lay] of Object.entries(lineEnds)) {
      temp.write('batch.claim', lay(claimBatchText()));
      const whole = lint(['batch.claim']);
      for (const ruleId of ['claim-id', 'unknown-rule-id', 'addon-without-primary', 'lesion-units']) {
        assert.ok(ruleIds(whole).has(ruleId), `${ruleId} planted (${layout})`);
      }
      assertSame(streamed('batch.claim', '1K'), whole, layout);
      assertSame(streamed('batch.claim', '4K'), whole, layout);
    }
  });

  it('streams standard input past the threshold, with the same findings', () => {
    temp.write('batch.837', everything(batch));
    const whole = lint(['batch.837']);
    assertSame(
      lint(
        ['--stream-threshold', '4K', '--stream-chunk', '1K', '--stdin-filename', 'batch.837', '-'],
        everything(batch),
      ),
      whole,
    );
  });

  describe('claims larger than the chunk', () => {
    /** Chunk sizes from the smallest allowed, with odd ones that fall anywhere in a segment or line. */
    const chunkSizes = ['1K', '1031', '2K', '3333', '4K'];

    it('checks every line of a 5 KB 837 claim of 40 lines at every chunk size, with no false claim total', () => {
      const text = fortyLineClaim();
      assert.ok(text.length > 5000, `the claim is ${text.length} characters`);
      temp.write('big.837', text);
      plantDescriptorFile();
      const whole = lint(['big.837']);
      const unknownCodes = whole.rows.filter((row) => row.ruleId === 'unknown-code');
      assert.equal(unknownCodes.length, 40, 'one planted finding on each of the 40 lines');
      assert.ok(!ruleIds(whole).has('x12-claim-total'));
      for (const chunk of chunkSizes) {
        assertSame(streamed('big.837', chunk), whole, `chunk ${chunk}`);
      }
    });

    it('gives the whole-file findings for 837 claims of many sizes beside each other, in every layout', () => {
      const shapes: LargeClaimShape[] = [3, 60, 1, 25, 45, 2, 50].map((lines, n) => ({ lines, noteLength: 7 * n }));
      for (const [layout, lay] of Object.entries(layouts)) {
        temp.write('big.837', lay(largeClaimsX12(shapes).replace('SE*', 'SE*9')));
        const whole = lint(['big.837']);
        assert.ok(ruleIds(whole).has('x12-segment-count'), `SE01 planted (${layout})`);
        for (const chunk of chunkSizes) {
          assertSame(streamed('big.837', chunk), whole, `${layout}, chunk ${chunk}`);
        }
      }
    });

    it('gives the whole-file findings for .claim claims larger than the chunk', () => {
      const text = largeClaimsText([
        { lines: 60, noteLength: 50 },
        { lines: 2, noteLength: 0 },
        { lines: 45, noteLength: 30 },
      ]);
      temp.write('big.claim', text);
      plantDescriptorFile();
      const whole = lint(['big.claim']);
      assert.equal(whole.rows.filter((row) => row.ruleId === 'unknown-code').length, 107);
      for (const chunk of chunkSizes) {
        assertSame(streamed('big.claim', chunk), whole, `chunk ${chunk}`);
      }
    });

    it('keeps the file-level findings and the problem cap of the whole-file check', () => {
      temp.write('org-cpt.csv', plantedDescriptorFile);
      temp.write('.claimlintrc.json', JSON.stringify({ maxNumberOfProblems: 30, descriptorFiles: ['org-cpt.csv'] }));
      temp.write('big.837', largeClaimsX12([{ lines: 50, noteLength: 40 }]).replace('IEA*1*', 'IEA*3*'));
      const whole = lint(['big.837']);
      assert.ok(ruleIds(whole).has('too-many-problems'));
      for (const chunk of chunkSizes) {
        assertSame(streamed('big.837', chunk), whole, `chunk ${chunk}`);
      }
    });

    it('gives the whole-file findings for random claim sizes and chunk sizes (property)', function () {
      // Each case runs claim-lint three times; a few cases cover the sizes, the seed replays a failure.
      this.timeout(120000);
      const seed = Number(process.env.FUZZ_SEED ?? 20261206);
      const shape = fc.record({ lines: fc.integer({ min: 1, max: 60 }), noteLength: fc.integer({ min: 0, max: 70 }) });
      fc.assert(
        fc.property(
          fc.array(shape, { minLength: 1, maxLength: 6 }),
          fc.integer({ min: 1024, max: 6000 }),
          fc.boolean(),
          (shapes, chunk, asClaimText) => {
            const file = asClaimText ? 'random.claim' : 'random.837';
            temp.write(file, asClaimText ? largeClaimsText(shapes) : largeClaimsX12(shapes));
            const whole = lint([file]);
            assertSame(streamed(file, String(chunk)), whole, `chunk ${chunk}, seed ${seed}`);
          },
        ),
        { seed, numRuns: 8 },
      );
    });
  });

  it('reports an 837 that does not start with ISA as the whole-file check does', () => {
    temp.write('notx12.837', `BHT*0019~\n${batch}`);
    const whole = lint(['notx12.837']);
    assert.deepEqual(
      whole.rows.map((row) => row.ruleId),
      ['x12-envelope'],
    );
    assertSame(streamed('notx12.837', '1K'), whole);
  });

  describe('the longest segment or line, whole and streamed alike (lineLimit.ts)', () => {
    /** The run's exit code, report and stderr, read whole (under the default threshold) or streamed. */
    const both = (file: string, chunk: string) =>
      [
        ['--stream-chunk', chunk],
        ['--stream-threshold', '1', '--stream-chunk', chunk],
      ].map((options) => {
        const run = runCli(['--format', 'jsonl', ...options, file], temp.dir());
        return { status: run.status, stdout: run.stdout, stderr: run.stderr };
      });
    /** The batch with an NTE whose segment spans `length` characters: the line end after HI's terminator, then NTE*ADD*A... */
    const x12WithSegment = (length: number) =>
      batch.replace('LX*1~', `NTE*ADD*${'A'.repeat(length - '\nNTE*ADD*'.length)}~\nLX*1~`);

    it('refuses an 837 segment one character past the limit, read whole or streamed, and reads one at the limit', () => {
      const at = x12WithSegment(2048);
      assert.ok(at.includes(`\n${'NTE*ADD*'}${'A'.repeat(2048 - 9)}~`));
      temp.write('at.837', at);
      const [wholeAt, streamedAt] = both('at.837', '1K');
      assert.equal(wholeAt?.status, 1, wholeAt?.stderr);
      assert.deepEqual(streamedAt, wholeAt);
      temp.write('past.837', x12WithSegment(2049));
      const [wholePast, streamedPast] = both('past.837', '1K');
      assert.equal(wholePast?.status, 2);
      assert.match(wholePast?.stderr ?? '', /past\.837: a segment is longer than 2048 characters/);
      assert.deepEqual(streamedPast, wholePast);
    });

    it('refuses a .claim line one character past the limit, read whole or streamed, and reads one at the limit', () => {
      const claimWithLine = (length: number) =>
        `claim C-1\n  dx: C50.411\n  19283 x1 $350 dx=A  #${'n'.repeat(length - 23)}\n`;
      assert.equal(claimWithLine(2048).split('\n')[2]?.length, 2048);
      temp.write('at.claim', claimWithLine(2048));
      const [wholeAt, streamedAt] = both('at.claim', '1K');
      assert.equal(wholeAt?.status, 0, wholeAt?.stderr);
      assert.deepEqual(streamedAt, wholeAt);
      temp.write('past.claim', claimWithLine(2049));
      const [wholePast, streamedPast] = both('past.claim', '1K');
      assert.equal(wholePast?.status, 2);
      assert.match(wholePast?.stderr ?? '', /past\.claim: a line is longer than 2048 characters/);
      assert.deepEqual(streamedPast, wholePast);
    });

    it('holds at the real limit: a .claim line of 8 Mi characters and one more, at the default chunk', () => {
      const claimWithLine = (length: number) => `claim C-1\n  19283 x1 $350  #${'n'.repeat(length - 18)}\n`;
      temp.write('big.claim', claimWithLine(8 * 1024 * 1024 + 1));
      const whole = runCli(['--format', 'jsonl', 'big.claim'], temp.dir());
      const streamed = runCli(['--format', 'jsonl', '--stream-threshold', '1', 'big.claim'], temp.dir());
      assert.equal(whole.status, 2);
      assert.match(whole.stderr, /big\.claim: a line is longer than 8388608 characters/);
      assert.deepEqual(streamed, whole);
      temp.write('big.claim', claimWithLine(8 * 1024 * 1024));
      assert.equal(runCli(['--format', 'jsonl', 'big.claim'], temp.dir()).status, 0);
    });
  });

  it('exits 2 on a segment longer than twice the chunk size, and checks the other files', () => {
    temp.write('endless.837', `${batch.slice(0, batch.indexOf('ST*'))}ST*837*${'0'.repeat(5000)}`);
    temp.write('batch.837', batch);
    const result = runCli(
      ['--format', 'jsonl', '--stream-threshold', '1', '--stream-chunk', '1K', 'endless.837', 'batch.837'],
      temp.dir(),
    );
    assert.equal(result.status, 2);
    assert.match(result.stderr, /endless\.837: a segment is longer than 2048 characters/);
    assert.ok(jsonlRows(result.stdout).length > 0 && jsonlRows(result.stdout).every((row) => row.file === 'batch.837'));
  });
});
