/**
 * The server's data folder loader with fake importers and a recording
 * connection: a load runs in the background and hands its tables over once;
 * a newer setting makes an older load's result stale (it is never handed
 * over); unsetting the folder drops the tables; the log names files and
 * reasons, never a file's content; only a listening client is sent the status.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { DataFolderLoader } from '../../../server/src/dataFiles/dataFolderLoader';
import type { OfficialData } from '../../../server/src/service';
import { type DataFolderStatus, dataFolderCapability } from '../../../shared/src/protocol';
import { fakeFile, fakeImporters } from '../../support/referenceData/fakeImporters';

interface Recorded {
  log: string[];
  statuses: DataFolderStatus[];
}

function recordingConnection(): { connection: Connection; recorded: Recorded } {
  const recorded: Recorded = { log: [], statuses: [] };
  const line = (text: string) => recorded.log.push(text);
  const connection = {
    console: { info: line, warn: line, error: line, log: line },
    sendNotification: (_type: unknown, status: DataFolderStatus) => {
      recorded.statuses.push(status);
      return Promise.resolve();
    },
  } as unknown as Connection;
  return { connection, recorded };
}

function folderOf(edition: string, from: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'loader-'));
  fs.writeFileSync(path.join(folder, 'mue.txt'), fakeFile('mue', edition, from, ['secret-looking row']));
  fs.writeFileSync(path.join(folder, 'notes.txt'), 'private notes');
  return folder;
}

/** A loader whose loads resolve `loaded` with each hand-over. */
function loader(listening = true) {
  const { connection, recorded } = recordingConnection();
  const handed: OfficialData[] = [];
  let notify: () => void = () => undefined;
  const nextHandOver = () => new Promise<void>((resolve) => (notify = resolve));
  const instance = new DataFolderLoader(
    connection,
    (data) => {
      handed.push(data);
      notify();
    },
    { importers: fakeImporters().importers },
  );
  const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'loader-cache-'));
  instance.initialize({ experimental: listening ? { [dataFolderCapability]: true } : {} }, cacheFolder);
  return { instance, recorded, handed, nextHandOver };
}

describe('data folder loader', () => {
  it('loads in the background, hands the tables over, and tells a listening client', async () => {
    const { instance, recorded, handed, nextHandOver } = loader();
    const folder = folderOf('2026Q3', '2026-07-01');
    const handedOver = nextHandOver();
    instance.configure(folder);
    assert.equal(handed.length, 0, 'nothing is handed over before the load has run');
    assert.deepEqual(
      recorded.statuses.map((status) => status.state),
      ['loading'],
    );
    await handedOver;
    assert.deepEqual(
      handed[0]?.mue.map((table) => table.label),
      ['MUE 2026Q3'],
    );
    assert.deepEqual(instance.status.editions, [{ kind: 'mue', label: 'MUE 2026Q3' }]);
    assert.deepEqual(
      recorded.statuses.map((status) => status.state),
      ['loading', 'loaded'],
    );
    assert.ok(recorded.log.some((line) => line.includes('notes.txt: not a file this product reads.')));
    assert.ok(!recorded.log.some((line) => /secret|private/.test(line)), recorded.log.join('\n'));

    // The same value again loads nothing; a reload does.
    instance.configure(folder);
    assert.equal(recorded.statuses.length, 2);
    const reloaded = nextHandOver();
    instance.configure(folder, true);
    await reloaded;
    assert.equal(handed.length, 2);
  });

  it('never hands over a load a newer setting made stale', async () => {
    const { instance, handed, nextHandOver } = loader();
    const handedOver = nextHandOver();
    instance.configure(folderOf('OLD', '2025-01-01'));
    instance.configure(folderOf('NEW', '2026-01-01'));
    await handedOver;
    // Let the stale load reach its next step, where it stops.
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.deepEqual(
      handed.map((data) => data.mue.map((table) => table.label)),
      [['MUE NEW']],
    );
  });

  it('drops the tables when the folder is unset or cannot be read', async () => {
    const { instance, recorded, handed, nextHandOver } = loader();
    const handedOver = nextHandOver();
    instance.configure(folderOf('2026Q3', '2026-07-01'));
    await handedOver;
    instance.configure('');
    assert.equal(handed.length, 2);
    assert.deepEqual(handed[1]?.mue, []);
    assert.equal(recorded.statuses.at(-1)?.state, 'none');
    // Nothing is held now, so a folder that cannot be read has nothing to drop.
    instance.configure('relative/path');
    assert.equal(handed.length, 2);
    assert.equal(recorded.statuses.at(-1)?.state, 'unreadable');
  });

  it('sends nothing to a client that does not listen', async () => {
    const { instance, recorded, nextHandOver } = loader(false);
    const handedOver = nextHandOver();
    instance.configure(folderOf('2026Q3', '2026-07-01'));
    await handedOver;
    assert.deepEqual(recorded.statuses, []);
    assert.equal(instance.status.state, 'loaded');
  });
});
