/**
 * A value worked out once for a claim and shared by the rules that check it
 * (an index of its lines, its earliest date). Validation checks one claim at
 * a time, every rule in turn, so the last claim's value is the only one worth
 * keeping. A WeakMap keyed by claim kept an entry for every claim of a file,
 * which the garbage collector traces specially (each entry is an ephemeron):
 * four such caches made the check of a 5 MB 837 twice as slow. The last
 * value is let go when the check ends (`queueRelease`).
 */
import type { Claim } from './model';

export class LastClaimMemo<T, K = undefined> {
  private claim: Claim | undefined;
  private key: K | undefined;
  private value: T | undefined;
  private releaseQueued = false;

  /** The value for this claim and key, built by `build` unless it is the last one asked for. */
  get(claim: Claim, key: K, build: () => T): T {
    if (this.claim === claim && this.key === key) {
      return this.value as T;
    }
    const value = build();
    this.claim = claim;
    this.key = key;
    this.value = value;
    this.queueRelease();
    return value;
  }

  /**
   * Lets the claim go once the check that asked for it has run to its end (the next microtask): a claim's
   * fields reach its document's whole text, which a closed document must not leave behind. A check runs
   * its rules on a claim without a pause, so none of them finds the value gone.
   */
  private queueRelease(): void {
    if (this.releaseQueued) {
      return;
    }
    this.releaseQueued = true;
    queueMicrotask(() => {
      this.claim = undefined;
      this.key = undefined;
      this.value = undefined;
      this.releaseQueued = false;
    });
  }
}
