/**
 * Settings under `cptClaims`, read per document from whatever editor is the
 * client. Values arrive untyped from any client, so they are checked here and
 * fall back to defaults rather than trusted.
 */
import type { Severity } from './model';

export type RuleSeveritySetting = Severity | 'off';

export interface ClaimSettings {
  maxNumberOfProblems: number;
  /** Per-rule severity by rule id. */
  rules: Readonly<Record<string, RuleSeveritySetting>>;
  /** Licensed descriptor files: absolute, or relative to the document's workspace folder. */
  descriptorFiles: readonly string[];
  /** The CMS practitioner MUE CSV, absolute or relative to the workspace folder; '' for none. */
  mueFile: string;
}

export const defaultSettings: ClaimSettings = { maxNumberOfProblems: 1000, rules: {}, descriptorFiles: [], mueFile: '' };

const severityValues = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Typed settings from the raw `cptClaims` section; anything malformed takes its default. */
export function readSettings(raw: unknown): ClaimSettings {
  if (!isRecord(raw)) {
    return defaultSettings;
  }
  const limit = raw['maxNumberOfProblems'];
  const maxNumberOfProblems = typeof limit === 'number' && Number.isFinite(limit) && limit >= 1 ? Math.floor(limit) : defaultSettings.maxNumberOfProblems;
  const rules: Record<string, RuleSeveritySetting> = {};
  const rawRules = raw['rules'];
  if (isRecord(rawRules)) {
    for (const [id, value] of Object.entries(rawRules)) {
      if (typeof value === 'string' && severityValues.has(value)) {
        rules[id] = value as RuleSeveritySetting;
      }
    }
  }
  const files = raw['descriptorFiles'];
  const descriptorFiles = Array.isArray(files) ? files.filter((file): file is string => typeof file === 'string' && file.trim() !== '') : [];
  const mue = raw['mueFile'];
  return { maxNumberOfProblems, rules, descriptorFiles, mueFile: typeof mue === 'string' ? mue.trim() : '' };
}
