/**
 * Hostile values of the data file settings (`cptClaims.descriptorFiles`,
 * `cptClaims.mueFile`), driving the built server over stdio: huge, binary,
 * a folder, a named pipe, devices, links to them, missing, unreadable, a NUL
 * in the path, an absurd length, values that are not paths, a file of junk
 * rows, and files outside an untrusted workspace. For each the server says
 * once, naming the setting and the file, why it is not used and that the
 * bundled data is used instead; hover still shows the bundled summary,
 * diagnostics still arrive, and every request is answered (each wait is
 * bounded, so a hang fails the test).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageType, type ShowMessageParams } from 'vscode-languageserver-protocol';
import { maxDataFileBytes } from '../../shared/src/dataFileReader';
import { workspaceTrustedNotification } from '../../shared/src/protocol';
import {
  LspClient,
  newUri,
  pushClientCapabilities,
  type ReceivedMessage,
  serverScript,
  stopAllClients,
} from '../support/server/lspClient';
import { hoverText, positionOf } from './claimTexts';

/** An add-on without its primary: one diagnostic from the bundled data, and a code whose hover is the bundled summary. */
const claim = '19284-RT\n';
const bundledSummary = /our own words/;
const mueHeader =
  '"Copyright line"\n"HCPCS/CPT Code","Practitioner Services MUE Values","MUE Adjudication Indicator","MUE Rationale"\n';
const seed = 20261125;

/** Deterministic bytes (mulberry32), so a failure can be replayed. */
function randomBytes(count: number, seedValue: number): Buffer {
  let state = seedValue;
  const bytes = Buffer.alloc(count);
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    bytes[i] = ((t ^ (t >>> 14)) >>> 0) % 256;
  }
  // At least one NUL whatever the seed gives.
  bytes[count >> 1] = 0;
  return bytes;
}

function isWarningShown(message: ReceivedMessage, text: RegExp): boolean {
  const params = message.params as ShowMessageParams;
  return message.method === 'window/showMessage' && params.type === MessageType.Warning && text.test(params.message);
}

/** How many log lines and shown warnings match. */
function countMessages(client: LspClient, text: RegExp): { logged: number; shown: number } {
  const matching = (method: string) =>
    client.received.filter((m) => m.method === method && text.test((m.params as ShowMessageParams).message)).length;
  return { logged: matching('window/logMessage'), shown: matching('window/showMessage') };
}

/** The regular expression for one report: the file (by a fragment of its path), its setting, the reason, and the fallback. */
function reportOf(fileFragment: string, setting: 'descriptorFiles' | 'mueFile', reason: RegExp): RegExp {
  const escaped = fileFragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `${escaped}[^"]*\\(cptClaims\\.${setting}\\) is not used: ${reason.source}.*The bundled data is used instead`,
  );
}

/**
 * Opens the claim, then checks: diagnostics arrive, hover shows the bundled
 * summary, each expected report is logged and shown once, and after an edit
 * (diagnostics and hover again) none is repeated.
 */
async function assertBundledDataStillWorks(client: LspClient, reports: readonly RegExp[]): Promise<void> {
  const uri = newUri('hostile');
  await client.open(uri, claim);
  assert.deepEqual(
    (await client.nextDiagnostics(uri, 1)).diagnostics.map((d) => d.code),
    ['addon-without-primary'],
  );
  assert.match(hoverText(await client.hover(uri, positionOf(claim, '19284', 2))), bundledSummary);
  for (const report of reports) {
    await client.nextMessage((message) => isWarningShown(message, report), `a shown warning matching ${report.source}`);
  }
  const version = await client.change(uri, [
    { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '99417\n' },
  ]);
  assert.deepEqual(
    (await client.nextDiagnostics(uri, version)).diagnostics.map((d) => d.code),
    ['addon-without-primary', 'addon-without-primary'],
  );
  assert.match(hoverText(await client.hover(uri, positionOf(claim, '19284', 2))), bundledSummary);
  for (const report of reports) {
    assert.deepEqual(countMessages(client, report), { logged: 1, shown: 1 }, `${report.source}\n${client.logText()}`);
  }
}

describe('protocol: hostile data file settings', () => {
  let dir: string;

  before(() => console.log(`    hostile data files: random bytes from seed ${seed}`));
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-claims-hostile-'));
  });
  afterEach(async () => {
    await stopAllClients();
    fs.chmodSync(dir, 0o700);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Each hostile path, used as a descriptor file and as the MUE file at once: each report names its own setting. */
  const hostilePaths: Array<{
    name: string;
    make: (dir: string) => string;
    reason: RegExp | { descriptor: RegExp; mue: RegExp };
  }> = [
    {
      name: 'a sparse 8 GB file',
      make: (d) => {
        const file = path.join(d, 'huge.csv');
        fs.writeFileSync(file, '');
        fs.truncateSync(file, 8 * 1024 ** 3);
        return file;
      },
      reason: new RegExp(
        `it is 8,589,934,592 bytes, more than the ${maxDataFileBytes / 1024 / 1024} MB \\(16,777,216 bytes\\) a data file may be\\.`,
      ),
    },
    {
      name: 'a file one byte over the cap',
      make: (d) => {
        const file = path.join(d, 'over.csv');
        fs.writeFileSync(file, '');
        fs.truncateSync(file, maxDataFileBytes + 1);
        return file;
      },
      reason: /it is 16,777,217 bytes, more than the 16 MB/,
    },
    {
      name: 'random bytes with NULs',
      make: (d) => write(d, 'random.csv', randomBytes(65536, seed)),
      reason: /it is not a text file/,
    },
    {
      name: 'a valid first row, then binary',
      make: (d) =>
        write(
          d,
          'row-then-binary.csv',
          Buffer.concat([
            Buffer.from(`${mueHeader}"19284","1","2 Policy","x"\n19284,LOOKS FINE\n`),
            randomBytes(4096, seed + 1),
          ]),
        ),
      reason: /it is not a text file/,
    },
    {
      name: 'UTF-8 text holding NULs',
      make: (d) => write(d, 'nul.csv', Buffer.from('19284,LOOKS FINE\n\0\0\0\n')),
      reason: /it is not a text file: it holds NUL bytes/,
    },
    {
      name: 'Latin-1 text',
      make: (d) => write(d, 'latin1.csv', Buffer.from('19284,caf\xe9\n', 'latin1')),
      reason: /it is not a text file: it is not valid UTF-8/,
    },
    {
      name: 'a text file of junk rows only',
      make: (d) => write(d, 'junk-only.csv', Buffer.from('not,a,data,file\n'.repeat(1000))),
      reason: {
        descriptor: /it holds no rows of a code and its descriptor \(the problems are listed on the file\)\./,
        mue: /it holds no usable MUE rows/,
      },
    },
    { name: 'a folder', make: (d) => d, reason: /it is a folder, not a file/ },
    { name: 'a named pipe (FIFO)', make: (d) => fifo(d), reason: /it is a named pipe \(FIFO\), not a file/ },
    { name: '/dev/zero', make: () => '/dev/zero', reason: /it is a device, not a file/ },
    { name: '/dev/urandom', make: () => '/dev/urandom', reason: /it is a device, not a file/ },
    {
      name: 'a link to /dev/zero',
      make: (d) => link(d, '/dev/zero', 'zero-link.csv'),
      reason: /it is a device, not a file/,
    },
    { name: 'a link to a FIFO', make: (d) => link(d, fifo(d), 'fifo-link.csv'), reason: /it is a named pipe/ },
    {
      name: 'a dangling link',
      make: (d) => link(d, path.join(d, 'gone.csv'), 'dangling.csv'),
      reason: /it does not exist/,
    },
    {
      name: 'a loop of links',
      make: (d) => {
        fs.symlinkSync(path.join(d, 'loop-b.csv'), path.join(d, 'loop-a.csv'));
        return link(d, path.join(d, 'loop-a.csv'), 'loop-b.csv');
      },
      reason: /its path runs in a loop of symbolic links/,
    },
    {
      name: 'a path that does not exist',
      make: (d) => path.join(d, 'nope', 'missing.csv'),
      reason: /it does not exist/,
    },
    {
      name: 'a path through a file',
      make: (d) => path.join(write(d, 'plain.csv', Buffer.from('x')), 'inner.csv'),
      reason: /a part of its path is a file, not a folder/,
    },
    {
      name: 'a path with a NUL byte',
      make: (d) => path.join(d, 'bad\0name.csv'),
      reason: /its path holds a NUL character/,
    },
    {
      name: 'a path of 100,000 characters',
      make: (d) => path.join(d, 'x'.repeat(100_000)),
      reason: /its path is 100\d{3} characters long/,
    },
    {
      name: 'a path of 300 characters in one name',
      make: (d) => path.join(d, `${'y'.repeat(300)}.csv`),
      reason: /its path is too long for the file system/,
    },
  ];

  for (const { name, make, reason } of hostilePaths) {
    it(`${name}: says so once for each setting, and the bundled data keeps working`, async () => {
      const file = make(dir);
      const client = await LspClient.start({
        capabilities: pushClientCapabilities(),
        settings: { descriptorFiles: [file], mueFile: file },
      });
      const shown = file.length > 200 ? file.slice(0, 100) : file.replace(/\0/g, '\\x00');
      const reasons = reason instanceof RegExp ? { descriptor: reason, mue: reason } : reason;
      await assertBundledDataStillWorks(client, [
        reportOf(shown, 'descriptorFiles', reasons.descriptor),
        reportOf(shown, 'mueFile', reasons.mue),
      ]);
    });
  }

  it('setting values that are not paths: each named, ignored, the paths among them still read', async () => {
    const good = write(dir, 'org-cpt.csv', Buffer.from('19284,LICENSED TEXT\n'));
    const client = await LspClient.start({
      settings: { descriptorFiles: [42, good, { path: good }, null, [good], true], mueFile: { file: good } },
    });
    const uri = newUri('not-paths');
    await client.open(uri, claim);
    await client.nextDiagnostics(uri, 1);
    assert.match(hoverText(await client.hover(uri, positionOf(claim, '19284', 2))), /LICENSED TEXT/);
    const expected = [
      /cptClaims\.descriptorFiles\[0\] is a number, not a path; it is ignored\. The bundled data is used instead\./,
      /cptClaims\.descriptorFiles\[2\] is an object, not a path/,
      /cptClaims\.descriptorFiles\[3\] is null, not a path/,
      /cptClaims\.descriptorFiles\[4\] is a list, not a path/,
      /cptClaims\.descriptorFiles\[5\] is a boolean, not a path/,
      /cptClaims\.mueFile is an object, not a path; it is ignored/,
    ];
    for (const report of expected) {
      await client.nextMessage((message) => isWarningShown(message, report), report.source);
    }
    await client.hover(uri, positionOf(claim, '19284', 2));
    expected.forEach((report) =>
      assert.deepEqual(countMessages(client, report), { logged: 1, shown: 1 }, report.source),
    );
  });

  it('a setting of the wrong type altogether: named and ignored', async () => {
    const client = await LspClient.start({ settings: { descriptorFiles: 'org-cpt.csv', mueFile: 7 } });
    await assertBundledDataStillWorks(client, [
      /cptClaims\.descriptorFiles is a string, not a list of paths; it is ignored\. The bundled data/,
      /cptClaims\.mueFile is a number, not a path/,
    ]);
  });

  it('200,000 junk rows: the good rows are used, at most 100 problems listed and one saying how many', async () => {
    const junk = 'not-a-code,junk\n'.repeat(200_000);
    const descriptors = write(dir, 'junk-cpt.csv', Buffer.from(`code,descriptor\n19284,LICENSED TEXT\n${junk}`));
    const mue = write(dir, 'junk-mue.csv', Buffer.from(`${mueHeader}"19284","0","2 Policy","x"\n${junk}`));
    const client = await LspClient.start({ settings: { descriptorFiles: [descriptors], mueFile: mue } });
    const uri = newUri('junk');
    await client.open(uri, claim);
    assert.deepEqual(
      (await client.nextDiagnostics(uri, 1)).diagnostics.map((d) => d.code),
      ['addon-without-primary', 'mue-limit'],
    );
    assert.match(hoverText(await client.hover(uri, positionOf(claim, '19284', 2))), /LICENSED TEXT/);
    for (const file of [descriptors, mue]) {
      const { diagnostics } = await client.nextDiagnostics(pathToFileURL(file).toString());
      assert.equal(diagnostics.length, 101);
      assert.equal(diagnostics[100]?.message, '200000 rows have problems; only the first 100 are listed.');
    }
    const rowLines = client.received.filter(
      (m) => m.method === 'window/logMessage' && / line \d+: /.test((m.params as ShowMessageParams).message),
    );
    assert.equal(rowLines.length, 100, 'at most 50 row lines logged per file');
    assert.match(client.logText(), /Read 1 descriptors from .*junk-cpt\.csv\. 200000 rows were skipped; the first 50:/);
  });

  it('an unreadable file and folder: permission denied, as a user who may not read them', async function () {
    const user = unprivilegedUser();
    if (user === 'unavailable') {
      this.skip();
    }
    fs.chmodSync(dir, 0o755);
    const readable = write(dir, 'readable.csv', Buffer.from('19284,READABLE TEXT\n'));
    const locked = write(dir, 'locked.csv', Buffer.from('19284,SECRET TEXT\n'));
    fs.chmodSync(readable, 0o644);
    fs.chmodSync(locked, 0o000);
    const lockedFolder = path.join(dir, 'locked-folder');
    fs.mkdirSync(lockedFolder);
    const mue = write(lockedFolder, 'mue.csv', Buffer.from(`${mueHeader}"19284","0","2 Policy","x"\n`));
    fs.chmodSync(lockedFolder, 0o000);
    const client = await LspClient.start({
      settings: { descriptorFiles: [locked, readable], mueFile: mue },
      ...(user ? { user } : {}),
    });
    const uri = newUri('unreadable');
    await client.open(uri, claim);
    assert.deepEqual(
      (await client.nextDiagnostics(uri, 1)).diagnostics.map((d) => d.code),
      ['addon-without-primary'],
    );
    // The readable file is read by the same server: only the locked ones are refused.
    assert.match(hoverText(await client.hover(uri, positionOf(claim, '19284', 2))), /READABLE TEXT/);
    for (const report of [
      reportOf(locked, 'descriptorFiles', /the server is not allowed to read it \(permission denied\)/),
      reportOf(mue, 'mueFile', /the server is not allowed to read it/),
    ]) {
      await client.nextMessage((message) => isWarningShown(message, report), report.source);
    }
    assert.doesNotMatch(client.logText(), /SECRET TEXT/);
  });

  describe('an untrusted workspace', () => {
    it('reads no file outside the workspace folders (a link out of the workspace included) until trust is granted', async () => {
      const workspace = path.join(dir, 'workspace');
      fs.mkdirSync(workspace);
      const outside = write(dir, 'outside-cpt.csv', Buffer.from('19284,OUTSIDE TEXT\n'));
      const outsideMue = write(dir, 'outside-mue.csv', Buffer.from(`${mueHeader}"19284","0","2 Policy","x"\n`));
      write(workspace, 'inside-cpt.csv', Buffer.from('99417,INSIDE TEXT\n'));
      link(workspace, outside, 'link-out.csv');
      const text = '19284-RT\n99417\n';
      const client = await LspClient.start({
        settings: { descriptorFiles: [outside, 'inside-cpt.csv', 'link-out.csv'], mueFile: outsideMue },
        workspaceFolders: [workspace],
        initializationOptions: { workspaceTrusted: false },
      });
      const uri = pathToFileURL(path.join(workspace, 'a.claim')).toString();
      await client.open(uri, text);
      const before = (await client.nextDiagnostics(uri, 1)).diagnostics.map((d) => d.code);
      assert.ok(before.length > 0 && !before.includes('mue-limit'), JSON.stringify(before));
      assert.match(hoverText(await client.hover(uri, positionOf(text, '19284', 2))), bundledSummary);
      assert.match(hoverText(await client.hover(uri, positionOf(text, '99417', 2))), /INSIDE TEXT/);
      const untrusted =
        /the workspace is not trusted and the file is outside its folders \(trust the workspace to use it\)\./;
      for (const report of [
        reportOf(outside, 'descriptorFiles', untrusted),
        reportOf('link-out.csv', 'descriptorFiles', untrusted),
        reportOf(outsideMue, 'mueFile', untrusted),
      ]) {
        await client.nextMessage((message) => isWarningShown(message, report), report.source);
      }

      await client.connection.sendNotification(workspaceTrustedNotification);
      // Checked again without an edit, now with the MUE file's limit of 0.
      const after = await client.nextDiagnostics(uri, 1);
      assert.deepEqual(after.diagnostics.map((d) => d.code).sort(), [...before, 'mue-limit'].sort());
      assert.match(hoverText(await client.hover(uri, positionOf(text, '19284', 2))), /OUTSIDE TEXT/);
    });

    it('a client that says nothing of trust, or that the workspace is trusted, has its outside files read', async () => {
      const outside = write(dir, 'outside-cpt.csv', Buffer.from('19284,OUTSIDE TEXT\n'));
      const workspace = path.join(dir, 'workspace');
      fs.mkdirSync(workspace);
      for (const initializationOptions of [undefined, { workspaceTrusted: true }, { workspaceTrusted: 'no' }]) {
        const client = await LspClient.start({
          settings: { descriptorFiles: [outside] },
          workspaceFolders: [workspace],
          initializationOptions,
        });
        const uri = newUri('trusted');
        await client.open(uri, claim);
        assert.match(
          hoverText(await client.hover(uri, positionOf(claim, '19284', 2))),
          /OUTSIDE TEXT/,
          JSON.stringify(initializationOptions),
        );
        await client.stop();
      }
    });
  });
});

function write(dir: string, name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

function fifo(dir: string): string {
  const file = path.join(dir, 'pipe.csv');
  if (!fs.existsSync(file)) {
    execFileSync('mkfifo', [file]);
  }
  return file;
}

function link(dir: string, target: string, name: string): string {
  const file = path.join(dir, name);
  fs.symlinkSync(target, file);
  return file;
}

/**
 * Who runs the server so that chmod 000 means something: root reads any
 * file, so as root the server runs as `nobody`, provided nobody can read
 * the server script; any other user is refused by chmod 000 already
 * (undefined: run as ourselves).
 */
function unprivilegedUser(): { uid: number; gid: number } | undefined | 'unavailable' {
  if (process.getuid?.() !== 0) {
    return undefined;
  }
  try {
    const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
    execFileSync(
      process.execPath,
      ['-e', `require('fs').accessSync(${JSON.stringify(serverScript())}, require('fs').constants.R_OK)`],
      { uid, gid },
    );
    return { uid, gid };
  } catch {
    return 'unavailable';
  }
}
