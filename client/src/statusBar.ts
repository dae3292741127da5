/**
 * The status bar item naming the data the active claim document is checked
 * with ("CPT: bundled", or the licensed descriptor file, and the MUE
 * quarter), asked of the server (`cptClaims/dataInUse`) whenever the active
 * editor changes or the server says the data may have changed. Clicking it
 * runs `cptClaims.reloadData`: the server reads the data files again and
 * checks every document again.
 */
import * as vscode from 'vscode';
import { type LanguageClient, State, type StaticFeature } from 'vscode-languageclient/node';
import { dataStatusText, isDataInUse } from './dataStatusText';
import {
  dataInUseCapability,
  dataInUseChangedNotification,
  dataInUseRequest,
  reloadDataRequest,
} from '../../shared/src/protocol';

const claimLanguages = new Set(['claim', 'x12']);

export class DataStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'cptClaims.dataInUse',
    vscode.StatusBarAlignment.Right,
    100,
  );
  private readonly updated = new vscode.EventEmitter<string>();
  /** Fires with the item's text (empty when hidden) after each update. */
  readonly onDidUpdate = this.updated.event;
  private latestUpdate = 0;

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'CPT Claims data in use';
    this.item.command = 'cptClaims.reloadData';
  }

  /** The item's text, empty when it is hidden (no claim document is active). */
  get text(): string {
    return this.visible ? this.item.text : '';
  }

  private visible = false;

  /** Asks the server about the active claim document; the latest update wins. */
  async update(): Promise<string> {
    const run = ++this.latestUpdate;
    const document = vscode.window.activeTextEditor?.document;
    let data: unknown = null;
    if (document && claimLanguages.has(document.languageId) && this.client.state === State.Running) {
      const uri = this.client.code2ProtocolConverter.asUri(document.uri);
      // A server that cannot answer (stopping, restarting) leaves the item hidden until it can.
      data = await this.client.sendRequest(dataInUseRequest, { uri }).catch(() => null);
    }
    if (run !== this.latestUpdate) {
      return this.text;
    }
    if (isDataInUse(data)) {
      const status = dataStatusText(data);
      this.item.text = status.text;
      this.item.tooltip = status.tooltip;
      this.item.backgroundColor = status.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      this.item.show();
      this.visible = true;
    } else {
      this.item.hide();
      this.visible = false;
    }
    this.updated.fire(this.text);
    return this.text;
  }

  /** The server reads every data file again (and reports their problems again), then the item is updated. */
  async reload(): Promise<string> {
    if (this.client.state === State.Running) {
      await this.client.sendRequest(reloadDataRequest);
    }
    return this.update();
  }

  dispose(): void {
    this.item.dispose();
    this.updated.dispose();
  }
}

/** Tells the server this client listens for `cptClaims/dataInUseChanged` (other editors are not sent it). */
function dataInUseFeature(): StaticFeature {
  return {
    fillClientCapabilities(capabilities) {
      capabilities.experimental = {
        ...(capabilities.experimental as object | undefined),
        [dataInUseCapability]: true,
      };
    },
    initialize() {
      // Nothing to set up: the notification handler is registered on the client once, below.
    },
    getState: () => ({ kind: 'static' }),
    clear() {
      // Nothing held per connection.
    },
  };
}

/** The item and the reload command; call before the client starts, so the server learns the client listens. */
export function registerDataStatusBar(context: vscode.ExtensionContext, client: LanguageClient): DataStatusBar {
  const statusBar = new DataStatusBar(client);
  client.registerFeature(dataInUseFeature());
  const update = () => void statusBar.update();
  context.subscriptions.push(
    statusBar,
    client.onNotification(dataInUseChangedNotification, update),
    // A restarted server (after a crash) has read nothing yet: ask again once it runs.
    client.onDidChangeState(({ newState }) => newState === State.Running && update()),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.commands.registerCommand('cptClaims.reloadData', () => statusBar.reload()),
  );
  return statusBar;
}
