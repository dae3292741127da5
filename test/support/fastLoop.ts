/**
 * Loaded by `npm run test:fast` before its specs: the property-based tests
 * run 50 generated cases (FUZZ_RUNS; 150 in the full run, and at 40 some
 * fixable rule goes unexercised) unless the caller set a number, so
 * the edit-test loop takes seconds. `npm run test:unit` and `npm test` run
 * every case.
 */
process.env.FUZZ_RUNS ??= '50';

export {};
