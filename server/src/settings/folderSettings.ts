/**
 * Settings per workspace folder, for the files no editor has open: VS Code
 * settings differ per folder, not per file, so one `workspace/configuration`
 * request per folder serves all its claim files (`ScopedSettings`).
 */
import type { Connection } from 'vscode-languageserver';
import { ScopedSettings } from './scopedSettings';
import { type ClaimSettings, readSettings } from '../service';

export interface FolderSettings {
  claim: ClaimSettings;
  /** `cptClaims.workspaceDiagnostics`: check every claim file of the folder, open or not. */
  workspaceDiagnostics: boolean;
}

/** The folder's settings from the raw `cptClaims` section; anything but `true` leaves workspace problems off. */
export function readFolderSettings(raw: unknown): FolderSettings {
  const enabled =
    typeof raw === 'object' && raw !== null && (raw as Record<string, unknown>)['workspaceDiagnostics'] === true;
  return { claim: readSettings(raw), workspaceDiagnostics: enabled };
}

export class FolderSettingsReader extends ScopedSettings<FolderSettings> {
  constructor(connection: Connection) {
    super(connection, readFolderSettings);
  }

  forFolder(folderUri: string): Promise<FolderSettings> {
    return this.forScope(folderUri);
  }
}
