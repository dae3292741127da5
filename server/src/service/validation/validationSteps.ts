/**
 * Validation in steps: the same check as validating at once, cut into slices
 * of claims, so a server can answer other requests between slices of a large
 * file. The service only cuts the work and says how far it has got; it never
 * waits, schedules or talks to a client (the server drives the steps).
 */

/** How far a stepwise validation has got, reported after each step. */
export interface ValidationProgress {
  /** The share of the run's work done, from 0 to 1, never decreasing; 1 after the last claim. */
  readonly fraction: number;
  /** Claims read (parsed and checked) so far in this run; claims whose kept findings were reused are not counted. */
  readonly claimsRead: number;
}

/** A run of validation: each `next()` does one step and reports progress; the last returns the result. */
export type ValidationRun<T> = Generator<ValidationProgress, T, void>;

/** How much one step may do. */
export interface StepSize {
  /** Claims a step reads at most (at least 1). */
  readonly claimsPerStep: number;
}

/**
 * Claims a step may reuse for each one it may read. Reusing a claim's kept
 * findings (a map lookup by its text, moving its ranges) costs a small part of
 * reading and checking it, but on a batch of 200,000 claims the lookups alone
 * add up, so they are sliced too, in bigger slices.
 */
const reusedPerRead = 20;

/** One step does everything: `validate` runs this way. */
export const wholeRun: StepSize = { claimsPerStep: Number.POSITIVE_INFINITY };

/** Does every step of a run and returns its result. */
export function runToEnd<T>(run: ValidationRun<T>): T {
  for (;;) {
    const step = run.next();
    if (step.done === true) {
      return step.value;
    }
  }
}

/**
 * Counts the work of one step and says when it is full. A claim read costs
 * `reusedPerRead` units and a claim reused 1 (whole numbers, so the count is exact).
 */
export class StepBudget {
  private used = 0;
  claimsRead = 0;

  constructor(private readonly size: StepSize) {}

  read(): void {
    this.used += reusedPerRead;
    this.claimsRead++;
  }

  reused(): void {
    this.used += 1;
  }

  /** True when the step is full; the count starts again for the next step. */
  takeFull(): boolean {
    if (this.used < Math.max(1, this.size.claimsPerStep) * reusedPerRead) {
      return false;
    }
    this.used = 0;
    return true;
  }
}

/**
 * Any other answer the service gives in steps (the outline and CodeLens of a
 * large file): the same shape as a validation run, so the server drives both
 * alike; `claimsRead` counts the claims the answer has read or found so far.
 */
export type AnswerRun<T> = ValidationRun<T>;
