/**
 * Where an ICD-10-CM code names the breast side: for each category (or
 * subcategory) that encodes it, the character that holds the side and what
 * each value means. ICD-10-CM encodes laterality in a fixed character of many
 * categories ("Laterality" in the ICD-10-CM Official Guidelines, section
 * I.B.13), so a table reads it without the code's description. Categories
 * with no side (C79.81, R92) are not listed, and a code of a listed category
 * whose character says "unspecified" or "bilateral" names no single side.
 *
 * This covers the breast-related categories the rules meet (docs/domain.md,
 * "Laterality"). With the official ICD-10-CM order file loaded, the side of
 * every code it holds is read from its description instead
 * (`official/diagnosisFacts.ts`); this table is the fallback without it.
 */
export type BreastSide = 'RT' | 'LT';

export interface LateralityEntry {
  /** The code's first characters without the decimal point: a category (`C50`) or subcategory (`N633`). */
  prefix: string;
  /** 0-based index, in the code without its decimal point, of the character that names the side. */
  position: number;
  /** The values of that character and the side each names; any other value names none. */
  sides: Readonly<Record<string, BreastSide>>;
  /** What the table says, for the docs and tests: `C50.x1x right, C50.x2x left`. */
  reads: string;
}

const rightOne: Readonly<Record<string, BreastSide>> = { '1': 'RT', '2': 'LT' };

/** The bundled table (docs/domain.md, "Laterality"; the ICD-10-CM tabular list). */
export const breastLaterality: readonly LateralityEntry[] = [
  { prefix: 'C50', position: 5, sides: rightOne, reads: 'C50.xx1 right, C50.xx2 left (malignant neoplasm)' },
  { prefix: 'D05', position: 4, sides: rightOne, reads: 'D05.x1 right, D05.x2 left (carcinoma in situ)' },
  { prefix: 'D24', position: 3, sides: rightOne, reads: 'D24.1 right, D24.2 left (benign neoplasm)' },
  { prefix: 'D486', position: 4, sides: rightOne, reads: 'D48.61 right, D48.62 left (uncertain behaviour)' },
  { prefix: 'N60', position: 4, sides: rightOne, reads: 'N60.x1 right, N60.x2 left (benign mammary dysplasia)' },
  { prefix: 'N631', position: 3, sides: { '1': 'RT' }, reads: 'N63.1x right (unspecified lump)' },
  { prefix: 'N632', position: 3, sides: { '2': 'LT' }, reads: 'N63.2x left (unspecified lump)' },
  { prefix: 'N633', position: 4, sides: rightOne, reads: 'N63.31 right, N63.32 left (axillary tail)' },
  { prefix: 'N634', position: 4, sides: rightOne, reads: 'N63.41 right, N63.42 left (subareolar)' },
  { prefix: 'Z901', position: 4, sides: rightOne, reads: 'Z90.11 right, Z90.12 left (acquired absence)' },
];

/**
 * The breast side a diagnosis names, written with or without its decimal
 * point and in either case, from the entry with the longest matching prefix.
 */
export function diagnosisSideIn(table: readonly LateralityEntry[], code: string): BreastSide | undefined {
  const compact = code.toUpperCase().replace('.', '');
  let best: LateralityEntry | undefined;
  for (const entry of table) {
    if (compact.startsWith(entry.prefix) && entry.prefix.length > (best?.prefix.length ?? 0)) {
      best = entry;
    }
  }
  const value = best ? compact.charAt(best.position) : '';
  return best && value !== '' ? best.sides[value] : undefined;
}
