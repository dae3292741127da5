/**
 * Parser of the `.claim` text format (claim-format.md) into the claim model.
 * It never throws: text it cannot read becomes a problem on its own range and
 * parsing goes on with the next token or line.
 */
import type { Claim, ClaimDocumentModel, ClaimsRead, Suppression } from '../model/model';
import { CappedProblems } from '../model/problemLimits';
import { OnDemandClaims } from '../model/onDemandClaims';
import { looksLikeUtf16 } from '../text/utf16Text';
import { headerKeys, readHeaderValue } from './headerParser';
import { contentLength, rangeOnLine, tokenize } from './lineTokens';
import { parseServiceLine } from './serviceLineParser';
import { keepShapeOf } from '../model/keptShapes';

const knownHeaderKeys = new Set(headerKeys.map((header) => header.key));
const headerPattern = /^([A-Za-z][A-Za-z0-9_-]*)\s*:/;
const claimKeywordPattern = /^claim(?=\s|$)/i;
const utf16Message =
  'This file is UTF-16 text (two bytes a character), which a .claim file is not: save it as UTF-8 or ASCII. It is not checked.';
const suppressionPattern = /^\s*claim-lint-disable(-next-line)?\s+(\S.*?)\s*$/;

class ClaimTextParser {
  private readonly problems = new CappedProblems('line');
  private current: Claim | undefined;
  private lastContentLine = 0;
  private lastContentEnd = 0;
  private readonly seenHeaderKeys = new Set<string>();
  private readonly firstLine: number;
  private readonly suppressions: Suppression[] = [];
  /** `claim-lint-disable` comments of the current claim: they last until the next claim starts. */
  private openSuppressions: Suppression[] = [];

  /** `firstLine`: the document line the text starts at, when parsing a slice of a document; `visit` gets each claim when it ends. */
  constructor(
    firstLine: number,
    private readonly visit: (claim: Claim) => void,
  ) {
    this.firstLine = firstLine;
  }

  parse(text: string): ClaimsRead {
    if (this.firstLine === 0 && looksLikeUtf16(text)) {
      // Read as it stands, every character would be a problem (a NUL between each): one says what the file is.
      this.problems.push({
        ruleId: 'bad-token',
        message: utf16Message,
        range: rangeOnLine(0, 0, Math.min(2, text.length)),
      });
      return { problems: this.problems.problems, suppressions: this.suppressions };
    }
    // Line by line, never an array of every line: a large file would hold all its lines at once. The same walk
    // as `forEachLine` (textLines.ts), kept inline in this, the hottest reader, to keep a call per line off it.
    const lineBreak = /\r\n|\r|\n/g;
    let lineNumber = this.firstLine;
    let lineStart = 0;
    for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
      this.readLine(text.slice(lineStart, match.index), lineNumber++);
      lineStart = match.index + match[0].length;
    }
    this.readLine(text.slice(lineStart), lineNumber);
    this.closeClaim();
    return { problems: this.problems.problems, suppressions: this.suppressions };
  }

  private readLine(fullLine: string, lineNumber: number): void {
    const commentStart = contentLength(fullLine);
    const content = fullLine.slice(0, commentStart);
    if (commentStart < fullLine.length) {
      this.readSuppression(fullLine, commentStart + 1, lineNumber);
    }
    const tokens = tokenize(content);
    const first = tokens[0];
    if (!first) {
      return;
    }
    const trimmed = content.slice(first.start);
    if (claimKeywordPattern.test(trimmed)) {
      this.startClaim(lineNumber, tokens);
    } else {
      const claim = this.currentClaim(lineNumber, first.start);
      const header = headerPattern.exec(trimmed);
      if (header) {
        this.readHeader(claim, lineNumber, first.start, header, content);
      } else {
        claim.lines.push(parseServiceLine(lineNumber, tokens, this.problems));
      }
    }
    const last = tokens[tokens.length - 1];
    this.lastContentLine = lineNumber;
    this.lastContentEnd = last ? last.start + last.text.length : 0;
  }

  /** `# claim-lint-disable-next-line ID...` or `# claim-lint-disable ID...` (to the end of the claim). */
  private readSuppression(fullLine: string, textStart: number, lineNumber: number): void {
    const match = suppressionPattern.exec(fullLine.slice(textStart));
    if (!match) {
      return;
    }
    // `-- reason` after the ids explains the suppression, as in ESLint.
    const idsText = (match[2] ?? '').split(/\s+--(?:\s|$)/)[0] ?? '';
    const idsStart = textStart + fullLine.slice(textStart).indexOf(idsText);
    const ruleIds = tokenize(idsText.replace(/,/g, ' '), idsStart).map((token) => ({
      value: token.text,
      range: rangeOnLine(lineNumber, token.start, token.start + token.text.length),
    }));
    const nextLineOnly = match[1] !== undefined;
    const suppression: Suppression = {
      ruleIds,
      firstLine: nextLineOnly ? lineNumber + 1 : lineNumber,
      lastLine: nextLineOnly ? lineNumber + 1 : Number.MAX_SAFE_INTEGER,
    };
    this.suppressions.push(suppression);
    if (!nextLineOnly) {
      this.openSuppressions.push(suppression);
    }
  }

  private startClaim(lineNumber: number, tokens: ReturnType<typeof tokenize>): void {
    this.closeClaim();
    // A claim-lint-disable comment reaches to the end of its claim, which ends where this one starts.
    this.openSuppressions.forEach(
      (suppression) => (suppression.lastLine = Math.max(suppression.firstLine, lineNumber - 1)),
    );
    this.openSuppressions = [];
    const keyword = tokens[0];
    const idToken = tokens[1];
    const start = keyword?.start ?? 0;
    const claim: Claim = { range: rangeOnLine(lineNumber, start, start), headers: [], diagnoses: [], lines: [] };
    if (idToken) {
      claim.id = {
        value: idToken.text,
        range: rangeOnLine(lineNumber, idToken.start, idToken.start + idToken.text.length),
      };
    } else {
      this.problems.push({
        ruleId: 'claim-id',
        message: "A 'claim' line needs an id, e.g. 'claim CLM-2026-0001'.",
        range: rangeOnLine(lineNumber, start, start + (keyword?.text.length ?? 5)),
      });
    }
    for (const extra of tokens.slice(2)) {
      this.problems.push({
        ruleId: 'claim-id',
        message: "A claim id is one token; this is extra. Join the id's parts with '-'.",
        range: rangeOnLine(lineNumber, extra.start, extra.start + extra.text.length),
      });
    }
    this.current = claim;
  }

  /** The claim content belongs to; lines before the first `claim` line form an unnamed claim. */
  private currentClaim(lineNumber: number, column: number): Claim {
    if (!this.current) {
      this.current = { range: rangeOnLine(lineNumber, column, column), headers: [], diagnoses: [], lines: [] };
    }
    return this.current;
  }

  private closeClaim(): void {
    if (!this.current) {
      return;
    }
    this.current.range = {
      start: this.current.range.start,
      end: { line: this.lastContentLine, character: this.lastContentEnd },
    };
    this.visit(this.current);
    this.current = undefined;
    this.seenHeaderKeys.clear();
  }

  private readHeader(
    claim: Claim,
    lineNumber: number,
    keyStart: number,
    header: RegExpExecArray,
    content: string,
  ): void {
    const keyText = header[1] ?? '';
    const key = keyText.toLowerCase();
    const keyRange = rangeOnLine(lineNumber, keyStart, keyStart + keyText.length);
    const afterColon = keyStart + header[0].length;
    const rawValue = content.slice(afterColon);
    const valueStart = afterColon + (rawValue.length - rawValue.trimStart().length);
    const valueText = rawValue.trim();
    const value = { value: valueText, range: rangeOnLine(lineNumber, valueStart, valueStart + valueText.length) };
    if (!knownHeaderKeys.has(key)) {
      this.problems.push({
        ruleId: 'unknown-header-key',
        message: `This is not a claim header key: use ${headerKeys.map((h) => h.key).join(', ')}.`,
        range: keyRange,
      });
      return;
    }
    if (this.seenHeaderKeys.has(key)) {
      this.problems.push({
        ruleId: 'duplicate-header',
        message: `The '${key}' header is already given for this claim; the later value wins.`,
        range: keyRange,
      });
    }
    this.seenHeaderKeys.add(key);
    claim.headers.push({ key: { value: key, range: keyRange }, value });
    if (key === 'dx') {
      claim.diagnoses = [];
    }
    readHeaderValue(claim, key, value, this.problems);
  }
}

/**
 * The model of a `.claim` text: claims are read when asked for (see
 * `OnDemandClaims`).
 */
class ClaimTextModel extends OnDemandClaims implements ClaimDocumentModel {
  readonly format = 'claim';

  constructor(
    private readonly text: string,
    private readonly firstLine: number,
  ) {
    super();
  }

  protected readEachClaim(visit: (claim: Claim) => void): ClaimsRead {
    return new ClaimTextParser(this.firstLine, visit).parse(this.text);
  }
}

export function parseClaimText(text: string, firstLine = 0): ClaimDocumentModel {
  return new ClaimTextModel(text, firstLine);
}

/** True for a line that starts a claim (`claim ID`). */
export function isClaimLine(line: string): boolean {
  return claimKeywordPattern.test(line.trimStart());
}

const claimLineAtPattern = /[^\S\r\n]*claim(?=\s|$)/iy;

/** `isClaimLine` for the line starting at `offset` of a longer text, without cutting the line out. */
export function isClaimLineAt(text: string, offset: number): boolean {
  claimLineAtPattern.lastIndex = offset;
  return claimLineAtPattern.test(text);
}

// One parser a read (a check reads claims in parts); see keptShapes.ts for why one is kept.
keepShapeOf(new ClaimTextParser(0, () => undefined));
