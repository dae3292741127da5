/**
 * Finding and reading the workspace's claim files (issue 8, workspace
 * problems and references): the extensions package.json gives the languages,
 * hidden folders and node_modules skipped, linked folders never followed,
 * links leading out refused in an untrusted workspace, a named pipe neither
 * listed nor opened, the caps with a sentence saying why the walk stopped,
 * and the setting off unless it is `true`.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readFolderSettings } from '../../../server/src/settings/folderSettings';
import {
  claimFileExtensions,
  languageIdOf,
  listClaimFiles,
  readClaimFile,
} from '../../../server/src/workspace/workspaceFiles';
import { repoRoot } from '../../support/repoRoot';

interface ManifestSetting {
  default?: unknown;
  type?: string;
}

interface Manifest {
  contributes: {
    languages: Array<{ extensions: string[] }>;
    configuration: { properties: Record<string, ManifestSetting> };
  };
}

function write(root: string, relative: string, text = 'claim A\n'): string {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('workspace claim files', () => {
  let root: string;
  let outside: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-workspace-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-outside-'));
    for (const name of ['a.claim', 'b.837', 'c.x12', 'd.edi', 'E.CLAIM', 'nested/deeper/f.claim']) {
      write(root, name);
    }
    for (const name of [
      'notes.txt',
      'claim',
      'node_modules/pkg/g.claim',
      '.git/h.claim',
      '.hidden/i.837',
      'bower_components/j.edi',
    ]) {
      write(root, name);
    }
    write(outside, 'secret.claim');
    write(outside, 'folder/k.claim');
    fs.symlinkSync(path.join(outside, 'secret.claim'), path.join(root, 'link-out.claim'));
    fs.symlinkSync(path.join(root, 'a.claim'), path.join(root, 'link-in.claim'));
    fs.symlinkSync(path.join(outside, 'folder'), path.join(root, 'linked-folder'));
    // A loop of linked folders: never followed, so the walk ends.
    fs.symlinkSync(root, path.join(root, 'nested', 'loop'));
    execFileSync('mkfifo', [path.join(root, 'pipe.claim')]);
  });

  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const relative = (files: readonly string[]) => files.map((file) => path.relative(root, file));

  it('lists the files of both languages, in hidden and skipped folders none, and follows no linked folder', async () => {
    const listing = await listClaimFiles([root], { trusted: true });
    assert.deepEqual(relative(listing.files), [
      'E.CLAIM',
      'a.claim',
      'b.837',
      'c.x12',
      'd.edi',
      'link-in.claim',
      'link-out.claim',
      'nested/deeper/f.claim',
    ]);
    assert.equal(listing.truncated, undefined);
  });

  it('in an untrusted workspace leaves out a link leading out of the folders, and keeps one inside', async () => {
    const listing = await listClaimFiles([root], { trusted: false });
    assert.ok(relative(listing.files).includes('link-in.claim'));
    assert.ok(!relative(listing.files).includes('link-out.claim'));
  });

  it('lists a file once when workspace folders nest', async () => {
    const listing = await listClaimFiles([root, path.join(root, 'nested')], { trusted: true });
    assert.equal(listing.files.filter((file) => file.endsWith('f.claim')).length, 1);
  });

  it('stops at the file cap and at the entry cap, saying which', async () => {
    const fewFiles = await listClaimFiles([root], { trusted: true, maxFiles: 3 });
    assert.equal(fewFiles.files.length, 3);
    assert.match(fewFiles.truncated ?? '', /more than 3 claim files/);
    const fewEntries = await listClaimFiles([root], { trusted: true, maxEntries: 4 });
    assert.ok(fewEntries.files.length <= 4);
    assert.match(fewEntries.truncated ?? '', /stopped after 4 files and folders/);
  });

  it('gives no files for a folder that does not exist or a path no file system takes', async () => {
    assert.deepEqual((await listClaimFiles([path.join(root, 'missing')], { trusted: true })).files, []);
    assert.deepEqual((await listClaimFiles(['/tmp/a\0b'], { trusted: true })).files, []);
  });

  it('reads a claim file, and refuses a pipe without opening it, a file over the cap and bytes that are not text', async () => {
    assert.deepEqual(await readClaimFile(path.join(root, 'a.claim'), 1000), { ok: true, text: 'claim A\n' });
    const pipe = await readClaimFile(path.join(root, 'pipe.claim'), 1000);
    assert.equal(pipe.ok, false);
    assert.match(pipe.ok ? '' : pipe.reason, /named pipe/);
    const large = await readClaimFile(path.join(root, 'a.claim'), 4);
    assert.match(large.ok ? '' : large.reason, /larger than/);
    const binary = write(root, 'binary-bytes.bin', '');
    fs.writeFileSync(binary, Buffer.from([0x63, 0xff, 0xfe, 0x00, 0x80]));
    assert.equal((await readClaimFile(binary, 1000)).ok, false);
    assert.match(
      await readClaimFile(path.join(root, 'missing.claim'), 1000).then((r) => (r.ok ? '' : r.reason)),
      /does not exist/,
    );
  });

  it('refuses a link to a device or to a pipe without reading or waiting, and reads a link to a claim file', async () => {
    const zero = path.join(root, 'zero-link.claim');
    const toPipe = path.join(root, 'pipe-link.claim');
    fs.symlinkSync('/dev/zero', zero);
    fs.symlinkSync(path.join(root, 'pipe.claim'), toPipe);
    try {
      assert.deepEqual(await readClaimFile(zero, 1000), { ok: false, reason: 'it is a device, not a file.' });
      const pipe = await readClaimFile(toPipe, 1000);
      assert.match(pipe.ok ? '' : pipe.reason, /named pipe \(FIFO\)/);
      assert.deepEqual(await readClaimFile(path.join(root, 'link-in.claim'), 1000), { ok: true, text: 'claim A\n' });
    } finally {
      fs.rmSync(zero);
      fs.rmSync(toPipe);
    }
  });

  it('gives .claim files the claim language and the others X12', () => {
    assert.equal(languageIdOf('/w/a.claim'), 'claim');
    assert.equal(languageIdOf('/w/A.CLAIM'), 'claim');
    for (const name of ['/w/b.837', '/w/c.x12', '/w/d.EDI']) {
      assert.equal(languageIdOf(name), 'x12', name);
    }
  });

  it('looks for exactly the extensions package.json gives the claim languages', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as Manifest;
    assert.deepEqual(
      [...claimFileExtensions].sort(),
      manifest.contributes.languages.flatMap((language) => language.extensions).sort(),
    );
  });

  it('has workspace problems off unless the setting is true, as package.json declares', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as Manifest;
    const declared = manifest.contributes.configuration.properties['cptClaims.workspaceDiagnostics'];
    assert.equal(declared?.type, 'boolean');
    assert.equal(declared?.default, readFolderSettings(undefined).workspaceDiagnostics);
    assert.equal(readFolderSettings({ workspaceDiagnostics: true }).workspaceDiagnostics, true);
    for (const value of [false, 'true', 1, null, {}]) {
      assert.equal(
        readFolderSettings({ workspaceDiagnostics: value }).workspaceDiagnostics,
        false,
        JSON.stringify(value),
      );
    }
    assert.equal(
      readFolderSettings({ workspaceDiagnostics: true, maxNumberOfProblems: 5 }).claim.maxNumberOfProblems,
      5,
    );
  });
});
