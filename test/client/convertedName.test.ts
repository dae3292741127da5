/**
 * The name of a conversion's result: the source's name with the other
 * format's extension, beside it, numbered past names already taken.
 */
import * as assert from 'node:assert/strict';
import { convertedPath } from '../../client/src/convertedName';

const takenOf =
  (names: string[]) =>
  (candidate: string): Promise<boolean> =>
    Promise.resolve(names.includes(candidate));

describe('converted file names', () => {
  it("gives the source's name the other format's extension, in the source's folder", async () => {
    assert.equal(await convertedPath('/claims/march.claim', 'x12', takenOf([])), '/claims/march.837');
    assert.equal(await convertedPath('/claims/march.837', 'claim', takenOf([])), '/claims/march.claim');
    assert.equal(await convertedPath('/claims/batch.edi', 'claim', takenOf([])), '/claims/batch.claim');
    assert.equal(await convertedPath('/claims/batch.x12', 'claim', takenOf([])), '/claims/batch.claim');
  });

  it('numbers the name past every file or editor that has it', async () => {
    const taken = takenOf(['/claims/march.837', '/claims/march-2.837']);
    assert.equal(await convertedPath('/claims/march.claim', 'x12', taken), '/claims/march-3.837');
  });

  it('names the result of an untitled source after it, with no folder', async () => {
    assert.equal(await convertedPath('Untitled-1', 'x12', takenOf([])), 'Untitled-1.837');
  });
});
