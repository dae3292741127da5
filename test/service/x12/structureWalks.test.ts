/**
 * The structure walk of a version read around an edit starts from the
 * previous version's walk and takes over its findings and loops once it is
 * back on the previous track (`structureWalks.ts`). Whatever the edit, the
 * result must be exactly the whole walk's: findings, loops, in order.
 */
import * as assert from 'node:assert/strict';
import { parseX12Text } from '../../../server/src/service/x12/x12ClaimParser';
import { reparseX12Text } from '../../../server/src/service/x12/x12Reparse';
import { walkCounts, walkStructure, walkStructureInSteps } from '../../../server/src/service/x12/structureWalks';
import type { StructureWalk } from '../../../server/src/service/x12/structureWalker';
import type { ClaimDocumentModel } from '../../../server/src/service/model/model';
import { x12Batch } from '../../support/documents/x12Batch';
import { randomSource } from '../../support/randomSource';

/** Text that changes the structure: loops opened, closed or misplaced, elements broken, dates that do not exist. */
const insertions = [
  'HL*9*1*22*0~\n',
  'HL*99*2*23*0~\n',
  'LX*7~\n',
  'NM1*IL*1~\n',
  'NM1*ZZ*2*X~\n',
  'DTP*472*D8*20261399~\n',
  'SV1*HC:19284:LT*400*UN*2***1~\n',
  'N4*CITY*ST*1~\n',
  'CLM*NEW*100***11:B:1*Y*A*Y*Y~\n',
  '*',
  '~',
  'X',
];

function walkOf(model: ClaimDocumentModel): StructureWalk {
  const interchange = model.x12?.interchange;
  assert.ok(interchange, 'an X12 model');
  return walkStructure(interchange.segments, interchange.separators);
}

/** What a walk found, comparable across versions: every finding and every loop (by id and offsets). */
function walked(walk: StructureWalk): unknown {
  const { loops } = walk;
  return {
    findings: walk.findings.map((finding) => ({ ...finding })),
    loops: Array.from({ length: loops.length }, (_, i) => [
      loops.loopAt(i).spec.id,
      loops.startAt(i),
      loops.endAt(i),
      loops.depthAt(i),
    ]),
  };
}

describe('the structure walk after an edit', () => {
  it('finds exactly what a whole walk finds after 200 random edits, walking a few thousand segments for each', () => {
    const random = randomSource(11);
    const clean = x12Batch(2, 250);
    let text = clean;
    let model = parseX12Text(text);
    walkOf(model);
    const before = { ...walkCounts };
    let walksAfterEdit = 0;
    for (let edit = 0; edit < 200; edit++) {
      const start = 200 + Math.floor(random() * (text.length - 400));
      const end = Math.min(text.length, start + (random() < 0.5 ? 0 : Math.floor(random() * 40)));
      const insert = random() < 0.3 ? '' : (insertions[Math.floor(random() * insertions.length)] ?? '');
      text = text.slice(0, start) + insert + text.slice(end);
      const next = reparseX12Text(model, text);
      walksAfterEdit += next.problems.length === 0 && next !== model ? 1 : 0;
      const context = `edit ${edit}: [${start}, ${end}) <- ${JSON.stringify(insert)}`;
      assert.deepEqual(walked(walkOf(next)), walked(walkOf(parseX12Text(text))), context);
      model = next;
      if (next.problems.length > 0) {
        text = clean;
        model = parseX12Text(text);
        walkOf(model);
      }
    }
    const segments = model.x12?.interchange.segments.length ?? 0;
    const met = walkCounts.metAfterEdit - before.metAfterEdit;
    const perEdit = (walkCounts.segmentsAfterEdit - before.segmentsAfterEdit) / walksAfterEdit;
    assert.ok(met > 30, `${met} walks after an edit met the previous walk's track`);
    // Checkpoints come every 1,000 segments: an edit is walked from the one before it to (mostly) the one after.
    assert.ok(perEdit < segments / 2, `${perEdit.toFixed(0)} segments walked per edit of a ${segments}-segment file`);
  });

  it('walks a version again from the start when the edit touches an envelope segment', () => {
    const text = x12Batch(2, 100);
    const model = parseX12Text(text);
    const before = walkOf(model);
    const edited = text.replace('ST*837*0002*005010X222A1', 'ST*837*0002*005010X223A2');
    const wholeBefore = walkCounts.whole;
    const after = walkOf(reparseX12Text(model, edited));
    assert.equal(walkCounts.whole, wholeBefore + 1, 'a whole walk');
    assert.ok(after.loops.length < before.loops.length, 'the refused transaction has no loops');
  });

  it('in steps, walks a slice of segments per step and finds what a whole walk finds; a walked version in one step', () => {
    // A refused transaction in the middle: the walk passes over it, across a slice's end.
    const text = x12Batch(3, 60).replace('ST*837*0002*005010X222A1', 'ST*837*0002*005010X223A2');
    const interchange = parseX12Text(text).x12?.interchange;
    assert.ok(interchange);
    const steps = walkStructureInSteps(interchange.segments, interchange.separators, 97);
    const shares: number[] = [];
    let step = steps.next();
    for (; step.done !== true; step = steps.next()) {
      shares.push(step.value);
    }
    assert.ok(shares.length > 10, `${shares.length} steps`);
    assert.deepEqual(
      shares,
      [...shares].sort((a, b) => a - b),
      'the share walked never goes back',
    );
    const whole = parseX12Text(text).x12?.interchange;
    assert.ok(whole);
    assert.deepEqual(walked(step.value), walked(walkStructure(whole.segments, whole.separators)));
    assert.equal(walkStructure(interchange.segments, interchange.separators), step.value, 'the walk is kept');
    const again = walkStructureInSteps(interchange.segments, interchange.separators, 97).next();
    assert.equal(again.done, true, 'a version already walked takes no step');
  });
});
