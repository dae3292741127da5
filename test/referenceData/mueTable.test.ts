/**
 * The practitioner MUE importer on a fixture in the official CSV layout (a
 * quoted multi-line notice, a header whose first cell has a newline inside
 * its quotes, Latin-1, CRLF): recognition, the quarter from the file name,
 * values and adjudication indicators, bad rows by line, the cache round trip.
 */
import * as assert from 'node:assert/strict';
import { mueTableImporter } from '../../server/src/referenceData/importers/mueTable';
import { candidateOf, fixtureBytes, fixtureInZip, textBytes } from './importerFixtures';

const fixture = 'MCR_MUE_PractitionerServices_Eff_07-01-2026.csv';
const inZip = () => fixtureInZip('medicare-ncci-2026-q3-practitioner-services-mue-table.zip', fixture);

describe('practitioner MUE importer', () => {
  it('recognises the practitioner table by name or by its header, not the other MUE tables', () => {
    assert.equal(mueTableImporter.recognizes(candidateOf(inZip())), true);
    const head = candidateOf(inZip()).head;
    assert.equal(mueTableImporter.recognizes({ name: 'renamed.csv', head }), true);
    assert.equal(
      mueTableImporter.recognizes({
        name: 'MCR_MUE_DMESupplierServices_Eff_07-01-2026.csv',
        head: 'DME Supplier Services MUE Values',
      }),
      false,
    );
    assert.equal(
      mueTableImporter.recognizes({ name: 'MCR_MUE_PractitionerServices_Eff_07-01-2026.xlsx', head: '' }),
      false,
    );
  });

  it('labels the edition by the quarter of its effective date', () => {
    const { table } = mueTableImporter.import([inZip()]);
    assert.equal(table?.label, 'MUE 2026 Q3');
    assert.deepEqual(table?.applies, { from: '2026-07-01' });
    const april = mueTableImporter.import([
      { name: 'MCR_MUE_PractitionerServices_Eff_04-01-2025.csv', bytes: fixtureBytes(fixture) },
    ]);
    assert.equal(april.table?.label, 'MUE 2025 Q2');
    assert.deepEqual(april.table?.applies, { from: '2025-04-01' });
  });

  it('reads each code’s value, adjudication indicator digit and rationale past the multi-line header', () => {
    const { table } = mueTableImporter.import([inZip()]);
    assert.equal(table?.size, 5);
    assert.deepEqual(table?.limit('J9901'), {
      code: 'J9901',
      value: 16,
      indicator: 3,
      rationale: 'Prescribing Information',
    });
    assert.deepEqual(table?.limit('A9901'), {
      code: 'A9901',
      value: 1,
      indicator: 1,
      rationale: 'Nature of Service/Procedure',
    });
    assert.equal(table?.limit('G9901')?.value, 0, 'zero is a limit (not payable), not a missing value');
    assert.equal(table?.limit('G9901')?.indicator, 2);
    assert.equal(table?.limit('E9901')?.rationale, 'Nature of Equipment é', 'Latin-1 text');
    assert.equal(table?.limit('q9901')?.value, 5, 'codes in any case');
    assert.equal(table?.limit('J9902'), undefined);
  });

  it('reports the rows it could not read by line and uses the rest', () => {
    const { reports } = mueTableImporter.import([inZip()]);
    assert.deepEqual(reports, [
      {
        file: `medicare-ncci-2026-q3-practitioner-services-mue-table.zip/${fixture}`,
        kind: 'mue',
        edition: 'MUE 2026 Q3',
        rows: 5,
        problem: '3 lines not understood (line 13, 14, 15); they are left out.',
      },
    ]);
  });

  it('gives no table without the header, and says why', () => {
    const result = mueTableImporter.import([
      { name: fixture, bytes: textBytes('J9901,16,3 Date of Service Edit: Clinical,x\n') },
    ]);
    assert.equal(result.table, undefined);
    assert.match(result.reports[0]?.problem ?? '', /No header naming the HCPCS\/CPT code/);
  });

  it('loads from its cache bytes with the same answers', () => {
    const { table } = mueTableImporter.import([inZip()]);
    assert.ok(table);
    const loaded = mueTableImporter.deserialize(mueTableImporter.serialize(table));
    assert.equal(loaded.label, table.label);
    assert.deepEqual(loaded.applies, table.applies);
    assert.equal(loaded.size, table.size);
    for (const code of ['A9901', 'J9901', 'G9901', 'E9901', 'Q9901', 'J9902']) {
      assert.deepEqual(loaded.limit(code), table.limit(code), code);
    }
    assert.throws(() => mueTableImporter.deserialize(textBytes('nonsense')));
  });
});
