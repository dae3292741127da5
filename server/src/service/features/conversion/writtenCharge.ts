/**
 * A line's charge as its file wrote it, a decimal string (`text/decimalAmount.ts`): conversion carries
 * the digits over rather than the number read from them, which loses digits past about 15 and rounds
 * what is finer than cents.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Field } from '../../model/model';
import { decimalOf } from '../../text/decimalAmount';

export function writtenCharge(document: TextDocument, charge: Field<number>): string {
  return decimalOf(document.getText(charge.range)) ?? charge.value.toFixed(2);
}
