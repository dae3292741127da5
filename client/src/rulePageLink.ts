/**
 * Where a diagnostic's rule link leads in VS Code. The server links each
 * problem to its rule's page as a `file:` URI of `docs/rules/<rule-id>.md`
 * (right for every editor: the file ships with the server). VS Code opened
 * that as raw, editable Markdown; the client turns it into a `command:` link
 * that opens the same page rendered (rulePages.ts). The Problems panel, the
 * hover and the peek view open `command:` links of diagnostics (VS Code
 * passes `allowCommands` there). No vscode import, so unit tests read it.
 */

/** The client's command a rule link runs, with the rule id as its one argument. */
export const openRulePageCommand = 'cptClaims.openRulePage';

/** A rule id as the rule pages are named: lower-case words joined by dashes (never a path). */
const ruleIdShape = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isRuleId(text: unknown): text is string {
  return typeof text === 'string' && ruleIdShape.test(text);
}

/**
 * The rule id when `href` is the server's link to that rule's page
 * (`file:…/docs/rules/<code>.md`), else undefined: a link to anything else is
 * left as the server gave it.
 */
export function ruleOfPageLink(href: string, code: string): string | undefined {
  return isRuleId(code) && href.startsWith('file:') && href.endsWith(`/docs/rules/${code}.md`) ? code : undefined;
}

/** The `command:` link that opens the rule's page rendered. */
export function openRulePageLink(ruleId: string): string {
  return `command:${openRulePageCommand}?${encodeURIComponent(JSON.stringify([ruleId]))}`;
}
