/**
 * What claim-lint holds of a file's findings does not grow with their
 * number: the spool keeps at most a batch in memory, and a streamed file's
 * findings, put in whole-file order (a late one merged in, the cap applied),
 * are read back from it. Counting tests: they count the findings held, never
 * time or measure memory (that is `npm run bench:limits`).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FindingSpool, storedFrom, storedMessages } from '../../cli/src/output/findingSpool';
import { OutcomeSlots } from '../../cli/src/reportInOrder';
import type { LintMessage, SeverityName } from '../../cli/src/output/lintResults';
import { StreamedMessages } from '../../cli/src/stream/streamedMessages';
import { keptUnderCap, problemPriority, readSettings } from '../../server/src/service';

function finding(line: number, severity: SeverityName = 'error', ruleId = 'addon-without-primary'): LintMessage {
  return {
    line,
    column: 3,
    endLine: line,
    endColumn: 11,
    severity,
    message: `The add-on code on line ${line} has no primary.`,
    ruleId,
    claimId: `CLM-${line}`,
  };
}

describe("claim-lint's findings held in memory", () => {
  let folder = '';
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bounded-findings-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('holds a bounded number of findings however many a file has', () => {
    for (const count of [20000, 200000]) {
      const spool = new FindingSpool(folder);
      for (let line = 1; line <= count; line++) {
        spool.add(finding(line));
      }
      const stored = spool.finish();
      assert.equal(stored.stats.count, count);
      assert.ok(spool.mostHeld < 6000, `${spool.mostHeld} held of ${count}`);
    }
  });

  it('holds every finding without a spool folder (the count can fail)', () => {
    const spool = new FindingSpool(undefined);
    for (let line = 1; line <= 20000; line++) {
      spool.add(finding(line));
    }
    assert.equal(spool.mostHeld, 20000);
  });

  it('streams a file of one finding per claim in bounded memory, a late finding merged in its place', () => {
    const settings = { ...readSettings({}), maxNumberOfProblems: Number.MAX_SAFE_INTEGER };
    const collected = new StreamedMessages(settings, false, folder);
    const claims = 100000;
    for (let first = 2; first <= claims; first += 50) {
      collected.addBatch(Array.from({ length: 50 }, (_, n) => finding(first + 50 - 1 - n)));
    }
    // An envelope never closed is told at the end, at the file's first line.
    const late = finding(1, 'error', 'x12-control-numbers');
    collected.addBatch([late]);
    const stored = collected.finish(null);
    assert.ok(collected.mostHeld < 6000, `${collected.mostHeld} held`);
    const lines = [...storedMessages(stored)].map((m) => m.line);
    assert.equal(lines.length, claims + 1);
    assert.deepEqual(
      lines,
      Array.from({ length: claims + 1 }, (_, n) => n + 1),
    );
  });

  it('keeps under the cap the findings the whole-file check keeps, then the notice', () => {
    const settings = { ...readSettings({}), maxNumberOfProblems: 30 };
    const all = Array.from({ length: 200 }, (_, n) =>
      finding(n + 2, n % 3 === 0 ? 'warning' : n % 7 === 0 ? 'error' : 'information', 'lesion-units'),
    );
    const late = finding(1, 'error', 'x12-control-numbers');
    const collected = new StreamedMessages(settings, false, folder);
    for (let n = 0; n < all.length; n += 20) {
      collected.addBatch(all.slice(n, n + 20));
    }
    collected.addBatch([late]);
    const shown = [...storedMessages(collected.finish(null))];
    const expected = keptUnderCap([late, ...all], 30, (m) => problemPriority(m.ruleId, m.severity));
    assert.deepEqual(shown.slice(0, -1), expected);
    assert.equal(shown.at(-1)?.ruleId, 'too-many-problems');
    assert.equal(shown.length, 31);
  });

  it('keeps only the errors when quiet, after the cap counted them all', () => {
    const settings = { ...readSettings({}), maxNumberOfProblems: Number.MAX_SAFE_INTEGER };
    const collected = new StreamedMessages(settings, true, folder);
    collected.addBatch([finding(1, 'warning'), finding(2, 'error'), finding(3, 'hint'), finding(4, 'error')]);
    const stored = collected.finish(null);
    assert.deepEqual(
      [...storedMessages(stored)].map((m) => m.line),
      [2, 4],
    );
    assert.equal(stored.stats.count, 2);
  });

  it('moves out of memory the findings of a file done before the files named before it', async () => {
    const slots = new OutcomeSlots(3, folder);
    const outcome = (line: number) => ({
      result: { filePath: `${line}.claim`, findings: storedFrom([finding(line), finding(line + 1)]) },
      warnings: [],
    });
    const first = slots.take(0);
    const later = outcome(30);
    slots.set(2, later);
    const next = outcome(10);
    slots.set(0, next);
    assert.equal(later.result.findings.inline.length, 0, 'the third file waits: its findings are spooled');
    assert.equal(next.result.findings.inline.length, 2, 'the file the report waits for keeps them');
    assert.equal(await first, next);
    slots.set(1, outcome(20));
    for (const [index, line] of [
      [1, 20],
      [2, 30],
    ] as const) {
      const taken = await slots.take(index);
      assert.ok('result' in taken);
      assert.deepEqual(
        [...storedMessages(taken.result.findings)].map((m) => m.line),
        [line, line + 1],
      );
    }
    assert.deepEqual(fs.readdirSync(folder), []);
  });
});
