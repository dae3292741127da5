/**
 * The worker that does a data folder's first import: the server's own script
 * (here the compiled `main.js`) started as a worker fills the disk cache and
 * ends, writing nothing to the server's stdout; a worker that cannot start
 * settles too, so the server falls back to importing in its own thread.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fillCacheInWorker } from '../../../server/src/dataFiles/dataFolderWorker';
import { repoRoot } from '../../support/repoRoot';

const serverScript = path.join(repoRoot(), 'out', 'server', 'src', 'main.js');

describe('data folder worker', () => {
  it("runs the server's script as a worker that fills the cache, then ends", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'worker-folder-'));
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not data');
    const cacheFolder = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'worker-cache-')), 'reference-data');
    await fillCacheInWorker(serverScript, folder, cacheFolder).done;
    const entries = fs.readdirSync(cacheFolder);
    assert.equal(entries.length, 1, entries.join());
    assert.match(entries[0] ?? '', /^[0-9a-f]{64}\.members\.json$/);
  });

  it('settles when the worker cannot run its script', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'worker-missing-'));
    await fillCacheInWorker(path.join(folder, 'no-such-server-script.js'), folder, path.join(folder, 'cache')).done;
    assert.ok(!fs.existsSync(path.join(folder, 'cache')));
  });

  it('settles once stopped (a newer setting, or the server shutting down)', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'worker-stopped-'));
    const fill = fillCacheInWorker(serverScript, folder, path.join(folder, 'cache'));
    fill.stop();
    await fill.done;
  });
});
