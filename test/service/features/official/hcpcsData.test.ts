/**
 * HCPCS Level II with the CMS file loaded: hover and completion show CMS's
 * descriptors, labelled as CMS's with the edition; the edition follows the
 * date of service in hover. Codes and descriptors here are invented for the
 * tests (G99xx), apart from the bundled G0279, whose summary stays ours.
 */
import * as assert from 'node:assert/strict';
import { writeX12 } from '../../../../server/src/service';
import { x12Claim } from '../../../support/checks/ruleFindings';
import { completeAt, documentOf, serviceWith } from '../../../support/inMemoryOfficialData';

const service = serviceWith({
  hcpcsEditions: [
    {
      label: 'HCPCS 2025 Jan',
      applies: { from: '2025-01-01', to: '2025-12-31' },
      entries: [{ code: 'G9911', short: 'Old words', long: 'Test service, described as in 2025' }],
    },
    {
      label: 'HCPCS 2026 Jan',
      applies: { from: '2026-01-01' },
      entries: [
        { code: 'G9911', short: 'Test svc', long: 'Test service, described as in 2026' },
        { code: 'G9912', short: 'Other svc', long: 'Another test service', terminated: '2026-06-30' },
        { code: 'G0279', short: 'Tomo add-on', long: 'Tomosynthesis add-on, in our test words' },
      ],
    },
  ],
  hcpcsModifiers: [{ code: 'RT', short: 'Right', long: 'Right side, in our test words' }],
});

function hoverText(text: string, marker: string): string {
  const document = documentOf(text);
  const hover = service.doHover(document, service.parse(document), document.positionAt(text.indexOf(marker) + 1));
  const contents = hover?.contents;
  return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

describe('HCPCS Level II with the CMS file loaded', () => {
  it("hovers a code with CMS's descriptor of the edition for the date of service, labelled as CMS's", () => {
    const text = (date: string) => `claim A\n  dos: ${date}\n  G9911 x1\n`;
    assert.match(
      hoverText(text('2026-03-14'), 'G9911'),
      /Test service, described as in 2026\n\n\*CMS HCPCS Level II descriptor, HCPCS 2026 Jan\*/,
    );
    assert.match(hoverText(text('2025-03-14'), 'G9911'), /described as in 2025[\s\S]*HCPCS 2025 Jan/);
  });

  it('says when a code is terminated, and when the edition does not hold it', () => {
    assert.match(hoverText('claim A\n  dos: 2026-03-14\n  G9912\n', 'G9912'), /\*\*Terminated 2026-06-30\*\*/);
    assert.match(
      hoverText('claim A\n  dos: 2026-03-14\n  G9919\n', 'G9919'),
      /Not in HCPCS 2026 Jan: check it for a typo/,
    );
  });

  it("keeps our summary of a bundled code and adds CMS's descriptor", () => {
    const hover = hoverText('claim A\n  dos: 2026-03-14\n  77063\n  G0279\n', 'G0279');
    assert.match(hover, /Summary \(our own words, not the official HCPCS descriptor\)/);
    assert.match(hover, /Tomosynthesis add-on, in our test words/);
  });

  it('hovers an 837 SV101-2 code the same way', () => {
    const text = writeX12([x12Claim('CLM-1', [{ code: 'G9911', modifiers: [], charge: 10 }])]);
    assert.match(hoverText(text, 'G9911'), /described as in 2026[\s\S]*HCPCS 2026 Jan/);
  });

  it('completes by code prefix and by words, with the descriptors and the terminated code marked', () => {
    const byPrefix = completeAt(service, 'claim A\n  G991|\n');
    assert.deepEqual(
      byPrefix.items.map((item) => [item.label, item.labelDetails?.description, item.tags]),
      [
        ['G9911', 'CMS · Test svc', undefined],
        ['G9912', 'CMS · Other svc', [1]],
      ],
    );
    assert.match(byPrefix.items[0]?.detail ?? '', /\(CMS HCPCS Level II descriptor, HCPCS 2026 Jan\)/);
    const byWords = completeAt(service, 'claim A\n  another test|\n');
    assert.deepEqual(
      byWords.items.filter((item) => item.label.startsWith('G99')).map((item) => item.label),
      ['G9912'],
    );
  });

  it('offers a bundled code once, with our summary', () => {
    const labels = completeAt(service, 'claim A\n  G027|\n').items.map((item) => item.label);
    assert.equal(labels.filter((label) => label === 'G0279').length, 1);
  });

  it('completes in an 837 SV101-2', () => {
    const text = writeX12([x12Claim('CLM-1', [{ code: 'G9911', modifiers: [], charge: 10 }])]);
    const list = completeAt(service, text.replace('SV1*HC:G9911', 'SV1*HC:G991|1'));
    assert.deepEqual(
      list.items.map((item) => item.label),
      ['G9911', 'G9912'],
    );
  });

  it("hovers a modifier with our summary and CMS's descriptor", () => {
    const hover = hoverText('claim A\n  dos: 2026-03-14\n  G9911-RT\n', 'RT');
    assert.match(hover, /\*\*Modifier RT\*\* · laterality/);
    assert.match(hover, /Right side, in our test words\n\n\*CMS HCPCS Level II descriptor, HCPCS 2026 Jan\*/);
  });

  it('offers no CMS codes without the file', () => {
    assert.deepEqual(completeAt(serviceWith({}), 'claim A\n  G991|\n').items, []);
  });
});
