/**
 * Facts several rules need about a claim's lines: which bundled code each is,
 * its date of service, and how to describe a set of lines in a message.
 */
import type { CodeInfo } from '../reference/codeTypes';
import type { CodeReference } from '../reference/codeReference';
import { type Claim, type ServiceLine, unitsOf } from '../model/model';

export interface KnownLine {
  line: ServiceLine;
  info: CodeInfo;
}

/** The claim's lines whose codes the reference data knows. */
export function knownLines(claim: Claim, reference: CodeReference): KnownLine[] {
  const known: KnownLine[] = [];
  for (const line of claim.lines) {
    const info = reference.code(line.code.value);
    if (info) {
      known.push({ line, info });
    }
  }
  return known;
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
