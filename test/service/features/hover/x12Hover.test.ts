/**
 * Hover in X12 837P files (issue 4): segment ids with their name and loop,
 * elements with their position and value, qualifiers with their meaning, the
 * procedure code and modifiers of SV1 as in `.claim` files, ICD-10-CM codes in
 * HI with their shape check and pointer number, one-line files with `|` and
 * `>` separators, and the places where no hover belongs.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver-types';
import { bundledCodes } from '../../../../server/src/service/reference/bundledCodes';
import { CodeReference } from '../../../../server/src/service/reference/codeReference';
import { bundledModifiers } from '../../../../server/src/service/reference/modifiers';
import { codeMarkdown } from '../../../../server/src/service/reference/codeDocs';
import { doX12Hover } from '../../../../server/src/service/features/hover/x12Hover';
import { parseX12Text } from '../../../../server/src/service/x12/x12ClaimParser';
import { type ClaimToWrite, writeX12, type X12WriteOptions } from '../../../../server/src/service/x12/x12Writer';
import { service, withCursor } from '../../../support/documents/claimDocuments';

const reference = new CodeReference({ codes: bundledCodes, modifiers: bundledModifiers });

const stereotactic: ClaimToWrite = {
  id: 'CLM-2026-0001',
  diagnoses: ['C50.411', 'R92.8'],
  dos: '2026-03-14',
  lines: [
    { code: '19283', modifiers: ['RT'], charge: 350 },
    { code: '19284', modifiers: ['RT'], charge: 400, units: 2, pointers: [1, 2], dos: '2026-03-14' },
  ],
};

const twoLines = writeX12([stereotactic]);

interface HoverAt {
  hover: Hover | null;
  /** The markdown; fails when there is no hover. */
  value: () => string;
  /** The text the hover range covers; fails when there is no hover or range. */
  covered: () => string;
}

/** Hover at `offset` characters into the first occurrence of `marker` in `text`. */
function hoverAt(text: string, marker: string, offset = 0): HoverAt {
  const at = text.indexOf(marker);
  assert.notEqual(at, -1, `${marker} is in the text`);
  const document = TextDocument.create('file:///test/claims.837', 'x12', 1, text);
  const hover = doX12Hover(parseX12Text(text), document.positionAt(at + offset), reference);
  return {
    hover,
    value: () => {
      assert.ok(hover, `expected a hover at ${marker} + ${offset}`);
      const contents = hover.contents;
      assert.ok(typeof contents === 'object' && 'kind' in contents, 'hover contents are MarkupContent');
      assert.equal(contents.kind, 'markdown');
      return contents.value;
    },
    covered: () => {
      assert.ok(hover?.range, 'hover has a range');
      return document.getText(hover.range);
    },
  };
}

describe('X12 hover', () => {
  describe('on a segment id', () => {
    it('names SV1 the professional service of Loop 2400 and lists its elements', () => {
      const at = hoverAt(twoLines, 'SV1*HC:19284', 1);
      assert.match(at.value(), /^\*\*SV1\*\* · Professional service/);
      assert.match(at.value(), /\*\*Loop:\*\* Loop 2400 · Service Line Number/);
      assert.match(at.value(), /- SV104 Units/);
      assert.match(
        at.value(),
        /- SV101 Composite medical procedure identifier \(-1 Product or service ID qualifier, -2 Procedure code, -3 Procedure modifier 1/,
      );
      assert.equal(at.covered(), 'SV1');
    });

    it('names CLM the claim information of Loop 2300', () => {
      const at = hoverAt(twoLines, 'CLM*');
      assert.match(at.value(), /^\*\*CLM\*\* · Claim information/);
      assert.match(at.value(), /Loop 2300 · Claim Information/);
      assert.match(at.value(), /- CLM02 Total claim charge amount/);
      assert.equal(at.covered(), 'CLM');
    });

    it('names HI the diagnosis codes and says SV107 points to them by position', () => {
      const at = hoverAt(twoLines, 'HI*', 1);
      assert.match(at.value(), /^\*\*HI\*\* · Health care diagnosis code/);
      assert.match(at.value(), /SV107: 1 is HI01/);
      assert.match(at.value(), /- HI02-HI12 the same composite as HI01/);
      assert.equal(at.covered(), 'HI');
    });

    it('names ISA the interchange header and shows the separators the file uses', () => {
      const at = hoverAt(twoLines, 'ISA');
      assert.match(at.value(), /^\*\*ISA\*\* · Interchange control header/);
      assert.match(at.value(), /- ISA11 Repetition separator/);
      assert.match(at.value(), /- ISA16 Component element separator/);
      assert.match(at.value(), /element `\*`, component `:`, repetition `\^`, segment terminator `~`/);
      assert.equal(at.covered(), 'ISA');
    });

    it('names the loop of an NM1 by its entity code: billing provider, subscriber, payer', () => {
      assert.match(hoverAt(twoLines, 'NM1*85').value(), /Loop 2010AA · Billing Provider Name/);
      assert.match(hoverAt(twoLines, 'NM1*IL').value(), /Loop 2010BA · Subscriber Name/);
      assert.match(hoverAt(twoLines, 'NM1*PR').value(), /Loop 2010BB · Payer Name/);
      assert.match(hoverAt(twoLines, 'NM1*41').value(), /Loop 1000A · Submitter Name/);
    });

    it('names the loops of a payer and provider nested under a claim and under a line, as the structure walk finds them', () => {
      const nested = twoLines
        .replace('LX*1~', 'NM1*82*1*RENDERING*PROVIDER****XX*1234567893~\nLX*1~')
        .replace(/(SV1\*HC:19284[^~]*~\n)/, '$1NM1*DK*1*ORDERING*PROVIDER~\n');
      assert.match(hoverAt(nested, 'NM1*82').value(), /Loop 2310B · Rendering Provider Name/);
      assert.match(hoverAt(nested, 'NM1*DK').value(), /Loop 2420E · Ordering Provider Name/);
    });

    it('names no 837P loop for a segment of a transaction that is not an 837P', () => {
      const institutional = twoLines.replace(/005010X222A1/g, '005010X223A2');
      const value = hoverAt(institutional, 'NM1*85').value();
      assert.match(value, /^\*\*NM1\*\* · Individual or organizational name/, 'the segment is still explained');
      assert.doesNotMatch(value, /Loop 2010AA/);
    });

    it('tells a claim date (DTP in 2300) from a line date (DTP after SV1, in 2400)', () => {
      // The writer dates lines only, as 005010X222A1 does; some files also carry a DTP in 2300.
      const claimDated = twoLines.replace('HI*', 'DTP*431*D8*20260301~\nHI*');
      const claimDate = claimDated.indexOf('DTP*431', claimDated.indexOf('CLM*'));
      const lineDate = claimDated.indexOf('DTP*472', claimDated.indexOf('SV1*HC:19284'));
      assert.ok(claimDate !== -1 && lineDate > claimDate);
      const atClaimDate = hoverAt(claimDated, 'DTP*431');
      assert.match(atClaimDate.value(), /Loop 2300 · Claim Information/);
      const afterLine = hoverAt(claimDated, claimDated.slice(lineDate - 5, lineDate + 3), 5);
      assert.equal(afterLine.covered(), 'DTP');
      assert.match(afterLine.value(), /Loop 2400 · Service Line Number/);
    });
  });

  describe('on an element', () => {
    it('gives SV104 its position, name, meaning and value', () => {
      const at = hoverAt(twoLines, 'SV1*HC:19284:RT*400*UN*2', 'SV1*HC:19284:RT*400*UN*'.length);
      assert.match(at.value(), /^\*\*SV104 · Units\*\*/);
      assert.match(at.value(), /units count lesions/);
      assert.match(at.value(), /Value: `2`/);
      assert.match(at.value(), /In SV1 \(Professional service\), Loop 2400 · Service Line Number/);
      assert.equal(at.covered(), '2');
    });

    it('gives CLM02 as the total charge that must equal the sum of SV102', () => {
      const at = hoverAt(twoLines, 'CLM*CLM-2026-0001*750', 'CLM*CLM-2026-0001*'.length + 1);
      assert.match(at.value(), /^\*\*CLM02 · Total claim charge amount\*\*/);
      assert.match(at.value(), /sum of the line charges \(SV102\)/);
      assert.match(at.value(), /Value: `750`/);
      assert.equal(at.covered(), '750');
    });

    it('gives ISA13 as the interchange control number IEA02 repeats, and ISA16 as the component separator', () => {
      const isa13 = hoverAt(twoLines, '*000000001*', 1);
      assert.match(isa13.value(), /^\*\*ISA13 · Interchange control number\*\*/);
      assert.match(isa13.value(), /IEA02 repeats it/);
      assert.equal(isa13.covered(), '000000001');
      const isa16 = hoverAt(twoLines, '*P*:~', 3);
      assert.match(isa16.value(), /^\*\*ISA16 · Component element separator\*\*/);
      assert.equal(isa16.covered(), ':');
    });

    it('gives SE01 as the segment count', () => {
      const at = hoverAt(twoLines, 'SE*', 3);
      assert.match(at.value(), /^\*\*SE01 · Number of included segments\*\*/);
      assert.match(at.value(), /ST and SE included/);
    });
  });

  describe('on a qualifier', () => {
    it('says HC in SV101-1 means HCPCS / CPT codes', () => {
      const at = hoverAt(twoLines, 'SV1*HC:19284', 4);
      assert.match(at.value(), /^\*\*HC\*\* · HCPCS codes: CPT \(HCPCS Level I\) and HCPCS Level II codes/);
      assert.match(at.value(), /\*\*SV101-1 · Product or service ID qualifier\*\*/);
      assert.equal(at.covered(), 'HC');
    });

    it('says 472 in DTP01 is the service date', () => {
      const at = hoverAt(twoLines, 'DTP*472', 5);
      assert.match(at.value(), /^\*\*472\*\* · Service date/);
      assert.match(at.value(), /DTP01 · Date \/ time qualifier/);
      assert.equal(at.covered(), '472');
    });

    it('says ABK in HI01-1 is the principal ICD-10-CM diagnosis and ABF another one', () => {
      const abk = hoverAt(twoLines, 'HI*ABK', 4);
      assert.match(abk.value(), /^\*\*ABK\*\* · Principal diagnosis, ICD-10-CM/);
      assert.match(abk.value(), /HI01-1 · Code list qualifier/);
      assert.equal(abk.covered(), 'ABK');
      assert.match(hoverAt(twoLines, 'ABF:', 1).value(), /^\*\*ABF\*\* · Other diagnosis, ICD-10-CM/);
    });

    it('says 85 in NM101 is the billing provider, and 22 in HL03 the subscriber', () => {
      const nm1 = hoverAt(twoLines, 'NM1*85', 4);
      assert.match(nm1.value(), /^\*\*85\*\* · Billing provider \(Loop 2010AA\)/);
      assert.match(nm1.value(), /NM101 · Entity identifier code/);
      assert.equal(nm1.covered(), '85');
      assert.match(hoverAt(twoLines, 'HL*2*1*22', 7).value(), /^\*\*22\*\* · Subscriber \(Loop 2000B\)/);
    });

    it('says an unknown qualifier is unknown and lists the known ones', () => {
      const text = twoLines.replace('SV1*HC:19284', 'SV1*ZZ:19284');
      const at = hoverAt(text, 'SV1*ZZ', 4);
      assert.match(at.value(), /^\*\*ZZ\*\* · not a value this extension knows for SV101-1/);
      assert.match(at.value(), /`HC` HCPCS codes/);
    });
  });

  describe('on the procedure code and modifiers in SV1', () => {
    it('gives 19284 the same code text as a .claim file: an add-on of 19283', () => {
      const at = hoverAt(twoLines, 'SV1*HC:19284', 9);
      const info = reference.code('19284');
      assert.ok(info);
      assert.ok(at.value().startsWith(codeMarkdown('19284', info, reference)), at.value());
      assert.match(at.value(), /report only with \*\*19283\*\*/);
      assert.match(at.value(), /SV101-2 · Procedure code in SV1/);
      assert.equal(at.covered(), '19284');
    });

    it('matches the .claim hover on the same code', () => {
      const { document, position } = withCursor('claim C1\n  dx: C50.411\n  1928|4-RT x2 dx=A');
      const claimHover = service.doHover(document, service.parse(document), position);
      const claimValue =
        claimHover && typeof claimHover.contents === 'object' && 'value' in claimHover.contents
          ? claimHover.contents.value
          : '';
      assert.notEqual(claimValue, '');
      assert.ok(hoverAt(twoLines, 'SV1*HC:19284', 9).value().startsWith(claimValue));
    });

    it('says a code no data knows is not in the reference data', () => {
      const text = twoLines.replace('SV1*HC:19283', 'SV1*HC:1928X');
      assert.match(hoverAt(text, '1928X').value(), /^\*\*1928X\*\* · not a valid code shape/);
    });

    it('gives a modifier its category and summary, like a .claim file', () => {
      const at = hoverAt(twoLines, 'SV1*HC:19284:RT', 13);
      assert.match(at.value(), /^\*\*Modifier RT\*\* · laterality\n\nRight side of the body/);
      assert.match(at.value(), /SV101-3 · Procedure modifier 1/);
      assert.equal(at.covered(), 'RT');
      const second = twoLines.replace('SV1*HC:19284:RT', 'SV1*HC:19284:RT:XS');
      assert.match(
        hoverAt(second, ':XS', 1).value(),
        /^\*\*Modifier XS\*\* · distinct service[\s\S]*SV101-4 · Procedure modifier 2/,
      );
    });
  });

  describe('on a diagnosis', () => {
    it('gives the principal ICD-10-CM code its shape check and pointer 1', () => {
      const at = hoverAt(twoLines, 'ABK:C50411', 4);
      assert.match(at.value(), /^\*\*C50411\*\* · ICD-10-CM principal diagnosis · pointer 1/);
      assert.match(
        at.value(),
        /A valid ICD-10-CM code shape \(`C50\.411` in text\), written without the decimal point as the 837 requires/,
      );
      assert.match(at.value(), /Diagnosis 1 of 2 in this claim's HI list: service lines point to it with `1` in SV107/);
      assert.equal(at.covered(), 'C50411');
    });

    it('numbers the second diagnosis 2', () => {
      const at = hoverAt(twoLines, 'ABF:R928', 5);
      assert.match(at.value(), /^\*\*R928\*\* · ICD-10-CM diagnosis · pointer 2/);
      assert.match(at.value(), /Diagnosis 2 of 2/);
    });

    it('counts diagnoses per claim: the second claim starts again at 1', () => {
      const text = writeX12([
        stereotactic,
        { id: 'CLM-2', diagnoses: ['N63.20', 'N63.21'], lines: [{ code: '19285', charge: 300 }] },
      ]);
      assert.match(hoverAt(text, 'ABF:N6321', 4).value(), /pointer 2[\s\S]*Diagnosis 2 of 2/);
      assert.match(hoverAt(text, 'ABK:N6320', 4).value(), /pointer 1[\s\S]*Diagnosis 1 of 2/);
    });

    it('flags a code written with its decimal point', () => {
      const text = twoLines.replace('ABF:R928', 'ABF:R92.8');
      const at = hoverAt(text, 'R92.8', 1);
      assert.match(
        at.value(),
        /\*\*Written with a decimal point\*\*: the 837 writes ICD-10-CM codes without it; write `R928`/,
      );
      assert.match(at.value(), /pointer 2/);
      assert.equal(at.covered(), 'R92.8');
    });

    it('flags a code that is not an ICD-10-CM shape', () => {
      const text = twoLines.replace('ABF:R928', 'ABF:9999');
      assert.match(hoverAt(text, 'ABF:9999', 5).value(), /\*\*Not an ICD-10-CM code shape\*\*/);
      assert.doesNotMatch(hoverAt(twoLines, 'ABF:R928', 5).value(), /Not an ICD-10-CM/);
    });

    it('reads an ICD-9-CM code by its qualifier: its role, its shape with the point after E and 3 digits, and the date', () => {
      const text = twoLines.replace('ABK:C50411*ABF:R928', 'BK:1749*BF:E8889*BR:1234567');
      const principal = hoverAt(text, 'BK:1749', 3).value();
      assert.match(principal, /^\*\*1749\*\* · ICD-9-CM principal diagnosis · pointer 1/);
      assert.match(principal, /A valid ICD-9-CM code shape \(`174\.9` in text\)/);
      assert.match(
        principal,
        /ICD-9-CM is for services before 2015-10-01; from that date on, diagnoses are coded in ICD-10-CM/,
      );
      assert.match(
        hoverAt(text, 'BF:E8889', 3).value(),
        /^\*\*E8889\*\* · ICD-9-CM diagnosis · pointer 2[\s\S]*`E888\.9` in text/,
      );
      assert.match(
        hoverAt(text, 'BR:1234567', 3).value(),
        /^\*\*1234567\*\* · ICD-9-CM patient's reason for visit · pointer 3[\s\S]*\*\*Not an ICD-9-CM code shape\*\*: 3 digits/,
      );
      assert.doesNotMatch(hoverAt(twoLines, 'ABK:C50411', 4).value(), /ICD-9-CM/);
    });

    it('gives no diagnosis hover to a code under a qualifier that is not a diagnosis (anesthesia BP)', () => {
      const text = twoLines.replace('ABK:C50411*ABF:R928', 'BP:00400*ABK:C50411');
      assert.doesNotMatch(hoverAt(text, 'BP:00400', 4).value(), /diagnosis ·|pointer/);
      assert.match(hoverAt(text, 'ABK:C50411', 4).value(), /pointer 1/);
    });

    it('shows what an SV107 pointer points to', () => {
      const at = hoverAt(twoLines, '***1:2~', 5);
      assert.match(at.value(), /^\*\*Diagnosis pointer 2\*\* → \*\*R928\*\*/);
      assert.equal(at.covered(), '2');
      const outside = twoLines.replace('***1:2~', '***1:3~');
      assert.match(hoverAt(outside, '***1:3~', 5).value(), /Points outside the claim's HI list: it has 2 diagnoses/);
    });
  });

  describe('in a one-line file with | and > separators', () => {
    const oneLine: X12WriteOptions = { separators: { element: '|', component: '>' }, oneLine: true };
    const text = writeX12(
      [
        {
          ...stereotactic,
          lines: [
            { code: '19285', charge: 300 },
            { code: '19284', modifiers: ['LT'], charge: 400, units: 2 },
          ],
        },
      ],
      oneLine,
    );

    it('is one line', () => {
      assert.equal(text.includes('\n'), false);
      assert.match(text, /SV1\|HC>19284>LT\|400\|UN\|2/);
    });

    it('gives the code hover on 19284 with its exact range', () => {
      const at = hoverAt(text, 'SV1|HC>19284', 9);
      assert.match(at.value(), /^\*\*\+19284\*\* · CPT Category I · add-on/);
      assert.equal(at.covered(), '19284');
      assert.equal(at.hover?.range?.start.line, 0);
    });

    it('gives elements, qualifiers, modifiers and segment ids', () => {
      assert.match(
        hoverAt(text, 'SV1|HC>19284>LT|400|UN|2', 'SV1|HC>19284>LT|400|UN|'.length).value(),
        /^\*\*SV104 · Units\*\*/,
      );
      assert.match(hoverAt(text, 'SV1|HC>19284', 4).value(), /^\*\*HC\*\* · HCPCS codes/);
      assert.match(hoverAt(text, 'SV1|HC>19284>LT', 14).value(), /^\*\*Modifier LT\*\* · laterality/);
      const id = hoverAt(text, 'SV1|HC>19284', 2);
      assert.match(id.value(), /^\*\*SV1\*\* · Professional service/);
      assert.equal(id.covered(), 'SV1');
      assert.match(hoverAt(text, 'ABK>C50411', 6).value(), /pointer 1/);
    });

    it('shows | and > as the separators on ISA', () => {
      assert.match(hoverAt(text, 'ISA').value(), /element `\|`, component `>`/);
    });

    it('gives no hover on a separator', () => {
      assert.equal(hoverAt(text, 'SV1|HC>19284', 3).hover, null, 'element separator');
      assert.equal(hoverAt(text, 'SV1|HC>19284', 6).hover, null, 'component separator');
    });
  });

  describe('where no hover belongs', () => {
    it('gives none on separators, terminators, empty elements and past the end of a line', () => {
      assert.equal(hoverAt(twoLines, 'SV1*HC', 3).hover, null, 'element separator');
      assert.equal(hoverAt(twoLines, 'HC:19284', 2).hover, null, 'component separator');
      assert.equal(hoverAt(twoLines, 'LX*1~', 4).hover, null, 'segment terminator');
      assert.equal(
        hoverAt(twoLines, 'CLM-2026-0001*750**', 18).hover,
        null,
        'between two separators: an empty element',
      );
      assert.equal(hoverAt(twoLines, 'LX*1~\n', 5).hover, null, 'the line end');
    });

    it('gives none at a position past the end of its line (not on the next line)', () => {
      const document = TextDocument.create('file:///test/claims.837', 'x12', 1, twoLines);
      const lx = document.positionAt(twoLines.indexOf('LX*1~'));
      assert.ok(doX12Hover(parseX12Text(twoLines), { line: lx.line, character: 3 }, reference), 'LX01 is hovered');
      assert.equal(doX12Hover(parseX12Text(twoLines), { line: lx.line, character: 8 }, reference), null);
    });

    it('gives none in whitespace between segments', () => {
      const text = twoLines.replace('LX*1~\n', 'LX*1~\n    \n');
      assert.equal(hoverAt(text, 'LX*1~\n    ', 8).hover, null);
      assert.ok(hoverAt(text, 'LX*1~\n    ', 3).hover, 'the LX element is still hovered');
    });

    it('gives none when the interchange cannot be read', () => {
      const text = 'ISA*00*truncated';
      assert.equal(hoverAt(text, 'ISA').hover, null);
    });
  });
});
