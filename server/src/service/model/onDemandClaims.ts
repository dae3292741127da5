/**
 * What both formats' models share: claims read when asked for. Validation
 * visits each claim without keeping it (`readClaims`), so a large file is
 * checked without holding its whole model, and notes where each claim is so
 * a checker can name a finding's claim afterwards (`claimIdAt`). Hover, the
 * outline and edits read them all once (`claims`) and keep them.
 */
import type { Position } from 'vscode-languageserver-types';
import { ClaimIndex } from './claimIndex';
import type { Claim, ClaimsRead, ParseProblem, Suppression } from './model';

export abstract class OnDemandClaims {
  private read: (ClaimsRead & { claims: Claim[] }) | undefined;
  private index: ClaimIndex | undefined;

  /** Reads every claim in order, each to `visit` as it ends; returns what reading found. */
  protected abstract readEachClaim(visit: (claim: Claim) => void): ClaimsRead;

  readClaims(visit: (claim: Claim) => void): ClaimsRead {
    if (this.read) {
      this.read.claims.forEach(visit);
      return this.read;
    }
    const index = new ClaimIndex();
    const read = this.readEachClaim((claim) => {
      index.add(claim);
      visit(claim);
    });
    this.index = index;
    return read;
  }

  claimIdAt(position: Position): string | null {
    if (!this.index) {
      this.readAll();
    }
    return this.index?.idAt(position) ?? null;
  }

  private readAll(): ClaimsRead & { claims: Claim[] } {
    if (!this.read) {
      const claims: Claim[] = [];
      this.read = { ...this.readClaims((claim) => claims.push(claim)), claims };
    }
    return this.read;
  }

  get claims(): Claim[] {
    return this.readAll().claims;
  }

  get problems(): ParseProblem[] {
    return this.readAll().problems;
  }

  get suppressions(): Suppression[] {
    return this.readAll().suppressions ?? [];
  }
}
