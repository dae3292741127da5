/**
 * What a conversion between the two claim formats gives back: the new text,
 * and notes for the user on what was filled with a placeholder or could not
 * be carried over. Notes name segments, fields and claim ids, never patient
 * data, so the editor may show them as they are.
 */

export interface ConversionResult {
  text: string;
  /** The language of `text`: `x12` for an 837P, `claim` for a `.claim` file. */
  language: 'x12' | 'claim';
  notes: string[];
  /** Why nothing was converted (the document is not of the source format); `text` is then empty. */
  refused?: string;
}

export interface ConvertTo837Options {
  /** YYYY-MM-DD: the interchange's creation date (ISA09, GS04, BHT04). The server passes today's. */
  date: string;
  /** HHMM: the creation time; 1200 when absent. */
  time?: string;
  /** ISA13/GS06 control number; 1 when absent. */
  controlNumber?: number;
}
