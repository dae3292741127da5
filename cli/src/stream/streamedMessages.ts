/**
 * The findings of a streamed file, put in the order the whole-file check
 * gives them (by position; at one position, parser and claim findings, then
 * the document rules in the catalog's order), with the same problem limit
 * and notice. With a limit set, only about twice the limit is ever held.
 */
import { allRules, type ClaimSettings } from '../../../server/src/service/languageService';
import { comparePositions } from '../diagnosticMessages';
import type { LintMessage, SeverityName } from '../formatters';

/** The document rules run after the parser's and the claim rules' findings, in this order. */
const documentRuleOrder = ['x12-segment-count', 'x12-control-numbers', 'x12-segment-placement'];
const problemLimitRuleId = 'too-many-problems';

function rank(message: LintMessage): number {
  return documentRuleOrder.indexOf(message.ruleId ?? '') + 1;
}

function compareMessages(a: LintMessage, b: LintMessage): number {
  return comparePositions({ line: a.line, character: a.column }, { line: b.line, character: b.column }) || rank(a) - rank(b);
}

/** The severity the settings give a rule, or undefined when it is off. */
export function severityFor(ruleId: string, settings: ClaimSettings): SeverityName | undefined {
  const configured = settings.rules[ruleId];
  if (configured === 'off') {
    return undefined;
  }
  return configured ?? allRules.find((rule) => rule.id === ruleId)?.defaultSeverity ?? 'error';
}

/** Distinct message texts kept for sharing; past this many, new texts are kept as they come. */
const sharedTextLimit = 10000;

export class StreamedMessages {
  private messages: LintMessage[] = [];
  private total = 0;
  private readonly limit: number;
  /** A batch repeats a few messages hundreds of thousands of times: each text is held once. */
  private readonly sharedTexts = new Map<string, string>();

  constructor(private readonly settings: ClaimSettings) {
    this.limit = settings.maxNumberOfProblems;
  }

  add(message: LintMessage): void {
    let text = this.sharedTexts.get(message.message);
    if (text === undefined) {
      text = message.message;
      if (this.sharedTexts.size < sharedTextLimit) {
        this.sharedTexts.set(text, text);
      }
    }
    this.messages.push({ ...message, message: text });
    this.total++;
    if (this.messages.length > 2 * this.limit + 1000) {
      this.messages = this.messages.sort(compareMessages).slice(0, this.limit);
    }
  }

  /** All findings in order; past the limit, the first `limit` and a notice. */
  finish(claimIdAtFileStart: string | null): LintMessage[] {
    const sorted = this.messages.sort(compareMessages);
    if (this.total <= this.limit) {
      return sorted;
    }
    const shown = sorted.slice(0, this.limit);
    const severity = severityFor(problemLimitRuleId, this.settings);
    if (severity !== undefined) {
      shown.push({
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        severity,
        message: `Showing the first ${this.limit} of ${this.total} problems (setting cptClaims.maxNumberOfProblems).`,
        ruleId: problemLimitRuleId,
        claimId: claimIdAtFileStart,
      });
    }
    return shown;
  }
}
