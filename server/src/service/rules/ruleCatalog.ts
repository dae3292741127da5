/**
 * Every rule the product reports, with its stable id and default severity:
 * the claim rules (one module each) and the checks the parser makes while
 * reading the text. Severity settings and the README's rule table read this.
 */
import { addOnWithoutPrimaryRule } from './addonWithoutPrimary';
import { addOnWrongModalityRule } from './addonWrongModality';
import { bilateralModifierRule } from './bilateralModifier';
import { biopsyWithLocalizationRule } from './biopsyWithLocalization';
import { deletedCodeRule } from './deletedCode';
import { diagnosisPointerRule } from './dxPointer';
import { duplicateLineRule } from './duplicateLine';
import { firstLesionUnitsRule } from './primaryUnits';
import { invalidDiagnosisRule } from './invalidDiagnosis';
import { ncciPtpRule } from './ncciPtp';
import { globalSurgeryRule } from './globalSurgery';
import { lateralityMismatchRule } from './lateralityMismatch';
import { lateralityMissingRule } from './lateralityMissing';
import { lesionUnitsRule } from './lesionUnits';
import { missingDiagnosisPointerRule } from './missingDxPointer';
import { mueLimitRule } from './mueLimit';
import type { ClaimRule, DocumentRule, RuleDescription } from './ruleTypes';
import { unknownCodeRule } from './unknownCode';
import { claimTotalRule } from './x12/x12ClaimTotal';
import { diagnosisDecimalRule } from './x12/x12IcdDecimal';
import { controlNumberRule } from './x12/x12ControlNumbers';
import { segmentCountRule } from './x12/x12SegmentCount';
import { segmentPlacementRule } from './x12/x12SegmentPlacement';
import { requiredRule } from './x12/x12Required';
import { elementRule } from './x12/x12Element';
import { hierarchyRule } from './x12/x12Hierarchy';
import { lineNumberRule } from './x12/x12LineNumber';
import { unitsPairRule } from './x12/x12UnitsPair';
import { duplicateInterchangeRule } from './x12/x12DuplicateInterchange';
import { envelopeRule } from './x12/x12Envelope';
import { envelopeIdsRule } from './x12/x12EnvelopeIds';
import { not837pRule } from './x12/x12Not837p';

export const claimRules: readonly ClaimRule[] = [
  addOnWithoutPrimaryRule,
  addOnWrongModalityRule,
  firstLesionUnitsRule,
  lesionUnitsRule,
  diagnosisPointerRule,
  deletedCodeRule,
  biopsyWithLocalizationRule,
  bilateralModifierRule,
  lateralityMismatchRule,
  lateralityMissingRule,
  unknownCodeRule,
  duplicateLineRule,
  missingDiagnosisPointerRule,
  mueLimitRule,
  claimTotalRule,
  unitsPairRule,
  diagnosisDecimalRule,
  invalidDiagnosisRule,
  ncciPtpRule,
  globalSurgeryRule,
];

/** Rules about a whole document: the X12 envelopes and layout. */
export const documentRules: readonly DocumentRule[] = [
  segmentCountRule,
  controlNumberRule,
  segmentPlacementRule,
  not837pRule,
  envelopeIdsRule,
  envelopeRule,
  duplicateInterchangeRule,
  requiredRule,
  elementRule,
  hierarchyRule,
  lineNumberRule,
];

/** Checks made while parsing: the text does not have the shape the format requires. */
const parserRules: readonly RuleDescription[] = [
  {
    id: 'code-shape',
    defaultSeverity: 'error',
    description: 'A service line starts with something that is not a procedure code.',
  },
  {
    id: 'lowercase-code',
    defaultSeverity: 'warning',
    description: 'A code, modifier or diagnosis is written in lower case.',
  },
  {
    id: 'bad-modifier',
    defaultSeverity: 'error',
    description: 'A modifier is not two letters or digits, or a line has more than four.',
  },
  {
    id: 'bad-units',
    defaultSeverity: 'error',
    description: 'Units are not x and a whole number from 1 to 9999, or are written twice.',
  },
  { id: 'bad-charge', defaultSeverity: 'error', description: 'A charge is not a dollar amount, or is written twice.' },
  {
    id: 'bad-field',
    defaultSeverity: 'error',
    description: 'A key=value field is unknown or its value has the wrong shape.',
  },
  { id: 'bad-token', defaultSeverity: 'error', description: 'A service line holds text that is none of its fields.' },
  { id: 'claim-id', defaultSeverity: 'error', description: "A 'claim' line has no id, or more than one token." },
  { id: 'unknown-header-key', defaultSeverity: 'warning', description: 'A header key is not one of the format.' },
  {
    id: 'bad-header-value',
    defaultSeverity: 'error',
    description: 'A header value has the wrong shape (date, lesion count, place of service, ICD-10-CM code).',
  },
  { id: 'duplicate-header', defaultSeverity: 'warning', description: 'A header key is given twice for one claim.' },
  {
    id: 'unknown-rule-id',
    defaultSeverity: 'warning',
    description: 'A claim-lint-disable comment names a rule id that does not exist.',
  },
  {
    id: 'x12-unreadable',
    defaultSeverity: 'error',
    description: 'Text in an X12 file is not segments (binary data or a broken segment); it is skipped.',
  },
  {
    id: 'x12-diagnosis-code',
    defaultSeverity: 'error',
    description:
      'A diagnosis in HI is missing, lacks the shape of the code set its qualifier names, or is ICD-9-CM on a claim dated from 2015-10-01.',
  },
];

/** Reported once when a document has more problems than the configured limit. */
export const problemLimitRule: RuleDescription = {
  id: 'too-many-problems',
  defaultSeverity: 'information',
  description: 'The document has more problems than cptClaims.maxNumberOfProblems; the rest are not shown.',
};

export const allRules: readonly RuleDescription[] = [...claimRules, ...documentRules, ...parserRules, problemLimitRule];

const rulesById = new Map(allRules.map((rule) => [rule.id, rule]));

export function ruleById(id: string): RuleDescription | undefined {
  return rulesById.get(id);
}
