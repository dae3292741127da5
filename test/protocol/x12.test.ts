/**
 * X12 837P files through the built server: the same diagnostics as `.claim`
 * files on exact elements, integrity rules, a quick fix applied over the
 * wire, hover on an SV1 code, document symbols, and a file recognised by its
 * ISA whatever its language id.
 */
import * as assert from 'node:assert/strict';
import {
  type CodeAction,
  DiagnosticSeverity,
  SymbolKind,
  type DocumentSymbol,
  DocumentSymbolRequest,
} from 'vscode-languageserver-protocol';
import { writeX12 } from '../../server/src/service';
import { editsFor, LspClient, newUri, stopAllClients } from '../support/server/lspClient';
import { x12Fixtures } from '../support/documents/x12Fixtures';
import { hoverText, messageOf, positionOf } from './claimTexts';

const loneAddOn = writeX12([
  {
    id: 'CLM-A',
    diagnoses: ['C50411'],
    dos: '2026-03-14',
    lines: [
      { code: '19283', modifiers: ['RT'], charge: 350 },
      { code: '19284', modifiers: ['RT'], charge: 400 },
    ],
  },
  { id: 'CLM-B', diagnoses: ['C50412'], dos: '2026-03-14', lines: [{ code: '19284', modifiers: ['LT'], charge: 400 }] },
]);

describe('protocol: X12 837P files', () => {
  let client: LspClient;

  before(async () => {
    client = await LspClient.start();
  });
  after(() => stopAllClients());

  for (const fixture of x12Fixtures()) {
    it(`${fixture.name}: publishes ${fixture.expected.join(', ') || 'nothing'}`, async () => {
      const uri = newUri('fixture').replace(/\.claim$/, `-${fixture.name}`);
      await client.open(uri, fixture.text, 1, 'x12');
      const published = await client.nextDiagnostics(uri, 1);
      assert.deepEqual(
        published.diagnostics.map((d) => d.code),
        fixture.expected,
      );
    });
  }

  it('reports the lone 19284 of the second CLM loop on its SV101-2 component, and fixes it', async () => {
    const uri = newUri('claims').replace(/\.claim$/, '.837');
    await client.open(uri, loneAddOn, 1, 'x12');
    const published = await client.nextDiagnostics(uri, 1);
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['addon-without-primary'],
    );
    const [diagnostic] = published.diagnostics;
    assert.ok(diagnostic);
    assert.equal(client.document(uri).getText(diagnostic.range), '19284');
    assert.ok(diagnostic.range.start.line > positionOf(loneAddOn, 'CLM*CLM-B').line);

    const actions = (await client.codeActions(uri, diagnostic.range, [diagnostic])) ?? [];
    const fix = actions.find(
      (action): action is CodeAction => 'title' in action && action.title.startsWith('Insert 19283'),
    );
    assert.ok(fix, 'an insert fix');
    const version = await client.applyEdits(uri, editsFor(fix.edit, uri));
    const after = await client.nextDiagnostics(uri, version);
    assert.deepEqual(after.diagnostics, []);
    assert.match(
      client.document(uri).getText(),
      /LX\*1~\nSV1\*HC:19283:LT\*0\*UN\*1\*\*\*1~\nDTP\*472\*D8\*20260314~\nLX\*2~\nSV1\*HC:19284:LT/,
    );
  });

  it('reads HI by qualifier: ICD-9-CM (BK, BF) before 2015-10-01 is clean, from that date it is flagged', async () => {
    const icd9 = (dos: string) =>
      writeX12([
        {
          id: 'CLM-9',
          diagnoses: ['C50411', 'R928'],
          dos,
          lines: [{ code: '19283', modifiers: ['RT'], charge: 350, pointers: [1, 2] }],
        },
      ]).replace('HI*ABK:C50411*ABF:R928', 'HI*BK:1749*BF:79380');
    const before = newUri('icd9').replace(/\.claim$/, '.837');
    await client.open(before, icd9('2014-06-02'), 1, 'x12');
    assert.deepEqual((await client.nextDiagnostics(before, 1)).diagnostics, []);

    const after = newUri('icd9-late').replace(/\.claim$/, '.837');
    await client.open(after, icd9('2016-01-04'), 1, 'x12');
    const published = (await client.nextDiagnostics(after, 1)).diagnostics;
    assert.deepEqual(
      published.map((d) => [d.code, client.document(after).getText(d.range)]),
      [
        ['x12-diagnosis-code', '1749'],
        ['x12-diagnosis-code', '79380'],
      ],
    );
    assert.ok(published[0]);
    assert.match(messageOf(published[0]), /ICD-9-CM code .* from 2015-10-01 on, diagnoses are coded in ICD-10-CM/);
  });

  it('reads a document as X12 by its ISA whatever its language id, with | and > separators on one line', async () => {
    const text = writeX12(
      [
        {
          id: 'CLM-1',
          diagnoses: ['C50411'],
          dos: '2026-03-14',
          lines: [
            { code: '19285', modifiers: ['RT'], charge: 300 },
            { code: '19284', modifiers: ['RT'], charge: 400 },
          ],
        },
      ],
      {
        oneLine: true,
        separators: { element: '|', component: '>' },
      },
    );
    const uri = newUri('oneline');
    await client.open(uri, text, 1, 'plaintext');
    const published = await client.nextDiagnostics(uri, 1);
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['addon-wrong-modality'],
    );
    assert.equal(published.diagnostics[0]?.range.start.line, 0);
  });

  it('reports integrity problems: CLM02 total and SE01 count', async () => {
    const broken = loneAddOn.replace('CLM*CLM-A*750*', 'CLM*CLM-A*700*').replace(/SE\*\d+\*/, 'SE*5*');
    const uri = newUri('integrity').replace(/\.claim$/, '.837');
    await client.open(uri, broken, 1, 'x12');
    const codes = (await client.nextDiagnostics(uri, 1)).diagnostics.map((d) => d.code);
    assert.deepEqual([...codes].sort(), ['addon-without-primary', 'x12-claim-total', 'x12-segment-count']);
  });

  it("reports the guide's structure: a claim without HI, on its CLM, in 837 words", async () => {
    const withoutHi = loneAddOn
      .replace('HI*ABK:C50412~\n', '')
      .replace(/SE\*(\d+)\*/, (_, n: string) => `SE*${Number(n) - 1}*`);
    assert.notEqual(withoutHi, loneAddOn);
    const uri = newUri('structure').replace(/\.claim$/, '.837');
    await client.open(uri, withoutHi, 1, 'x12');
    const structure = (await client.nextDiagnostics(uri, 1)).diagnostics.filter((d) => d.code === 'x12-required');
    assert.equal(structure.length, 1);
    assert.equal(structure[0]?.message, 'Loop 2300 Claim Information has no HI; the 837P requires it.');
    assert.equal(client.document(uri).getText(structure[0]?.range), 'CLM');
    assert.ok((structure[0]?.range.start.line ?? 0) === positionOf(withoutHi, 'CLM*CLM-B').line);
  });

  it('reports the envelope ids, a repeated ISA13, the HL chain, LX numbers and a date that does not exist, each on its element', async () => {
    const claimB = loneAddOn.indexOf('CLM*CLM-B');
    const broken =
      loneAddOn.slice(0, claimB).replace('GS*HC*', 'GS*HP*').replace('HL*3*1*22*0~', 'HL*4*1*22*0~') +
      loneAddOn.slice(claimB).replace('LX*1~', 'LX*2~').replace('DTP*472*D8*20260314~', 'DTP*472*D8*20261399~');
    // A second interchange with the first one's ISA13.
    const text = broken + loneAddOn;
    const uri = newUri('structure-all').replace(/\.claim$/, '.837');
    await client.open(uri, text, 1, 'x12');
    const diagnostics = (await client.nextDiagnostics(uri, 1)).diagnostics;
    const found = (ruleId: string) =>
      diagnostics.filter((d) => d.code === ruleId).map((d) => client.document(uri).getText(d.range));
    assert.deepEqual(found('x12-envelope-ids'), ['HP']);
    assert.deepEqual(found('x12-duplicate-interchange'), ['000000001']);
    assert.deepEqual(found('x12-hierarchy'), ['4']);
    assert.deepEqual(found('x12-line-number'), ['2']);
    assert.deepEqual(found('x12-element'), ['20261399']);
  });

  it('hovers on the procedure code in SV1 like in a .claim file', async () => {
    const uri = newUri('hover').replace(/\.claim$/, '.837');
    await client.open(uri, loneAddOn, 1, 'x12');
    const position = positionOf(loneAddOn, 'HC:19284', 4);
    const text = hoverText(await client.hover(uri, position));
    assert.match(text, /\+19284/);
    assert.match(text, /19283/);
  });

  it("outlines interchange, group, transaction and the guide's loops down to claims and service lines", async () => {
    const uri = newUri('outline').replace(/\.claim$/, '.837');
    await client.open(uri, loneAddOn, 1, 'x12');
    const symbols = (await client.request(DocumentSymbolRequest.type, { textDocument: { uri } })) as
      DocumentSymbol[] | null;
    const names = (list: readonly DocumentSymbol[] | undefined): string[] => (list ?? []).map((s) => s.name);
    const transaction = symbols?.[0]?.children?.[0]?.children?.[0];
    assert.ok(transaction, JSON.stringify(symbols));
    assert.deepEqual(names(transaction.children), [
      '1000A Submitter Name',
      '1000B Receiver Name',
      '2000A Billing Provider Hierarchical Level',
    ]);
    // Claims (Struct) stand under their subscriber's HL loop, as the guide nests them.
    const claimsIn = (list: readonly DocumentSymbol[]): DocumentSymbol[] =>
      list.flatMap((s) => (s.kind === SymbolKind.Struct ? [s] : claimsIn(s.children ?? [])));
    const claims = claimsIn(transaction.children ?? []);
    assert.deepEqual(
      claims.map((c) => c.name.includes('CLM-A') || c.name.includes('CLM-B')),
      [true, true],
    );
    assert.equal(names(claims[0]?.children).length, 2);
    assert.match(names(claims[1]?.children)[0] ?? '', /19284/);
  });

  it('tells an 837I once that it is not checked, and checks an 837P interchange after it in the same file', async () => {
    const institutional = loneAddOn.replace(/005010X222A1/g, '005010X223A2');
    const professional = loneAddOn.replace(/000000001/g, '000000002');
    const uri = newUri('mixed').replace(/\.claim$/, '.837');
    await client.open(uri, institutional + professional, 1, 'x12');
    const published = await client.nextDiagnostics(uri, 1);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.severity]),
      [
        ['x12-not-837p', DiagnosticSeverity.Warning],
        ['addon-without-primary', DiagnosticSeverity.Error],
      ],
    );
    const [refusal, finding] = published.diagnostics;
    assert.equal(client.document(uri).getText(refusal?.range), '005010X223A2');
    assert.match(typeof refusal?.message === 'string' ? refusal.message : '', /^This is an 837I institutional claim/);
    assert.match(String(refusal?.codeDescription?.href), /x12-not-837p\.md$/);
    assert.ok((finding?.range.start.line ?? 0) > positionOf(institutional + professional, 'IEA*1*000000001').line);
  });
});
