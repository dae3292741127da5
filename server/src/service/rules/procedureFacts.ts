/**
 * The facts about a file that rules looking past one claim need from it
 * (`global-surgery`): which patients its claims are for, and each procedure
 * with a global surgery period it bills, with the patient (hashed), the date
 * of service, the code and where it is. The server keeps them for the
 * workspace's claim files in a `ProcedureIndex`, claim-lint for the files of
 * a run; the rule context reads them as `WorkspaceProcedures`.
 *
 * Without a fee schedule there are no procedures with a global period, so a
 * file is not read at all: the index then costs nothing.
 */
import type { Claim, ClaimDocumentModel } from '../model/model';
import { patientKeyOf } from '../model/patientKey';
import type { CodeReference } from '../reference/codeReference';
import { dateOfService } from './claimFacts';
import { globalPeriodOf } from './globalSurgery';
import type { ProcedureFact, WorkspaceProcedures } from './ruleTypes';

/** What one file gives the index. */
export interface FileProcedures {
  /** The hashed names of the patients its claims are for. */
  patients: string[];
  procedures: ProcedureFact[];
}

/** The last segment of a URI's path, decoded: the file's name, for messages. */
export function fileNameOf(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The procedure facts of a parsed document; none (without reading it) when no fee schedule is loaded. */
export function procedureFactsOf(uri: string, model: ClaimDocumentModel, reference: CodeReference): FileProcedures {
  const found: FileProcedures = { patients: [], procedures: [] };
  if (reference.official.feeSchedules.length === 0) {
    return found;
  }
  const patients = new Set<string>();
  const fileName = fileNameOf(uri);
  const visit = (claim: Claim) => {
    const patient = claim.patient ? patientKeyOf(claim.patient) : undefined;
    if (!patient) {
      return;
    }
    patients.add(patient.name);
    for (const line of claim.lines) {
      const date = dateOfService(line, claim);
      if (date === undefined || line.otherCodeList !== undefined) {
        continue;
      }
      if (globalPeriodOf(line.code.value, date, reference)) {
        const fact: ProcedureFact = {
          patient,
          date,
          code: line.code.value,
          uri,
          fileName,
          claimLine: claim.range.start.line,
        };
        if (claim.id) {
          fact.claimId = claim.id.value;
        }
        found.procedures.push(fact);
      }
    }
  };
  if (model.readClaims) {
    model.readClaims(visit);
  } else {
    model.claims.forEach(visit);
  }
  found.patients = [...patients];
  return found;
}

/** One file's procedures of each patient, as text: two versions of a file differ for a patient when these do. */
function signatures(file: FileProcedures | undefined): Map<string, string> {
  const byPatient = new Map<string, string>();
  for (const fact of file?.procedures ?? []) {
    const signature = `${fact.patient.memberId ?? ''}|${fact.patient.birthDate ?? ''}|${fact.date}|${fact.code}|${fact.claimLine}|${fact.claimId ?? ''}`;
    byPatient.set(fact.patient.name, `${byPatient.get(fact.patient.name) ?? ''}\n${signature}`);
  }
  return byPatient;
}

/**
 * The procedures of a set of files by patient, updated a file at a time. Each file has a stamp that changes when the
 * procedures of one of its patients change (in any file), so a validator that keeps findings knows they are stale.
 */
export class ProcedureIndex implements WorkspaceProcedures {
  private readonly files = new Map<string, FileProcedures>();
  private readonly byPatient = new Map<string, ProcedureFact[]>();
  /** The files each patient's claims are in (hashed name to URIs). */
  private readonly filesOf = new Map<string, Set<string>>();
  private readonly stamps = new Map<string, number>();
  /** Never reset, so a stamp once given is never given again to the same file. */
  private changes = 0;

  proceduresOf(patientName: string): readonly ProcedureFact[] {
    return this.byPatient.get(patientName) ?? [];
  }

  stampFor(uri: string): string {
    return String(this.stamps.get(uri) ?? 0);
  }

  /** The files indexed. */
  uris(): string[] {
    return [...this.files.keys()];
  }

  /**
   * Puts a file's facts in place of what it had (none: the file is gone) and returns the files whose patients'
   * procedures changed: they are to be checked again.
   */
  set(uri: string, facts: FileProcedures | undefined): string[] {
    const before = this.files.get(uri);
    const old = signatures(before);
    const now = signatures(facts);
    const changed = new Set([...old.keys(), ...now.keys()].filter((name) => old.get(name) !== now.get(name)));
    for (const name of before?.patients ?? []) {
      const files = this.filesOf.get(name);
      files?.delete(uri);
      if (files?.size === 0) {
        this.filesOf.delete(name);
      }
    }
    for (const name of old.keys()) {
      this.byPatient.set(
        name,
        (this.byPatient.get(name) ?? []).filter((fact) => fact.uri !== uri),
      );
    }
    if (facts) {
      this.files.set(uri, facts);
      facts.patients.forEach((name) => this.filesOf.set(name, (this.filesOf.get(name) ?? new Set()).add(uri)));
      for (const fact of facts.procedures) {
        const list = this.byPatient.get(fact.patient.name);
        if (list) {
          list.push(fact);
        } else {
          this.byPatient.set(fact.patient.name, [fact]);
        }
      }
    } else {
      this.files.delete(uri);
    }
    const affected = new Set<string>();
    for (const name of changed) {
      this.filesOf.get(name)?.forEach((file) => affected.add(file));
      if (this.byPatient.get(name)?.length === 0) {
        this.byPatient.delete(name);
      }
    }
    if (!facts) {
      affected.delete(uri);
      this.stamps.delete(uri);
    }
    affected.forEach((file) => this.stamps.set(file, ++this.changes));
    return [...affected];
  }

  /** Forgets every file (the fee schedule changed, or the workspace). */
  clear(): void {
    this.files.clear();
    this.byPatient.clear();
    this.filesOf.clear();
    this.stamps.clear();
  }
}
