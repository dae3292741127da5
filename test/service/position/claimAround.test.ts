/**
 * The claim around a position and the part of it there
 * (`position/claimAround.ts`), which hover, definition and references ask:
 * at every offset of a document it is what the whole model's claims say,
 * while an 837 reads only the claim there.
 */
import * as assert from 'node:assert/strict';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { claimAround, elementAround } from '../../../server/src/service/position/claimAround';
import type { Claim } from '../../../server/src/service/model/model';
import { claimAt, elementAt, type ModelElement } from '../../../server/src/service/position/locate';
import { X12DocumentModel } from '../../../server/src/service/x12/x12ClaimParser';
import { writeClaimText } from '../../support/documents/claimBatch';
import { claimDocument, service, x12Document } from '../../support/documents/claimDocuments';
import { batchClaim, x12Batch } from '../../support/documents/x12Batch';

/** A claim as compared: its id and range (fields compute their ranges when read, so objects differ in caches). */
function claimKey(claim: Claim | undefined): string {
  return claim ? `${claim.id?.value ?? '(unnamed)'} ${JSON.stringify(claim.range)}` : 'none';
}

/** An element as compared: its kind, its claim and the range of what it names. */
function elementKey(element: ModelElement | undefined): string {
  if (!element) {
    return 'none';
  }
  const named = (() => {
    switch (element.kind) {
      case 'code':
      case 'units':
        return element.line.range;
      case 'modifier':
        return element.modifier.range;
      case 'dxPointer':
        return element.pointer.range;
      case 'serviceField':
        return element.range;
      case 'headerKey':
        return element.header.key.range;
      case 'diagnosis':
        return element.claim.diagnoses[element.index]?.range;
      case 'claimId':
        return element.claim.id?.range;
    }
  })();
  return `${element.kind} of ${claimKey(element.claim)} at ${JSON.stringify(named)}`;
}

/** Checks every offset of the document against the whole model's claims. */
function sameAsWholeModel(document: TextDocument): void {
  const whole = service.parse(document).claims;
  const model = service.parse(document);
  let inClaims = 0;
  const kinds = new Set<string>();
  for (let offset = 0; offset <= document.getText().length; offset++) {
    const position = document.positionAt(offset);
    const expected = claimAt(whole, position);
    assert.equal(claimKey(claimAround(model, position)), claimKey(expected), `claim at offset ${offset}`);
    const element = elementAround(model, position);
    assert.equal(elementKey(element), elementKey(elementAt(whole, position)), `element at offset ${offset}`);
    inClaims += expected ? 1 : 0;
    kinds.add(element?.kind ?? 'none');
  }
  assert.ok(inClaims > 0 && inClaims < document.getText().length, 'offsets in claims and outside them');
  assert.ok(kinds.size >= 5, `elements of several kinds: ${[...kinds].join(', ')}`);
}

describe('the claim around a position', () => {
  it('in a .claim file: the claim and element the whole model has there', () => {
    sameAsWholeModel(
      claimDocument(`# a comment before the first claim\n${writeClaimText([0, 1, 2, 3].map(batchClaim))}`),
    );
  });

  it('in an 837: the claim and element the whole model has there, nothing between claims', () => {
    sameAsWholeModel(x12Document(x12Batch(2, 3)));
  });

  it('in an 837: reads only the claim there', () => {
    const document = x12Document(x12Batch(1, 50));
    const model = service.parse(document);
    assert.ok(model instanceof X12DocumentModel);
    let claimsRead = 0;
    const readClaimAt = model.readClaimAt.bind(model);
    model.readClaimAt = (span, problems, visit) => readClaimAt(span, problems, (claim) => (claimsRead++, visit(claim)));
    const position = document.positionAt(document.getText().indexOf('CLM000000025'));
    assert.equal(claimAround(model, position)?.id?.value, 'CLM000000025');
    assert.equal(claimsRead, 1);
  });
});
