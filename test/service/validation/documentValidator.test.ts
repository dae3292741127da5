/**
 * The validation module the service delegates to: `validateModel` checks a
 * whole model, and `createDocumentValidator` picks the `.claim` or the X12
 * incremental validator on each run by what the format test says, giving
 * what `validateModel` gives.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseClaimText } from '../../../server/src/service/claimText/claimTextParser';
import { bundledCodes } from '../../../server/src/service/reference/bundledCodes';
import { CodeReference } from '../../../server/src/service/reference/codeReference';
import { bundledModifiers } from '../../../server/src/service/reference/modifiers';
import { defaultSettings } from '../../../server/src/service/settings';
import {
  createDocumentValidator,
  validateModel,
  type ValidationContext,
} from '../../../server/src/service/validation/documentValidator';
import { parseX12Text } from '../../../server/src/service/x12/x12ClaimParser';
import { x12Batch } from '../../support/documents/x12Batch';

const context: ValidationContext = {
  reference: new CodeReference({ codes: bundledCodes, modifiers: bundledModifiers }),
  rulesDocsBase: 'https://example.test/docs/rules/',
};
const claimText = 'claim CLM-1\n  dx: C50.411\n  19284-RT x1 dx=A\n';
const claimDocument = TextDocument.create('file:///v/one.claim', 'claim', 1, claimText);
const x12Text = x12Batch(1, 3);
const x12Document = TextDocument.create('file:///v/one.837', 'x12', 1, x12Text);

describe('document validator', () => {
  it('validateModel reports the rules with links to their pages', () => {
    const diagnostics = validateModel(parseClaimText(claimText), defaultSettings, context);
    const addOn = diagnostics.find((d) => d.code === 'addon-without-primary');
    assert.ok(addOn);
    assert.equal(addOn.codeDescription?.href, 'https://example.test/docs/rules/addon-without-primary.md');
  });

  it('gives what validateModel gives, for a .claim and for an X12 document', () => {
    const isX12 = (document: TextDocument) => document.languageId === 'x12';
    const validator = createDocumentValidator(context, isX12);
    assert.deepEqual(
      validator.validate(claimDocument, defaultSettings),
      validateModel(parseClaimText(claimText), defaultSettings, context),
    );
    assert.deepEqual(
      validator.validate(x12Document, defaultSettings),
      validateModel(parseX12Text(x12Text), defaultSettings, context),
    );
    assert.equal(validator.lastClaimsRead, 3);
  });

  it('asks the format test on each run, not once', () => {
    let x12 = false;
    const validator = createDocumentValidator(context, () => x12);
    assert.ok(validator.validate(claimDocument).some((d) => d.code === 'addon-without-primary'));
    x12 = true;
    // The same .claim text read as X12 has no ISA: only that problem is reported.
    const asX12 = validator.validate(claimDocument);
    assert.ok(asX12.length > 0);
    assert.ok(asX12.every((d) => d.code !== 'addon-without-primary'));
  });

  it('refuses to resume a run after a later one started', () => {
    const validator = createDocumentValidator(context, () => false);
    const first = validator.validateInSteps(claimDocument, defaultSettings, undefined, { claimsPerStep: 1 });
    first.next();
    validator.validate(claimDocument);
    assert.throws(() => first.next(), /resumed after a later one started/);
  });
});
