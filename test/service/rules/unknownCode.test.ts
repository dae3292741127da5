/**
 * `unknown-code`: A well-formed code is not in the loaded data (a typo, or a
 * code the data does not cover). Cases that fire (with their range and
 * message) and cases that must not.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readDescriptorFile } from '../../../server/src/service/reference/descriptorFile';
import { getLanguageService } from '../../../server/src/service';
import { messageOf, ruleIds, textAt } from '../../support/documents/claimDocuments';
import { ids, only, x12Claim } from '../../support/checks/ruleFindings';
import { validateX12 } from '../../support/documents/claimDocuments';
import { writeX12 } from '../../../server/src/service';

describe('unknown-code', () => {
  it('reports a well-formed code the data does not know as information', () => {
    const text = 'claim A\n 19238\n';
    const diagnostic = only(text, 'unknown-code');
    assert.equal(diagnostic.severity, 3);
    assert.equal(textAt(text, diagnostic), '19238');
    assert.equal(messageOf(diagnostic), '19238 (CPT Category I) is not in the loaded data; check for a typo.');
  });

  it('does not report a code a loaded descriptor file knows, and hovers it with that descriptor', () => {
    const licensed = getLanguageService({
      descriptorSources: [readDescriptorFile('19238,LICENSED DESCRIPTOR', 'org.csv').source],
    });
    const document = TextDocument.create('file:///licensed.claim', 'claim', 1, 'claim A\n 19238\n');
    const model = licensed.parse(document);
    assert.deepEqual(
      licensed.doValidation(document, model).map((d) => d.code),
      [],
    );
    const hover = licensed.doHover(document, model, { line: 1, character: 2 });
    const text = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(text, /LICENSED DESCRIPTOR/);
    assert.match(text, /org\.csv/);
  });

  it('does not report known codes or malformed ones (code-shape does)', () => {
    assert.deepEqual(ruleIds('claim A\n 19283-RT\n'), []);
    assert.deepEqual(ruleIds('claim A\n 1928\n'), ['code-shape']);
  });

  it('does not read an 837 code of another list than HCPCS (SV101-1 ER, IV, WK) as a CPT code', () => {
    const lines = [{ code: '99999', modifiers: [], charge: 100 }];
    const hcpcs = writeX12([x12Claim('CLM-1', lines)]);
    assert.ok(ids(validateX12(hcpcs)).includes('unknown-code'));
    for (const list of ['ER', 'WK', 'IV']) {
      const other = hcpcs.replace('SV1*HC:99999', `SV1*${list}:99999`);
      assert.ok(other.includes(`SV1*${list}:99999`));
      assert.ok(!ids(validateX12(other)).includes('unknown-code'), list);
    }
  });
});
