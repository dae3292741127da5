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
 *
 * It runs in steps (`findingsInSteps`): a step reads a few hundred claims, or
 * reuses twenty times as many (see `reusedPerRead`); the envelope rules, one
 * walk of every segment, are a step of their own at the end. Findings are
 * kept for the next run only when a run finishes.
 */
import type { Claim } from '../model/model';
import { CappedProblems } from '../model/problemLimits';
import type { Finding } from '../rules/ruleTypes';
import type { ClaimSettings } from '../settings';
import type { LineIndex } from '../x12/lineIndex';
import type { X12DocumentModel } from '../x12/x12ClaimParser';
import { patientKeyOf } from '../model/patientKey';
import { problemFinding } from './findings';
import { runToEnd, StepBudget, type StepSize, type ValidationRun, wholeRun } from './validationSteps';

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

interface X12Checks {
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
  const finding: Finding = {
    ruleId: offsets.ruleId,
    message: offsets.message,
    range: lines.range(claimStart + offsets.start, claimStart + offsets.end),
  };
  if (offsets.severity !== undefined) {
    finding.severity = offsets.severity;
  }
  return finding;
}

/** The hashed key of the patient of the claim at `first`, as text. */
function patientStamp(model: X12DocumentModel, first: number): string {
  const patient = model.patientBefore(first);
  return JSON.stringify(patient ? patientKeyOf(patient) : null);
}

export class IncrementalX12Validation {
  private byClaimText = new Map<string, ClaimFindings>();
  private settingsKey: string | undefined;
  /** How many claims the last call read (the rest were reused). */
  lastClaimsRead = 0;

  constructor(private readonly checks: X12Checks) {}

  findings(model: X12DocumentModel, text: string, settings: ClaimSettings): Finding[] {
    return runToEnd(this.findingsInSteps(model, text, settings, wholeRun));
  }

  /** `findings` in steps of at most `size.claimsPerStep` claims read. */
  *findingsInSteps(
    model: X12DocumentModel,
    text: string,
    settings: ClaimSettings,
    size: StepSize,
    procedures?: { stamp: string },
  ): ValidationRun<Finding[]> {
    const settingsKey = `${JSON.stringify(settings)}|${procedures?.stamp ?? ''}`;
    const previous = settingsKey === this.settingsKey ? this.byClaimText : new Map<string, ClaimFindings>();
    const current = new Map<string, ClaimFindings>();
    const { lines, interchange } = model.x12;
    const problems: Finding[] = model.segmentProblems.map(problemFinding);
    const claimFindings: Finding[] = [];
    const budget = new StepBudget(size);
    const spans = model.claimSpans();
    // One checker for the run, writing into one array emptied for each claim: made per claim, it filtered the rule
    // list and built the rules' context twenty thousand times on a large file.
    const found: Finding[] = [];
    const checkClaim = this.checks.claim(model, settings, found);
    // The envelope walk is counted as one more claim's share of the progress, so 100% comes only after it.
    const progress = (claimsDone: number) => ({
      fraction: claimsDone / (spans.length + 1),
      claimsRead: budget.claimsRead,
    });
    for (const [done, span] of spans.entries()) {
      const start = interchange.segments.startAt(span.first);
      const end = interchange.segments.endAt(span.end - 1);
      // With the workspace's procedures, a claim's findings depend on its patient too, named outside its text.
      const key = procedures ? `${text.slice(start, end)}\0${patientStamp(model, span.first)}` : text.slice(start, end);
      let kept = current.get(key) ?? previous.get(key);
      if (kept) {
        budget.reused();
      } else {
        budget.read();
        found.length = 0;
        // Limited per segment as the whole document's reading limits them (`problemLimits.ts`).
        const claimProblems = new CappedProblems('segment');
        model.readClaimAt(span, claimProblems, checkClaim);
        kept = {
          problems: claimProblems.problems.map((problem) => toOffsets(problemFinding(problem), lines, start)),
          findings: found.map((finding) => toOffsets(finding, lines, start)),
        };
      }
      current.set(key, kept);
      kept.problems.forEach((finding) => problems.push(toFinding(finding, lines, start)));
      kept.findings.forEach((finding) => claimFindings.push(toFinding(finding, lines, start)));
      if (budget.takeFull()) {
        yield progress(done + 1);
      }
    }
    yield progress(spans.length);
    const documentFindings = this.checks.document(model, settings);
    this.byClaimText = current;
    this.settingsKey = settingsKey;
    this.lastClaimsRead = budget.claimsRead;
    yield progress(spans.length + 1);
    return [...problems, ...claimFindings, ...documentFindings];
  }
}
