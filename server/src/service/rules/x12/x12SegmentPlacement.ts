/**
 * 837P structure: each segment must stand where the 005010X222A1 layout
 * allows it: in the envelopes, in a loop of our map (`x12/x12Map/`), in the
 * guide's order within its loop, no more often than the guide allows, in a
 * loop repeated no more than the guide allows. A misplaced or unknown
 * segment is reported, never fatal: the walk goes on from where it stands.
 */
import type { DocumentRule } from '../ruleTypes';
import { placementRuleId } from '../../x12/structureWalker';
import { structureFindings } from './structureFindings';

export const segmentPlacementRule: DocumentRule = {
  id: placementRuleId,
  format: 'x12-837p',
  defaultSeverity: 'warning',
  description:
    'A segment stands where the 837P layout does not allow it (wrong loop, out of order, repeated too often), or is not an 837P segment.',
  check(model) {
    return structureFindings(model.x12, this.id);
  },
};
