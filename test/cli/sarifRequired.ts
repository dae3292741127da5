/**
 * The constraints of the SARIF 2.1.0 schema (sarif-schema-2.1.0.json, OASIS)
 * that claim-lint's output touches, checked without downloading the schema:
 * required properties, enumerations, minimums and URI syntax. Returns each
 * violation as a JSON path and what is wrong; none for a valid log.
 */

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const levels = new Set(['none', 'note', 'warning', 'error']);
/** RFC 3986 characters of a URI reference, and well-formed percent escapes. */
const uriReference = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
const absoluteUri = /^[A-Za-z][A-Za-z0-9+.-]*:/;

export function sarifViolations(log: Json): string[] {
  const problems: string[] = [];
  const need = (condition: boolean, where: string, what: string) => {
    if (!condition) {
      problems.push(`${where}: ${what}`);
    }
  };
  const string = (value: Json): value is string => typeof value === 'string';
  const positiveInteger = (value: Json) => Number.isInteger(value) && (value as number) >= 1;

  need(isObject(log), '$', 'must be an object');
  if (!isObject(log)) {
    return problems;
  }
  need(log['version'] === '2.1.0', '$.version', "is required and must be '2.1.0'");
  need(
    log['$schema'] === undefined || (string(log['$schema']) && absoluteUri.test(log['$schema'])),
    '$.$schema',
    'must be an absolute URI',
  );
  const runs = log['runs'];
  need(Array.isArray(runs), '$.runs', 'is required and must be an array');
  (Array.isArray(runs) ? runs : []).forEach((run: Json, r) => {
    const at = `$.runs[${r}]`;
    need(isObject(run), at, 'must be an object');
    if (!isObject(run)) {
      return;
    }
    const tool = run['tool'];
    const driver = isObject(tool) ? tool['driver'] : undefined;
    need(isObject(tool), `${at}.tool`, 'is required');
    need(isObject(driver), `${at}.tool.driver`, 'is required');
    const rules = isObject(driver) ? driver['rules'] : undefined;
    if (isObject(driver)) {
      need(string(driver['name']) && driver['name'] !== '', `${at}.tool.driver.name`, 'is required');
      need(rules === undefined || Array.isArray(rules), `${at}.tool.driver.rules`, 'must be an array');
    }
    const ruleList = Array.isArray(rules) ? (rules as Json[]) : [];
    const ids = ruleList.map((rule) => (isObject(rule) ? rule['id'] : undefined));
    need(new Set(ids).size === ids.length, `${at}.tool.driver.rules`, 'items must be unique');
    ruleList.forEach((rule, i) => {
      const where = `${at}.tool.driver.rules[${i}]`;
      need(isObject(rule) && string(rule['id']), `${where}.id`, 'is required');
      if (isObject(rule)) {
        const short = rule['shortDescription'];
        need(
          short === undefined || (isObject(short) && string(short['text'])),
          `${where}.shortDescription.text`,
          'is required in a message string',
        );
        need(
          rule['helpUri'] === undefined || (string(rule['helpUri']) && absoluteUri.test(rule['helpUri'])),
          `${where}.helpUri`,
          'must be an absolute URI',
        );
        const config = rule['defaultConfiguration'];
        need(
          config === undefined ||
            (isObject(config) && (config['level'] === undefined || levels.has(config['level'] as string))),
          `${where}.defaultConfiguration.level`,
          'must be none, note, warning or error',
        );
      }
    });
    const results = run['results'];
    need(results === undefined || Array.isArray(results), `${at}.results`, 'must be an array');
    (Array.isArray(results) ? (results as Json[]) : []).forEach((result, n) => {
      const where = `${at}.results[${n}]`;
      need(isObject(result), where, 'must be an object');
      if (!isObject(result)) {
        return;
      }
      const message = result['message'];
      need(
        isObject(message) && (string(message['text']) || string(message['id'])),
        `${where}.message`,
        'is required, with text or id',
      );
      need(
        result['level'] === undefined || levels.has(result['level'] as string),
        `${where}.level`,
        'must be none, note, warning or error',
      );
      need(result['ruleId'] === undefined || string(result['ruleId']), `${where}.ruleId`, 'must be a string');
      const ruleIndex = result['ruleIndex'];
      need(
        ruleIndex === undefined ||
          (Number.isInteger(ruleIndex) && (ruleIndex as number) >= -1 && (ruleIndex as number) < ruleList.length),
        `${where}.ruleIndex`,
        'must index tool.driver.rules',
      );
      if (ruleIndex !== undefined && result['ruleId'] !== undefined) {
        need(
          ids[ruleIndex as number] === result['ruleId'],
          `${where}.ruleIndex`,
          'must point at the rule named by ruleId',
        );
      }
      const locations = result['locations'];
      need(locations === undefined || Array.isArray(locations), `${where}.locations`, 'must be an array');
      (Array.isArray(locations) ? (locations as Json[]) : []).forEach((location, l) => {
        const physical = isObject(location) ? location['physicalLocation'] : undefined;
        const place = `${where}.locations[${l}].physicalLocation`;
        need(isObject(physical), place, 'is expected for a file finding');
        if (!isObject(physical)) {
          return;
        }
        const artifact = physical['artifactLocation'];
        need(isObject(artifact) || physical['address'] !== undefined, place, 'needs artifactLocation or address');
        if (isObject(artifact)) {
          need(
            string(artifact['uri']) && uriReference.test(artifact['uri']),
            `${place}.artifactLocation.uri`,
            'must be a URI reference',
          );
        }
        const region = physical['region'];
        if (isObject(region)) {
          need(positiveInteger(region['startLine']), `${place}.region.startLine`, 'must be an integer >= 1');
          for (const key of ['startColumn', 'endLine', 'endColumn']) {
            need(
              region[key] === undefined || positiveInteger(region[key]),
              `${place}.region.${key}`,
              'must be an integer >= 1',
            );
          }
          need(
            region['endLine'] === undefined || (region['endLine'] as number) >= (region['startLine'] as number),
            `${place}.region.endLine`,
            'must not be before startLine',
          );
        }
      });
    });
  });
  return problems;
}
