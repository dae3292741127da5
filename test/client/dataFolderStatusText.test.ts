/**
 * The data folder's status bar words: hidden without a folder, the latest
 * edition of each kind, loading and unreadable states, a tooltip naming
 * every file, and a payload that is not a status refused.
 */
import * as assert from 'node:assert/strict';
import { dataFolderStatusText, isDataFolderStatus } from '../../client/src/dataFolderStatusText';
import type { DataFolderStatus } from '../../shared/src/protocol';

const loaded: DataFolderStatus = {
  folder: '/data/cms',
  state: 'loaded',
  editions: [
    { kind: 'icd10cm', label: 'ICD-10-CM FY2025' },
    { kind: 'icd10cm', label: 'ICD-10-CM FY2026' },
    { kind: 'hcpcs', label: 'HCPCS 2026 Jan' },
    { kind: 'ptp', label: 'PTP 2026 Q3' },
  ],
  files: [
    { file: 'icd2026.zip/order.txt', kind: 'icd10cm', edition: 'ICD-10-CM FY2026', rows: 98186 },
    { file: 'notes.txt', problem: 'not a file this product reads.' },
  ],
};

describe('data folder status text', () => {
  it('names the latest edition of each kind, and every file in the tooltip', () => {
    const words = dataFolderStatusText(loaded);
    assert.equal(words.text, '$(database) ICD-10-CM FY2026 · HCPCS 2026 Jan · PTP 2026 Q3');
    assert.equal(words.warning, false, 'a file no importer reads is no warning');
    assert.match(words.tooltip, /Loaded: ICD-10-CM FY2025, ICD-10-CM FY2026, HCPCS 2026 Jan, PTP 2026 Q3\./);
    assert.match(words.tooltip, /• icd2026\.zip\/order\.txt: ICD-10-CM FY2026, 98,186 rows\n/);
    assert.match(words.tooltip, /• notes\.txt: not a file this product reads\./);
  });

  it('warns when a recognised file could not be used, or nothing loaded, or the folder is unreadable', () => {
    const broken = dataFolderStatusText({
      ...loaded,
      files: [{ file: 'ptp.zip/f1.txt', kind: 'ptp', problem: 'it could not be imported (RangeError).' }],
    });
    assert.equal(broken.warning, true);
    assert.match(broken.text, /^\$\(warning\) ICD-10-CM FY2026/);
    const empty = dataFolderStatusText({ ...loaded, editions: [], files: [] });
    assert.deepEqual([empty.text, empty.warning], ['$(warning) Reference data: none loaded', true]);
    const unreadable = dataFolderStatusText({
      folder: '/gone',
      state: 'unreadable',
      editions: [],
      files: [],
      problem: 'it does not exist.',
    });
    assert.equal(unreadable.text, '$(warning) Reference data: folder not read');
    assert.match(unreadable.tooltip, /Not read: it does not exist\./);
  });

  it('is hidden without a folder, and says it is loading while it is', () => {
    assert.equal(dataFolderStatusText({ folder: '', state: 'none', editions: [], files: [] }).visible, false);
    assert.equal(
      dataFolderStatusText({ folder: '/d', state: 'loading', editions: [], files: [] }).text,
      '$(sync~spin) Reference data: loading…',
    );
    assert.match(dataFolderStatusText({ ...loaded, state: 'loading' }).text, /PTP 2026 Q3 \(loading…\)$/);
  });

  it('cuts a long file list in the tooltip', () => {
    const files = Array.from({ length: 45 }, (_, i) => ({
      file: `f${i}.txt`,
      problem: 'not a file this product reads.',
    }));
    const tooltip = dataFolderStatusText({ ...loaded, files }).tooltip;
    assert.match(tooltip, /… and 5 more/);
    assert.ok(!tooltip.includes('f44.txt'));
  });

  it('checks what the server sent', () => {
    assert.ok(isDataFolderStatus(loaded));
    assert.ok(!isDataFolderStatus(null));
    assert.ok(!isDataFolderStatus({ ...loaded, state: 'gone' }));
    assert.ok(!isDataFolderStatus({ ...loaded, editions: ['ICD-10-CM FY2026'] }));
    assert.ok(!isDataFolderStatus({ ...loaded, files: [{ name: 'x' }] }));
  });
});
