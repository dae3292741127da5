/**
 * Rule pages, rendered: the command behind the diagnostics' rule links
 * (rulePageLink.ts) and the client middleware that points the links at it.
 * The page is the one packaged with the extension, shown in VS Code's Markdown
 * preview, so it opens offline and matches the installed version; it is
 * opened as text when the preview is missing (the built-in Markdown
 * extension disabled). Diagnostics reach the client pushed or pulled (one
 * file, or the whole workspace in parts): each path is rewritten.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { isRuleId, openRulePageCommand, openRulePageLink, ruleOfPageLink } from './rulePageLink';

/** The diagnostic, its rule link pointed at the rendered page when it links to one. */
function linkRenderedPage(diagnostic: vscode.Diagnostic): vscode.Diagnostic {
  const code = diagnostic.code;
  if (typeof code !== 'object') {
    return diagnostic;
  }
  const ruleId = ruleOfPageLink(code.target.toString(), String(code.value));
  if (ruleId !== undefined) {
    diagnostic.code = { value: code.value, target: vscode.Uri.parse(openRulePageLink(ruleId)) };
  }
  return diagnostic;
}

function linkReport<T extends { kind: string; items?: vscode.Diagnostic[] }>(report: T): T {
  report.items?.forEach(linkRenderedPage);
  return report;
}

/** The middleware that rewrites the rule links of every diagnostic the client hands VS Code. */
export const renderedRulePages: Middleware = {
  handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(linkRenderedPage)),
  provideDiagnostics: async (document, previousResultId, token, next) => {
    const report = await next(document, previousResultId, token);
    return report && linkReport(report);
  },
  provideWorkspaceDiagnostics: async (resultIds, token, resultReporter, next) => {
    const report = await next(resultIds, token, (chunk) =>
      resultReporter(chunk && { items: chunk.items.map(linkReport) }),
    );
    return report && { items: report.items.map(linkReport) };
  },
};

/** Registers `cptClaims.openRulePage`: the rule's packaged page in the Markdown preview. */
export function registerRulePages(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(openRulePageCommand, async (ruleId: unknown) => {
      if (!isRuleId(ruleId)) {
        return;
      }
      const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
      try {
        await vscode.commands.executeCommand('markdown.showPreview', page);
      } catch {
        await vscode.window.showTextDocument(page);
      }
    }),
  );
}
