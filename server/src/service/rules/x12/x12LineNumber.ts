/**
 * `x12-line-number`: the service lines of each claim (LX01, loop 2400) are
 * numbered 1, 2, 3, ... : each claim starts again at 1 and counts up by one.
 */
import type { DocumentRule } from '../ruleTypes';
import { lineNumberRuleId } from '../../x12/numberingChecks';
import { structureFindings } from './structureFindings';

export const lineNumberRule: DocumentRule = {
  id: lineNumberRuleId,
  format: 'x12-837p',
  defaultSeverity: 'error',
  description: "A claim's LX service line numbers do not start at 1 or do not count up by one.",
  check(model) {
    return structureFindings(model.x12, this.id);
  },
};
