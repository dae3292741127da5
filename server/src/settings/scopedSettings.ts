/**
 * Settings per scope (a document, a workspace folder), read from the client
 * through `workspace/configuration` (any editor can answer it) and cached
 * until the configuration or the workspace folders change. Clients without
 * that request get the settings they push; `read` turns a raw `cptClaims`
 * section (or nothing, or a failed request) into settings.
 */
import type { Connection } from 'vscode-languageserver';
import { settingsSection } from '../../../shared/src/protocol';

export class ScopedSettings<T> {
  private readonly cache = new Map<string, Promise<T>>();
  private pushed: T;
  supportsConfigurationRequest = false;

  constructor(
    private readonly connection: Connection,
    private readonly read: (raw: unknown) => T,
  ) {
    this.pushed = read(undefined);
  }

  protected forScope(scopeUri: string): Promise<T> {
    if (!this.supportsConfigurationRequest) {
      return Promise.resolve(this.pushed);
    }
    let settings = this.cache.get(scopeUri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri, section: settingsSection })
        .then(this.read, () => this.read(undefined));
      this.cache.set(scopeUri, settings);
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
    const section =
      typeof pushedSettings === 'object' && pushedSettings !== null
        ? (pushedSettings as Record<string, unknown>)[settingsSection]
        : undefined;
    this.pushed = this.read(section);
  }

  forget(scopeUri: string): void {
    this.cache.delete(scopeUri);
  }

  uris(): string[] {
    return [...this.cache.keys()];
  }
}
