/**
 * The language client's error handler: the crash policy of `crashPolicy.ts`
 * applied to vscode-languageclient. Every result is marked `handled`, so the
 * client only logs our line and never shows its own notification on top of
 * ours (its default shows one per failure).
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient/node';
import { announce, CrashPolicy, type NoticeWindow } from './crashPolicy';

export function serverCrashHandler(log: vscode.LogOutputChannel, policy = new CrashPolicy()): ErrorHandler {
  const window: NoticeWindow = {
    show: (kind, message, action) =>
      kind === 'restarted'
        ? vscode.window.showWarningMessage(message, action)
        : vscode.window.showErrorMessage(message, action),
    openLog: () => log.show(true),
  };
  return {
    // The error's message is not logged: it could carry part of a message to or from the server.
    error: (error, _message, count) => {
      const decision = policy.connectionFailed(error.name, count ?? 1);
      void announce(decision, window);
      return {
        action: decision.carryOn ? ErrorAction.Continue : ErrorAction.Shutdown,
        message: decision.logLine,
        handled: true,
      };
    },
    closed: () => {
      const decision = policy.serverClosed();
      void announce(decision, window);
      return {
        action: decision.carryOn ? CloseAction.Restart : CloseAction.DoNotRestart,
        message: decision.logLine,
        handled: true,
      };
    },
  };
}
