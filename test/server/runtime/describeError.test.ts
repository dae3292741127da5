/**
 * What the server logs for an error: its type and where it was thrown, never
 * its message, which may quote claim text, however many lines it spans.
 */
import * as assert from 'node:assert/strict';
import { describeError } from '../../../server/src/runtime/safeHandler';

const patientLine = 'patient: DOE, JANE';

function thrown(make: () => Error): Error {
  try {
    throw make();
  } catch (error) {
    return error as Error;
  }
}

describe('describeError', () => {
  it('gives the type and two stack positions of an error, not its message', () => {
    const description = describeError(thrown(() => new TypeError(`cannot read '${patientLine}'`)));
    assert.match(description, /^TypeError at .+describeError\.test\.js:\d+:\d+\)? \/ at .+:\d+:\d+\)?$/);
    assert.ok(!description.includes('DOE'), description);
  });

  it('leaves out every line of a message that spans several', () => {
    // The stack repeats the message line by line before its frames.
    const description = describeError(thrown(() => new Error(`cannot read\n${patientLine}\n  ${patientLine}`)));
    assert.match(description, /^Error at .+describeError\.test\.js:\d+:\d+/);
    assert.ok(!description.includes('DOE'), description);
  });

  it('leaves out a message changed after the error was made', () => {
    const error = thrown(() => new Error(`cannot read\n${patientLine}`));
    error.message = 'changed';
    const description = describeError(error);
    assert.match(description, /^Error at .+describeError\.test\.js:\d+:\d+/);
    assert.ok(!description.includes('DOE'), description);
  });

  it('gives only the type of a thrown value that is not an Error', () => {
    assert.equal(describeError(patientLine), 'string');
    assert.equal(describeError({ patient: patientLine }), 'object');
  });
});
