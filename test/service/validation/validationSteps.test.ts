/**
 * Validation in steps (`validateInSteps`), as the server runs it on a large
 * file a slice of claims at a time: it must give exactly what validating the
 * whole document gives, in both formats, first and after edits; report
 * progress that never goes back and ends at 100%; read no more claims in a
 * step than it may; and a run abandoned halfway must leave nothing behind.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { type DocumentValidator, getLanguageService, type ValidationProgress } from '../../../server/src/service';
import { defaultSettings } from '../../../server/src/service/settings';
import { writeClaimText } from '../../support/documents/claimBatch';
import { batchClaim, x12Batch } from '../../support/documents/x12Batch';
import { randomSource } from '../../support/randomSource';

const service = getLanguageService();
const settings = { ...defaultSettings, maxNumberOfProblems: 1e6 };

/**
 * `count` generated claims as .claim text, with comments that cut chunks in interesting places: some
 * claim lines have two ids (claim-id fires), some of those silenced by a disable-next-line comment above
 * them, which must go with the claim it silences; some claims silence a rule from their header on.
 */
function claimText(count: number): string {
  const claims = writeClaimText(Array.from({ length: count }, (_, n) => batchClaim(n))).split(/(?=^claim )/m);
  return claims
    .map((claim, n) => {
      if (n % 9 === 4) {
        return `# claim-lint-disable-next-line claim-id\n${claim.replace(/^claim (\S+)/, 'claim $1 SECOND')}`;
      }
      if (n % 9 === 7) {
        return claim.replace(/^claim (\S+)/, 'claim $1 SECOND');
      }
      return n % 13 === 6 ? claim.replace(/\n\n/, '\n  # claim-lint-disable addon-without-primary\n\n') : claim;
    })
    .join('');
}

const formats = [
  { name: '.claim', languageId: 'claim', uri: 'file:///steps/batch.claim', text: claimText(120), claims: 120 },
  { name: 'X12 837', languageId: 'x12', uri: 'file:///steps/batch.837', text: x12Batch(3, 40), claims: 120 },
];

function whole(document: TextDocument): Diagnostic[] {
  return service.doValidation(document, service.parse(document), settings);
}

interface Stepped {
  diagnostics: Diagnostic[];
  steps: ValidationProgress[];
}

function stepped(validator: DocumentValidator, document: TextDocument, claimsPerStep: number): Stepped {
  const run = validator.validateInSteps(document, settings, undefined, { claimsPerStep });
  const steps: ValidationProgress[] = [];
  for (;;) {
    const step = run.next();
    if (step.done === true) {
      return { diagnostics: step.value, steps };
    }
    steps.push(step.value);
  }
}

function assertProgress(steps: readonly ValidationProgress[], claimsPerStep: number): void {
  assert.ok(steps.length > 0, 'at least one step');
  steps.forEach((step, n) => {
    const before = steps[n - 1] ?? { fraction: 0, claimsRead: 0 };
    assert.ok(
      step.fraction >= before.fraction && step.fraction <= 1,
      `step ${n}: ${before.fraction} then ${step.fraction}`,
    );
    assert.ok(
      step.claimsRead - before.claimsRead <= claimsPerStep,
      `step ${n} read ${step.claimsRead - before.claimsRead} claims, more than ${claimsPerStep}`,
    );
  });
  assert.equal(steps[steps.length - 1]?.fraction, 1, 'the last step reports 100%');
}

/** A small deterministic pseudo-random sequence, so a failure can be replayed. */
for (const format of formats) {
  describe(`validation in steps, ${format.name}`, () => {
    const open = () => TextDocument.create(format.uri, format.languageId, 1, format.text);

    for (const claimsPerStep of [1, 7, 50]) {
      it(`gives the whole-document diagnostics in steps of ${claimsPerStep} claim(s), with progress rising to 100%`, () => {
        const document = open();
        const { diagnostics, steps } = stepped(service.createDocumentValidator(), document, claimsPerStep);
        assert.ok(diagnostics.length > 10, `the batch has planted problems (${diagnostics.length} found)`);
        assert.deepEqual(diagnostics, whole(document));
        assertProgress(steps, claimsPerStep);
        assert.ok(
          steps.length >= Math.ceil(format.claims / claimsPerStep),
          `${steps.length} steps for ${format.claims} claims`,
        );
        assert.equal(steps[steps.length - 1]?.claimsRead, format.claims, 'a first check reads every claim once');
      });
    }

    it('re-checks an edit in steps that read only the claim it touched', () => {
      const document = open();
      const validator = service.createDocumentValidator();
      stepped(validator, document, 10);
      const offset = document.getText().indexOf('19284', Math.floor(document.getText().length / 2));
      TextDocument.update(
        document,
        [{ range: { start: document.positionAt(offset), end: document.positionAt(offset + 5) }, text: '19285' }],
        2,
      );
      const { diagnostics, steps } = stepped(validator, document, 10);
      assert.deepEqual(diagnostics, whole(document));
      assertProgress(steps, 10);
      assert.ok(
        (steps[steps.length - 1]?.claimsRead ?? 99) <= 3,
        'an edit reads the claims around it, not a full slice: the server shows no progress for it',
      );
    });

    it('keeps nothing from a run abandoned halfway, and refuses to resume it', () => {
      const document = open();
      const validator = service.createDocumentValidator();
      stepped(validator, document, 10);
      const text = document.getText();
      const cut = text.indexOf('19283', Math.floor(text.length / 3));
      TextDocument.update(
        document,
        [{ range: { start: document.positionAt(cut), end: document.positionAt(cut + 5) }, text: '' }],
        2,
      );
      // A run over most of the file (new settings read everything), stopped after two steps.
      const abandoned = validator.validateInSteps(
        document,
        { ...settings, rules: { 'dx-pointer': 'hint' } },
        undefined,
        { claimsPerStep: 10 },
      );
      abandoned.next();
      abandoned.next();
      TextDocument.update(
        document,
        [
          {
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            text: format.languageId === 'x12' ? '' : '\n',
          },
        ],
        3,
      );
      assert.deepEqual(stepped(validator, document, 10).diagnostics, whole(document));
      assert.throws(() => abandoned.next(), /resumed after a later one started/);
    });

    it('gives the whole-document diagnostics after 60 random edits, with runs of random slices, some abandoned (seed 17)', () => {
      const random = randomSource(17);
      const document = open();
      const validator = service.createDocumentValidator();
      let finished = 0;
      for (let edit = 0; edit < 60; edit++) {
        const text = document.getText();
        // Edits after the first 110 characters, which hold an 837's ISA (its separators).
        const start = 110 + Math.floor(random() * (text.length - 110));
        const end = Math.min(text.length, start + Math.floor(random() * 40));
        const insert =
          ['', '\n', 'claim X\n', '  19284-RT x2 $1\n', '~', '*', 'CLM*N*1***11:B:1*Y*A*Y*Y~'][
            Math.floor(random() * 7)
          ] ?? '';
        TextDocument.update(
          document,
          [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, text: insert }],
          document.version + 1,
        );
        const claimsPerStep = 1 + Math.floor(random() * 30);
        if (random() < 0.3) {
          const run = validator.validateInSteps(document, settings, undefined, { claimsPerStep });
          run.next();
          continue;
        }
        const { diagnostics, steps } = stepped(validator, document, claimsPerStep);
        finished++;
        assertProgress(steps, claimsPerStep);
        assert.deepEqual(
          diagnostics,
          whole(document),
          `edit ${edit}: [${start}, ${end}) <- ${JSON.stringify(insert)}, ${claimsPerStep} per step`,
        );
      }
      assert.ok(finished > 30, `${finished} runs finished`);
    });
  });
}
