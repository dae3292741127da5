/**
 * The code data that ships with the extension: code numbers, their relations
 * (add-on to primary, lesion families, deleted codes) and OUR OWN
 * plain-language summaries and notes. No AMA CPT descriptor text appears here
 * (domain.md, "Licensing"); a licensed user's descriptor file overrides the
 * summaries in hover and completion.
 */
import type { CodeInfo, DeletedCode, LesionProcedure, Modality } from './codeTypes';

// ---------------------------------------------------------------------------
// Shared wording
// ---------------------------------------------------------------------------

const localizationFamily = 'Breast localization device placement';
const biopsyFamily = 'Breast biopsy with device placement and specimen imaging';
const excisionFamily = 'Breast lesion excision';

/** Words a coder types for each imaging modality. */
const modalityKeywords: Readonly<Record<Modality, readonly string[]>> = {
  mammographic: ['mammo', 'mammographic', 'mammography'],
  stereotactic: ['stereo', 'stereotactic'],
  ultrasound: ['ultrasound', 'us', 'sono', 'sonographic'],
  mri: ['mri', 'mr', 'magnetic'],
};

const localizationKeywords: readonly string[] = [
  'localization',
  'clip',
  'wire',
  'seed',
  'pellet',
  'marker',
  'device',
  'needle',
  'preoperative',
];
const biopsyKeywords: readonly string[] = ['biopsy', 'core', 'needle', 'clip', 'vacuum', 'specimen'];

const lateralityNote =
  'Add RT or LT; the side should agree with the diagnosis (e.g. C50.x1x / N63.1x right, C50.x2x / N63.2x left).';
const unitsCountLesionsNote = 'Units count lesions, not needle passes.';

function firstLesionNotes(additionalCode: string): string[] {
  return [
    `Report once per modality per session; each further lesion under the same guidance goes on +${additionalCode}.`,
    unitsCountLesionsNote,
    "A lesion done under a different modality starts that modality's own first-lesion code.",
  ];
}

function additionalLesionNotes(primaryCode: string): string[] {
  return [
    `Add-on: report only with ${primaryCode} (same modality), same patient, provider and date of service.`,
    `Never with another modality's first-lesion code alone; a lesion done under other guidance starts that modality's own code.`,
    `${unitsCountLesionsNote} One unit per lesion after the first.`,
  ];
}

const localizationBundlingNotes: readonly string[] = [
  'Not for a lesion biopsied with 19081-19086 in the same session: the clip is already included in the biopsy code (unbundling).',
  'A device placed in a different lesion than the one biopsied may be reported, with 59 or XS.',
  'May be reported with a later open excision (19101, 19110-19126, 19301-19307); NCCI pairs them, so a modifier such as 59 or XS lets both through.',
];

const biopsyBundlingNotes: readonly string[] = [
  'Already includes any localization device left at the site and imaging of the specimen: 19281-19288 or 76098 for the same lesion is unbundling.',
  'A device placed in a different lesion may be reported separately with 59 or XS.',
];

function lesionKeywords(procedure: LesionProcedure, modality: Modality): string[] {
  const procedureKeywords = procedure === 'localization' ? localizationKeywords : biopsyKeywords;
  return [...procedureKeywords, ...modalityKeywords[modality]];
}

// ---------------------------------------------------------------------------
// Lesion-counted families (domain.md, "Code families")
// ---------------------------------------------------------------------------

/** One modality's pair of codes in a lesion-counted family, with our summaries. */
interface ModalityPair {
  modality: Modality;
  firstCode: string;
  additionalCode: string;
  firstSummary: string;
  additionalSummary: string;
}

const localizationPairs: readonly ModalityPair[] = [
  {
    modality: 'mammographic',
    firstCode: '19281',
    additionalCode: '19282',
    firstSummary:
      'Marks the first breast lesion with a clip, pellet, wire or seed placed through the skin under mammographic guidance.',
    additionalSummary:
      'Adds one more breast lesion marked with a clip, pellet, wire or seed under mammographic guidance, after the first.',
  },
  {
    modality: 'stereotactic',
    firstCode: '19283',
    additionalCode: '19284',
    firstSummary:
      'Marks the first breast lesion with a clip, pellet, wire or seed placed through the skin under stereotactic (x-ray angle) guidance.',
    additionalSummary:
      'Adds one more breast lesion marked with a clip, pellet, wire or seed under stereotactic (x-ray angle) guidance, after the first.',
  },
  {
    modality: 'ultrasound',
    firstCode: '19285',
    additionalCode: '19286',
    firstSummary:
      'Marks the first breast lesion with a clip, pellet, wire or seed placed through the skin under ultrasound guidance.',
    additionalSummary:
      'Adds one more breast lesion marked with a clip, pellet, wire or seed under ultrasound guidance, after the first.',
  },
  {
    modality: 'mri',
    firstCode: '19287',
    additionalCode: '19288',
    firstSummary:
      'Marks the first breast lesion with a clip, pellet, wire or seed placed through the skin under MRI guidance.',
    additionalSummary:
      'Adds one more breast lesion marked with a clip, pellet, wire or seed under MRI guidance, after the first.',
  },
];

const biopsyPairs: readonly ModalityPair[] = [
  {
    modality: 'stereotactic',
    firstCode: '19081',
    additionalCode: '19082',
    firstSummary:
      'Needle biopsy of the first breast lesion under stereotactic (x-ray angle) guidance; any clip left and specimen imaging are included.',
    additionalSummary:
      'Adds needle biopsy of one more breast lesion under stereotactic guidance, after the first; clip and specimen imaging included.',
  },
  {
    modality: 'ultrasound',
    firstCode: '19083',
    additionalCode: '19084',
    firstSummary:
      'Needle biopsy of the first breast lesion under ultrasound guidance; any clip left and specimen imaging are included.',
    additionalSummary:
      'Adds needle biopsy of one more breast lesion under ultrasound guidance, after the first; clip and specimen imaging included.',
  },
  {
    modality: 'mri',
    firstCode: '19085',
    additionalCode: '19086',
    firstSummary:
      'Needle biopsy of the first breast lesion under MRI guidance; any clip left and specimen imaging are included.',
    additionalSummary:
      'Adds needle biopsy of one more breast lesion under MRI guidance, after the first; clip and specimen imaging included.',
  },
];

/** domain.md, "Add-on primaries". */
const lesionAddOnSource =
  'CPT parenthetical after each additional-lesion code (its own modality\'s first-lesion code only), as summarised by AAPC Radiology Coding Alert, "CPT 2014: Prepare to Upgrade"';

function lesionFamilyCodes(
  procedure: LesionProcedure,
  family: string,
  pairs: readonly ModalityPair[],
  bundlingNotes: readonly string[],
): CodeInfo[] {
  return pairs.flatMap((pair): CodeInfo[] => [
    {
      code: pair.firstCode,
      summary: pair.firstSummary,
      family,
      modality: pair.modality,
      lesion: { procedure, role: 'first' },
      notes: [...firstLesionNotes(pair.additionalCode), ...bundlingNotes, lateralityNote],
      keywords: lesionKeywords(procedure, pair.modality),
    },
    {
      code: pair.additionalCode,
      summary: pair.additionalSummary,
      family,
      modality: pair.modality,
      lesion: { procedure, role: 'additional' },
      addOnTo: [pair.firstCode],
      addOnSource: lesionAddOnSource,
      notes: [...additionalLesionNotes(pair.firstCode), ...bundlingNotes, lateralityNote],
      keywords: [...lesionKeywords(procedure, pair.modality), 'additional', 'addon'],
    },
  ]);
}

const excisionKeywords: readonly string[] = [
  'excision',
  'open',
  'localized',
  'wire',
  'seed',
  'clip',
  'marker',
  'needle',
  'lesion',
];

const excisionCodes: readonly CodeInfo[] = [
  {
    code: '19125',
    summary:
      'Open removal of the first breast lesion found by a marker (wire, clip or seed) placed beforehand by imaging.',
    family: excisionFamily,
    lesion: { procedure: 'excision', role: 'first' },
    notes: [
      'Report once per session; each further marked lesion removed goes on +19126.',
      unitsCountLesionsNote,
      'The marker placement (19281-19288) may be reported as well; NCCI pairs them, so a modifier such as 59 or XS is needed.',
      'Specimen x-ray (76098) is commonly reported with it.',
      'For a lump removed without a preplaced marker, see 19120.',
      lateralityNote,
    ],
    keywords: [...excisionKeywords],
  },
  {
    code: '19126',
    summary: 'Adds open removal of one more breast lesion found by a marker placed beforehand, after the first.',
    family: excisionFamily,
    lesion: { procedure: 'excision', role: 'additional' },
    addOnTo: ['19125'],
    addOnSource:
      'CPT parenthetical after 19126 (its first-lesion code 19125 only); from the code book, not checked here',
    notes: [
      'Add-on: report only with 19125, same patient, provider and date of service.',
      `${unitsCountLesionsNote} One unit per marked lesion after the first.`,
      lateralityNote,
    ],
    keywords: [...excisionKeywords, 'additional', 'addon'],
  },
];

// ---------------------------------------------------------------------------
// Codes usually on the same claims
// ---------------------------------------------------------------------------

const partialMastectomyAddOnSource =
  'CPT parentheticals after 19294 and 19297 (the partial mastectomies 19301 and 19302); from the code book, not checked here';

const breastSurgeryCodes: readonly CodeInfo[] = [
  {
    code: '76098',
    summary: 'X-ray of a removed surgical specimen to confirm the lesion, clip or calcifications were taken out.',
    family: 'Specimen radiography',
    notes: [
      'Included in 19081-19086 for the same lesion: reporting it with those biopsy codes is unbundling.',
      'May be reported with an open excision such as 19125 or 19301 when the specimen is imaged.',
    ],
    keywords: ['specimen', 'xray', 'radiograph', 'radiography', 'imaging'],
  },
  {
    code: '19499',
    summary:
      'Breast procedure with no specific code of its own, such as a biopsy guided by tomosynthesis (3D mammography) alone.',
    family: 'Unlisted breast procedure',
    notes: [
      'Tomosynthesis-only guided breast biopsy has no specific code and is reported here.',
      'Unlisted codes usually need the operative report and a comparable code for pricing.',
    ],
    keywords: ['unlisted', 'tomosynthesis', 'tomo', 'dbt', '3d', 'biopsy'],
  },
  {
    code: '19100',
    summary: 'Needle core sample of breast tissue taken by feel, with no imaging guidance.',
    family: 'Breast biopsy',
    notes: ['Only when no imaging guides the needle; image-guided biopsy is 19081-19086.', lateralityNote],
    keywords: ['biopsy', 'core', 'needle', 'palpable'],
  },
  {
    code: '19101',
    summary: 'Surgical biopsy that cuts out part of a breast lesion through an incision.',
    family: 'Breast biopsy',
    notes: [
      'Localization placed before it (19281-19288) may be reported with it, with a modifier such as 59 or XS.',
      lateralityNote,
    ],
    keywords: ['biopsy', 'open', 'incisional', 'surgical'],
  },
  {
    code: '19110',
    summary: 'Opens the nipple to explore its ducts, sometimes taking out a single duct or a papilloma inside it.',
    family: 'Breast duct and nipple surgery',
    notes: [lateralityNote],
    keywords: ['nipple', 'duct', 'papilloma', 'exploration', 'excision'],
  },
  {
    code: '19112',
    summary: 'Removes an abnormal channel (fistula) running from a milk duct.',
    family: 'Breast duct and nipple surgery',
    notes: [lateralityNote],
    keywords: ['duct', 'fistula', 'lactiferous', 'excision'],
  },
  {
    code: '19120',
    summary:
      'Open removal of one or more breast lumps, such as a cyst or fibroadenoma, that were not marked beforehand by imaging.',
    family: excisionFamily,
    notes: [
      'One unit covers all lumps removed through it; for a lesion marked beforehand by imaging, see 19125.',
      lateralityNote,
    ],
    keywords: ['excision', 'open', 'lump', 'cyst', 'fibroadenoma', 'tumor', 'lesion'],
  },
  {
    code: '19301',
    summary:
      'Removes a breast tumor with a rim of normal tissue, keeping the rest of the breast (lumpectomy, partial mastectomy).',
    family: 'Mastectomy',
    notes: [
      'Localization placed before it (19281-19288) may be reported with it, with a modifier such as 59 or XS.',
      'Radiation catheter or applicator placed during it: add +19294 or +19297.',
      lateralityNote,
    ],
    keywords: ['mastectomy', 'partial', 'lumpectomy', 'segmental', 'quadrantectomy'],
  },
  {
    code: '19302',
    summary: 'Lumpectomy (partial mastectomy) that also removes lymph nodes from the armpit.',
    family: 'Mastectomy',
    notes: [
      'Localization placed before it (19281-19288) may be reported with it, with a modifier such as 59 or XS.',
      'Sentinel node mapping with blue dye during it: add +38900.',
      lateralityNote,
    ],
    keywords: ['mastectomy', 'partial', 'lumpectomy', 'axillary', 'axilla', 'node', 'lymphadenectomy'],
  },
  {
    code: '19303',
    summary: 'Removes the whole breast but not the armpit nodes or chest muscle (simple or total mastectomy).',
    family: 'Mastectomy',
    notes: [lateralityNote],
    keywords: ['mastectomy', 'simple', 'total', 'complete'],
  },
  {
    code: '19305',
    summary: 'Removes the breast, the chest muscles beneath it and the armpit nodes (radical mastectomy).',
    family: 'Mastectomy',
    notes: [lateralityNote],
    keywords: ['mastectomy', 'radical', 'pectoral', 'axillary', 'node'],
  },
  {
    code: '19306',
    summary: 'Radical mastectomy that also takes the lymph nodes along the breastbone (internal mammary chain).',
    family: 'Mastectomy',
    notes: [lateralityNote],
    keywords: ['mastectomy', 'radical', 'urban', 'internal', 'mammary', 'node'],
  },
  {
    code: '19307',
    summary: 'Removes the breast and armpit nodes while keeping the large chest muscle (modified radical mastectomy).',
    family: 'Mastectomy',
    notes: ['Sentinel node mapping with blue dye during it: add +38900.', lateralityNote],
    keywords: ['mastectomy', 'modified', 'radical', 'mrm', 'axillary', 'node'],
  },
  {
    code: '19294',
    summary:
      'Prepares the lumpectomy cavity and places an applicator for radiation given during the same operation (IORT).',
    family: 'Breast radiation applicator placement',
    addOnTo: ['19301', '19302'],
    addOnSource: partialMastectomyAddOnSource,
    notes: ['Add-on: report only with the partial mastectomy (19301 or 19302) done in the same session.'],
    keywords: ['iort', 'intraoperative', 'radiation', 'applicator', 'cavity', 'addon'],
  },
  {
    code: '19297',
    summary:
      'Places a balloon catheter for later internal radiation (brachytherapy) during the same partial mastectomy.',
    family: 'Breast radiation applicator placement',
    addOnTo: ['19301', '19302'],
    addOnSource: partialMastectomyAddOnSource,
    notes: [
      'Add-on: report only with the partial mastectomy (19301 or 19302) done in the same session.',
      'A catheter placed at a separate, later session is not this add-on (see 19296).',
    ],
    keywords: ['balloon', 'catheter', 'brachytherapy', 'radiation', 'mammosite', 'addon'],
  },
];

// ---------------------------------------------------------------------------
// Lymph nodes
// ---------------------------------------------------------------------------

const lymphNodeFamily = 'Lymph node biopsy or excision';
const lymphNodeDissectionFamily = 'Lymph node dissection';
const laparoscopicNodeFamily = 'Laparoscopic lymph node surgery';
const sentinelNodeNote = 'Sentinel node mapping with blue dye during it: add +38900.';

const lymphNodeCodes: readonly CodeInfo[] = [
  {
    code: '38500',
    summary: 'Open biopsy or removal of lymph nodes lying just under the skin (superficial).',
    family: lymphNodeFamily,
    notes: [sentinelNodeNote],
    keywords: ['lymph', 'node', 'superficial', 'biopsy', 'excision'],
  },
  {
    code: '38510',
    summary: 'Open biopsy or removal of deep lymph nodes in the neck.',
    family: lymphNodeFamily,
    notes: [sentinelNodeNote],
    keywords: ['lymph', 'node', 'cervical', 'neck', 'deep', 'biopsy', 'excision'],
  },
  {
    code: '38520',
    summary: 'Open removal of deep neck lymph nodes together with the scalene fat pad.',
    family: lymphNodeFamily,
    notes: [sentinelNodeNote],
    keywords: ['lymph', 'node', 'cervical', 'neck', 'scalene', 'fat', 'pad'],
  },
  {
    code: '38525',
    summary: 'Open biopsy or removal of deep lymph nodes in the armpit, e.g. a sentinel node.',
    family: lymphNodeFamily,
    notes: [
      'Usual code for a sentinel node taken from the armpit with a breast procedure.',
      sentinelNodeNote,
      lateralityNote,
    ],
    keywords: ['lymph', 'node', 'axilla', 'axillary', 'deep', 'sentinel', 'biopsy', 'excision', 'slnb'],
  },
  {
    code: '38530',
    summary: 'Open biopsy or removal of lymph nodes along the breastbone (internal mammary nodes).',
    family: lymphNodeFamily,
    notes: [sentinelNodeNote],
    keywords: ['lymph', 'node', 'internal', 'mammary', 'biopsy', 'excision'],
  },
  {
    code: '38542',
    summary: 'Dissection of the deep lymph nodes along the jugular vein in the neck.',
    family: lymphNodeDissectionFamily,
    notes: [sentinelNodeNote],
    keywords: ['lymph', 'node', 'jugular', 'neck', 'dissection'],
  },
  {
    code: '38740',
    summary: 'Removal of the superficial group of armpit lymph nodes (axillary lymphadenectomy).',
    family: lymphNodeDissectionFamily,
    notes: [sentinelNodeNote, lateralityNote],
    keywords: ['lymph', 'node', 'axilla', 'axillary', 'lymphadenectomy', 'dissection', 'superficial'],
  },
  {
    code: '38745',
    summary: 'Complete removal of the armpit lymph nodes (full axillary lymphadenectomy).',
    family: lymphNodeDissectionFamily,
    notes: [sentinelNodeNote, lateralityNote],
    keywords: ['lymph', 'node', 'axilla', 'axillary', 'lymphadenectomy', 'dissection', 'complete', 'alnd'],
  },
  {
    code: '38531',
    summary:
      'Open biopsy or removal of lymph nodes in the groin (inguinofemoral), e.g. a sentinel node, short of a full dissection.',
    family: lymphNodeFamily,
    notes: [sentinelNodeNote],
    keywords: ['lymph', 'node', 'groin', 'inguinal', 'inguinofemoral', 'sentinel', 'biopsy', 'excision'],
  },
  {
    code: '38562',
    summary: 'Open limited removal of pelvic and para-aortic lymph nodes, to stage a cancer.',
    family: lymphNodeDissectionFamily,
    notes: [sentinelNodeNote],
    keywords: ['lymph', 'node', 'pelvic', 'paraaortic', 'aortic', 'staging', 'limited', 'lymphadenectomy'],
  },
  {
    code: '38564',
    summary:
      'Open limited removal of lymph nodes behind the abdominal lining (along the aorta or the spleen), to stage a cancer.',
    family: lymphNodeDissectionFamily,
    notes: [sentinelNodeNote],
    keywords: ['lymph', 'node', 'retroperitoneal', 'aortic', 'splenic', 'staging', 'limited', 'lymphadenectomy'],
  },
  {
    code: '38570',
    summary:
      'Laparoscopic sampling of one or more lymph nodes behind the abdominal lining, e.g. pelvic sentinel nodes.',
    family: laparoscopicNodeFamily,
    notes: [
      'Gynecologic oncology reports pelvic sentinel node biopsy with this code, with +38900 for the mapping (SGO).',
      sentinelNodeNote,
    ],
    keywords: ['lymph', 'node', 'laparoscopic', 'retroperitoneal', 'pelvic', 'sentinel', 'sampling', 'biopsy'],
  },
  {
    code: '38571',
    summary: 'Laparoscopic removal of all the pelvic lymph nodes on both sides.',
    family: laparoscopicNodeFamily,
    notes: [sentinelNodeNote],
    keywords: ['lymph', 'node', 'laparoscopic', 'pelvic', 'bilateral', 'lymphadenectomy', 'dissection'],
  },
  {
    code: '38572',
    summary:
      'Laparoscopic removal of all the pelvic lymph nodes on both sides, with sampling of the nodes along the aorta.',
    family: laparoscopicNodeFamily,
    notes: [sentinelNodeNote],
    keywords: ['lymph', 'node', 'laparoscopic', 'pelvic', 'paraaortic', 'bilateral', 'lymphadenectomy'],
  },
  {
    code: '38573',
    summary:
      'Laparoscopic staging: pelvic nodes on both sides and nodes along the aorta removed, with washings, lining biopsies and omentum removal.',
    family: laparoscopicNodeFamily,
    notes: [sentinelNodeNote],
    keywords: ['lymph', 'node', 'laparoscopic', 'pelvic', 'paraaortic', 'staging', 'omentectomy', 'washings'],
  },
  {
    code: '38760',
    summary:
      "Open removal of the superficial groin lymph nodes, up to the highest node of the femoral canal (Cloquet's node).",
    family: lymphNodeDissectionFamily,
    notes: [sentinelNodeNote],
    keywords: ['lymph', 'node', 'groin', 'inguinal', 'inguinofemoral', 'superficial', 'lymphadenectomy'],
  },
  {
    code: '38765',
    summary:
      'Open removal of the superficial and deep groin lymph nodes together with the pelvic nodes along the iliac vessels.',
    family: lymphNodeDissectionFamily,
    notes: [sentinelNodeNote],
    keywords: ['lymph', 'node', 'groin', 'inguinofemoral', 'iliac', 'pelvic', 'deep', 'lymphadenectomy'],
  },
  {
    code: '38770',
    summary: 'Open removal of the pelvic lymph nodes along the iliac and obturator vessels.',
    family: lymphNodeDissectionFamily,
    notes: [sentinelNodeNote],
    keywords: ['lymph', 'node', 'pelvic', 'iliac', 'obturator', 'lymphadenectomy', 'dissection'],
  },
  {
    code: '38780',
    summary:
      'Open removal, through the abdomen, of the lymph nodes behind the abdominal lining, along the aorta and the pelvic vessels.',
    family: lymphNodeDissectionFamily,
    notes: [sentinelNodeNote],
    keywords: ['lymph', 'node', 'retroperitoneal', 'aortic', 'pelvic', 'transabdominal', 'lymphadenectomy'],
  },
  {
    code: '38900',
    summary: 'Finds the sentinel lymph node during surgery, including injecting blue (non-radioactive) dye when done.',
    family: 'Sentinel node mapping',
    // domain.md, "Add-on primaries": the CPT parenthetical after 38900 (2011 list, widened in 2019) and SGO.
    addOnTo: [
      '19302',
      '19307',
      '38500',
      '38510',
      '38520',
      '38525',
      '38530',
      '38531',
      '38542',
      '38562',
      '38564',
      '38570',
      '38571',
      '38572',
      '38573',
      '38740',
      '38745',
      '38760',
      '38765',
      '38770',
      '38780',
      '56630',
      '56631',
      '56632',
      '56633',
      '56634',
      '56637',
      '56640',
      '58210',
    ],
    addOnSource:
      'CPT parenthetical after 38900: the 2011 list (ACS Bulletin), widened in CPT 2019 for gynecologic cancers (SGO; part of the widened list unverified); 58210 from SGO coding guidance',
    notes: [
      'Add-on: report only with the node biopsy or dissection, mastectomy, vulvectomy or radical hysterectomy done in the same session.',
      'Bilateral mapping (both sides of the pelvis or both groins) takes modifier 50 in gynecologic oncology (SGO).',
      'Injection of a radioactive tracer is a separate service, not part of this code.',
    ],
    keywords: ['sentinel', 'node', 'lymph', 'mapping', 'dye', 'blue', 'icg', 'intraoperative', 'addon'],
  },
];

// ---------------------------------------------------------------------------
// Gynecologic cancer surgery that +38900 is reported with (domain.md, "Add-on primaries")
// ---------------------------------------------------------------------------

const vulvectomyFamily = 'Radical vulvectomy';
const vulvectomyKeywords: readonly string[] = ['vulvectomy', 'radical', 'vulva', 'vulvar'];

const gynecologicCancerCodes: readonly CodeInfo[] = [
  {
    code: '56630',
    summary: 'Radical removal of part of the vulva, down to the deep tissue, without the groin lymph nodes.',
    family: vulvectomyFamily,
    notes: [
      'A groin sentinel node biopsy is reported beside it with 38531, and the mapping with +38900 (SGO).',
      sentinelNodeNote,
    ],
    keywords: [...vulvectomyKeywords, 'partial'],
  },
  {
    code: '56631',
    summary: 'Radical removal of part of the vulva together with the lymph nodes of one groin.',
    family: vulvectomyFamily,
    notes: [sentinelNodeNote],
    keywords: [...vulvectomyKeywords, 'partial', 'groin', 'inguinofemoral', 'unilateral', 'lymphadenectomy'],
  },
  {
    code: '56632',
    summary: 'Radical removal of part of the vulva together with the lymph nodes of both groins.',
    family: vulvectomyFamily,
    notes: [sentinelNodeNote],
    keywords: [...vulvectomyKeywords, 'partial', 'groin', 'inguinofemoral', 'bilateral', 'lymphadenectomy'],
  },
  {
    code: '56633',
    summary: 'Radical removal of the whole vulva, down to the deep tissue, without the groin lymph nodes.',
    family: vulvectomyFamily,
    notes: [
      'A groin sentinel node biopsy is reported beside it with 38531, and the mapping with +38900 (SGO).',
      sentinelNodeNote,
    ],
    keywords: [...vulvectomyKeywords, 'complete'],
  },
  {
    code: '56634',
    summary: 'Radical removal of the whole vulva together with the lymph nodes of one groin.',
    family: vulvectomyFamily,
    notes: [sentinelNodeNote],
    keywords: [...vulvectomyKeywords, 'complete', 'groin', 'inguinofemoral', 'unilateral', 'lymphadenectomy'],
  },
  {
    code: '56637',
    summary: 'Radical removal of the whole vulva together with the lymph nodes of both groins.',
    family: vulvectomyFamily,
    notes: [sentinelNodeNote],
    keywords: [...vulvectomyKeywords, 'complete', 'groin', 'inguinofemoral', 'bilateral', 'lymphadenectomy'],
  },
  {
    code: '56640',
    summary: 'Radical removal of the whole vulva together with the groin, iliac and pelvic lymph nodes.',
    family: vulvectomyFamily,
    notes: [sentinelNodeNote],
    keywords: [...vulvectomyKeywords, 'complete', 'groin', 'iliac', 'pelvic', 'lymphadenectomy'],
  },
  {
    code: '58210',
    summary:
      'Open radical removal of the uterus and cervix with the tissue beside them, the pelvic lymph nodes of both sides and a sampling along the aorta.',
    family: 'Radical hysterectomy',
    notes: [
      'With sentinel node mapping instead of the full node dissection, SGO reports it with modifier 52 (reduced service) and +38900.',
      sentinelNodeNote,
    ],
    keywords: ['hysterectomy', 'radical', 'abdominal', 'wertheim', 'cervical', 'cervix', 'pelvic', 'lymphadenectomy'],
  },
];

// ---------------------------------------------------------------------------
// Breast imaging
// ---------------------------------------------------------------------------

const mammographyKeywords: readonly string[] = ['mammo', 'mammography', 'mammogram', 'breast'];
const tomosynthesisKeywords: readonly string[] = ['tomosynthesis', 'tomo', 'dbt', '3d', 'addon'];

const breastImagingCodes: readonly CodeInfo[] = [
  {
    code: '77065',
    summary: 'Diagnostic mammogram of one breast, including computer-aided detection when used.',
    family: 'Mammography',
    notes: [lateralityNote, 'Diagnostic tomosynthesis for Medicare: add G0279.'],
    keywords: [...mammographyKeywords, 'diagnostic', 'unilateral'],
  },
  {
    code: '77066',
    summary: 'Diagnostic mammogram of both breasts, including computer-aided detection when used.',
    family: 'Mammography',
    notes: ['Diagnostic tomosynthesis for Medicare: add G0279.'],
    keywords: [...mammographyKeywords, 'diagnostic', 'bilateral'],
  },
  {
    code: '77067',
    summary: 'Screening mammogram of both breasts, including computer-aided detection when used.',
    family: 'Mammography',
    notes: ['Screening tomosynthesis: add +77063.'],
    keywords: [...mammographyKeywords, 'screening', 'bilateral'],
  },
  {
    code: '77063',
    summary: 'Adds 3D tomosynthesis to a screening mammogram of both breasts.',
    family: 'Mammography',
    addOnTo: ['77067'],
    addOnSource:
      'CPT parenthetical after 77063 (the screening mammogram 77067 only); from the code book, not checked here',
    notes: ['Add-on: report only with the screening mammogram 77067 on the same date.'],
    keywords: [...mammographyKeywords, ...tomosynthesisKeywords, 'screening'],
  },
  {
    code: 'G0279',
    summary: 'Adds 3D tomosynthesis to a diagnostic mammogram of one or both breasts (Medicare HCPCS code).',
    family: 'Mammography',
    addOnTo: ['77065', '77066'],
    addOnSource: 'CMS HCPCS Level II long descriptor of G0279 (January 2026 file): in addition to 77065 or 77066',
    notes: [
      'Add-on: report only with the diagnostic mammogram 77065 or 77066 on the same date.',
      'Some commercial payers want CPT tomosynthesis codes instead; check the payer.',
    ],
    keywords: [...mammographyKeywords, ...tomosynthesisKeywords, 'diagnostic', 'hcpcs'],
  },
  {
    code: '77046',
    summary: 'MRI of one breast without contrast.',
    family: 'Breast MRI',
    notes: [lateralityNote],
    keywords: ['mri', 'mr', 'magnetic', 'breast', 'unilateral', 'noncontrast'],
  },
  {
    code: '77047',
    summary: 'MRI of both breasts without contrast.',
    family: 'Breast MRI',
    keywords: ['mri', 'mr', 'magnetic', 'breast', 'bilateral', 'noncontrast'],
  },
  {
    code: '77048',
    summary: 'MRI of one breast before and after contrast, including computer analysis of the images when done.',
    family: 'Breast MRI',
    notes: [lateralityNote],
    keywords: ['mri', 'mr', 'magnetic', 'breast', 'unilateral', 'contrast', 'cad'],
  },
  {
    code: '77049',
    summary: 'MRI of both breasts before and after contrast, including computer analysis of the images when done.',
    family: 'Breast MRI',
    keywords: ['mri', 'mr', 'magnetic', 'breast', 'bilateral', 'contrast', 'cad'],
  },
  {
    code: '76641',
    summary:
      'Complete ultrasound of one breast: all four quadrants and the area behind the nipple, plus the armpit when scanned.',
    family: 'Breast ultrasound',
    notes: [
      'Complete only when every quadrant and the area behind the nipple are documented; otherwise 76642.',
      'Per breast: both sides take RT and LT (or 50, as the payer wants).',
      lateralityNote,
    ],
    keywords: ['ultrasound', 'us', 'sono', 'breast', 'complete'],
  },
  {
    code: '76642',
    summary: 'Limited ultrasound of one breast, such as one lesion or area.',
    family: 'Breast ultrasound',
    notes: [
      'Ultrasound guidance for a biopsy or device placement is already part of 19083-19086 and 19285-19286.',
      lateralityNote,
    ],
    keywords: ['ultrasound', 'us', 'sono', 'breast', 'limited', 'targeted'],
  },
];

// ---------------------------------------------------------------------------
// Pathology and office visits
// ---------------------------------------------------------------------------

const officeVisitKeywords: readonly string[] = ['office', 'visit', 'outpatient', 'em', 'evaluation', 'management'];
const newPatientVisitCodes = ['99202', '99203', '99204', '99205'] as const;
const establishedPatientVisitCodes = ['99211', '99212', '99213', '99214', '99215'] as const;
const visitModifier25Note =
  'On the day of a minor procedure such as a breast biopsy, a separately documented visit takes modifier 25.';

const pathologyAndVisitCodes: readonly CodeInfo[] = [
  {
    code: '88305',
    summary: "Pathologist's gross and microscopic exam of one tissue specimen at level IV, e.g. a breast biopsy core.",
    family: 'Surgical pathology',
    notes: ['One unit per separately submitted specimen.'],
    keywords: ['pathology', 'specimen', 'microscopic', 'surgical', 'level', 'iv'],
  },
  {
    code: '99202',
    summary: 'New patient office visit with straightforward decision making, or at least 15 minutes of total time.',
    family: 'Office visit',
    notes: [visitModifier25Note],
    keywords: [...officeVisitKeywords, 'new'],
  },
  {
    code: '99203',
    summary: 'New patient office visit with low-level decision making, or at least 30 minutes of total time.',
    family: 'Office visit',
    notes: [visitModifier25Note],
    keywords: [...officeVisitKeywords, 'new'],
  },
  {
    code: '99204',
    summary: 'New patient office visit with moderate decision making, or at least 45 minutes of total time.',
    family: 'Office visit',
    notes: [visitModifier25Note],
    keywords: [...officeVisitKeywords, 'new'],
  },
  {
    code: '99205',
    summary: 'New patient office visit with high-level decision making, or at least 60 minutes of total time.',
    family: 'Office visit',
    notes: [visitModifier25Note, 'Time well past this level may add +99417 (Medicare uses its own HCPCS code).'],
    keywords: [...officeVisitKeywords, 'new'],
  },
  {
    code: '99211',
    summary:
      'Established patient office visit that may not need a physician or other qualified professional, e.g. a nurse check.',
    family: 'Office visit',
    keywords: [...officeVisitKeywords, 'established', 'nurse'],
  },
  {
    code: '99212',
    summary:
      'Established patient office visit with straightforward decision making, or at least 10 minutes of total time.',
    family: 'Office visit',
    notes: [visitModifier25Note],
    keywords: [...officeVisitKeywords, 'established'],
  },
  {
    code: '99213',
    summary: 'Established patient office visit with low-level decision making, or at least 20 minutes of total time.',
    family: 'Office visit',
    notes: [visitModifier25Note],
    keywords: [...officeVisitKeywords, 'established'],
  },
  {
    code: '99214',
    summary: 'Established patient office visit with moderate decision making, or at least 30 minutes of total time.',
    family: 'Office visit',
    notes: [visitModifier25Note],
    keywords: [...officeVisitKeywords, 'established'],
  },
  {
    code: '99215',
    summary: 'Established patient office visit with high-level decision making, or at least 40 minutes of total time.',
    family: 'Office visit',
    notes: [visitModifier25Note, 'Time well past this level may add +99417 (Medicare uses its own HCPCS code).'],
    keywords: [...officeVisitKeywords, 'established'],
  },
  {
    code: '99245',
    summary:
      'Office or outpatient consultation asked for by another clinician, at the top level (by decision making or total time).',
    family: 'Office consultation',
    notes: [
      'Medicare does not pay consultation codes; for Medicare the visit is billed as an office visit.',
      'Time well past this level may add +99417.',
    ],
    keywords: [...officeVisitKeywords, 'consultation', 'consult'],
  },
  {
    code: '99345',
    summary: 'Visit at the home or residence of a new patient, at the top level (by decision making or total time).',
    family: 'Home or residence visit',
    notes: ['Time well past this level may add +99417.'],
    keywords: ['home', 'residence', 'visit', 'new', 'em', 'evaluation', 'management'],
  },
  {
    code: '99350',
    summary:
      'Visit at the home or residence of an established patient, at the top level (by decision making or total time).',
    family: 'Home or residence visit',
    notes: ['Time well past this level may add +99417.'],
    keywords: ['home', 'residence', 'visit', 'established', 'em', 'evaluation', 'management'],
  },
  {
    code: '99483',
    summary:
      'Assessment of memory and thinking (e.g. suspected dementia) with a written care plan, with the patient or a caregiver.',
    family: 'Cognitive assessment and care planning',
    notes: ['Time well past the usual length may add +99417 (Medicare uses its own HCPCS code).'],
    keywords: ['cognitive', 'cognition', 'dementia', 'memory', 'assessment', 'care', 'plan'],
  },
  {
    code: '99417',
    summary:
      'Adds each further full 15 minutes of total time beyond the top level of an office, consultation or home visit chosen by time.',
    family: 'Office visit',
    addOnTo: ['99205', '99215', '99245', '99345', '99350', '99483'],
    addOnSource:
      'CPT parenthetical after 99417 as widened in CPT 2023 (secondary sources, not checked here); CMS G2212, its Medicare twin, names 99205, 99215 and 99483',
    notes: [
      'Add-on: only with a top-level visit chosen by time (99205, 99215, 99245, 99345, 99350) or with 99483, same date.',
      'Units are full 15-minute blocks; Medicare does not take this code and uses its own HCPCS prolonged-service code.',
    ],
    keywords: ['prolonged', 'time', 'office', 'visit', 'addon'],
  },
  {
    code: 'G2211',
    summary:
      'Medicare add-on for the extra complexity of an office visit that is part of ongoing care for a serious or complex condition.',
    family: 'Office visit',
    addOnTo: [...newPatientVisitCodes, ...establishedPatientVisitCodes],
    addOnSource:
      'CMS HCPCS Level II long descriptor of G2211 (January 2026 file): in addition to an office or outpatient visit, new or established',
    notes: [
      'Add-on: only with an office visit 99202-99205 or 99211-99215 on the same date.',
      'Payers may deny it when the visit carries modifier 25 for a same-day procedure; check current CMS rules.',
    ],
    keywords: ['complexity', 'longitudinal', 'office', 'visit', 'hcpcs', 'addon'],
  },
];

// ---------------------------------------------------------------------------
// Deleted codes (domain.md, "Deleted codes and what became of them")
// ---------------------------------------------------------------------------

const biopsyCodes = ['19081', '19082', '19083', '19084', '19085', '19086'];
/** The biopsy codes 19081-19086 replaced; on a claim they show a biopsy as well as the live codes do. */
const deletedBiopsyCodes = ['19102', '19103'];
/** The wire codes 19281-19288 replaced; they did not include the imaging guidance, which was billed beside them. */
const deletedWireCodes = ['19290', '19291'];

const source2014 =
  'AAPC Radiology Coding Alert, "CPT 2014: Prepare to Upgrade" (a secondary source; not checked against the AMA\'s own record)';
const source2007 = `renumbered in CPT 2007 (secondary sources), then ${source2014}`;

/**
 * Imaging guidance billed beside a biopsy or a wire before 2014 (mammographic
 * 76096/77032, stereotactic 76095/77031). Guidance of a biopsy is now inside
 * 19081-19086, so the line goes; guidance of a wire is inside the localization
 * code, which replaces it unless the claim already has that code (or the old
 * wire code that becomes it), in which case the line goes too.
 */
function guidanceSuccessors(localization: string, localizationAddOn: string): DeletedCode['successors'] {
  return [
    {
      action: 'remove',
      codes: biopsyCodes,
      when: 'it guided a biopsy',
      shownBy: [...biopsyCodes, ...deletedBiopsyCodes],
    },
    {
      action: 'remove',
      codes: [localization, localizationAddOn],
      shownBy: [localization, localizationAddOn, ...deletedWireCodes],
    },
    { action: 'replace', codes: [localization], when: 'it guided a wire or other localization device' },
  ];
}

const deletedCodes: readonly CodeInfo[] = [
  {
    code: '19102',
    summary: 'Formerly: needle core breast biopsy done with imaging guidance.',
    family: 'Breast biopsy',
    deleted: {
      year: 2014,
      successors: [{ action: 'replace', codes: ['19081', '19083', '19085'] }],
      note: 'Deleted in 2014: image-guided breast biopsy is now 19081, 19083 or 19085 by modality, with add-ons for more lesions.',
      source: source2014,
      unverified: true,
    },
    keywords: ['biopsy', 'core', 'needle', 'deleted'],
  },
  {
    code: '19103',
    summary: 'Formerly: vacuum-assisted or rotating-device breast biopsy done with imaging guidance.',
    family: 'Breast biopsy',
    deleted: {
      year: 2014,
      successors: [{ action: 'replace', codes: ['19081', '19083', '19085'] }],
      note: 'Deleted in 2014: image-guided breast biopsy is now 19081, 19083 or 19085 by modality, with add-ons for more lesions.',
      source: source2014,
      unverified: true,
    },
    keywords: ['biopsy', 'vacuum', 'needle', 'deleted'],
  },
  {
    code: '19290',
    summary: 'Formerly: a wire set in the first breast lesion before surgery to guide the surgeon.',
    family: localizationFamily,
    deleted: {
      year: 2014,
      successors: [{ action: 'replace', codes: ['19281', '19283', '19285', '19287'] }],
      note: 'Deleted in 2014: localization of the first lesion is now 19281, 19283, 19285 or 19287 by modality, guidance included.',
      source: source2014,
      unverified: true,
    },
    keywords: ['localization', 'wire', 'needle', 'deleted'],
  },
  {
    code: '19291',
    summary: 'Formerly: a wire set in each further breast lesion before surgery, after the first.',
    family: localizationFamily,
    deleted: {
      year: 2014,
      successors: [{ action: 'replace', codes: ['19282', '19284', '19286', '19288'] }],
      note: "Deleted in 2014: each further lesion is now the add-on 19282, 19284, 19286 or 19288, matching the first lesion's modality.",
      source: source2014,
      unverified: true,
    },
    keywords: ['localization', 'wire', 'needle', 'additional', 'deleted'],
  },
  {
    code: '19295',
    summary: 'Formerly: an add-on for leaving a metal clip in the breast during an image-guided biopsy.',
    family: localizationFamily,
    deleted: {
      year: 2014,
      // An add-on to the biopsy: replacing it with a biopsy code would bill a second biopsy.
      successors: [{ action: 'remove', codes: biopsyCodes }],
      note: 'Deleted in 2014: the clip is now included in the biopsy codes 19081-19086, so nothing is added for it.',
      source: source2014,
      unverified: true,
    },
    keywords: ['clip', 'marker', 'biopsy', 'deleted'],
  },
  {
    code: '77031',
    summary: 'Formerly: the imaging part of stereotactic guidance for a breast biopsy or needle placement, per lesion.',
    family: 'Breast imaging guidance',
    deleted: {
      year: 2014,
      successors: guidanceSuccessors('19283', '19284'),
      note: 'Deleted in 2014: stereotactic guidance is now inside the biopsy codes (19081) or the device placement code (19283).',
      source: source2014,
      unverified: true,
    },
    keywords: ['stereo', 'stereotactic', 'guidance', 'deleted'],
  },
  {
    code: '77032',
    summary: 'Formerly: the imaging part of mammographic guidance for a breast needle or wire placement, per lesion.',
    family: 'Breast imaging guidance',
    deleted: {
      year: 2014,
      successors: guidanceSuccessors('19281', '19282'),
      note: 'Deleted in 2014: mammographic guidance is now inside 19281 (wire or other device) or the biopsy codes 19081-19086.',
      source: source2014,
      unverified: true,
    },
    keywords: ['mammo', 'mammographic', 'guidance', 'wire', 'deleted'],
  },
  {
    code: '76095',
    summary: 'Formerly: the imaging part of stereotactic guidance for a breast biopsy or needle placement.',
    family: 'Breast imaging guidance',
    deleted: {
      year: 2007,
      // Renumbered 77031 in 2007; 77031 was deleted in 2014, so the live successors are listed.
      successors: guidanceSuccessors('19283', '19284'),
      note: 'Deleted in 2007 and renumbered 77031, itself deleted in 2014: stereotactic guidance is now inside 19081 or 19283.',
      source: source2007,
      unverified: true,
    },
    keywords: ['stereo', 'stereotactic', 'guidance', 'deleted'],
  },
  {
    code: '76096',
    summary: 'Formerly: the imaging part of mammographic guidance for a breast needle or wire placement.',
    family: 'Breast imaging guidance',
    deleted: {
      year: 2007,
      // Renumbered 77032 in 2007; 77032 was deleted in 2014, so the live successors are listed.
      successors: guidanceSuccessors('19281', '19282'),
      note: 'Deleted in 2007 and renumbered 77032, itself deleted in 2014: mammographic guidance is now inside 19281 or the biopsy codes.',
      source: source2007,
      unverified: true,
    },
    keywords: ['mammo', 'mammographic', 'guidance', 'wire', 'deleted'],
  },
];

export const bundledCodes: readonly CodeInfo[] = [
  ...lesionFamilyCodes('localization', localizationFamily, localizationPairs, localizationBundlingNotes),
  ...lesionFamilyCodes('biopsy', biopsyFamily, biopsyPairs, biopsyBundlingNotes),
  ...excisionCodes,
  ...breastSurgeryCodes,
  ...lymphNodeCodes,
  ...gynecologicCancerCodes,
  ...breastImagingCodes,
  ...pathologyAndVisitCodes,
  ...deletedCodes,
];
