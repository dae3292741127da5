/**
 * SARIF 2.1.0 output, so code-scanning tools show claim-lint's findings: one
 * run, the tool's rules with their help pages, and a result per finding with
 * its file and exact region. Only problem messages go in, never claim text.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules, type Severity } from '../../../server/src/service';
import type { ReportWriter, SeverityName } from './lintResults';

const levels: Record<Severity | SeverityName, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export interface SarifContext {
  version: string;
  /** URI of the rule pages, ending in `/`. */
  rulesDocsBase: string;
}

/** A file URL for an absolute path; else a relative URI reference, each part percent-encoded (spaces, `<stdin>`). */
function artifactUri(filePath: string): string {
  return path.isAbsolute(filePath)
    ? pathToFileURL(filePath).href
    : filePath.split(path.sep).map(encodeURIComponent).join('/');
}

/** A string no rule description holds, standing for the results array in the log's JSON. */
const resultsMarker = '\u0000results\u0000';

/** The log, written a result at a time: the log's JSON around the results array, each result as it is read. */
export function sarifWriter(context: SarifContext): ReportWriter {
  const ruleIndex = new Map(allRules.map((rule, index) => [rule.id, index]));
  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'claim-lint',
            version: context.version,
            rules: allRules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: `${context.rulesDocsBase}${rule.id}.md`,
              defaultConfiguration: { level: levels[rule.defaultSeverity] },
            })),
          },
        },
        // Written one result at a time in place of this marker.
        results: resultsMarker,
      },
    ],
  };
  const [head = '', tail = ''] = JSON.stringify(log).split(JSON.stringify(resultsMarker));
  let first = true;
  return {
    head: () => [`${head}[`],
    *file(result) {
      const uri = artifactUri(result.filePath);
      for (const message of result.messages) {
        yield `${first ? '' : ','}${JSON.stringify({
          ruleId: message.ruleId ?? 'claim-lint',
          ...(message.ruleId !== null && ruleIndex.has(message.ruleId)
            ? { ruleIndex: ruleIndex.get(message.ruleId) }
            : {}),
          level: levels[message.severity],
          message: { text: message.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri },
                region: {
                  startLine: message.line,
                  startColumn: message.column,
                  endLine: message.endLine,
                  endColumn: message.endColumn,
                },
              },
            },
          ],
        })}`;
        first = false;
      }
    },
    tail: () => [`]${tail}\n`],
  };
}
