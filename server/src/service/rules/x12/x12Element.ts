/**
 * `x12-element`: each element of an 837P holds what the 005010X222A1 guide
 * allows: its data type (numbers, amounts, dates that exist, times), its
 * length, and the codes the guide fixes for qualifiers (NM101 per loop,
 * SV101-1 HC/ER/IV/WK, DTP01 and DTP02 per loop, REF01, ...). DTP03 is read
 * by its DTP02 format: D8 one date, RD8 two, the first not after the second.
 */
import type { DocumentRule } from '../ruleTypes';
import { elementRuleId } from '../../x12/elementChecker';
import { structureFindings } from './structureFindings';

export const elementRule: DocumentRule = {
  id: elementRuleId,
  format: 'x12-837p',
  defaultSeverity: 'error',
  description:
    'An X12 element has the wrong type, length or code (an amount, a date that does not exist, a qualifier the 837P does not allow there).',
  check(model) {
    return structureFindings(model.x12, this.id);
  },
};
