/**
 * Checks the shipped code and modifier data for the relations the rules rely
 * on (add-on targets, lesion families, deleted-code replacements), for the
 * codes domain.md names, and for a cheap guard against AMA descriptor text.
 */
import * as assert from 'node:assert/strict';
import { bundledCodes } from '../../../server/src/service/reference/bundledCodes';
import type { CodeInfo } from '../../../server/src/service/reference/codeTypes';
import { bundledModifiers } from '../../../server/src/service/reference/modifiers';

const codeShapes: readonly RegExp[] = [/^\d{5}$/, /^\d{4}F$/, /^\d{4}T$/, /^[A-V]\d{4}$/];

/** Codes domain.md lists in its family table, the excision pair, and its deleted list. */
const domainFamilyCodes: readonly string[] = [
  '19281',
  '19282',
  '19283',
  '19284',
  '19285',
  '19286',
  '19287',
  '19288',
  '19081',
  '19082',
  '19083',
  '19084',
  '19085',
  '19086',
  '19125',
  '19126',
  '76098',
  '19499',
];
const domainDeletedCodes: readonly string[] = [
  '19102',
  '19103',
  '19290',
  '19291',
  '19295',
  '77031',
  '77032',
  '76095',
  '76096',
];

const codesByNumber = new Map<string, CodeInfo>(bundledCodes.map((info) => [info.code, info]));

function lookUp(code: string): CodeInfo {
  const info = codesByNumber.get(code);
  assert.ok(info, `${code} is missing from bundledCodes`);
  return info;
}

/** The completion rule: every query word is a prefix of some word in the summary, family or keywords. */
function matchesCompletionQuery(info: CodeInfo, query: string): boolean {
  const words = [info.summary, info.family, ...(info.keywords ?? [])]
    .join(' ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  const queryWords = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0);
  return queryWords.every((queryWord) => words.some((word) => word.startsWith(queryWord)));
}

function codesMatching(query: string): Set<string> {
  return new Set(bundledCodes.filter((info) => matchesCompletionQuery(info, query)).map((info) => info.code));
}

describe('bundled code data', () => {
  it('has unique codes', () => {
    const seen = new Set<string>();
    for (const info of bundledCodes) {
      assert.ok(!seen.has(info.code), `${info.code} appears more than once`);
      seen.add(info.code);
    }
  });

  it('gives every code a valid CPT or HCPCS shape', () => {
    for (const info of bundledCodes) {
      assert.ok(
        codeShapes.some((shape) => shape.test(info.code)),
        `${info.code} has no valid code shape`,
      );
    }
  });

  it('points every add-on at primaries that exist and are not deleted', () => {
    for (const info of bundledCodes) {
      for (const primary of info.addOnTo ?? []) {
        const primaryInfo = codesByNumber.get(primary);
        assert.ok(primaryInfo, `${info.code} is an add-on to ${primary}, which is missing`);
        assert.equal(primaryInfo.deleted, undefined, `${info.code} is an add-on to deleted ${primary}`);
      }
      if (info.addOnTo !== undefined) {
        assert.ok(info.addOnTo.length > 0, `${info.code} has an empty addOnTo`);
        assert.equal(info.deleted, undefined, `${info.code} is deleted but still lists primaries`);
      }
    }
  });

  it('ties each additional-lesion code to exactly one first-lesion code of the same procedure and modality', () => {
    const additionalCodes = bundledCodes.filter((info) => info.lesion?.role === 'additional');
    assert.ok(additionalCodes.length >= 8, 'expected the additional-lesion codes of the breast families');
    for (const info of additionalCodes) {
      const primaries = info.addOnTo ?? [];
      assert.equal(primaries.length, 1, `${info.code} should be an add-on to exactly one primary`);
      const primaryInfo = lookUp(primaries[0] ?? '');
      assert.equal(
        primaryInfo.lesion?.role,
        'first',
        `${info.code}'s primary ${primaryInfo.code} is not a first-lesion code`,
      );
      assert.equal(
        primaryInfo.lesion?.procedure,
        info.lesion?.procedure,
        `${info.code} and ${primaryInfo.code} differ in procedure`,
      );
      assert.equal(primaryInfo.modality, info.modality, `${info.code} and ${primaryInfo.code} differ in modality`);
    }
  });

  it('gives each first-lesion code exactly one additional-lesion sibling', () => {
    const firstCodes = bundledCodes.filter((info) => info.lesion?.role === 'first');
    for (const first of firstCodes) {
      const siblings = bundledCodes.filter(
        (info) =>
          info.lesion?.role === 'additional' &&
          info.lesion.procedure === first.lesion?.procedure &&
          info.modality === first.modality,
      );
      assert.equal(
        siblings.length,
        1,
        `${first.code} should have exactly one additional-lesion sibling, found ${siblings.length}`,
      );
    }
    const excisionAddOn = lookUp('19126');
    assert.deepEqual(excisionAddOn.addOnTo, ['19125']);
    assert.equal(excisionAddOn.lesion?.procedure, 'excision');
    assert.equal(excisionAddOn.lesion?.role, 'additional');
    assert.equal(lookUp('19125').lesion?.role, 'first');
  });

  it('matches the seed pair: 19284 is an add-on to 19283 only, both stereotactic localization', () => {
    const seed = lookUp('19284');
    assert.deepEqual(seed.addOnTo, ['19283']);
    assert.equal(seed.modality, 'stereotactic');
    assert.deepEqual(seed.lesion, { procedure: 'localization', role: 'additional' });
    assert.deepEqual(lookUp('19283').lesion, { procedure: 'localization', role: 'first' });
  });

  it('says what became of each deleted code with codes that exist and are not deleted, and where that comes from', () => {
    const deletedCodes = bundledCodes.filter((info) => info.deleted !== undefined);
    for (const info of deletedCodes) {
      const successors = info.deleted?.successors ?? [];
      assert.ok(successors.length > 0, `${info.code} is deleted without a successor`);
      for (const successor of successors) {
        assert.ok(successor.codes.length > 0, `${info.code} has a successor without codes`);
        for (const code of successor.codes) {
          const successorInfo = codesByNumber.get(code);
          assert.ok(successorInfo, `${info.code}'s successor ${code} is missing`);
          assert.equal(successorInfo.deleted, undefined, `${info.code}'s successor ${code} is deleted`);
        }
        assert.ok(
          successor.when === undefined || successor.when.trim().length > 0,
          `${info.code} has an empty situation`,
        );
        assert.ok(successor.shownBy === undefined || successor.shownBy.length > 0, `${info.code} has an empty shownBy`);
      }
      // When the claim shows no situation, some advice must still be given.
      assert.ok(
        successors.some((s) => s.when !== undefined || s.shownBy === undefined),
        `${info.code} has no successor that applies when the claim shows none`,
      );
      // Several successors that apply unshown must each say when, or the message cannot tell them apart.
      const unshown = successors.filter((s) => s.when !== undefined || s.shownBy === undefined);
      assert.ok(
        unshown.length === 1 || unshown.every((s) => s.when !== undefined),
        `${info.code}'s successors do not say when each applies`,
      );
      assert.ok(
        (info.deleted?.source ?? '').trim().length > 0,
        `${info.code} does not say where its successors come from`,
      );
      assert.ok(info.summary.startsWith('Formerly: '), `${info.code}'s summary should start with "Formerly: "`);
      assert.equal(info.lesion, undefined, `deleted ${info.code} should not count lesions`);
    }
  });

  it('says where each add-on primary list comes from', () => {
    for (const info of bundledCodes.filter((candidate) => candidate.addOnTo !== undefined)) {
      assert.ok((info.addOnSource ?? '').trim().length > 0, `${info.code} does not say where its primaries come from`);
    }
    for (const info of bundledCodes.filter((candidate) => candidate.addOnTo === undefined)) {
      assert.equal(info.addOnSource, undefined, `${info.code} has a primary source but no primaries`);
    }
  });

  it('lists no primary twice for one add-on', () => {
    for (const info of bundledCodes) {
      const primaries = info.addOnTo ?? [];
      assert.equal(new Set(primaries).size, primaries.length, `${info.code} lists a primary twice`);
    }
  });

  it('holds every code domain.md names, with its deleted list marked deleted and unverified', () => {
    for (const code of domainFamilyCodes) {
      assert.equal(lookUp(code).deleted, undefined, `${code} should not be deleted`);
    }
    for (const code of domainDeletedCodes) {
      const deleted = lookUp(code).deleted;
      assert.ok(deleted, `${code} should be marked deleted`);
      assert.equal(deleted.unverified, true, `${code} comes from an unverified list`);
    }
  });

  it('has short, non-empty summaries and families that are not AMA descriptors', () => {
    for (const info of bundledCodes) {
      assert.ok(info.summary.trim().length > 0, `${info.code} has an empty summary`);
      assert.ok(info.summary.length <= 160, `${info.code}'s summary is ${info.summary.length} characters`);
      assert.ok(info.family.trim().length > 0, `${info.code} has an empty family`);
      assert.ok(
        !info.summary.startsWith('Placement of breast localization device'),
        `${info.code}'s summary reads like the AMA descriptor`,
      );
      assert.ok(
        !info.summary.includes('each additional lesion (List separately'),
        `${info.code}'s summary reads like the AMA descriptor`,
      );
      assert.ok(!info.summary.includes('(List separately'), `${info.code}'s summary reads like the AMA descriptor`);
      assert.ok(!/percutaneous[;,] /i.test(info.summary), `${info.code}'s summary reads like the AMA descriptor`);
    }
  });

  it('lets completion queries find the right breast codes', () => {
    const stereo = codesMatching('stereo');
    for (const code of ['19283', '19284', '19081', '19082']) {
      assert.ok(stereo.has(code), `"stereo" should match ${code}`);
    }
    assert.ok(!stereo.has('19285'), '"stereo" should not match the ultrasound code 19285');

    const ultrasoundClip = codesMatching('ultrasound clip');
    for (const code of ['19285', '19286', '19083', '19084']) {
      assert.ok(ultrasoundClip.has(code), `"ultrasound clip" should match ${code}`);
    }
    for (const code of ['19283', '19287', '19081']) {
      assert.ok(!ultrasoundClip.has(code), `"ultrasound clip" should not match ${code}`);
    }

    const mriBiopsy = codesMatching('mri biopsy');
    for (const code of ['19085', '19086']) {
      assert.ok(mriBiopsy.has(code), `"mri biopsy" should match ${code}`);
    }
    for (const code of ['19081', '19083', '19287', '19288']) {
      assert.ok(!mriBiopsy.has(code), `"mri biopsy" should not match ${code}`);
    }

    const mammoWire = codesMatching('mammo wire');
    assert.ok(mammoWire.has('19281') && mammoWire.has('19282'), '"mammo wire" should match 19281 and 19282');
  });
});

describe('bundled modifiers', () => {
  it('has two-character, unique modifiers with summaries', () => {
    const seen = new Set<string>();
    for (const info of bundledModifiers) {
      assert.match(info.modifier, /^[A-Z0-9]{2}$/, `${info.modifier} is not two letters or digits`);
      assert.ok(!seen.has(info.modifier), `${info.modifier} appears more than once`);
      seen.add(info.modifier);
      assert.ok(info.summary.trim().length > 0, `${info.modifier} has an empty summary`);
    }
  });

  it('has the laterality and distinct-service modifiers the rules use', () => {
    const categoryByModifier = new Map(bundledModifiers.map((info) => [info.modifier, info.category]));
    assert.equal(categoryByModifier.get('RT'), 'laterality');
    assert.equal(categoryByModifier.get('LT'), 'laterality');
    assert.equal(categoryByModifier.get('50'), 'laterality');
    // The modifiers CMS lists for bypassing an NCCI procedure-to-procedure edit as a distinct service
    // (MLN1783722); biopsy-with-localization accepts these and semantic tokens mark them.
    const distinct = bundledModifiers
      .filter((info) => info.category === 'distinct-service')
      .map((info) => info.modifier);
    assert.deepEqual(distinct.sort(), ['59', 'XE', 'XP', 'XS', 'XU']);
  });
});
