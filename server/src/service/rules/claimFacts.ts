/**
 * Facts several rules need about a claim's lines: which bundled code each is,
 * its date of service, and how to describe a set of lines in a message.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { ClaimEditor } from '../model/claimEditor';
import type { CodeInfo } from '../reference/codeTypes';
import type { CodeReference } from '../reference/codeReference';
import { type Claim, type ServiceLine, unitsOf } from '../model/model';
import { amount } from '../x12/x12Writer';
import { codeIndexOf, type KnownLine } from './claimLineIndex';

export type { KnownLine };

/** The claim's lines whose codes the reference data knows (a code of another list than HCPCS is none of them). */
export function knownLines(claim: Claim, reference: CodeReference): KnownLine[] {
  const known: KnownLine[] = [];
  for (const line of claim.lines) {
    const info = line.otherCodeList === undefined ? reference.code(line.code.value) : undefined;
    if (info) {
      known.push({ line, info });
    }
  }
  return known;
}

/**
 * The lines of each first-lesion code, one list per session (code and date of
 * service), in claim order: the code is reported once per session, so its
 * units add up over a session's lines.
 */
export function firstLesionSessions(claim: Claim, lines: readonly KnownLine[]): KnownLine[][] {
  const sessions = new Map<string, KnownLine[]>();
  for (const known of lines) {
    if (known.info.lesion?.role !== 'first' || known.info.deleted) {
      continue;
    }
    const key = `${known.info.code}|${dateOfService(known.line, claim) ?? ''}`;
    const session = sessions.get(key);
    if (session) {
      session.push(known);
    } else {
      sessions.set(key, [known]);
    }
  }
  return [...sessions.values()];
}

/** The first-lesion codes billed more than once in a session, on one line or over several (`primary-units`). */
export function overbilledFirstLesionCodes(claim: Claim, lines: readonly KnownLine[]): string[] {
  const codes = firstLesionSessions(claim, lines)
    .filter((session) => session.reduce((units, { line }) => units + unitsOf(line), 0) > 1)
    .flatMap((session) => session.slice(0, 1).map(({ info }) => info.code));
  return [...new Set(codes)];
}

/** A line's date of service: its own `dos=`, else the claim's. */
export function dateOfService(line: ServiceLine, claim: Claim): string | undefined {
  return line.dos?.value ?? claim.dos?.value;
}

/** `19283 x1 + 19284 x2` */
export function describeLines(lines: readonly ServiceLine[]): string {
  return lines.map((line) => `${line.code.value} x${unitsOf(line)}`).join(' + ');
}

/** `19283 (stereotactic)` */
export function codeWithModality(info: CodeInfo): string {
  return info.modality ? `${info.code} (${info.modality})` : info.code;
}

/** Diagnosis pointers of a line as written, to copy onto a line a fix adds. */
export function pointersOf(line: ServiceLine): string[] {
  return line.dxPointers.map((pointer) => pointer.text);
}

/**
 * The edits that take a line off its claim. In an 837 the claim's total
 * charge (CLM02) loses the line's charge too, so a total that added up still
 * does (x12-claim-total); a `.claim` file has no total.
 */
export function removeLineEdits(claim: Claim, line: ServiceLine, editor: ClaimEditor): TextEdit[] {
  const edits = editor.deleteLine(line);
  const total = claim.totalCharge;
  const charge = line.charge?.value;
  if (edits.length === 0 || !total || !charge) {
    return edits;
  }
  const cents = Math.max(0, Math.round(total.value * 100) - Math.round(charge * 100));
  return [...edits, { range: total.range, newText: amount(cents / 100) }];
}

/**
 * The edits that leave a first-lesion line at 1 unit and bill its other units as additional lesions
 * on `addOn`: added to the add-on's line for the same date when the claim has one, else on a new line
 * after it (`addOnLineAfter`) (`primary-units`, and `deleted-code` when its
 * replacement is a first-lesion code).
 */
export function moveExtraUnitsToAddOn(
  claim: Claim,
  line: ServiceLine,
  addOn: CodeInfo,
  editor: ClaimEditor,
): TextEdit[] {
  const extra = unitsOf(line) - 1;
  const date = dateOfService(line, claim);
  const existing = codeIndexOf(claim).byCode.get(addOn.code)?.firstOn(date);
  const addOnEdits = existing
    ? editor.setUnits(existing, unitsOf(existing) + extra)
    : addOnLineAfter(line, addOn.code, extra, editor);
  return [...editor.setUnits(line, 1), ...addOnEdits];
}

/** A new line of `addOnCode` x`units` after `line`, with its modifiers, pointers and date: the lesions after its first. */
export function addOnLineAfter(line: ServiceLine, addOnCode: string, units: number, editor: ClaimEditor): TextEdit[] {
  return editor.insertLine(line, 'after', {
    code: addOnCode,
    modifiers: line.modifiers.map((m) => m.value),
    units,
    dxPointers: pointersOf(line),
    dos: line.dos?.value,
  });
}
