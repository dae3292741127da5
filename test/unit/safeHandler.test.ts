/**
 * What the server logs for a failed request: the error's type and where it
 * was thrown, never its message, which may quote claim text, even when the
 * message runs over several lines (the stack starts with the whole message).
 */
import * as assert from 'node:assert/strict';
import { describeError } from '../../server/src/safeHandler';
import { patientClaimText, patientMarkers } from '../support/patientData';

describe('describeError', () => {
  it('names the type and two stack frames of an error whose message quotes a claim over several lines', () => {
    const error = new TypeError(`cannot read this claim:\n${patientClaimText}`);
    const described = describeError(error);
    assert.match(described, /^TypeError at .+ \/ at /);
    assert.equal(described.split(' / ').length, 2);
    for (const marker of Object.values(patientMarkers)) {
      assert.ok(!described.includes(marker), `the description quotes ${marker}: ${described}`);
    }
  });

  it('names only the type of a thrown value that is not an Error', () => {
    assert.equal(describeError(`patient ${patientMarkers.patientSurname}`), 'string');
  });
});
