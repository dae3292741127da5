/**
 * `x12-required`: what the 005010X222A1 guide requires is there: each loop's
 * required segments and child loops (a claim's HI, a service line's SV1 and
 * date, the subscriber and payer names) and each segment's required
 * elements (CLM05, NM101, NM102, ...), as our map (`x12/x12Map/`) says.
 */
import type { DocumentRule } from '../ruleTypes';
import { requiredRuleId } from '../../x12/elementChecker';
import { structureFindings } from './structureFindings';

export const requiredRule: DocumentRule = {
  id: requiredRuleId,
  format: 'x12-837p',
  defaultSeverity: 'error',
  description: 'A segment, loop or element the 837P guide requires is missing (a claim without HI, CLM05, NM101, ...).',
  check(model) {
    return structureFindings(model.x12, this.id);
  },
};
