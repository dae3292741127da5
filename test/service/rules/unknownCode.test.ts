/**
 * `unknown-code`: A well-formed code is not in the loaded list of its kind
 * (the CMS HCPCS file, or a licensed CPT descriptor file); silent without
 * one. Cases that fire (with their range and message) and cases that must not.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readDescriptorFile } from '../../../server/src/service/reference/descriptorFile';
import { getLanguageService, writeX12 } from '../../../server/src/service';
import { messageOf, ruleIds } from '../../support/documents/claimDocuments';
import { x12Claim } from '../../support/checks/ruleFindings';
import { findingsOf, serviceWith } from '../../support/inMemoryOfficialData';

const licensed = (text: string) =>
  getLanguageService({ descriptorSources: [readDescriptorFile(text, 'org.csv').source] });

/** A HCPCS file of two invented-for-test entries (G9901 added in 2026; G9902 a live code). */
const hcpcs = serviceWith({
  hcpcs: [
    {
      code: 'G9901',
      short: 'Test service one',
      long: 'Test service one, written for these tests',
      added: '2026-01-01',
    },
    { code: 'G9902', short: 'Test service two', long: 'Test service two, written for these tests' },
  ],
});

describe('unknown-code', () => {
  it('reports nothing when no list of the code kind is loaded: the bundled data is no list of codes', () => {
    assert.deepEqual(ruleIds('claim A\n 19238\n 99901\n G9999\n'), []);
  });

  it('reports a CPT code a loaded descriptor file does not hold, as information', () => {
    const service = licensed('99902,AN ORGANISATION DESCRIPTOR');
    const [diagnostic, ...rest] = findingsOf(service, 'claim A\n 99901\n 99902\n 19283-RT\n', 'unknown-code');
    assert.equal(rest.length, 0, 'the file code and the bundled code are known');
    assert.equal(diagnostic?.severity, 3);
    assert.equal(diagnostic?.range.start.line, 1);
    assert.equal(
      messageOf(diagnostic),
      '99901 (CPT Category I) is in neither the bundled data nor the loaded descriptor file; check for a typo.',
    );
  });

  it('does not report a code a loaded descriptor file knows, and hovers it with that descriptor', () => {
    const service = licensed('19238,LICENSED DESCRIPTOR');
    const document = TextDocument.create('file:///licensed.claim', 'claim', 1, 'claim A\n 19238\n');
    const model = service.parse(document);
    assert.deepEqual(
      service.doValidation(document, model).map((d) => d.code),
      [],
    );
    const hover = service.doHover(document, model, { line: 1, character: 2 });
    const text = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(text, /LICENSED DESCRIPTOR/);
    assert.match(text, /org\.csv/);
  });

  it('does not check HCPCS codes against a CPT descriptor file', () => {
    assert.deepEqual(findingsOf(licensed('99902,DESCRIPTOR'), 'claim A\n G9999\n', 'unknown-code'), []);
  });

  it('reports a HCPCS code the loaded HCPCS file does not hold, as an error naming the edition', () => {
    const [diagnostic, ...rest] = findingsOf(hcpcs, 'claim A\n dos: 2026-03-14\n G9902\n G9999\n', 'unknown-code');
    assert.equal(rest.length, 0);
    assert.equal(diagnostic?.severity, 1);
    assert.equal(diagnostic?.range.start.line, 3);
    assert.equal(messageOf(diagnostic), 'G9999 (HCPCS Level II) is not in HCPCS test; check for a typo.');
  });

  it('reports a HCPCS code billed before the file says it was added, and not from that day', () => {
    const before = findingsOf(hcpcs, 'claim A\n dos: 2025-12-31\n G9901\n', 'unknown-code');
    assert.equal(
      messageOf(before[0]),
      'G9901 (HCPCS Level II) was added on 2026-01-01 (HCPCS test): it cannot be billed for 2025-12-31.',
    );
    assert.deepEqual(findingsOf(hcpcs, 'claim A\n dos: 2026-01-01\n G9901\n', 'unknown-code'), []);
  });

  it('reads the HCPCS edition for the date of service', () => {
    const service = serviceWith({
      hcpcsEditions: [
        { label: 'HCPCS 2025', applies: { from: '2025-01-01', to: '2025-12-31' }, entries: [] },
        {
          label: 'HCPCS 2026',
          applies: { from: '2026-01-01' },
          entries: [{ code: 'G9903', short: 'New', long: 'A test code new in 2026' }],
        },
      ],
    });
    assert.match(
      messageOf(findingsOf(service, 'claim A\n dos: 2025-06-01\n G9903\n', 'unknown-code')[0]),
      /HCPCS 2025/,
    );
    assert.deepEqual(findingsOf(service, 'claim A\n dos: 2026-06-01\n G9903\n', 'unknown-code'), []);
  });

  it('does not report known codes or malformed ones (code-shape does)', () => {
    assert.deepEqual(ruleIds('claim A\n 19283-RT\n'), []);
    assert.deepEqual(ruleIds('claim A\n 1928\n'), ['code-shape']);
  });

  it('does not read an 837 code of another list than HCPCS (SV101-1 ER, IV, WK) as a CPT or HCPCS code', () => {
    const lines = [{ code: 'G9999', modifiers: [], charge: 100 }];
    const text = writeX12([x12Claim('CLM-1', lines)]);
    assert.equal(findingsOf(hcpcs, text, 'unknown-code').length, 1);
    for (const list of ['ER', 'WK', 'IV']) {
      const other = text.replace('SV1*HC:G9999', `SV1*${list}:G9999`);
      assert.ok(other.includes(`SV1*${list}:G9999`));
      assert.deepEqual(findingsOf(hcpcs, other, 'unknown-code'), [], list);
    }
  });
});
