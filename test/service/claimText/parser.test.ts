/**
 * The `.claim` parser builds the claim model: claims, headers and service
 * lines, each field with the exact range it was written at.
 */
import * as assert from 'node:assert/strict';
import type { Range } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseClaimAround } from '../../../server/src/service/claimText/claimSlice';
import { parseClaimText } from '../../../server/src/service/claimText/claimTextParser';

function at(range: Range | undefined): string {
  return range ? `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}` : 'none';
}

describe('.claim parser', () => {
  it('reads the spec example into one claim with its headers and lines', () => {
    const model = parseClaimText(
      '# comment\nclaim CLM-2026-0001\n  patient: DOE, JANE\n  dos: 2026-03-14\n  dx: C50.411, R92.8\n  lesions: 3\n\n  19283-RT   x1   $350.00   dx=A\n  19284-RT   x2   $400.00   dx=A\n',
    );
    assert.equal(model.format, 'claim');
    assert.deepEqual(model.problems, []);
    assert.equal(model.claims.length, 1);
    const [claim] = model.claims;
    assert.ok(claim);
    assert.equal(claim.id?.value, 'CLM-2026-0001');
    assert.equal(at(claim.id?.range), '1:6-1:19');
    assert.deepEqual(
      claim.diagnoses.map((d) => d.code),
      ['C50.411', 'R92.8'],
    );
    assert.equal(at(claim.diagnoses[1]?.range), '4:15-4:20');
    assert.equal(claim.lesions?.value, 3);
    assert.equal(claim.dos?.value, '2026-03-14');
    const [first, second] = claim.lines;
    assert.equal(first?.code.value, '19283');
    assert.equal(at(first?.code.range), '7:2-7:7');
    assert.deepEqual(
      first?.modifiers.map((m) => [m.value, at(m.range)]),
      [['RT', '7:8-7:10']],
    );
    assert.equal(first?.units?.value, 1);
    assert.equal(first?.charge?.value, 350);
    assert.deepEqual(
      first?.dxPointers.map((p) => [p.text, p.index]),
      [['A', 0]],
    );
    assert.equal(second?.units?.value, 2);
    assert.equal(at(second?.units?.range), '8:13-8:15');
    assert.equal(at(claim.range), '1:0-8:32');
  });

  it('makes lines before the first claim line one unnamed claim', () => {
    const model = parseClaimText('19283\n19284\nclaim B\n19285\n');
    assert.deepEqual(
      model.claims.map((c) => [c.id?.value, c.lines.map((l) => l.code.value)]),
      [
        [undefined, ['19283', '19284']],
        ['B', ['19285']],
      ],
    );
  });

  it('has no claim for a file of comments and blank lines', () => {
    assert.deepEqual(parseClaimText('# 19284\n\n   # 19283\n').claims, []);
  });

  it('reads keywords and keys case-insensitively and headers anywhere in a claim', () => {
    const model = parseClaimText('CLAIM A\n 19283 dx=A\n DX: C50.411\n Lesions: 1\n');
    assert.equal(model.claims[0]?.id?.value, 'A');
    assert.deepEqual(
      model.claims[0]?.diagnoses.map((d) => d.code),
      ['C50.411'],
    );
    assert.equal(model.claims[0]?.lesions?.value, 1);
  });

  it('reads modifiers joined and separate, units with a space, and line fields', () => {
    const [line] =
      parseClaimText('19283-RT 59 x 2 $1,200.00 dos=2026-03-14 lesions=2 pos=22 dx=1,2\n').claims[0]?.lines ?? [];
    assert.deepEqual(
      line?.modifiers.map((m) => m.value),
      ['RT', '59'],
    );
    assert.equal(line?.units?.value, 2);
    assert.equal(at(line?.units?.range), '0:12-0:15');
    assert.equal(line?.charge?.value, 1200);
    assert.equal(line?.dos?.value, '2026-03-14');
    assert.equal(line?.lesions?.value, 2);
    assert.equal(line?.pos?.value, '22');
    assert.deepEqual(
      line?.dxPointers.map((p) => p.index),
      [0, 1],
    );
  });

  it('keeps ranges right with CRLF and CR line ends', () => {
    for (const eol of ['\r\n', '\r']) {
      const model = parseClaimText(`claim A${eol}  19283 x1${eol}  19284 x2${eol}`);
      assert.equal(at(model.claims[0]?.lines[1]?.units?.range), '2:8-2:10', JSON.stringify(eol));
    }
  });

  it('starts a comment only at a # at line start or after white space', () => {
    const model = parseClaimText('claim CLM#1 # note 19284\n19283 #19284\n');
    assert.equal(model.claims[0]?.id?.value, 'CLM#1');
    assert.deepEqual(
      model.claims[0]?.lines.map((l) => l.code.value),
      ['19283'],
    );
  });

  it('gives the same model for the same text', () => {
    const text = 'claim A\n dx: C50.411\n 19283-RT x1 dx=A\n';
    assert.deepEqual(parseClaimText(text), parseClaimText(text));
  });

  it('parses the claim around a line exactly as the whole document does', () => {
    const text = '19283\n19284 dx=A\nclaim B\n dx: C50.411\n 19285 dx=A\n\n # note\nclaim C\n 19287 x2\n lesions: 2\n';
    const whole = parseClaimText(text);
    const document = TextDocument.create('file:///slice.claim', 'claim', 1, text);
    for (const [line, claimIndex] of [
      [0, 0],
      [1, 0],
      [2, 1],
      [4, 1],
      [6, 1],
      [8, 2],
      [9, 2],
    ] as const) {
      const slice = parseClaimAround(document, line);
      assert.equal(slice.claims.length, 1, `line ${line}`);
      assert.deepEqual(slice.claims[0], whole.claims[claimIndex], `line ${line}`);
    }
  });
});
