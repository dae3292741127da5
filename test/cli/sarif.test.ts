/**
 * claim-lint's SARIF against the SARIF 2.1.0 schema's requirements
 * (sarifRequired.ts), on files of both formats, standard input and a file
 * name that needs percent-encoding; and the check itself, shown to catch
 * each kind of violation it looks for.
 */
import * as assert from 'node:assert/strict';
import { writeX12 } from '../../server/src/service';
import { loneAddOn, runCli, unitsWarning, useTempFolder } from './cliRunner';
import { sarifViolations } from './sarifRequired';

interface SarifResult {
  ruleId: string;
  level: string;
  locations: Array<{
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } };
  }>;
}

interface MutableResult {
  level?: string;
  ruleIndex?: number;
  message: { text?: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
}
interface MutableRun {
  tool: { driver: { name?: string; rules: Array<{ id: string }> } };
  results: MutableResult[];
}
interface MutableLog {
  version?: string;
  runs: MutableRun[];
}

describe('claim-lint SARIF output', () => {
  const temp = useTempFolder();

  it('meets the SARIF 2.1.0 schema requirements for .claim and 837 files and standard input', () => {
    temp.write('my claims/lone one.claim', loneAddOn);
    temp.write('warn.claim', unitsWarning);
    const x12 = writeX12([
      {
        id: 'CLM-X',
        diagnoses: ['C50.411'],
        dos: '2026-03-14',
        lines: [{ code: '19284', modifiers: ['RT'], charge: 400 }],
      },
    ]);
    temp.write('batch.837', x12.replace('GE*1*1~', 'GE*2*1~'));
    const result = runCli(['--format', 'sarif', 'my claims', 'warn.claim', 'batch.837', '-'], temp.dir(), loneAddOn);
    assert.equal(result.status, 1, result.stderr);
    const log = JSON.parse(result.stdout) as { runs: Array<{ results: SarifResult[] }> };
    assert.deepEqual(sarifViolations(log), []);
    const results = log.runs[0]?.results ?? [];
    assert.deepEqual(
      results.map((r) => [r.locations[0]?.physicalLocation.artifactLocation.uri, r.ruleId, r.level]),
      [
        ['my%20claims/lone%20one.claim', 'addon-without-primary', 'error'],
        ['warn.claim', 'lesion-units', 'warning'],
        ['batch.837', 'addon-without-primary', 'error'],
        ['batch.837', 'x12-control-numbers', 'error'],
        ['%3Cstdin%3E', 'addon-without-primary', 'error'],
      ],
    );
  });

  it('writes a valid log with no results for clean files', () => {
    temp.write('clean.claim', 'claim CLM-OK\n  dos: 2026-03-14\n  dx: C50.411\n  19283-RT   x1   $350.00   dx=A\n');
    const result = runCli(['--format', 'sarif', 'clean.claim'], temp.dir());
    assert.equal(result.status, 0, result.stderr);
    const log = JSON.parse(result.stdout) as { runs: Array<{ results: unknown[] }> };
    assert.deepEqual(sarifViolations(log), []);
    assert.deepEqual(log.runs[0]?.results, []);
  });

  it('the requirement check finds each kind of violation', () => {
    temp.write('lone.claim', loneAddOn);
    const valid = JSON.parse(runCli(['--format', 'sarif', 'lone.claim'], temp.dir()).stdout) as MutableLog;
    const broken = (change: (log: MutableLog, run: MutableRun, result: MutableResult) => void): string => {
      const log = structuredClone(valid);
      const run = log.runs[0];
      const result = run?.results[0];
      assert.ok(run && result);
      change(log, run, result);
      return sarifViolations(log).join('\n');
    };
    assert.deepEqual(sarifViolations(valid), []);
    assert.match(
      broken((log) => delete log.version),
      /\$\.version/,
    );
    assert.match(
      broken((_log, run) => delete run.tool.driver.name),
      /driver\.name: is required/,
    );
    assert.match(
      broken((_log, _run, result) => delete result.message.text),
      /message: is required/,
    );
    assert.match(
      broken((_log, _run, result) => (result.level = 'fatal')),
      /level: must be/,
    );
    assert.match(
      broken((_log, _run, result) => (result.ruleIndex = 1)),
      /must point at the rule/,
    );
    assert.match(
      broken((_log, _run, result) => (result.locations[0]!.physicalLocation.region.startLine = 0)),
      /startLine: must be an integer >= 1/,
    );
    assert.match(
      broken((_log, _run, result) => (result.locations[0]!.physicalLocation.artifactLocation.uri = 'a b.claim')),
      /uri: must be a URI reference/,
    );
    assert.match(
      broken((_log, run) => run.tool.driver.rules.push(run.tool.driver.rules[0]!)),
      /items must be unique/,
    );
  });
});
