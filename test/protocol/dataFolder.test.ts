/**
 * Over stdio, on the built server: `cptClaims.dataFolder` read in the
 * background and its status sent to a client that listens
 * (`cptClaims/dataFolderStatus`): loading, then what each file became; a
 * folder that cannot be read; no folder; a reload; and nothing for a client
 * that does not listen. The importers are not part of this build yet, so
 * every file is reported as not read (the unit tests load tables through
 * fake importers).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, pushClientCapabilities, type ReceivedMessage, stopAllClients } from '../support/server/lspClient';
import {
  dataFolderCapability,
  type DataFolderStatus,
  dataFolderStatusNotification,
  reloadDataRequest,
} from '../../shared/src/protocol';

const statusMethod = dataFolderStatusNotification.method;
const listening = () => ({ ...pushClientCapabilities(), experimental: { [dataFolderCapability]: true } });

function folderWithNotes(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-data-folder-'));
  fs.writeFileSync(path.join(folder, 'notes.txt'), 'Notes kept beside the downloads');
  fs.writeFileSync(path.join(folder, 'format.pdf'), '%PDF-1.4');
  return folder;
}

async function nextStatus(client: LspClient, state: DataFolderStatus['state']): Promise<DataFolderStatus> {
  const message = await client.nextMessage(
    (received: ReceivedMessage) =>
      received.method === statusMethod && (received.params as DataFolderStatus).state === state,
    `dataFolderStatus ${state}`,
  );
  return message.params as DataFolderStatus;
}

describe('protocol: data folder', () => {
  afterEach(() => stopAllClients());

  it('reads the folder the setting names and tells a listening client what became of each file', async () => {
    const folder = folderWithNotes();
    const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-cache-'));
    const client = await LspClient.start({
      capabilities: listening(),
      settings: { dataFolder: folder },
      initializationOptions: { cacheFolder },
    });
    assert.equal((await nextStatus(client, 'loading')).folder, folder);
    const loaded = await nextStatus(client, 'loaded');
    assert.deepEqual(loaded, {
      folder,
      state: 'loaded',
      editions: [],
      files: [{ file: 'notes.txt', problem: 'not a file this product reads.' }],
    });

    // The reload the status bar item runs reads the folder again.
    assert.equal(await client.requestWithoutParams(reloadDataRequest), null);
    await nextStatus(client, 'loading');
    await nextStatus(client, 'loaded');
  });

  it('follows the setting: a folder that cannot be read, then none', async () => {
    const client = await LspClient.start({ capabilities: listening(), settings: {} });
    const missing = path.join(folderWithNotes(), 'not-there');
    client.setSettings({ dataFolder: missing });
    await client.changeConfiguration(null);
    const unreadable = await nextStatus(client, 'unreadable');
    assert.deepEqual([unreadable.folder, unreadable.problem], [missing, 'it does not exist.']);

    client.setSettings({ dataFolder: 'relative/folder' });
    await client.changeConfiguration(null);
    assert.match((await nextStatus(client, 'unreadable')).problem ?? '', /not an absolute path/);

    client.setSettings({ dataFolder: '' });
    await client.changeConfiguration(null);
    assert.equal((await nextStatus(client, 'none')).folder, '');
  });

  it('sends nothing to a client that does not say it listens', async () => {
    const client = await LspClient.start({
      capabilities: pushClientCapabilities(),
      settings: { dataFolder: folderWithNotes() },
      initializationOptions: { cacheFolder: fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-cache-')) },
    });
    await client.expectNoMessage((message) => message.method === statusMethod, 'dataFolderStatus', 500);
  });
});
