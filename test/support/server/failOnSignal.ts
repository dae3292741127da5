/**
 * Preloaded into the built server (`node --require`) by the crash tests. On
 * SIGUSR2 it fails outside any request handler, with an error whose message
 * quotes claim text over several lines: the worst an uncaught exception (or,
 * with `--fail-by-rejection` among the server's arguments, an unhandled
 * rejection) could carry. A signal makes the moment of failure the test's to
 * choose, without a test-only request in the server.
 */
// Not exported: importing this file would install the handler in the importing process.
const quotedClaimText = "cannot read line 'patient: DOE, JANE'\n  patient: DOE, JANE";

process.on('SIGUSR2', () => {
  if (process.argv.includes('--fail-by-rejection')) {
    void Promise.reject(new Error(quotedClaimText));
    return;
  }
  throw new Error(quotedClaimText);
});

export {};
