/**
 * Loaded by `npm run test:fast` before its specs: the property-based tests
 * run fewer generated cases (FUZZ_RUNS) unless the caller set a number, so
 * the edit-test loop takes seconds. `npm test` runs every case.
 */
process.env.FUZZ_RUNS ??= '25';

export {};
