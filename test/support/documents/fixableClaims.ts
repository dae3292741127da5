/**
 * Realistic claims that trip the rules with quick fixes, as fast-check
 * arbitraries: lesion families from the bundled code data with units that
 * miss the lesion count, add-ons without their primary or with another
 * modality's, deleted codes (alone, or beside what replaced them), modifier 50, missing sides, duplicated lines and
 * lower-case codes. Random texts almost never reach these rules; these do.
 * The same claims are written as `.claim` text and as 837P (see
 * `fixableDocuments.ts`), so both formats' fixes are exercised.
 */
import fc from 'fast-check';
import { bundledCodes, type ClaimToWrite, type CodeInfo, type LineToWrite } from '../../../server/src/service';

export interface GeneratedLine extends LineToWrite {
  modifiers: string[];
  /** Absent: units not written (1 unit). */
  units?: number;
  /** `.claim` only: the line's `lesions=`. */
  lesions?: number;
}

export interface GeneratedClaim extends ClaimToWrite {
  lines: GeneratedLine[];
  /** `.claim` only: the claim's `lesions:` header; 837P has no lesion count. */
  lesions?: number;
}

const live = bundledCodes.filter((info) => !info.deleted);
const firstLesionCodes = live.filter((info) => info.lesion?.role === 'first');
const addOnCodes = live.filter((info) => info.addOnTo !== undefined);
const deletedCodes = bundledCodes.filter((info) => info.deleted !== undefined).map((info) => info.code);
const otherCodes = ['76098', '19301', '19125', '88305', '99213', '77065', '77067', '38525'];
/** HCPCS Level II codes billed beside breast procedures (a tissue marker, a localization device): letters to key in lower case. */
const levelTwoCodes = ['A4648', 'C1819'];
const diagnosisPool = ['C50.411', 'C50.412', 'C50.911', 'N63.10', 'N63.20', 'R92.8', 'Z12.31'];
const dates = ['2026-03-14', '2026-03-15'];

function addOnOf(first: CodeInfo): CodeInfo | undefined {
  return live.find((info) => info.lesion?.role === 'additional' && info.addOnTo?.includes(first.code));
}

/** Lesion-counted first-lesion codes with their add-on, e.g. 19283 and +19284. */
const families = firstLesionCodes.flatMap((first) => {
  const addOn = addOnOf(first);
  return addOn ? [{ first, addOn }] : [];
});

/** A side (or 50, or none) and up to three more modifiers; sometimes one written twice, sometimes in lower case. */
const modifiersArb = fc
  .tuple(
    fc.constantFrom<string[]>([], ['RT'], ['LT'], ['RT'], ['LT'], ['50']),
    fc.subarray(['59', 'XS', '76', '26']),
    fc.boolean(),
    fc.nat({ max: 9 }),
    fc.nat({ max: 9 }),
  )
  .map(([side, extra, sideFirst, lowerCase, repeat]) => {
    const some = sideFirst ? [...side, ...extra] : [...extra, ...side];
    const all = (repeat === 0 && some.length > 0 ? [...some, some[0] as string] : some).slice(0, 4);
    return lowerCase === 0 ? all.map((m) => m.toLowerCase()) : all;
  });

const unitsArb = (expected: number) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(expected) }, fc.integer({ min: 1, max: 4 }), fc.constant(undefined));

function line(code: string, modifiers: string[], units: number | undefined, charge: number): GeneratedLine {
  return { code, modifiers, charge, ...(units === undefined ? {} : { units }) };
}

/** A lesion family as billed for `lesions` lesions, with a chance of each usual mistake. */
const familyBlock = fc
  .record({
    family: fc.constantFrom(...families),
    lesions: fc.integer({ min: 1, max: 4 }),
    modifiers: modifiersArb,
    dropPrimary: fc.nat({ max: 6 }),
    dropAddOn: fc.nat({ max: 4 }),
  })
  .chain(({ family, lesions, modifiers, dropPrimary, dropAddOn }) =>
    fc
      .tuple(unitsArb(1), unitsArb(lesions - 1), fc.constantFrom(lesions, lesions - 1, lesions + 1))
      .map(([primaryUnits, addOnUnits, documented]) => {
        const lines: GeneratedLine[] = [];
        if (dropPrimary !== 0) {
          lines.push(
            line(
              family.first.code,
              modifiers,
              primaryUnits === 1 && lesions > 1 && dropAddOn === 0 ? lesions : primaryUnits,
              350,
            ),
          );
        }
        if (lesions > 1 && dropAddOn !== 0) {
          lines.push(line(family.addOn.code, modifiers, addOnUnits === 0 ? undefined : addOnUnits, 400));
        }
        return { lines, lesions: Math.max(1, documented) };
      }),
  );

/** An add-on with another modality's first-lesion code of the same procedure (19281 with +19284). */
const wrongModalityBlock = fc
  .tuple(fc.constantFrom(...families), fc.constantFrom(...families), modifiersArb)
  .filter(([a, b]) => a.first.lesion?.procedure === b.first.lesion?.procedure && a.first.code !== b.first.code)
  .map(([a, b, modifiers]) => ({
    lines: [line(a.first.code, modifiers, 1, 300), line(b.addOn.code, modifiers, 1, 400)],
  }));

/** Any add-on of the data (lesion ones, G0279, 99417, 19294, 38900 with its ten primaries), its primary there or not. */
const addOnBlock = fc
  .tuple(fc.constantFrom(...addOnCodes), fc.boolean(), modifiersArb, fc.boolean())
  .map(([addOn, withPrimary, modifiers, lowerCase]) => {
    const code = lowerCase ? addOn.code.toLowerCase() : addOn.code;
    const primary = addOn.addOnTo?.[0];
    return {
      lines: [...(withPrimary && primary ? [line(primary, modifiers, 1, 200)] : []), line(code, modifiers, 1, 100)],
    };
  });

const deletedBlock = fc
  .tuple(fc.constantFrom(...deletedCodes), modifiersArb)
  .map(([code, modifiers]) => ({ lines: [line(code, modifiers, 1, 150)] }));

/**
 * A deleted code beside a live code of what became of it, or of what settles
 * it (19290 beside 19281, 76096 beside 19081): its fix must not bill that
 * code twice.
 */
const deletedNeighbours = bundledCodes.flatMap((info) =>
  (info.deleted?.successors ?? [])
    .flatMap((successor) => [...successor.codes, ...(successor.shownBy ?? [])])
    .filter((code, n, codes) => codes.indexOf(code) === n && live.some((candidate) => candidate.code === code))
    .map((beside) => [info.code, beside] as const),
);
const deletedBesideBlock = fc
  .tuple(fc.constantFrom(...deletedNeighbours), modifiersArb, fc.boolean())
  .map(([[code, beside], modifiers, besideFirst]) => {
    const lines = [line(beside, modifiers, 1, 200), line(code, modifiers, 1, 150)];
    return { lines: besideFirst ? lines : lines.reverse() };
  });
/** Other codes, HCPCS Level II ones among them, sometimes keyed in lower case. */
const otherBlock = fc
  .tuple(
    fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...otherCodes) },
      { weight: 1, arbitrary: fc.constantFrom(...levelTwoCodes) },
    ),
    modifiersArb,
    fc.boolean(),
  )
  .map(([code, modifiers, lowerCase]) => ({
    lines: [line(lowerCase ? code.toLowerCase() : code, modifiers, undefined, 90)],
  }));

/** A biopsy and a localization device or specimen image of the same side, with or without a distinct-service modifier. */
const biopsyBesideLocalizationBlock = fc
  .tuple(
    fc.constantFrom('19081', '19083', '19085'),
    fc.constantFrom('19281', '19283', '19285', '76098'),
    fc.constantFrom('RT', 'LT', 'rt'),
    fc.constantFrom<string[]>(['XS'], ['xs'], ['XU'], ['59'], []),
  )
  .map(([biopsy, device, side, distinct]) => ({
    lines: [line(biopsy, [side], 1, 900), line(device, [side, ...distinct], 1, 300)],
  }));

interface Block {
  lines: GeneratedLine[];
  /** The lesions the block's family treats, when it is a family. */
  lesions?: number;
}

const blockArb: fc.Arbitrary<Block> = fc.oneof(
  { weight: 4, arbitrary: familyBlock },
  { weight: 1, arbitrary: wrongModalityBlock },
  { weight: 2, arbitrary: addOnBlock },
  { weight: 1, arbitrary: deletedBlock },
  { weight: 1, arbitrary: deletedBesideBlock },
  { weight: 1, arbitrary: otherBlock },
  { weight: 1, arbitrary: biopsyBesideLocalizationBlock },
);

/** Per-line extras: pointers into the diagnoses, a line date (sometimes another day), a `lesions=`. */
const lineExtrasArb = fc.record({ pointer: fc.nat({ max: 3 }), dos: fc.nat({ max: 9 }), lesions: fc.nat({ max: 11 }) });

export const generatedClaimArb: fc.Arbitrary<Omit<GeneratedClaim, 'id'>> = fc
  .record({
    blocks: fc.array(blockArb, { minLength: 1, maxLength: 3 }),
    diagnoses: fc.subarray(diagnosisPool, { minLength: 1, maxLength: 3 }),
    lowerCaseDiagnosis: fc.nat({ max: 7 }),
    dos: fc.option(fc.constantFrom(...dates), { freq: 4 }),
    duplicate: fc.option(fc.nat(), { freq: 3 }),
    lesionsWritten: fc.nat({ max: 5 }),
    wrongTotal: fc.nat({ max: 7 }),
  })
  .chain((claim) => {
    const lines = claim.blocks.flatMap((block) => block.lines);
    return fc.tuple(
      fc.constant(claim),
      fc.array(lineExtrasArb, { minLength: lines.length, maxLength: lines.length }),
      fc.constant(lines),
    );
  })
  .map(([claim, extras, blockLines]) => {
    const lines = blockLines.map((written, n): GeneratedLine => {
      const extra = extras[n] ?? { pointer: 0, dos: 0, lesions: 0 };
      const pointer = Math.min(extra.pointer, claim.diagnoses.length - 1) + 1;
      return {
        ...written,
        pointers: [pointer],
        ...(extra.dos === 1 ? { dos: dates[1] } : extra.dos === 2 && claim.dos ? { dos: claim.dos } : {}),
        ...(extra.lesions === 1 ? { lesions: 2 } : {}),
      };
    });
    if (claim.duplicate !== null && lines.length > 0) {
      const repeated = lines[claim.duplicate % lines.length] as GeneratedLine;
      lines.push({ ...repeated, modifiers: [...repeated.modifiers].reverse() });
    }
    const lesions = claim.blocks.find((block) => block.lesions !== undefined)?.lesions;
    const diagnoses = claim.diagnoses.map((code, n) =>
      n === 0 && claim.lowerCaseDiagnosis === 0 ? code.toLowerCase() : code,
    );
    const generated: Omit<GeneratedClaim, 'id'> = { diagnoses, lines };
    if (claim.dos !== null) {
      generated.dos = claim.dos;
    }
    if (lesions !== undefined && claim.lesionsWritten !== 0) {
      generated.lesions = lesions;
    }
    if (claim.wrongTotal === 0) {
      generated.totalCharge = 1;
    }
    return generated;
  });

/** One to three claims, numbered. */
export const generatedClaimsArb: fc.Arbitrary<GeneratedClaim[]> = fc
  .array(generatedClaimArb, { minLength: 1, maxLength: 3 })
  .map((claims) => claims.map((claim, n) => ({ ...claim, id: `CLM-${n + 1}` })));
