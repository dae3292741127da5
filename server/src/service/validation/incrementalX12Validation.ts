/**
 * Validation of an X12 837 in an editor that, after an edit, reads and checks
 * again only the claims whose text changed. The envelope rules still walk
 * every segment (they count them all), but reading claims into the model and
 * running the claim rules is most of the work, and a claim's
 * findings depend on nothing but its own text. So each claim's findings are
 * kept, keyed by the claim's text, as offsets from the claim's start; an
 * unchanged claim anywhere in the new text gets them back at its new place.
 *
 * A claim the edit left where it was, or only moved by it (wholly before the
 * changed text, or wholly after it), gets its findings back by its place,
 * without its text being copied and hashed: an edit of a 20,000-claim file
 * looks up by text only the claims around it. When such a claim also starts
 * at the same line and character as before, its findings are the ones shown
 * before, reused as they are rather than placed again.
 *
 * The result is what validating the whole document gives (a test compares
 * the two on random edits).
 *
 * It runs in steps (`findingsInSteps`): a step reads a few hundred claims, or
 * reuses twenty times as many (see `reusedPerRead`); at the end the structure
 * walk goes in slices of segments, then the document rules are one step.
 * Findings are kept for the next run only when a run finishes.
 */
import type { Claim } from '../model/model';
import { CappedProblems } from '../model/problemLimits';
import type { Finding } from '../rules/ruleTypes';
import type { ClaimSettings } from '../settings';
import type { ClaimSpan } from '../x12/claimSpans';
import type { LineIndex } from '../x12/lineIndex';
import { walkStructureInSteps } from '../x12/structureWalks';
import type { X12DocumentModel } from '../x12/x12ClaimParser';
import { patientKeyOf } from '../model/patientKey';
import { problemFinding } from './findings';
import { commonPrefixLength, commonSuffixLength } from '../text/textDiff';
import { runToEnd, StepBudget, type StepSize, type ValidationRun, wholeRun } from './validationSteps';

/** Segments the structure walk reads in a step for each claim a step may read: a claim has about ten. */
const segmentsPerClaim = 40;

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

/** A claim's findings placed in a version of the text. */
interface ShownFindings {
  problems: Finding[];
  findings: Finding[];
}

/**
 * A claim of the last finished run: its offsets in that run's text, its findings, and those findings placed
 * as that run showed them, with the position the claim started at. A claim whose text is the same and starts
 * at the same line and character has its findings at the same positions: they are shown again as they are,
 * so an edit that adds no line makes no new findings for the claims around it.
 */
interface PlacedClaim {
  start: number;
  end: number;
  kept: ClaimFindings;
  line: number;
  character: number;
  shown: ShownFindings;
}

/** How the text changed since the last run: equal for `prefix` characters at the start and `suffix` at the end. */
interface Unchanged {
  prefix: number;
  /** Where the unchanged end starts in the new text, and how far it moved. */
  suffixStart: number;
  shift: number;
}

function unchangedBetween(previous: string, text: string): Unchanged {
  const prefix = commonPrefixLength(previous, text);
  const suffix = commonSuffixLength(previous, text, Math.min(previous.length, text.length) - prefix);
  return { prefix, suffixStart: text.length - suffix, shift: text.length - previous.length };
}

/** The last run's claims in order, looked up by their offsets in that run's text, in increasing order. */
class PlacedClaims {
  private next = 0;

  constructor(private readonly claims: readonly PlacedClaim[]) {}

  at(start: number, end: number): PlacedClaim | undefined {
    while (this.next < this.claims.length && (this.claims[this.next] as PlacedClaim).start < start) {
      this.next++;
    }
    const claim = this.claims[this.next];
    return claim && claim.start === start && claim.end === end ? claim : undefined;
  }
}

export class IncrementalX12Validation {
  private byClaimText = new Map<string, ClaimFindings>();
  /** The last finished run's claims and text: claims the next edit leaves alone are found by their place. */
  private placed: PlacedClaim[] = [];
  private placedText: string | undefined;
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
    // By place only without the workspace's procedures: with them, a claim's findings depend on its patient,
    // named before its text, which an edit elsewhere can change.
    const unchanged =
      settingsKey === this.settingsKey && !procedures && this.placedText !== undefined
        ? unchangedBetween(this.placedText, text)
        : undefined;
    const placedBefore = new PlacedClaims(this.placed);
    const placed: PlacedClaim[] = [];
    // One checker for the run, writing into one array emptied for each claim: made per claim, it filtered the rule
    // list and built the rules' context twenty thousand times on a large file.
    const found: Finding[] = [];
    const checkClaim = this.checks.claim(model, settings, found);
    // The envelope walk is counted as one more claim's share of the progress, so 100% comes only after it.
    const progress = (claimsDone: number) => ({
      fraction: claimsDone / (spans.length + 1),
      claimsRead: budget.claimsRead,
    });
    for (let done = 0; done < spans.length; done++) {
      const span = spans[done] as ClaimSpan;
      const start = interchange.segments.startAt(span.first);
      const end = interchange.segments.endAt(span.end - 1);
      // Where the claim's place is a position of the text the edit left alone (a claim ending where the change
      // starts may end before a line end the change split, so it is placed again).
      let byPlace: PlacedClaim | undefined;
      if (unchanged && end < unchanged.prefix) {
        byPlace = placedBefore.at(start, end);
      } else if (unchanged && start >= unchanged.suffixStart) {
        byPlace = placedBefore.at(start - unchanged.shift, end - unchanged.shift);
      }
      let kept = byPlace?.kept;
      // With the workspace's procedures, a claim's findings depend on its patient too, named outside its text.
      const key =
        kept !== undefined
          ? undefined
          : procedures
            ? `${text.slice(start, end)}\0${patientStamp(model, span.first)}`
            : text.slice(start, end);
      kept ??= key === undefined ? undefined : (current.get(key) ?? previous.get(key));
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
      if (key !== undefined) {
        current.set(key, kept);
      }
      const { line, character } = lines.positionAt(start);
      if (byPlace?.line === line && byPlace.character === character) {
        placed.push(byPlace.start === start ? byPlace : { ...byPlace, start, end });
      } else {
        const { problems: keptProblems, findings: keptFindings } = kept;
        const shown = {
          problems: keptProblems.map((finding) => toFinding(finding, lines, start)),
          findings: keptFindings.map((finding) => toFinding(finding, lines, start)),
        };
        placed.push({ start, end, kept, line, character, shown });
      }
      const { shown } = placed[placed.length - 1] as PlacedClaim;
      shown.problems.forEach((finding) => problems.push(finding));
      shown.findings.forEach((finding) => claimFindings.push(finding));
      if (budget.takeFull()) {
        yield progress(done + 1);
      }
    }
    yield progress(spans.length);
    // The structure walk, most of the document rules' work, in slices of segments: one step of a whole walk
    // kept requests waiting a tenth of a second on a 5 MB file. A version already walked (after an edit, the
    // walk from the previous version's) takes no step.
    const walk = walkStructureInSteps(
      interchange.segments,
      interchange.separators,
      size.claimsPerStep * segmentsPerClaim,
    );
    while (walk.next().done !== true) {
      yield progress(spans.length);
    }
    const documentFindings = this.checks.document(model, settings);
    this.byClaimText = current;
    this.placed = placed;
    this.placedText = text;
    this.settingsKey = settingsKey;
    this.lastClaimsRead = budget.claimsRead;
    yield progress(spans.length + 1);
    return [...problems, ...claimFindings, ...documentFindings];
  }
}
