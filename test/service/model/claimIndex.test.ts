/**
 * After validation, a model says which claim a position is in from what
 * validation read (the claim-lint output's claim ids), the same answer as
 * looking through every claim.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import { getLanguageService } from '../../../server/src/service';
import type { ClaimDocumentModel } from '../../../server/src/service/model/model';
import { repoRoot } from '../../support/repoRoot';
import { x12Batch } from '../../support/documents/x12Batch';

const service = getLanguageService();

function byScanningClaims(model: ClaimDocumentModel, position: Position): string | null {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
  const claim = model.claims.find((c) => !before(position, c.range.start) && !before(c.range.end, position));
  return claim?.id?.value ?? null;
}

function everyPosition(document: TextDocument): Position[] {
  const positions: Position[] = [];
  for (let offset = 0; offset <= document.getText().length; offset += 7) {
    positions.push(document.positionAt(offset));
  }
  return positions;
}

describe('the claim a position is in, after validation', () => {
  const cases: Array<[string, TextDocument]> = [
    [
      '.claim',
      TextDocument.create(
        'file:///c.claim',
        'claim',
        1,
        fs.readFileSync(path.join(repoRoot(), 'examples', 'common-mistakes.claim'), 'utf8'),
      ),
    ],
    ['837, a segment per line', TextDocument.create('file:///a.837', 'x12', 1, x12Batch(2, 4))],
    ['837, one line', TextDocument.create('file:///b.837', 'x12', 1, x12Batch(2, 4, { oneLine: true }))],
  ];
  for (const [name, document] of cases) {
    it(`answers like a scan of every claim (${name})`, () => {
      const validated = service.parse(document);
      service.doValidation(document, validated);
      const reference = service.parse(document);
      let inClaims = 0;
      for (const position of everyPosition(document)) {
        const expected = byScanningClaims(reference, position);
        assert.equal(validated.claimIdAt?.(position), expected, `${position.line}:${position.character}`);
        inClaims += expected === null ? 0 : 1;
      }
      assert.ok(inClaims > 10);
    });
  }
});
