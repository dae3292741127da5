/**
 * A push client (one that does not declare pull diagnostics, as Neovim 0.7
 * and many editors) through the real server: the file opened, then one-line
 * edits, each timed from sending `didChange` to the `publishDiagnostics` of
 * that version. The edits come after a pause longer than the server's typing
 * pause, as a coder's single correction does: edits typed
 * within it are gathered and checked once the typing pauses, on purpose.
 */
import { performance } from 'node:perf_hooks';
import { languageIds, readCorpusText } from './corpusDocument';
import type { Corpus } from './corpusFiles';
import { LspStdioClient, failureReason, ServerFailure } from './lspStdioClient';
import { chargeEdit, serverPath } from './serverBench';

export interface PushEditsResult {
  corpus: Corpus;
  openToPublishMs?: number;
  editToPublishMs: number[];
  failure?: { stage: 'open' | 'edit'; reason: string };
}

/** Like the pull client's `typedEdits` (`serverBench.ts`): the first edit is shown apart, then the median. */
export const pushEdits = 20;
const timeoutMs = 10 * 60 * 1000;

/** Resolves with the next `publishDiagnostics` of `version` for `uri`, or rejects after the timeout. */
class PublishWaiter {
  private waiting: { uri: string; version: number; resolve: () => void } | undefined;

  constructor(client: LspStdioClient) {
    client.onNotification('textDocument/publishDiagnostics', (params) => {
      const { uri, version } = params as { uri: string; version?: number };
      if (this.waiting && uri === this.waiting.uri && version === this.waiting.version) {
        this.waiting.resolve();
        this.waiting = undefined;
      }
    });
  }

  next(uri: string, version: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    return new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new ServerFailure(`no diagnostics within ${timeoutMs / 1000} s`)), timeoutMs);
      this.waiting = { uri, version, resolve };
    }).finally(() => clearTimeout(timer));
  }
}

/**
 * Longer than the server's typing pause (`pushDelayMs`, 200 ms, in server/src/documents/diagnosticsPublisher.ts,
 * which the bench may not import), so the next edit is a new one, not more typing.
 */
const pauseMs = 500;

function pauseAfterTyping(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, pauseMs));
}

export async function measurePushEdits(corpus: Corpus): Promise<PushEditsResult> {
  const result: PushEditsResult = { corpus, editToPublishMs: [] };
  const client = new LspStdioClient(serverPath);
  const published = new PublishWaiter(client);
  let stage: 'open' | 'edit' = 'open';
  try {
    await client.initialize(false);
    const text = readCorpusText(corpus.file);
    const uri = `file:///bench/push-${corpus.label}.${corpus.format === 'claim' ? 'claim' : '837'}`;
    let start = performance.now();
    let arrived = published.next(uri, 1);
    await client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: languageIds[corpus.format], version: 1, text },
    });
    await arrived;
    result.openToPublishMs = performance.now() - start;
    stage = 'edit';
    const edit = chargeEdit(text, corpus.format);
    for (let version = 2; version < 2 + pushEdits; version++) {
      await pauseAfterTyping();
      arrived = published.next(uri, version);
      start = performance.now();
      await client.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [edit(version)],
      });
      await arrived;
      result.editToPublishMs.push(performance.now() - start);
    }
  } catch (error) {
    const reason = failureReason(error);
    result.failure = { stage, reason };
  } finally {
    await client.stop();
  }
  return result;
}
