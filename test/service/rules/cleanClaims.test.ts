/**
 * A claim billed right: no rule fires on the example of claim-format.md. Each
 * rule's own cases are in the file named after its id.
 */
import * as assert from 'node:assert/strict';
import { formatDiagnostic, validate } from '../../support/documents/claimDocuments';
import { specExample } from '../../support/documents/specExample';

describe('clean claims', () => {
  it('leaves the spec example clean', () => {
    assert.deepEqual(validate(specExample).map(formatDiagnostic), []);
  });
});
