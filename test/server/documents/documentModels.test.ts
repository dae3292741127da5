/**
 * The server's per-version models: after an edit to an 837, the model for
 * hover and completion is read from the previous version's segments, and is
 * the same as reading the new text whole.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentModels } from '../../../server/src/documents/documentModels';
import { getLanguageService, reparseCounts } from '../../../server/src/service';
import { segmentsOf } from '../../support/documents/segmentList';
import { x12Batch } from '../../support/documents/x12Batch';

const service = getLanguageService();

describe('server document models', () => {
  it('reads an edited 837 from the previous version for hover, the same as a whole read', () => {
    const models = new DocumentModels(service);
    let document = TextDocument.create('file:///m.837', 'x12', 1, x12Batch(2, 5));
    const first = models.get(document);
    const offset = document.getText().indexOf('SV1*HC:') + 7;
    document = TextDocument.update(
      document,
      [{ range: { start: document.positionAt(offset), end: document.positionAt(offset + 5) }, text: '19283' }],
      2,
    );
    const aroundBefore = reparseCounts.aroundEdit;
    const model = models.around(document, 0);
    assert.equal(reparseCounts.aroundEdit, aroundBefore + 1);
    assert.notEqual(model, first);
    assert.deepEqual(segmentsOf(model), segmentsOf(service.parse(document)));
    assert.equal(models.around(document, 5), model, 'kept for the next request of the same version');
    assert.equal(models.get(document), model);
  });

  it('a `.claim` request at a line reads the claims around it, not the kept whole model’s claims', () => {
    const models = new DocumentModels(service);
    const text = Array.from({ length: 1000 }, (_, n) => `claim C${n}\n  19283-RT x1 $350.00\n`).join('');
    const document = TextDocument.create('file:///m.claim', 'claim', 1, text);
    const whole = models.get(document);
    const around = models.around(document, 1001);
    assert.notEqual(around, whole);
    assert.deepEqual(
      around.claims.map((claim) => claim.id?.value),
      ['C500'],
      'the one claim around the line',
    );
    assert.equal(models.get(document), whole, 'the whole model is still kept');
  });
});
