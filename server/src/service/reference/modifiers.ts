/**
 * The modifiers that ship with the extension, with OUR OWN short summaries of
 * when a coder uses them (never the official descriptor text). Hover and
 * completion read these; the laterality and distinct-service categories feed
 * the laterality and unbundling checks.
 */
import type { ModifierInfo } from './codeTypes';

export const bundledModifiers: readonly ModifierInfo[] = [
  // Laterality
  {
    modifier: 'RT',
    summary: 'Right side of the body; should agree with a right-side diagnosis.',
    category: 'laterality',
  },
  {
    modifier: 'LT',
    summary: 'Left side of the body; should agree with a left-side diagnosis.',
    category: 'laterality',
  },
  {
    modifier: '50',
    summary: 'Same procedure done on both sides in one session; some payers want RT and LT lines instead.',
    category: 'laterality',
  },

  // Distinct service (unbundling)
  {
    modifier: '59',
    summary:
      'Service is separate from another on the same day, e.g. a different lesion or site; prefer XE, XP, XS or XU when they fit.',
    category: 'distinct-service',
  },
  {
    modifier: 'XE',
    summary: 'Distinct service because it took place in a separate encounter the same day.',
    category: 'distinct-service',
  },
  {
    modifier: 'XP',
    summary: 'Distinct service because a different practitioner performed it.',
    category: 'distinct-service',
  },
  {
    modifier: 'XS',
    summary:
      'Distinct service because it was on a separate organ or structure, e.g. the other breast; for another lesion of the same breast, XU or 59 fits.',
    category: 'distinct-service',
  },
  {
    modifier: 'XU',
    summary:
      'Distinct service that does not overlap the usual parts of the main one and fits no other X modifier, e.g. a clip in another lesion of the same breast.',
    category: 'distinct-service',
  },

  // Professional / technical split
  {
    modifier: '26',
    summary: "Only the physician's reading and report of a test, e.g. a radiologist billing apart from the facility.",
    category: 'professional-technical',
  },
  {
    modifier: 'TC',
    summary: 'Only the equipment, staff and supplies of a test, billed apart from the reading.',
    category: 'professional-technical',
  },

  // Repeat services
  { modifier: '76', summary: 'Same procedure repeated the same day by the same physician.', category: 'repeat' },
  { modifier: '77', summary: 'Same procedure repeated the same day by a different physician.', category: 'repeat' },
  {
    modifier: '91',
    summary: 'Lab test run again the same day to get a new result, not to fix a failed run.',
    category: 'repeat',
  },

  // Procedure and global-period modifiers
  {
    modifier: '22',
    summary: 'Work was substantially greater than usual; the record must say why.',
    category: 'procedure',
  },
  {
    modifier: '24',
    summary: 'Visit during a postoperative period for a problem unrelated to the surgery.',
    category: 'procedure',
  },
  {
    modifier: '25',
    summary:
      'Visit on the same day as a procedure, for a separately documented problem beyond the usual pre-procedure check.',
    category: 'procedure',
  },
  {
    modifier: '51',
    summary: 'Further procedures by the same provider in the same session, priced at a reduced rate.',
    category: 'procedure',
  },
  {
    modifier: '52',
    summary: "Procedure or service cut short or partly done at the physician's choice.",
    category: 'procedure',
  },
  {
    modifier: '53',
    summary: 'Procedure stopped after it began because continuing put the patient at risk.',
    category: 'procedure',
  },
  {
    modifier: '57',
    summary: 'Visit where the decision was made to do major surgery the same or next day.',
    category: 'procedure',
  },
  {
    modifier: '58',
    summary:
      'Planned or more extensive follow-on procedure during the global period of the first one, e.g. re-excision.',
    category: 'procedure',
  },
  {
    modifier: '78',
    summary: 'Unplanned return to the operating room for a related problem during the postoperative period.',
    category: 'procedure',
  },
  {
    modifier: '79',
    summary: 'Unrelated procedure done during the postoperative period of another one.',
    category: 'procedure',
  },

  // Payment / liability
  {
    modifier: 'GA',
    summary: 'A signed advance notice (ABN) is on file for a service Medicare may deny as not necessary.',
    category: 'payment',
  },
  {
    modifier: 'GZ',
    summary: 'Service expected to be denied as not necessary and no signed advance notice (ABN) is on file.',
    category: 'payment',
  },
  {
    modifier: 'GY',
    summary: 'Service is excluded by statute or is not a Medicare benefit at all.',
    category: 'payment',
  },
  {
    modifier: 'KX',
    summary: 'Policy-specific requirements are met and documented, e.g. above a therapy cap.',
    category: 'payment',
  },
];
