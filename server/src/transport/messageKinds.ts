/**
 * What a parsed JSON-RPC body is, read the way vscode-jsonrpc dispatches it.
 * Anything it would not dispatch (a batch, a message with neither method nor
 * id, an error response with a null id, ...) it logs whole, claim text
 * included; such bodies are refused before they reach it, and only their
 * kind is ever named.
 */
import type { Message, NotificationMessage, RequestMessage, ResponseMessage } from 'vscode-languageserver';

export type MessageKind =
  | { kind: 'request'; message: RequestMessage }
  | { kind: 'notification'; message: NotificationMessage }
  | { kind: 'response'; message: ResponseMessage }
  | { kind: 'refused'; why: string };

const isId = (value: unknown): value is string | number => typeof value === 'string' || typeof value === 'number';

export function kindOf(value: unknown): MessageKind {
  if (Array.isArray(value)) {
    return { kind: 'refused', why: 'a batch (a JSON array), which LSP does not use' };
  }
  if (typeof value !== 'object' || value === null) {
    return { kind: 'refused', why: 'not a JSON object' };
  }
  const candidate = value as Record<string, unknown>;
  const message = value as Message;
  if ('method' in candidate) {
    if (typeof candidate['method'] !== 'string') {
      return { kind: 'refused', why: 'a method that is not a string' };
    }
    if (candidate['id'] === undefined) {
      return { kind: 'notification', message: message as NotificationMessage };
    }
    return isId(candidate['id'])
      ? { kind: 'request', message: message as RequestMessage }
      : { kind: 'refused', why: 'a request whose id is neither a number nor a string' };
  }
  if (!('id' in candidate)) {
    return { kind: 'refused', why: 'neither a method nor an id' };
  }
  // As vscode-jsonrpc reads it: an error of null or false is no error.
  const answers = candidate['result'] !== undefined || Boolean(candidate['error']);
  if (!answers) {
    return { kind: 'refused', why: 'a response with neither a result nor an error' };
  }
  if (candidate['id'] === null) {
    // JSON-RPC allows it (the client could not read our request's id), but it can be matched to nothing.
    return { kind: 'refused', why: 'a response with a null id' };
  }
  return isId(candidate['id'])
    ? { kind: 'response', message: message as ResponseMessage }
    : { kind: 'refused', why: 'a response whose id is neither a number nor a string' };
}
