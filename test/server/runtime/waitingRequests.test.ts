/**
 * Background work gives way to the client's requests: `WaitingRequests`
 * counts those passed on and not yet answered (pulls of diagnostics, which
 * wait on the check themselves, are not counted; nor is a request after two
 * seconds without an answer), the transport's writer
 * tells it each answer, and a `TurnBudget` for background work lets the
 * event loop turn until no request waits.
 */
import * as assert from 'node:assert/strict';
import { Emitter, type Message, type MessageWriter } from 'vscode-languageserver';
import { TurnBudget } from '../../../server/src/runtime/turnBudget';
import { WaitingRequests, waitingRequests } from '../../../server/src/runtime/waitingRequests';
import { AnswerTrackingWriter } from '../../../server/src/transport/answerTracking';

/** A writer that keeps what it is given. */
class KeepingWriter implements MessageWriter {
  readonly written: Message[] = [];
  private readonly errors = new Emitter<[Error, Message | undefined, number | undefined]>();
  private readonly closes = new Emitter<void>();
  readonly onError = this.errors.event;
  readonly onClose = this.closes.event;
  write(message: Message): Promise<void> {
    this.written.push(message);
    return Promise.resolve();
  }
  end(): void {}
  dispose(): void {}
}

/** A budget whose turn is used up at once: `yieldIfDue` always turns the event loop. */
async function spentBudget(waiting: () => boolean): Promise<TurnBudget> {
  const budget = new TurnBudget(waiting);
  // A turn's time is a few milliseconds: wait for it by turning the event loop, never by a timer.
  while (!(await budget.yieldIfDue())) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  return budget;
}

describe('requests waiting for an answer', () => {
  it('are counted from arrival to answer; pulls of diagnostics are not', () => {
    const waiting = new WaitingRequests();
    assert.equal(waiting.any, false);
    waiting.arrived(1, 'textDocument/diagnostic');
    waiting.arrived('w', 'workspace/diagnostic');
    assert.equal(waiting.any, false, 'pulls of diagnostics wait on the check themselves');
    waiting.arrived(2, 'textDocument/hover');
    waiting.arrived(3, 'textDocument/completion');
    assert.equal(waiting.any, true);
    waiting.answered(2);
    assert.equal(waiting.any, true, 'the completion still waits');
    waiting.answered(null);
    waiting.answered(3);
    assert.equal(waiting.any, false);
  });

  it('stop being waited for after two seconds without an answer', () => {
    let now = 1000;
    const waiting = new WaitingRequests(() => now);
    waiting.arrived(1, 'workspace/symbol');
    now += 1999;
    assert.equal(waiting.any, true);
    waiting.arrived(2, 'textDocument/hover');
    now += 2;
    assert.equal(waiting.any, true, 'the hover still waits');
    now += 2000;
    assert.equal(waiting.any, false, 'neither is waited for any longer');
  });

  it('are answered when the transport writes a response, not a request or notification of the server', async () => {
    const inner = new KeepingWriter();
    const writer = new AnswerTrackingWriter(inner);
    waitingRequests.arrived('hover-1', 'textDocument/hover');
    await writer.write({ jsonrpc: '2.0', method: 'window/logMessage', params: {} } as Message);
    await writer.write({ jsonrpc: '2.0', id: 'hover-1', method: 'workspace/configuration', params: {} } as Message);
    assert.equal(waitingRequests.any, true, 'a request of the server with the same id answers nothing');
    await writer.write({ jsonrpc: '2.0', id: 'hover-1', result: null } as Message);
    assert.equal(waitingRequests.any, false);
    assert.equal(inner.written.length, 3, 'every message is written');
  });
});

describe('a turn budget for background work', () => {
  it('lets the event loop turn until the waiting request is answered', async () => {
    let waiting = false;
    const budget = await spentBudget(() => waiting);
    waiting = true;
    const events: string[] = [];
    // The request is answered a few turns later, as vscode-jsonrpc handles and answers one.
    let turnsLeft = 5;
    const answerLater = (): void => {
      if (--turnsLeft === 0) {
        events.push('answered');
        waiting = false;
      } else {
        setImmediate(answerLater);
      }
    };
    setImmediate(answerLater);
    // The budget's turn is spent again once the work has run its few milliseconds.
    while (!(await budget.yieldIfDue())) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    events.push('work goes on');
    assert.deepEqual(events, ['answered', 'work goes on']);
  });

  it('gives way for a bounded time: a request never answered does not stop the work', async () => {
    let asked = 0;
    const budget = await spentBudget(() => {
      asked++;
      return true;
    });
    const before = asked;
    while (!(await budget.yieldIfDue())) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.ok(asked > before + 1, `it kept turning while the request waited (${asked - before} turns)`);
  });
});
