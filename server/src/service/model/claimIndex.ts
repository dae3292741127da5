/**
 * Where each claim is and its id, kept compactly (four numbers and the id a
 * claim), so a checker can say which claim a finding is in without holding
 * the claims themselves. Validation fills it as it reads each claim.
 */
import type { Position } from 'vscode-languageserver-types';
import type { Claim } from './model';

/** The bounds of an index with no claim yet: an editor reads a large `.claim` file claim by claim, an index each. */
const noBounds = new Int32Array(0);

export class ClaimIndex {
  /** start line, start character, end line, end character, for each claim in order. */
  private bounds = noBounds;
  private readonly ids: Array<string | undefined> = [];

  add(claim: Claim): void {
    const n = this.ids.length;
    if ((n + 1) * 4 > this.bounds.length) {
      const grown = new Int32Array(Math.max(8, this.bounds.length * 2));
      grown.set(this.bounds);
      this.bounds = grown;
    }
    const { start, end } = claim.range;
    const bounds = this.bounds;
    bounds[n * 4] = start.line;
    bounds[n * 4 + 1] = start.character;
    bounds[n * 4 + 2] = end.line;
    bounds[n * 4 + 3] = end.character;
    this.ids.push(claim.id?.value);
  }

  private compare(n: number, offset: number, position: Position): number {
    const line = this.bounds[n * 4 + offset] ?? 0;
    return line - position.line || (this.bounds[n * 4 + offset + 1] ?? 0) - position.character;
  }

  /** The id of the claim whose range holds the position; null outside claims and for claims without an id. */
  idAt(position: Position): string | null {
    let low = 0;
    let high = this.ids.length - 1;
    let candidate = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.compare(middle, 0, position) <= 0) {
        candidate = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return candidate !== -1 && this.compare(candidate, 2, position) >= 0 ? (this.ids[candidate] ?? null) : null;
  }
}
