/**
 * What a `.claimlintrc.json` may hold, checked before it is used. The editor
 * takes a malformed setting's default in silence (a client may send
 * anything); a config file in a pipeline is written on purpose, so an
 * unknown key, a rule id no rule has or a value of the wrong kind is
 * reported with its key path and what is allowed, and the run exits 2, as
 * ESLint does with a bad config. A misspelt name gets the closest one.
 */
import { closest, distance } from 'fastest-levenshtein';
import { allRules, x12Layouts } from '../../server/src/service';

interface Field {
  /** What the key accepts, as the report words it. */
  allowed: string;
  accepts: (value: unknown) => boolean;
}

const severities = ['error', 'warning', 'information', 'hint', 'off'];

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const boolean: Field = { allowed: 'true or false', accepts: (value) => typeof value === 'boolean' };
const filePath: Field = { allowed: 'a path (a string)', accepts: (value) => typeof value === 'string' };

function oneOf(values: readonly string[]): Field {
  return {
    allowed: `one of ${values.join(', ')}`,
    accepts: (value) => typeof value === 'string' && values.includes(value),
  };
}

/**
 * The extension's settings without the `cptClaims.` prefix (package.json's
 * `contributes.configuration`; a test keeps the two in step). The editor-only
 * ones are accepted, so one file can serve both, and have no effect here.
 */
const fields: Readonly<Record<string, Field>> = {
  maxNumberOfProblems: { allowed: 'a number of at least 1', accepts: (value) => isNumber(value) && value >= 1 },
  descriptorFiles: {
    allowed: 'a list of paths (strings)',
    accepts: (value) => Array.isArray(value) && value.every((item) => typeof item === 'string'),
  },
  mueFile: filePath,
  dataFolder: filePath,
  backgroundCheckAboveMB: { allowed: 'a number of at least 0', accepts: (value) => isNumber(value) && value >= 0 },
  skipCheckAboveMB: { allowed: 'a number above 0', accepts: (value) => isNumber(value) && value > 0 },
  workspaceDiagnostics: boolean,
};

/** Keys that hold an object of their own fields (`x12.layout` is written `{ "x12": { "layout": … } }`). */
const sections: Readonly<Record<string, Readonly<Record<string, Field>>>> = {
  x12: { layout: oneOf(x12Layouts) },
  inlayHints: { codeSummaries: boolean, lesionCounts: boolean },
  trace: { server: oneOf(['off', 'messages', 'verbose']) },
};

/** Every key accepted at the top level, with its dotted sub-keys; for the test that holds them to package.json. */
export const acceptedSettingPaths: readonly string[] = [
  ...Object.keys(fields),
  'rules',
  ...Object.entries(sections).flatMap(([section, keys]) => Object.keys(keys).map((key) => `${section}.${key}`)),
];

/** ` (did you mean 'x'?)` when one of `names` is a likely misspelling of `name`, else ''. */
function suggestion(name: string, names: readonly string[]): string {
  if (names.length === 0) {
    return '';
  }
  const best = closest(name, names);
  // Up to a third of the name's letters wrong (at least 2): closer than that is a typo, further a different word.
  return distance(name, best) <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean '${best}'?)` : '';
}

/** A value as the report shows it: the JSON, cut short. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkFields(
  raw: Record<string, unknown>,
  known: Readonly<Record<string, Field>>,
  prefix: string,
  extraKeys: readonly string[],
  problems: string[],
): void {
  const names = [...Object.keys(known), ...extraKeys];
  for (const [key, value] of Object.entries(raw)) {
    const field = known[key];
    if (field) {
      if (!field.accepts(value)) {
        problems.push(`${prefix}${key}: ${shown(value)} is not ${field.allowed}`);
      }
    } else if (!extraKeys.includes(key)) {
      problems.push(`${prefix}${key}: unknown key${suggestion(key, names)}; allowed: ${names.join(', ')}`);
    }
  }
}

function checkRules(rules: unknown, problems: string[]): void {
  if (!isRecord(rules)) {
    problems.push(`rules: ${shown(rules)} is not an object of rule id to severity`);
    return;
  }
  const ruleIds = allRules.map((rule) => rule.id);
  for (const [id, value] of Object.entries(rules)) {
    if (!ruleIds.includes(id)) {
      problems.push(`rules.${id}: unknown rule id${suggestion(id, ruleIds)}; the rule ids are in docs/rules/README.md`);
    }
    if (typeof value !== 'string' || !severities.includes(value)) {
      const hint = typeof value === 'string' ? suggestion(value, severities) : '';
      problems.push(`rules.${id}: ${shown(value)} is not a severity${hint}; allowed: ${severities.join(', ')}`);
    }
  }
}

/** The problems of a parsed config, each as `key.path: what is wrong; what is allowed`; empty when it is good. */
export function configProblems(raw: Record<string, unknown>): string[] {
  const problems: string[] = [];
  checkFields(raw, fields, '', ['rules', ...Object.keys(sections)], problems);
  if ('rules' in raw) {
    checkRules(raw['rules'], problems);
  }
  for (const [section, known] of Object.entries(sections)) {
    const value = raw[section];
    if (value === undefined) {
      continue;
    }
    if (isRecord(value)) {
      checkFields(value, known, `${section}.`, [], problems);
    } else {
      problems.push(`${section}: ${shown(value)} is not an object (keys: ${Object.keys(known).join(', ')})`);
    }
  }
  return problems;
}
