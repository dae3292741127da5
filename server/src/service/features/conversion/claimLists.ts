/**
 * Notes name the claims they concern by id, a few at most, so a note stays
 * one readable line on a batch of thousands of claims.
 */

const shown = 5;

/** `CLM-1, CLM-2 and 3 more`. */
function claimList(ids: readonly string[]): string {
  const unique = [...new Set(ids)];
  const named = unique.slice(0, shown).join(', ');
  return unique.length > shown ? `${named} and ${unique.length - shown} more` : named;
}

/** Claim ids by the note they belong to, in the order first met. */
export class ClaimsByNote {
  private readonly ids = new Map<string, string[]>();

  add(kind: string, claimId: string): void {
    const list = this.ids.get(kind) ?? [];
    list.push(claimId);
    this.ids.set(kind, list);
  }

  /** The note for `kind` with `{claims}` replaced by the claims' list and `{count}` by their number, if any claim has it. */
  note(kind: string, template: string): string | undefined {
    const list = this.ids.get(kind);
    if (!list) {
      return undefined;
    }
    return template.replace('{claims}', claimList(list)).replace('{count}', String(list.length));
  }
}
