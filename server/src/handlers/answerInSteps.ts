/**
 * Drives an answer the service gives in steps (the outline and CodeLens of a
 * large file) the way `DocumentChecks` drives a background check: steps until
 * the turn's 2 ms are used (`TurnBudget`), then the event loop turns, so
 * hover and completion that arrived meanwhile are answered in between. A
 * cancelled request stops between two steps with the cancelled error; a
 * document changed meanwhile stops with ContentModified (the editor asks
 * again for the new version), and one closed meanwhile gets the empty answer.
 * On a large document a run longer than one step shows progress ("Outline of
 * batch.claim"), as a background check does.
 */
import { type CancellationToken, LSPErrorCodes, ResponseError, type TextDocuments } from 'vscode-languageserver';
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CheckProgress } from '../documents/checkProgress';
import { describeError } from '../runtime/safeHandler';
import { TurnBudget } from '../runtime/turnBudget';
import type { AnswerRun, ClaimSettings } from '../service';
import { charactersPerMB } from '../documents/documentChecks';

export interface SteppedAnswer<T> {
  /** What the log names when the work fails: `Document symbols`. */
  what: string;
  document: TextDocument;
  token: CancellationToken;
  /** The answer when the work fails or the document closed meanwhile. */
  fallback: T;
  /** The progress title for the file's name, or undefined for no progress (a document below the large size). */
  progressTitle: ((fileName: string) => string) | undefined;
  run: () => AnswerRun<T>;
}

export async function answerInSteps<T>(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  answer: SteppedAnswer<T>,
): Promise<T> {
  const { document, token } = answer;
  // The document object is updated in place by an edit: its version now is the one the run reads.
  const version = document.version;
  const closed = () => documents.get(document.uri) !== document;
  const stopIfStale = () => {
    if (token.isCancellationRequested) {
      throw new ResponseError(
        LSPErrorCodes.RequestCancelled,
        `The ${answer.what.toLowerCase()} request was cancelled.`,
      );
    }
    if (!closed() && document.version !== version) {
      throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed: ask again for its new version.');
    }
  };
  let progress: CheckProgress | undefined;
  const turns = new TurnBudget();
  try {
    const steps = answer.run();
    for (let stepsDone = 0; ; stepsDone++) {
      stopIfStale();
      if (closed()) {
        return answer.fallback;
      }
      const step = steps.next();
      if (step.done === true) {
        return step.value;
      }
      const percent = Math.floor(step.value.fraction * 100);
      if (progress) {
        progress.report(percent);
      } else if (stepsDone === 0 && answer.progressTitle) {
        progress = await CheckProgress.begin(
          connection,
          document.uri,
          percent,
          () => token.isCancellationRequested || closed() || document.version !== version,
          answer.progressTitle,
        );
      }
      await turns.yieldIfDue();
    }
  } catch (error) {
    if (error instanceof ResponseError) {
      throw error;
    }
    connection.console.error(`${answer.what} failed: ${describeError(error)}`);
    return answer.fallback;
  } finally {
    progress?.done();
  }
}

/** Above `cptClaims.backgroundCheckAboveMB`, work on the whole document is done in steps or declined. */
export function isLargeDocument(document: TextDocument, settings: ClaimSettings): boolean {
  return document.getText().length > settings.backgroundCheckAboveMB * charactersPerMB;
}
