/**
 * The conversion commands (`workspace/executeCommand`): the client names a
 * document it has open, the server converts its current text and answers
 * with the new text, its language and the notes for the user. The server
 * never opens or writes a document itself; the client shows the result.
 */
import type { ExecuteCommandParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentModels } from '../documents/documentModels';
import type { ClaimLanguageService } from '../service';
import { type ConversionAnswer, convertTo837Command, convertToClaimCommand } from '../../../shared/src/protocol';

/** Today's date and time on this machine, as the 837 envelope writes them (YYYY-MM-DD, HHMM). */
function now(): { date: string; time: string } {
  const at = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`,
    time: `${two(at.getHours())}${two(at.getMinutes())}`,
  };
}

/** The uri a command names: its first argument, a string or `{ uri }`. */
function uriArgument(params: ExecuteCommandParams): string | undefined {
  const first: unknown = params.arguments?.[0];
  if (typeof first === 'string') {
    return first;
  }
  if (typeof first === 'object' && first !== null && typeof (first as { uri?: unknown }).uri === 'string') {
    return (first as { uri: string }).uri;
  }
  return undefined;
}

/**
 * The command's answer, or null for a command or document the server does not know. The service's result is
 * sent as it is: the pure service cannot import the protocol, so the compiler checks here that it fits the wire.
 */
export function runConversion(
  params: ExecuteCommandParams,
  documentOf: (uri: string) => TextDocument | undefined,
  models: DocumentModels,
  service: ClaimLanguageService,
): ConversionAnswer | null {
  const uri = uriArgument(params);
  const document = uri === undefined ? undefined : documentOf(uri);
  if (!document) {
    return null;
  }
  if (params.command === convertTo837Command) {
    return service.convertTo837(document, models.get(document), now());
  }
  if (params.command === convertToClaimCommand) {
    return service.convertToClaim(document, models.get(document));
  }
  return null;
}
