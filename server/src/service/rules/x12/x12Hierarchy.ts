/**
 * `x12-hierarchy`: the HL segments of an 837P chain as the guide says: HL01
 * counts 1, 2, 3, ... in each transaction; HL02 names the HL of the level
 * above (a subscriber's billing provider, a patient's subscriber); levels
 * nest 20 (billing provider), 22 (subscriber), 23 (patient); an HL whose
 * HL04 says it has no children has none.
 */
import type { DocumentRule } from '../ruleTypes';
import { hierarchyRuleId } from '../../x12/numberingChecks';
import { structureFindings } from './structureFindings';

export const hierarchyRule: DocumentRule = {
  id: hierarchyRuleId,
  format: 'x12-837p',
  defaultSeverity: 'error',
  description: 'HL ids, parents or levels do not chain (HL01 1, 2, 3...; HL02 an earlier level above; 20, 22, 23).',
  check(model) {
    return structureFindings(model.x12, this.id);
  },
};
