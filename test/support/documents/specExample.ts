/** The example of claim-format.md, verbatim, shared by the tests that read it. */
export const specExample = [
  '# Stereotactic localization of three lesions in the right breast',
  'claim CLM-2026-0001',
  '  patient: DOE, JANE',
  '  dos: 2026-03-14',
  '  dx: C50.411, R92.8',
  '  lesions: 3',
  '',
  '  19283-RT   x1   $350.00   dx=A',
  '  19284-RT   x2   $400.00   dx=A',
  '',
].join('\n');
