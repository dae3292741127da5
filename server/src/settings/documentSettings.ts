/**
 * Settings per document (`ScopedSettings`): what VS Code resolves for the
 * document's own uri, or the defaults.
 */
import type { Connection } from 'vscode-languageserver';
import { ScopedSettings } from './scopedSettings';
import { type ClaimSettings, readSettings } from '../service';

export class DocumentSettings extends ScopedSettings<ClaimSettings> {
  constructor(connection: Connection) {
    super(connection, readSettings);
  }

  forDocument(uri: string): Promise<ClaimSettings> {
    return this.forScope(uri);
  }
}
