/**
 * The data folder on the command line: `--data-info` through the built
 * claim-lint (no folder, an empty folder, a folder of files no importer
 * reads, a folder that cannot be read, a config's `dataFolder` relative to
 * the config), `--data` in a check run, and, in process with fake importers,
 * the wiring that turns the options into the language service's
 * `officialData` (the built program has no importer a test fixture can
 * reach yet).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import { dataFolderChoice } from '../../cli/src/claimLint';
import { ConfigResolver } from '../../cli/src/config';
import { dataInfoLines } from '../../cli/src/dataInfo';
import { parseOptions } from '../../cli/src/options';
import { loadDataFolderNow } from '../../server/src/referenceData/dataFolder';
import { fakeFile, fakeImporters } from '../support/referenceData/fakeImporters';
import { root, runCli } from './cliRunner';

function temp(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `cli-data-${name}-`));
}

function unrecognisedFolder(): string {
  const folder = temp('folder');
  fs.writeFileSync(path.join(folder, 'notes.txt'), 'Notes kept beside the downloads');
  fs.writeFileSync(path.join(folder, 'broken.zip'), 'not a zip');
  fs.writeFileSync(path.join(folder, 'format.pdf'), '%PDF-1.4');
  return folder;
}

function fakeDataFolder(): string {
  const folder = temp('fake');
  fs.writeFileSync(path.join(folder, 'mue-q3.txt'), fakeFile('mue', '2026Q3', '2026-07-01', ['A', 'B']));
  fs.writeFileSync(path.join(folder, 'mue-q2.txt'), fakeFile('mue', '2026Q2', '2026-04-01', ['A']));
  fs.writeFileSync(
    path.join(folder, 'ptp.zip'),
    zipSync({ 'f1.txt': Buffer.from(fakeFile('ptp', '2026Q3', '2026-07-01', ['P1', 'bad'])) }),
  );
  fs.writeFileSync(path.join(folder, 'notes.txt'), 'not data');
  return folder;
}

describe('claim-lint data folder', () => {
  const cacheArgs = () => ['--cache-dir', temp('cache')];

  describe('--data-info', () => {
    it('says when no data folder is named, and exits 0', () => {
      const result = runCli(['--data-info', ...cacheArgs()], temp('cwd'));
      assert.equal(result.status, 0, result.stderr);
      assert.equal(
        result.stdout,
        'No data folder (--data, or dataFolder in .claimlintrc.json): the bundled data alone is used.\n',
      );
    });

    it('lists an empty folder as giving no edition', () => {
      const folder = temp('empty');
      const result = runCli(['--data-info', '--data', folder, ...cacheArgs()], temp('cwd'));
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, `Data folder ${folder}\n  No edition loaded: the bundled data alone is used.\n`);
    });

    it('lists each file it could not use, with the reason, and leaves documentation out', () => {
      const folder = unrecognisedFolder();
      const result = runCli(['--data-info', `--data=${folder}`, ...cacheArgs()], temp('cwd'));
      assert.equal(result.status, 0, result.stderr);
      const lines = result.stdout.trimEnd().split('\n');
      assert.deepEqual(lines.slice(0, 3), [
        `Data folder ${folder}`,
        '  No edition loaded: the bundled data alone is used.',
        'Not used, or not fully:',
      ]);
      assert.match(lines[3] ?? '', /^ {2}broken\.zip: unreadable zip: broken\.zip is not a zip/);
      assert.equal(lines[4], '  notes.txt: not a file this product reads.');
      assert.equal(lines.length, 5, result.stdout);
    });

    it("names the editions the product's importers read from the CMS-layout fixtures", () => {
      const folder = path.join(root, 'test', 'fixtures', 'referenceData', 'ncci');
      const result = runCli(['--data-info', '--data', folder, ...cacheArgs()], temp('cwd'));
      assert.equal(result.status, 0, result.stderr);
      const editions = result.stdout
        .split('\n')
        .filter((line) => /^ {2}\S.* \((from|until|any)/.test(line))
        .map((line) => line.trim().split(' (')[0]);
      assert.deepEqual(editions, ['PTP 2026 Q3', 'AOC 2026 Q3', 'MUE 2026 Q3', 'PFS 2025 Jan', 'PFS 2026 Jul']);
    });

    it('exits 2 when the folder cannot be read', () => {
      const missing = path.join(temp('gone'), 'nothing');
      const result = runCli(['--data-info', '--data', missing, ...cacheArgs()], temp('cwd'));
      assert.equal(result.status, 2);
      assert.equal(result.stderr, `claim-lint: cannot read data folder ${missing}: it does not exist.\n`);
      assert.equal(result.stdout, '');
    });

    it("reads a config's dataFolder relative to the config file, and --data wins over it", () => {
      const project = temp('project');
      const folder = path.join(project, 'downloads');
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(project, '.claimlintrc.json'), JSON.stringify({ dataFolder: 'downloads' }));
      const cwd = path.join(project, 'claims');
      fs.mkdirSync(cwd);
      const fromConfig = runCli(['--data-info', ...cacheArgs()], cwd);
      assert.equal(fromConfig.status, 0, fromConfig.stderr);
      assert.match(fromConfig.stdout, new RegExp(`^Data folder ${folder}\n`));
      const other = temp('other');
      const fromOption = runCli(['--data-info', '--data', other, ...cacheArgs()], cwd);
      assert.match(fromOption.stdout, new RegExp(`^Data folder ${other}\n`));
    });
  });

  describe('--data in a check', () => {
    const clean = path.join(root, 'examples', 'stereotactic-three-lesions.claim');

    it('checks as before with a folder of files no importer reads', () => {
      const result = runCli([clean, '--data', unrecognisedFolder(), ...cacheArgs()], temp('cwd'));
      assert.equal(result.status, 0, result.stderr + result.stdout);
      assert.equal(result.stderr, '');
    });

    it('reports a folder that cannot be read on stderr and exits 2, still checking the files', () => {
      const missing = path.join(temp('gone'), 'nothing');
      const result = runCli([clean, '--data', missing, '--format', 'json', ...cacheArgs()], temp('cwd'));
      assert.equal(result.status, 2);
      assert.match(
        result.stderr,
        new RegExp(
          `claim-lint: data file: cannot read data folder ${missing} \\(named by --data\\): it does not exist\\.`,
        ),
      );
      assert.equal((JSON.parse(result.stdout) as unknown[]).length, 1);
    });

    it('documents the options in --help', () => {
      const help = runCli(['--help'], temp('cwd')).stdout;
      for (const option of ['--data FOLDER', '--cache-dir FOLDER', '--data-info']) {
        assert.ok(help.includes(option), option);
      }
    });
  });

  describe('options into the language service (fake importers)', () => {
    it('turns --data and --cache-dir into absolute paths, the cache under its own subfolder', () => {
      const choice = dataFolderChoice(
        parseOptions(['--data', 'downloads', '--cache-dir', 'cache', 'x.claim']),
        '/work',
      );
      assert.deepEqual(choice, {
        folder: '/work/downloads',
        cacheFolder: path.join('/work', 'cache', 'reference-data'),
      });
      const defaults = dataFolderChoice(parseOptions(['--data-info']), '/work');
      assert.equal(defaults.folder, undefined);
      assert.match(defaults.cacheFolder ?? '', /cpt-claims[/\\]reference-data$/);
    });

    it("gives the service the folder's tables, read once for every config that names it", () => {
      const folder = fakeDataFolder();
      const { importers, calls } = fakeImporters();
      const configs = new ConfigResolver(undefined, { folder, cacheFolder: temp('cache') }, importers);
      const options = configs.serviceOptions('', [], '', folder);
      assert.deepEqual(
        options.officialData?.mue.map((table) => table.label),
        ['MUE 2026Q2', 'MUE 2026Q3'],
      );
      assert.deepEqual(
        options.officialData?.ptp.map((table) => table.label),
        ['PTP 2026Q3'],
      );
      configs.serviceOptions('other.json', [], '', folder);
      assert.equal(calls.import, 3, 'each edition imported once');
      assert.deepEqual(configs.warnings, []);
    });

    it("uses a config's dataFolder when --data is not given, and warns of one that cannot be read", () => {
      const project = temp('project');
      const folder = fakeDataFolder();
      const config = path.join(project, '.claimlintrc.json');
      fs.writeFileSync(config, JSON.stringify({ dataFolder: path.relative(project, folder) }));
      const { importers } = fakeImporters();
      const configs = new ConfigResolver(undefined, { cacheFolder: temp('cache') }, importers);
      assert.equal(configs.configFor(path.join(project, 'a.claim')).file, config);
      assert.equal(
        configs.dataFolderFor(config, { ...configs.configFor(path.join(project, 'a.claim')).settings }),
        folder,
      );
      const missing = configs.serviceOptions(config, [], '', path.join(project, 'missing'));
      assert.equal(missing.officialData, undefined);
      assert.deepEqual(configs.warnings, [
        `cannot read data folder ${path.join(project, 'missing')} (named by ${config}): it does not exist.`,
      ]);
    });

    it('prints one line per edition, with its dates, rows and files, and one per file problem', () => {
      const folder = fakeDataFolder();
      const data = loadDataFolderNow(folder, { importers: fakeImporters().importers });
      assert.deepEqual(dataInfoLines(data), [
        `Data folder ${folder}`,
        // Kind by kind as the status bar names them (code sets, PTP, add-on, MUE, PFS), each in date order.
        '  PTP 2026Q3 (from 2026-07-01, 1 rows): ptp.zip/f1.txt',
        '  MUE 2026Q2 (from 2026-04-01, 1 rows): mue-q2.txt',
        '  MUE 2026Q3 (from 2026-07-01, 2 rows): mue-q3.txt',
        'Not used, or not fully:',
        '  notes.txt: not a file this product reads.',
        '  ptp.zip/f1.txt: 1 rows could not be read.',
      ]);
    });
  });
});
