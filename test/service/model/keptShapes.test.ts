import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

interface ChildReport {
  compiled: string[];
  lost: string[];
  controlCompiled: string[];
  controlLost: string[];
}

describe('kept shapes (model/keptShapes.ts)', function () {
  this.timeout(120_000);

  it('keeps the check’s compiled methods through full garbage collections between checks', () => {
    const output = execFileSync(
      process.execPath,
      ['--allow-natives-syntax', '--expose-gc', path.join(__dirname, 'keptShapesChild.js')],
      { encoding: 'utf8' },
    );
    const report = JSON.parse(output.trim().split('\n').pop() ?? '') as ChildReport;
    // The guard can see a loss: the control class, which nothing keeps, loses its compiled methods.
    assert.ok(report.controlCompiled.length > 0, 'the control class was compiled');
    assert.ok(report.controlLost.length > 0, `the control class kept ${report.controlCompiled.join(', ')}`);
    assert.ok(
      report.compiled.some((name) => name.startsWith('ElementCursor.')) &&
        report.compiled.some((name) => name.startsWith('StructureWalker.')),
      `the 837 check's classes were compiled: ${report.compiled.join(', ')}`,
    );
    assert.deepEqual(report.lost, [], 'methods thrown away by the collection');
  });
});
