/**
 * The JSON schema of `cptClaims.rules` in package.json, one property per rule
 * of the catalog, so that an editor's settings.json completes rule ids and
 * severities and flags an id that is no rule. The server never reads it at run
 * time: `npm run settings:rules` (scripts/write-rule-settings.mjs) writes it into
 * package.json, and test/package/marketplace.test.ts fails when package.json
 * differs from what the catalog gives.
 */
import { allRules } from '../service';

interface SeverityChoice {
  value: 'error' | 'warning' | 'information' | 'hint' | 'off';
  description: string;
}

/** The values `readSettings` accepts for a rule, as the settings editor explains them. */
export const severityChoices: readonly SeverityChoice[] = [
  { value: 'error', description: 'An error: a red squiggle; claim-lint exits 1.' },
  { value: 'warning', description: 'A warning: a yellow squiggle.' },
  { value: 'information', description: 'Information: a blue squiggle; the CodeLens counts it as a note.' },
  { value: 'hint', description: 'A hint: dots under the text, not listed in the Problems panel.' },
  { value: 'off', description: 'Not reported.' },
];

interface RuleSettingSchema {
  type: 'string';
  enum: string[];
  enumDescriptions: string[];
  default: string;
  markdownDescription: string;
}

/** `properties` of `cptClaims.rules`: each rule id with its severities, default and what it reports. */
export function ruleSettingProperties(): Record<string, RuleSettingSchema> {
  const properties: Record<string, RuleSettingSchema> = {};
  for (const rule of allRules) {
    properties[rule.id] = {
      type: 'string',
      enum: severityChoices.map((choice) => choice.value),
      enumDescriptions: severityChoices.map((choice) => choice.description),
      default: rule.defaultSeverity,
      markdownDescription: `${rule.description} Default: \`${rule.defaultSeverity}\`.`,
    };
  }
  return properties;
}
