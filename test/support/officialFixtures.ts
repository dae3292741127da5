/**
 * Small official tables the tests of diagnoses share: two ICD-10-CM fiscal
 * years with a few breast, knee and heart codes (ICD-10-CM is public domain;
 * the descriptions here are written in its style for the tests) and an
 * invented code (X99.01) that only the second year holds.
 */
import type { DiagnosisEntry } from '../../server/src/service';
import type { OfficialDataSpec } from './inMemoryOfficialData';

const entry = (code: string, billable: boolean, long: string, short = long.slice(0, 30)): DiagnosisEntry => ({
  code,
  billable,
  long,
  short,
});

const bothYears: DiagnosisEntry[] = [
  entry('C50', false, 'Malignant neoplasm of breast'),
  entry('C504', false, 'Malignant neoplasm of upper-outer quadrant of breast'),
  entry('C5041', false, 'Malignant neoplasm of upper-outer quadrant of female breast'),
  entry(
    'C50411',
    true,
    'Malignant neoplasm of upper-outer quadrant of right female breast',
    'Malig neo upr-outr quad r fem',
  ),
  entry(
    'C50412',
    true,
    'Malignant neoplasm of upper-outer quadrant of left female breast',
    'Malig neo upr-outr quad l fem',
  ),
  entry('C50419', true, 'Malignant neoplasm of upper-outer quadrant of unspecified female breast'),
  entry('R928', true, 'Other abnormal and inconclusive findings on diagnostic imaging of breast'),
  entry('M170', true, 'Bilateral primary osteoarthritis of knee'),
  entry('M1711', true, 'Unilateral primary osteoarthritis, right knee'),
  entry('M1712', true, 'Unilateral primary osteoarthritis, left knee'),
  entry('I501', true, 'Left ventricular failure, unspecified'),
];

export const icd10FY2025 = { label: 'ICD-10-CM FY2025', applies: { from: '2024-10-01', to: '2025-09-30' } };
export const icd10FY2026 = { label: 'ICD-10-CM FY2026', applies: { from: '2025-10-01', to: '2026-09-30' } };

export const twoIcd10Years: OfficialDataSpec = {
  diagnosisEditions: [
    { ...icd10FY2025, entries: bothYears },
    { ...icd10FY2026, entries: [...bothYears, entry('X9901', true, 'A test condition new in the 2026 year')] },
  ],
};
