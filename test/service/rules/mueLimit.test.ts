/**
 * The MUE rule with a loaded CMS MUE file: per line (indicator 1), absolute
 * per day (2, an error), clinical per day (3); silent without a file.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readMueFile } from '../../../server/src/service/reference/mueFile';
import { defaultSettings, getLanguageService } from '../../../server/src/service';
import { messageOf, validate } from '../../support/documents/claimDocuments';
import type { MueEntry } from '../../../server/src/service/reference/mueFile';
import { documentOf, officialData, type serviceWith } from '../../support/inMemoryOfficialData';

const mueCsv = [
  '"Copyright notice line"',
  '"HCPCS/CPT Code","Practitioner Services MUE Values","MUE Adjudication Indicator","MUE Rationale"',
  '"19284","2","3 Date of Service Edit: Clinical","Clinical: Data"',
  '"19283","1","2 Date of Service Edit: Policy","Anatomic Consideration"',
  '"76098","1","1 Line Edit","Nature of Service/Procedure"',
].join('\n');

const service = getLanguageService({ mue: readMueFile(mueCsv).entries });

function mueDiagnostics(text: string) {
  const document = TextDocument.create('file:///mue.claim', 'claim', 1, text);
  return service.doValidation(document, service.parse(document)).filter((d) => d.code === 'mue-limit');
}

describe('mue-limit', () => {
  it('is silent when no MUE file is loaded', () => {
    assert.deepEqual(
      validate('claim A\n dx: C50411\n 76098-RT x3 dx=A\n').filter((d) => d.code === 'mue-limit'),
      [],
    );
  });

  it('indicator 1: a per-line limit, suggesting another line with RT/LT for the other breast or XU/59 for another lesion, never XS', () => {
    const diagnostics = mueDiagnostics('claim A\n dx: C50.411\n 76098-RT x2 dx=A\n');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.severity, 2);
    assert.match(
      messageOf(diagnostics[0]),
      /per-line limit.*RT\/LT for the other breast, or XU or 59 for another lesion of the same breast/,
    );
    assert.doesNotMatch(messageOf(diagnostics[0]), /XS/);
    assert.deepEqual(mueDiagnostics('claim A\n dx: C50.411\n 76098-RT x1 dx=A\n 76098-LT x1 dx=A\n'), []);
  });

  it('indicator 2: an absolute per-day limit over all lines of the day, as an error', () => {
    const diagnostics = mueDiagnostics(
      'claim A\n dos: 2026-03-14\n dx: C50.411\n 19283-RT x1 dx=A\n 19283-LT x1 dx=A\n',
    );
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.severity, 1);
    assert.equal(diagnostics[0]?.range.start.line, 4);
    assert.match(messageOf(diagnostics[0]), /2 units on this date.*MUE is 1.*absolute/);
    assert.deepEqual(
      mueDiagnostics('claim A\n dx: C50.411\n 19283-RT x1 dx=A dos=2026-03-14\n 19283-LT x1 dx=A dos=2026-03-15\n'),
      [],
    );
  });

  it('indicator 3: a per-day clinical limit, as a warning that may be appealed', () => {
    const diagnostics = mueDiagnostics('claim A\n dx: C50.411\n 19283-RT x1 dx=A\n 19284-RT x3 dx=A\n');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.severity, 2);
    assert.match(messageOf(diagnostics[0]), /clinical.*appeal/);
  });

  it('leaves the severity to the user when they set one', () => {
    const document = TextDocument.create(
      'file:///mue.claim',
      'claim',
      1,
      'claim A\n dx: C50.411\n 19283-RT x1 dx=A\n 19283-LT x1 dx=A\n',
    );
    const diagnostics = service.doValidation(document, service.parse(document), {
      ...defaultSettings,
      maxNumberOfProblems: 100,
      rules: { 'mue-limit': 'hint' },
    });
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'mue-limit').map((d) => d.severity),
      [4],
    );
  });

  describe("with the data folder's MUE tables", () => {
    const q3 = { code: '19283', value: 1, indicator: 2 as const, rationale: 'Anatomic Consideration' };
    const q4 = { ...q3, value: 2 };
    const folder = {
      mueEditions: [
        { label: 'MUE 2026 Q3', applies: { from: '2026-07-01', to: '2026-09-30' }, entries: [q3] },
        { label: 'MUE 2026 Q4', applies: { from: '2026-10-01' }, entries: [q4] },
      ],
    };
    const twoUnits = (dos: string) => `claim A\n dos: ${dos}\n dx: C50.411\n 19283-RT x1 dx=A\n 19283-LT x1 dx=A\n`;
    const mueOf = (spec: Parameters<typeof serviceWith>[0], text: string, file?: ReadonlyMap<string, MueEntry>) => {
      const withData = getLanguageService({ officialData: officialData(spec), ...(file ? { mue: file } : {}) });
      const document = documentOf(text);
      return withData.doValidation(document, withData.parse(document)).filter((d) => d.code === 'mue-limit');
    };

    it("reads each line's limit from the quarter's edition of its date of service", () => {
      assert.equal(mueOf(folder, twoUnits('2026-08-14')).length, 1, 'Q3 allows 1 unit a day');
      assert.deepEqual(mueOf(folder, twoUnits('2026-10-14')), [], 'Q4 allows 2');
    });

    it('uses cptClaims.mueFile for the dates no edition of the folder covers, and the folder where one does', () => {
      const file = readMueFile(mueCsv).entries;
      const q4Only = { mueEditions: [{ label: 'MUE 2026 Q4', applies: { from: '2026-10-01' }, entries: [q4] }] };
      assert.equal(mueOf(q4Only, twoUnits('2026-03-14'), file).length, 1, "the file's limit of 1 before Q4");
      assert.deepEqual(mueOf(q4Only, twoUnits('2026-10-14'), file), [], "Q4's limit of 2 from its first day");
    });
  });
});
