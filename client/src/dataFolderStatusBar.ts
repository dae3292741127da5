/**
 * The status bar item naming the editions the data folder gave ("ICD-10-CM
 * FY2026 · PTP 2026 Q3"), from the server's `cptClaims/dataFolderStatus`
 * notifications; hidden when no folder is set. Its tooltip lists every file
 * and what became of it; clicking it reads the data files again.
 */
import * as vscode from 'vscode';
import type { LanguageClient, StaticFeature } from 'vscode-languageclient/node';
import { dataFolderStatusText, isDataFolderStatus } from './dataFolderStatusText';
import { dataFolderCapability, dataFolderStatusNotification } from '../../shared/src/protocol';

export class DataFolderStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'cptClaims.dataFolder',
    vscode.StatusBarAlignment.Right,
    99,
  );

  private readonly updated = new vscode.EventEmitter<string>();
  /** Fires with the item's text (empty when hidden) after each status from the server, for the editor tests. */
  readonly onDidUpdate = this.updated.event;

  constructor() {
    this.item.name = 'CPT Claims reference data';
    this.item.command = 'cptClaims.reloadData';
  }

  /** The item's text, empty when it is hidden. */
  get text(): string {
    return this.visible ? this.item.text : '';
  }

  /** The item's tooltip, empty when it is hidden. */
  get tooltip(): string {
    return this.visible && typeof this.item.tooltip === 'string' ? this.item.tooltip : '';
  }

  private visible = false;

  show(status: unknown): void {
    if (!isDataFolderStatus(status)) {
      return;
    }
    const words = dataFolderStatusText(status);
    this.visible = words.visible;
    if (!words.visible) {
      this.item.hide();
      this.updated.fire('');
      return;
    }
    this.item.text = words.text;
    this.item.tooltip = words.tooltip;
    this.item.backgroundColor = words.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
    this.updated.fire(this.text);
  }

  dispose(): void {
    this.item.dispose();
    this.updated.dispose();
  }
}

/** Tells the server this client listens for `cptClaims/dataFolderStatus` (other editors are not sent it). */
function dataFolderFeature(): StaticFeature {
  return {
    fillClientCapabilities(capabilities) {
      capabilities.experimental = {
        ...(capabilities.experimental as object | undefined),
        [dataFolderCapability]: true,
      };
    },
    initialize() {
      // Nothing to set up: the notification handler is registered once, below.
    },
    getState: () => ({ kind: 'static' }),
    clear() {
      // Nothing held per connection.
    },
  };
}

/** The item; call before the client starts, so the server learns the client listens. */
export function registerDataFolderStatusBar(
  context: vscode.ExtensionContext,
  client: LanguageClient,
): DataFolderStatusBar {
  const statusBar = new DataFolderStatusBar();
  client.registerFeature(dataFolderFeature());
  context.subscriptions.push(
    statusBar,
    client.onNotification(dataFolderStatusNotification, (status) => statusBar.show(status)),
  );
  return statusBar;
}
