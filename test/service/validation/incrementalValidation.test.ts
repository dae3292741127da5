/**
 * The editor's validator reads again only the claims an edit touched. Its
 * diagnostics must be exactly those of validating the whole document, after
 * any edit: typing inside a line, adding and removing lines and claims,
 * joining claims, suppression comments, line-end styles.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../../server/src/service';
import { defaultSettings } from '../../../server/src/service/settings';
import { type ClaimToWrite, type LineToWrite, writeX12 } from '../../../server/src/service/x12/x12Writer';
import { repoRoot } from '../../support/repoRoot';
import { randomSource } from '../../support/randomSource';

const service = getLanguageService();
const example = fs.readFileSync(path.join(repoRoot(), 'examples', 'common-mistakes.claim'), 'utf8');

/** The example claims many times over, with ids made unique, and a suppression comment. */
function largeClaimText(copies: number): string {
  const parts: string[] = [];
  for (let n = 0; n < copies; n++) {
    parts.push(example.replace(/CLM-2026-(\d+)/g, (_, id: string) => `CLM-${n}-${id}`));
    if (n % 3 === 1) {
      parts.push(
        'claim CLM-SUPPRESSED\n  # claim-lint-disable addon-without-primary -- reviewed\n  19284-LT x1 $400.00\n  99213 x1 dx=Z\n',
      );
    }
  }
  return parts.join('\n');
}

/** A small deterministic pseudo-random sequence, so a failure can be replayed. */
const insertions = [
  'x',
  '9',
  '\n',
  '\n  19284-RT x2 $10\n',
  'claim CLM-NEW\n',
  '\nclaim CLM-INSERTED\n  dx: C50.411\n  19283-RT x1\n',
  '  # claim-lint-disable-next-line primary-units\n',
  ' x3',
  '-LT',
  '\r\n',
];

function wholeDocumentDiagnostics(document: TextDocument) {
  return service.doValidation(document, service.parse(document), { ...defaultSettings, maxNumberOfProblems: 1e6 });
}

describe('incremental validation of .claim files', () => {
  const settings = { ...defaultSettings, maxNumberOfProblems: 1e6 };

  it('gives the whole-document diagnostics after each of 300 random edits', () => {
    const random = randomSource(7);
    let document = TextDocument.create('file:///bench/edits.claim', 'claim', 1, largeClaimText(6));
    const validator = service.createDocumentValidator();
    assert.deepEqual(validator.validate(document, settings), wholeDocumentDiagnostics(document));
    for (let edit = 0; edit < 300; edit++) {
      const text = document.getText();
      const start = Math.floor(random() * (text.length + 1));
      const deleteLength = random() < 0.5 ? 0 : Math.floor(random() * (random() < 0.9 ? 12 : 400));
      const end = Math.min(text.length, start + deleteLength);
      const insert = random() < 0.3 ? '' : (insertions[Math.floor(random() * insertions.length)] ?? '');
      document = TextDocument.update(
        document,
        [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, text: insert }],
        document.version + 1,
      );
      assert.deepEqual(
        validator.validate(document, settings),
        wholeDocumentDiagnostics(document),
        `edit ${edit}: [${start}, ${end}) <- ${JSON.stringify(insert)}`,
      );
    }
  });

  it('reads only the claim a one-line edit is in', () => {
    let document = TextDocument.create('file:///bench/one-line.claim', 'claim', 1, largeClaimText(20));
    const validator = service.createDocumentValidator();
    validator.validate(document, settings);
    const claims = service.parse(document).claims.length;
    assert.equal(
      validator.lastClaimsRead,
      claims + 1,
      'the first call reads every claim (and the comment before the first)',
    );
    const line = document
      .getText()
      .split('\n')
      .findIndex((text, index) => index > 200 && text.startsWith('  19284-LT'));
    document = TextDocument.update(
      document,
      [{ range: { start: { line, character: 4 }, end: { line, character: 5 } }, text: '3' }],
      2,
    );
    const diagnostics = validator.validate(document, settings);
    assert.ok(validator.lastClaimsRead <= 3, `${validator.lastClaimsRead} claims read`);
    assert.deepEqual(diagnostics, wholeDocumentDiagnostics(document));
  });

  it('moves the findings of later claims when an edit adds lines', () => {
    let document = TextDocument.create('file:///bench/add-lines.claim', 'claim', 1, largeClaimText(4));
    const validator = service.createDocumentValidator();
    const before = validator.validate(document, settings);
    document = TextDocument.update(
      document,
      [
        {
          range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } },
          text: '  99213 x1\n  99214 x1\n',
        },
      ],
      2,
    );
    const after = validator.validate(document, settings);
    assert.ok(validator.lastClaimsRead <= 4);
    const last = (diagnostics: typeof before) => diagnostics[diagnostics.length - 1]?.range.start.line ?? -1;
    assert.equal(last(after), last(before) + 2);
    assert.deepEqual(after, wholeDocumentDiagnostics(document));
  });

  it('reads everything again when the settings change', () => {
    const document = TextDocument.create('file:///bench/settings.claim', 'claim', 1, largeClaimText(2));
    const validator = service.createDocumentValidator();
    validator.validate(document, settings);
    const quiet = { ...settings, rules: { 'addon-without-primary': 'off' as const } };
    const diagnostics = validator.validate(document, quiet);
    assert.ok(validator.lastClaimsRead > 1);
    assert.ok(!diagnostics.some((d) => d.code === 'addon-without-primary'));
    assert.deepEqual(diagnostics, service.doValidation(document, service.parse(document), quiet));
  });
});

/** An 837 of `count` claims, some with planted problems (a lone add-on, a lower-case code, a bad charge). */
function x12Text(count: number, oneLine: boolean): string {
  const claims: ClaimToWrite[] = [];
  for (let n = 0; n < count; n++) {
    const lines: LineToWrite[] = [
      ...(n % 4 === 0 ? [] : [{ code: '19283', modifiers: ['RT'], charge: 350 }]),
      { code: n % 5 === 0 ? '1928A' : '19284', modifiers: ['RT'], charge: 400, units: 1 + (n % 3) },
      { code: n % 6 === 0 ? '76098' : '99213', charge: 90 },
    ];
    claims.push({
      id: `CLM${n}`,
      diagnoses: ['C50411', 'R928'],
      dos: '2026-03-14',
      lines,
      ...(n % 7 === 0 ? { totalCharge: 1 } : {}),
    });
  }
  return writeX12(claims, { oneLine });
}

const x12Insertions = [
  '~',
  '*',
  ':',
  '9',
  'SV1*HC:19284:LT*400*UN*2***1~\n',
  'LX*9~\n',
  'CLM*CLMNEW*100***11:B:1*Y*A*Y*Y~\n',
  'HI*ABK:C50412~',
  'hc:19283',
  '\n',
  'x',
];

describe('incremental validation of X12 837 files', () => {
  const settings = { ...defaultSettings, maxNumberOfProblems: 1e6 };

  for (const oneLine of [false, true]) {
    it(`gives the whole-document diagnostics after each of 200 random edits (${oneLine ? 'one line' : 'a segment per line'})`, () => {
      const random = randomSource(oneLine ? 11 : 13);
      let document = TextDocument.create('file:///bench/edits.837', 'x12', 1, x12Text(40, oneLine));
      const validator = service.createDocumentValidator();
      assert.deepEqual(validator.validate(document, settings), wholeDocumentDiagnostics(document));
      for (let edit = 0; edit < 200; edit++) {
        const text = document.getText();
        // Edits after the ISA segment, which holds the separators.
        const start = 106 + Math.floor(random() * (text.length - 105));
        const end = Math.min(
          text.length,
          start + (random() < 0.5 ? 0 : Math.floor(random() * (random() < 0.9 ? 8 : 300))),
        );
        const insert = random() < 0.3 ? '' : (x12Insertions[Math.floor(random() * x12Insertions.length)] ?? '');
        document = TextDocument.update(
          document,
          [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, text: insert }],
          document.version + 1,
        );
        assert.deepEqual(
          validator.validate(document, settings),
          wholeDocumentDiagnostics(document),
          `edit ${edit}: [${start}, ${end}) <- ${JSON.stringify(insert)}`,
        );
      }
    });
  }

  it('gives the whole-document diagnostics after random edits that make transactions 837I, 835 or 837P again', () => {
    const random = randomSource(17);
    const identityEdits = [
      'SE*9*0001~\nST*837*0002*005010X223A2~\n',
      'SE*9*0001~\nST*835*0003*005010X221A1~\n',
      'SE*9*0001~\nST*837*0004*005010X222A1~\n',
      '005010X223A2',
      '005010X222A1',
      'IEA*1*000000001~\nISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *260314*1200*^*00501*000000001*0*P*:~\nGS*HC*A*B*20260314*1200*2*X*005010X224A2~\n',
    ];
    let document = TextDocument.create('file:///bench/kinds.837', 'x12', 1, x12Text(20, false));
    const validator = service.createDocumentValidator();
    for (let edit = 0; edit < 120; edit++) {
      const text = document.getText();
      const start = 106 + Math.floor(random() * (text.length - 105));
      const end = Math.min(text.length, start + (random() < 0.7 ? 0 : Math.floor(random() * 12)));
      const insert = identityEdits[Math.floor(random() * identityEdits.length)] ?? '';
      document = TextDocument.update(
        document,
        [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, text: insert }],
        document.version + 1,
      );
      assert.deepEqual(
        validator.validate(document, settings),
        wholeDocumentDiagnostics(document),
        `edit ${edit}: [${start}, ${end}) <- ${JSON.stringify(insert)}`,
      );
    }
    assert.ok(
      wholeDocumentDiagnostics(document).some((d) => d.code === 'x12-not-837p'),
      'some transactions refused',
    );
  });

  it('reads only the claim an edit is in, also when the file is one line', () => {
    for (const oneLine of [false, true]) {
      let document = TextDocument.create('file:///bench/one.837', 'x12', 1, x12Text(30, oneLine));
      const validator = service.createDocumentValidator();
      validator.validate(document, settings);
      assert.equal(validator.lastClaimsRead, 30);
      const offset = document.getText().indexOf('CLM*CLM17*') + 4;
      document = TextDocument.update(
        document,
        [{ range: { start: document.positionAt(offset), end: document.positionAt(offset) }, text: 'X' }],
        2,
      );
      const diagnostics = validator.validate(document, settings);
      assert.equal(validator.lastClaimsRead, 1);
      assert.deepEqual(diagnostics, wholeDocumentDiagnostics(document));
    }
  });

  it('gives the one problem of a file without ISA, like doValidation', () => {
    const document = TextDocument.create('file:///bench/no-isa.837', 'x12', 1, 'GS*HC~\nST*837*1~\n');
    const validator = service.createDocumentValidator();
    assert.deepEqual(validator.validate(document, settings), wholeDocumentDiagnostics(document));
    assert.equal(validator.validate(document, settings).length, 1);
  });
});
