/**
 * The client's crash policy, outside the editor: restart after a crash, tell
 * the user once per session, stop when the server keeps dying within the
 * window, and open the log when the notice's button is chosen. Time is a fake
 * clock the test moves, so nothing waits.
 */
import * as assert from 'node:assert/strict';
import {
  announce,
  type CrashDecision,
  type CrashNotice,
  CrashPolicy,
  defaultCrashLimits,
  noticeMessage,
  type NoticeWindow,
  openLogAction,
} from '../../client/src/crashPolicy';

const second = 1000;
const minute = 60 * second;

class FakeClock {
  time = 1_000_000;
  readonly now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

/** A window that records the notices shown and answers each with `choice`. */
class FakeWindow implements NoticeWindow {
  readonly shown: Array<{ kind: CrashNotice; message: string; action: string }> = [];
  logOpened = 0;
  constructor(private readonly choice: string | undefined) {}
  show(kind: CrashNotice, message: string, action: string): Promise<string | undefined> {
    this.shown.push({ kind, message, action });
    return Promise.resolve(this.choice);
  }
  openLog(): void {
    this.logOpened += 1;
  }
}

/** Each crash goes through `announce`, as the error handler does. */
async function crash(policy: CrashPolicy, window: NoticeWindow): Promise<CrashDecision> {
  const decision = policy.serverClosed();
  await announce(decision, window);
  return decision;
}

describe('client crash policy', () => {
  it('restarts the server after a crash and tells the user, with an Open log button', async () => {
    const window = new FakeWindow(undefined);
    const decision = await crash(new CrashPolicy(defaultCrashLimits, new FakeClock().now), window);
    assert.equal(decision.carryOn, true);
    assert.equal(decision.notice, 'restarted');
    assert.match(decision.logLine, /crash 1 within 3 minutes\); restarting it/);
    assert.deepEqual(window.shown, [{ kind: 'restarted', message: noticeMessage('restarted'), action: openLogAction }]);
    assert.equal(window.logOpened, 0, 'a dismissed notice opens nothing');
  });

  it('tells the user once across 50 crashes spread over a long session, and restarts after each', async () => {
    const clock = new FakeClock();
    const policy = new CrashPolicy(defaultCrashLimits, clock.now);
    const window = new FakeWindow(undefined);
    const decisions: CrashDecision[] = [];
    for (let i = 0; i < 50; i += 1) {
      decisions.push(await crash(policy, window));
      clock.advance(minute);
    }
    assert.ok(
      decisions.every((d) => d.carryOn),
      'every crash is followed by a restart',
    );
    assert.deepEqual(
      decisions.map((d) => d.notice),
      ['restarted', ...Array<undefined>(49).fill(undefined)],
    );
    assert.equal(window.shown.length, 1);
    // The later restarts are still logged.
    assert.match(decisions[49]?.logLine ?? '', /restarting it/);
  });

  it('stops restarting at the fifth crash within 3 minutes, and says so once', async () => {
    const clock = new FakeClock();
    const policy = new CrashPolicy(defaultCrashLimits, clock.now);
    const window = new FakeWindow(undefined);
    const decisions: CrashDecision[] = [];
    for (let i = 0; i < 5; i += 1) {
      decisions.push(await crash(policy, window));
      clock.advance(40 * second);
    }
    assert.deepEqual(
      decisions.map((d) => d.carryOn),
      [true, true, true, true, false],
    );
    assert.match(decisions[4]?.logLine ?? '', /crash 5 within 3 minutes\); it will not be restarted/);
    assert.deepEqual(
      window.shown.map((s) => s.kind),
      ['restarted', 'stopped'],
    );
    assert.equal(window.shown[1]?.message, noticeMessage('stopped'));
    assert.equal(window.shown[1]?.action, openLogAction);
  });

  it('forgets crashes older than the window', async () => {
    const clock = new FakeClock();
    const policy = new CrashPolicy(defaultCrashLimits, clock.now);
    const window = new FakeWindow(undefined);
    for (let i = 0; i < 4; i += 1) {
      assert.equal((await crash(policy, window)).carryOn, true);
    }
    // Exactly the window later the first four no longer count: the fifth crash is the first within it.
    clock.advance(3 * minute);
    const fifth = await crash(policy, window);
    assert.equal(fifth.carryOn, true);
    assert.match(fifth.logLine, /crash 1 within/);
  });

  it('opens the log when the user chooses Open log, once per choice', async () => {
    const window = new FakeWindow(openLogAction);
    const policy = new CrashPolicy(defaultCrashLimits, new FakeClock().now);
    await crash(policy, window);
    assert.equal(window.logOpened, 1);
    // A quiet restart shows nothing, so nothing opens the log again.
    await crash(policy, window);
    assert.equal(window.logOpened, 1);
    assert.equal(window.shown.length, 1);
  });

  it('restarts even when the notice cannot be shown', async () => {
    const failing: NoticeWindow = {
      show: () => Promise.reject(new Error('no window')),
      openLog: () => assert.fail('nothing to open'),
    };
    const decision = await crash(new CrashPolicy(defaultCrashLimits, new FakeClock().now), failing);
    assert.equal(decision.carryOn, true);
  });

  it('carries on through up to 3 connection errors in a row, then shuts the server down and says so once', async () => {
    const policy = new CrashPolicy(defaultCrashLimits, new FakeClock().now);
    const window = new FakeWindow(undefined);
    const decisions: CrashDecision[] = [];
    for (let inARow = 1; inARow <= 5; inARow += 1) {
      const decision = policy.connectionFailed('Error', inARow);
      await announce(decision, window);
      decisions.push(decision);
    }
    assert.deepEqual(
      decisions.map((d) => d.carryOn),
      [true, true, true, false, false],
    );
    assert.deepEqual(
      window.shown.map((s) => s.kind),
      ['stopped'],
    );
    assert.match(decisions[0]?.logLine ?? '', /failed \(Error, 1 in a row\); carrying on/);
  });
});
