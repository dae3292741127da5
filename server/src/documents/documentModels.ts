/**
 * Parse once per document version: the model of each open document, keyed by
 * URI and version, dropped when the document closes so nothing outlives it.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClaimDocumentModel, ClaimLanguageService } from '../service';

export class DocumentModels {
  private readonly models = new Map<string, { version: number; model: ClaimDocumentModel }>();
  private readonly service: ClaimLanguageService;

  constructor(service: ClaimLanguageService) {
    this.service = service;
  }

  get(document: TextDocument): ClaimDocumentModel {
    const cached = this.models.get(document.uri);
    if (cached && cached.version === document.version) {
      return cached.model;
    }
    const model = this.service.reparse(document, cached?.model);
    this.models.set(document.uri, { version: document.version, model });
    return model;
  }

  /**
   * A model good for a request at one line: an 837's whole model (its
   * segments, kept per version), a `.claim` file's claim around the line, so
   * hover and completion on a large file, right after an edit or not, never
   * wait for every claim to be read. Code actions ask for the claims from
   * `line` to `lastLine`.
   */
  around(document: TextDocument, line: number, lastLine = line): ClaimDocumentModel {
    const cached = this.models.get(document.uri);
    // A kept `.claim` model is not used: its claims are read on demand, and finding one claim in it would read all
    // of them (1.3 million took 1.9 GB), while the claims around the line are a small parse, current or not.
    if (cached && cached.version === document.version && cached.model.x12) {
      return cached.model;
    }
    const model = cached?.model.x12
      ? this.service.reparse(document, cached.model)
      : this.service.parseClaimAround(document, line, lastLine);
    if (model.x12) {
      // An X12 file is read whole (its segments; claims on demand), from the previous version where there is one: keep it for the next request.
      this.models.set(document.uri, { version: document.version, model });
    }
    return model;
  }

  delete(uri: string): void {
    this.models.delete(uri);
  }

  get size(): number {
    return this.models.size;
  }

  /** The model kept for the uri, whatever its version, without reading anything. */
  peek(uri: string): ClaimDocumentModel | undefined {
    return this.models.get(uri)?.model;
  }

  uris(): string[] {
    return [...this.models.keys()];
  }
}
