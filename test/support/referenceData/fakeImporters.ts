/**
 * Small importers for the data folder's tests, in a format of our own: a
 * file whose first line is `FAKE <kind> <edition> <from-date>` followed by
 * one row per line. They count their calls, so a test can tell an import
 * from a load out of the cache.
 */
import type { FileImporter } from '../../../server/src/referenceData/fileImporter';
import type { MueTable, PtpEdits } from '../../../server/src/service';

export interface CallCounts {
  recognizes: number;
  import: number;
  serialize: number;
  deserialize: number;
}

/** The first line of a fake file: `FAKE mue 2026Q3 2026-07-01`. */
export function fakeFile(kind: 'mue' | 'ptp', edition: string, from: string, rows: readonly string[]): string {
  return [`FAKE ${kind} ${edition} ${from}`, ...rows].join('\n');
}

interface FakeShape {
  label: string;
  from: string;
  source: string;
  size: number;
}

function header(head: string): { kind: string; edition: string; from: string } | undefined {
  const match = /^FAKE (\S+) (\S+) (\S+)/.exec(head);
  return match ? { kind: match[1] ?? '', edition: match[2] ?? '', from: match[3] ?? '' } : undefined;
}

function mueTable(shape: FakeShape): MueTable {
  return {
    kind: 'mue',
    label: `MUE ${shape.label}`,
    applies: { from: shape.from },
    source: shape.source,
    size: shape.size,
    limit: () => undefined,
  };
}

function ptpTable(shape: FakeShape): PtpEdits {
  return {
    kind: 'ptp',
    label: `PTP ${shape.label}`,
    applies: { from: shape.from },
    source: shape.source,
    size: shape.size,
    edit: () => undefined,
  };
}

function fakeImporter<T extends MueTable | PtpEdits>(
  kind: T['kind'],
  make: (shape: FakeShape) => T,
  calls: CallCounts,
): FileImporter<T> {
  return {
    kind,
    recognizes(candidate) {
      calls.recognizes++;
      return header(candidate.head)?.kind === kind;
    },
    editionKey: (candidate) => header(candidate.head)?.edition ?? '',
    import(files) {
      calls.import++;
      let size = 0;
      const reports = files.map((file) => {
        const lines = Buffer.from(file.bytes)
          .toString('latin1')
          .split('\n')
          .slice(1)
          .filter((line) => line !== '');
        const bad = lines.filter((line) => line.startsWith('bad'));
        size += lines.length - bad.length;
        return bad.length > 0
          ? { file: file.name, rows: lines.length - bad.length, problem: `${bad.length} rows could not be read.` }
          : { file: file.name, rows: lines.length };
      });
      const first = header(Buffer.from(files[0]?.bytes ?? []).toString('latin1'));
      if (!first || size === 0) {
        return { reports };
      }
      return { table: make({ label: first.edition, from: first.from, source: files[0]?.name ?? '', size }), reports };
    },
    serialize(table) {
      calls.serialize++;
      const shape: FakeShape = {
        label: table.label.split(' ')[1] ?? '',
        from: table.applies.from ?? '',
        source: table.source,
        size: table.size,
      };
      return new Uint8Array(Buffer.from(JSON.stringify(shape)));
    },
    deserialize(bytes) {
      calls.deserialize++;
      return make(JSON.parse(Buffer.from(bytes).toString('utf8')) as FakeShape);
    },
  };
}

/** A fake MUE and a fake PTP importer sharing one call count. */
export function fakeImporters(): { importers: FileImporter[]; calls: CallCounts } {
  const calls: CallCounts = { recognizes: 0, import: 0, serialize: 0, deserialize: 0 };
  return {
    importers: [fakeImporter('mue', mueTable, calls), fakeImporter('ptp', ptpTable, calls)] as FileImporter[],
    calls,
  };
}
