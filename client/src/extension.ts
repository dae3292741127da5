/**
 * The VS Code extension: it starts the claim language client. Every claim
 * feature comes from the language server, so other editors get the same;
 * only the status bar items (statusBar.ts, dataFolderStatusBar.ts), the walkthrough's commands
 * (walkthrough.ts), the conversion commands' editors and the rendered rule pages (rulePages.ts) live here.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { activeDocumentArgument } from './commandArguments';
import { serverCrashHandler } from './serverCrashes';
import { type DataStatusBar, registerDataStatusBar } from './statusBar';
import { type DataFolderStatusBar, registerDataFolderStatusBar } from './dataFolderStatusBar';
import { registerWalkthrough, type WalkthroughState } from './walkthrough';
import { registerConversionCommands } from './conversionCommands';
import { registerRulePages, renderedRulePages } from './rulePages';
import { type InitializationOptions, settingsSection, workspaceTrustedNotification } from '../../shared/src/protocol';

/** What `activate` returns: the language client, whose state changes and log the editor tests observe. */
export interface CptClaimsApi {
  readonly languageClient: LanguageClient;
  /** The data-in-use status bar item (its text, its updates), for the editor tests. */
  readonly dataStatus: DataStatusBar;
  /** The data folder's status bar item (the editions loaded), for the editor tests. */
  readonly dataFolderStatus: DataFolderStatusBar;
  readonly walkthrough: WalkthroughState;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CptClaimsApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6010'] },
    },
  };
  // The client's log, made here because the crash handler, made before the client, opens it from its notice.
  const log = vscode.window.createOutputChannel('CPT Claims', { log: true });
  context.subscriptions.push(log);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'claim' },
      { scheme: 'untitled', language: 'claim' },
      { scheme: 'file', language: 'x12' },
      { scheme: 'untitled', language: 'x12' },
    ],
    synchronize: { configurationSection: settingsSection },
    outputChannel: log,
    errorHandler: serverCrashHandler(log),
    // A function, so a restarted server is told the trust of that moment: untrusted, it reads no data file outside the workspace.
    // The data folder's imported tables are cached in the extension's global storage.
    initializationOptions: (): InitializationOptions => ({
      workspaceTrusted: vscode.workspace.isTrusted,
      cacheFolder: context.globalStorageUri.fsPath,
    }),
    // The rule links open the packaged rule page rendered, not as raw Markdown (rulePages.ts).
    middleware: { executeCommand: activeDocumentArgument, ...renderedRulePages },
  };
  // The id 'cptClaims' makes the client read its trace level from `cptClaims.trace.server`.
  client = new LanguageClient('cptClaims', 'CPT Claims', serverOptions, clientOptions);
  // Before start: the status bar's client feature tells the server this client listens for data changes.
  const dataStatus = registerDataStatusBar(context, client);
  const dataFolderStatus = registerDataFolderStatusBar(context, client);
  const walkthrough = registerWalkthrough(context);
  registerRulePages(context);
  await client.start();
  registerConversionCommands(context, client);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(
      () => void client?.sendNotification(workspaceTrustedNotification).catch(() => undefined),
    ),
  );
  return { languageClient: client, dataStatus, dataFolderStatus, walkthrough };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
