/**
 * Settings per workspace folder, for the files no editor has open: VS Code
 * settings differ per folder, not per file, so one `workspace/configuration`
 * request per folder serves all its claim files. Clients without that request
 * get what they push, or the defaults.
 */
import type { Connection } from 'vscode-languageserver';
import { type ClaimSettings, readSettings } from './service/settings';

export interface FolderSettings {
  claim: ClaimSettings;
  /** `cptClaims.workspaceDiagnostics`: check every claim file of the folder, open or not. */
  workspaceDiagnostics: boolean;
}

/** The folder's settings from the raw `cptClaims` section; anything but `true` leaves workspace problems off. */
export function readFolderSettings(raw: unknown): FolderSettings {
  const enabled = typeof raw === 'object' && raw !== null && (raw as Record<string, unknown>)['workspaceDiagnostics'] === true;
  return { claim: readSettings(raw), workspaceDiagnostics: enabled };
}

export class FolderSettingsReader {
  private readonly cache = new Map<string, Promise<FolderSettings>>();
  private pushed: FolderSettings = readFolderSettings(undefined);
  supportsConfigurationRequest = false;

  constructor(private readonly connection: Connection) {}

  forFolder(folderUri: string): Promise<FolderSettings> {
    if (!this.supportsConfigurationRequest) {
      return Promise.resolve(this.pushed);
    }
    let settings = this.cache.get(folderUri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'cptClaims' }).then(readFolderSettings, () => readFolderSettings(undefined));
      this.cache.set(folderUri, settings);
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
    this.pushed = readFolderSettings(section);
  }
}
