/**
 * Settings per document, read from the client through `workspace/configuration`
 * (any editor can answer it) and cached until the configuration changes.
 * Clients without that request get the settings they push, or the defaults.
 */
import type { Connection } from 'vscode-languageserver';
import { type ClaimSettings, defaultSettings, readSettings } from './service/settings';

export class DocumentSettings {
  private readonly cache = new Map<string, Promise<ClaimSettings>>();
  private pushed: ClaimSettings = defaultSettings;
  private readonly connection: Connection;
  supportsConfigurationRequest = false;

  constructor(connection: Connection) {
    this.connection = connection;
  }

  forDocument(uri: string): Promise<ClaimSettings> {
    if (!this.supportsConfigurationRequest) {
      return Promise.resolve(this.pushed);
    }
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'cptClaims' })
        .then(readSettings, () => defaultSettings);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** The workspace folders changed: which folder's settings apply may have changed, so pulled settings are read again. */
  readAgain(): void {
    this.cache.clear();
  }

  /** `workspace/didChangeConfiguration`: pulled settings are read again; pushed ones are taken as sent. */
  changed(pushedSettings: unknown): void {
    this.cache.clear();
    const section = typeof pushedSettings === 'object' && pushedSettings !== null ? (pushedSettings as Record<string, unknown>)['cptClaims'] : undefined;
    this.pushed = readSettings(section);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  uris(): string[] {
    return [...this.cache.keys()];
  }
}
