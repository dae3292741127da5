/**
 * Suppression comments in `.claim` files silence rules by id, for the next
 * line or to the end of the claim, and nothing else.
 */
import * as assert from 'node:assert/strict';
import { ruleIds, textAt, validate } from '../../support/documents/claimDocuments';

describe('suppression comments', () => {
  it('silences a rule on the next line only', () => {
    const text = 'claim A\n  # claim-lint-disable-next-line addon-without-primary\n  19284-RT\n  19286-RT\n';
    assert.deepEqual(ruleIds(text), ['addon-without-primary']);
    assert.equal(validate(text)[0]?.range.start.line, 3);
  });

  it('silences a rule to the end of the claim, not in the next claim', () => {
    const text = 'claim A\n  # claim-lint-disable addon-without-primary\n  19284-RT\n  19286-RT\nclaim B\n  19284-RT\n';
    const diagnostics = validate(text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [['addon-without-primary', 5]],
    );
  });

  it('silences by id, never other rules on the same line', () => {
    assert.deepEqual(
      ruleIds(
        'claim A\n lesions: 3\n 19283-RT x1\n # claim-lint-disable-next-line addon-without-primary\n 19284-RT x1\n',
      ),
      ['lesion-units'],
    );
  });

  it('takes several ids, by spaces or commas, and a -- reason', () => {
    const text =
      'claim A\n lesions: 2\n # claim-lint-disable lesion-units, primary-units -- confirmed with the radiologist\n 19283-RT x3\n';
    assert.deepEqual(ruleIds(text), []);
  });

  it('reports an id that is not a rule, on the id', () => {
    const text = 'claim A\n # claim-lint-disable-next-line addon-without-primray\n 19284-RT\n';
    const diagnostics = validate(text);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['unknown-rule-id', 'addon-without-primary'],
    );
    assert.equal(textAt(text, diagnostics[0]!), 'addon-without-primray');
  });

  it('is only a comment that starts with the directive', () => {
    assert.deepEqual(ruleIds('claim A\n # note: claim-lint-disable-next-line addon-without-primary\n 19284-RT\n'), [
      'addon-without-primary',
    ]);
  });
});
