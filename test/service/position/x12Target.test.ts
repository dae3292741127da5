/**
 * What stands at an offset of an 837 (`position/x12Target.ts`), which hover,
 * definition and rename all ask: a segment id, an element, or a component of
 * the repeat under the cursor; nothing on separators and terminators.
 */
import * as assert from 'node:assert/strict';
import { type X12Target, x12TargetAt } from '../../../server/src/service/position/x12Target';
import { parseX12Text } from '../../../server/src/service/x12/x12ClaimParser';
import { x12Batch } from '../../support/documents/x12Batch';

/** `SV1` / `SV1 1-2 19282` / `none`: what the target names, to compare at a glance. */
function described(target: X12Target | undefined): string {
  if (!target) {
    return 'none';
  }
  if (target.kind === 'segmentId') {
    return `${target.segment.id} #${target.index}`;
  }
  const component = target.component === undefined ? '' : `-${target.component}`;
  return `${target.segment.id} #${target.index} ${target.element}${component} ${target.span.text}`;
}

function targetAt(text: string, marker: string, offsetInMarker = 0): string {
  const model = parseX12Text(text);
  assert.ok(model.x12);
  const offset = text.indexOf(marker);
  assert.notEqual(offset, -1, marker);
  return described(x12TargetAt(model.x12, offset + offsetInMarker));
}

describe('what stands at an offset of an 837', () => {
  const text = x12Batch(1, 1);
  const sv1 = text.split('\n').findIndex((line) => line.startsWith('SV1'));

  it('a segment id, with the segment ordinal', () => {
    assert.equal(targetAt(text, 'SV1*HC'), `SV1 #${sv1}`);
    assert.equal(targetAt(text, 'SV1*HC', 2), `SV1 #${sv1}`);
  });

  it('a component of a composite element, and a simple element', () => {
    assert.equal(targetAt(text, 'HC:19282', 3), `SV1 #${sv1} 1-2 19282`);
    assert.equal(targetAt(text, 'HC:19282:RT', 9), `SV1 #${sv1} 1-3 RT`);
    assert.equal(targetAt(text, '*400*', 1), `SV1 #${sv1} 2 400`);
  });

  it('nothing on a separator, a terminator or the line end after it', () => {
    assert.equal(targetAt(text, '*400*'), 'none');
    assert.equal(targetAt(text, ':19282'), 'none');
    assert.equal(targetAt(text, '14~\nLX*2', 2), 'none');
    assert.equal(targetAt(text, '14~\nLX*2', 3), 'none');
  });

  it('the ISA has no composites: ISA16 is the component separator itself', () => {
    assert.equal(targetAt(text, '*P*:~', 3), 'ISA #0 16 :');
  });

  it('in a repeated composite, the components of the repeat under the cursor', () => {
    const repeated = text.replace('HI*ABK:C50411*ABF:R928~', 'HI*ABK:C50411^ABF:R928~');
    const model = parseX12Text(repeated);
    assert.ok(model.x12);
    const target = x12TargetAt(model.x12, repeated.indexOf('R928'));
    assert.equal(described(target), `HI #${text.split('\n').findIndex((line) => line.startsWith('HI'))} 1-2 R928`);
    assert.deepEqual(
      target?.kind === 'element' ? target.parts.map((part) => part.text) : [],
      ['ABF', 'R928'],
      'the parts of the second repeat',
    );
  });
});
