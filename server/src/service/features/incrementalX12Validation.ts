/**
 * Validation of an X12 837 in an editor that, after an edit, reads and checks
 * again only the claims whose text changed. The envelope rules still walk
 * every segment (they count them all), but reading claims into the model and
 * running the claim rules is most of the work, and a claim's
 * findings depend on nothing but its own text. So each claim's findings are
 * kept, keyed by the claim's text, as offsets from the claim's start; an
 * unchanged claim anywhere in the new text gets them back at its new place.
 *
 * The result is what validating the whole document gives (a test compares
 * the two on random edits).
 */
import type { Claim, ParseProblem } from '../model';
import type { Finding } from '../rules/ruleTypes';
import type { ClaimSettings } from '../settings';
import type { LineIndex } from '../x12/lineIndex';
import type { X12DocumentModel } from '../x12/x12ClaimParser';
import { problemFinding } from './findings';

interface OffsetFinding {
  ruleId: string;
  message: string;
  severity: Finding['severity'];
  /** Offsets from the claim's first character. */
  start: number;
  end: number;
}

interface ClaimFindings {
  problems: OffsetFinding[];
  findings: OffsetFinding[];
}

export interface X12Checks {
  /** A check of one claim under the settings; findings go to `into`. */
  claim: (model: X12DocumentModel, settings: ClaimSettings, into: Finding[]) => (claim: Claim) => void;
  document: (model: X12DocumentModel, settings: ClaimSettings) => Finding[];
}

function toOffsets(finding: Finding, lines: LineIndex, claimStart: number): OffsetFinding {
  return {
    ruleId: finding.ruleId,
    message: finding.message,
    severity: finding.severity,
    start: lines.offsetAt(finding.range.start) - claimStart,
    end: lines.offsetAt(finding.range.end) - claimStart,
  };
}

function toFinding(offsets: OffsetFinding, lines: LineIndex, claimStart: number): Finding {
  const finding: Finding = { ruleId: offsets.ruleId, message: offsets.message, range: lines.range(claimStart + offsets.start, claimStart + offsets.end) };
  if (offsets.severity !== undefined) {
    finding.severity = offsets.severity;
  }
  return finding;
}

export class IncrementalX12Validation {
  private byClaimText = new Map<string, ClaimFindings>();
  private settingsKey: string | undefined;
  /** How many claims the last call read (the rest were reused). */
  lastClaimsRead = 0;

  constructor(private readonly checks: X12Checks) {}

  findings(model: X12DocumentModel, text: string, settings: ClaimSettings): Finding[] {
    const settingsKey = JSON.stringify(settings);
    const previous = settingsKey === this.settingsKey ? this.byClaimText : new Map<string, ClaimFindings>();
    const current = new Map<string, ClaimFindings>();
    const { lines, interchange } = model.x12;
    const problems: Finding[] = model.segmentProblems.map(problemFinding);
    const claimFindings: Finding[] = [];
    this.lastClaimsRead = 0;
    for (const span of model.claimSpans()) {
      const start = interchange.segments.startAt(span.first);
      const end = interchange.segments.endAt(span.end - 1);
      const key = text.slice(start, end);
      let kept = current.get(key) ?? previous.get(key);
      if (!kept) {
        this.lastClaimsRead++;
        const found: Finding[] = [];
        const claimProblems: ParseProblem[] = [];
        model.readClaimAt(span, claimProblems, this.checks.claim(model, settings, found));
        kept = {
          problems: claimProblems.map((problem) => toOffsets(problemFinding(problem), lines, start)),
          findings: found.map((finding) => toOffsets(finding, lines, start)),
        };
      }
      current.set(key, kept);
      kept.problems.forEach((finding) => problems.push(toFinding(finding, lines, start)));
      kept.findings.forEach((finding) => claimFindings.push(toFinding(finding, lines, start)));
    }
    this.byClaimText = current;
    this.settingsKey = settingsKey;
    return [...problems, ...claimFindings, ...this.checks.document(model, settings)];
  }
}
