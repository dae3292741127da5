/**
 * The built `claim-lint` (dist/claim-lint.js) run as a child process on
 * temporary files: output formats, options, configs found upward, standard
 * input, folders and exit codes.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeX12 } from '../../server/src/service';
import { rulePagesUrl } from '../../shared/src/repository';
import { cliPath as cli, jsonlRows, loneAddOn, root, runCli as run, unitsWarning, useTempFolder } from './cliRunner';

/** A file's result as ESLint's JSON formatter writes it. */
interface JsonResult {
  filePath: string;
  messages: {
    ruleId: string | null;
    severity: number;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    claimLintSeverity: string;
  }[];
  suppressedMessages: unknown[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: unknown[];
}

describe('claim-lint command line', () => {
  const temp = useTempFolder();
  const write = temp.write;
  let dir = '';
  beforeEach(() => {
    dir = temp.dir();
  });

  it('writes SARIF 2.1.0 with the rules, their help pages and exact regions', () => {
    write('lone.claim', loneAddOn);
    const result = run(['--format', 'sarif', 'lone.claim'], dir);
    assert.equal(result.status, 1, result.stderr);
    const log = JSON.parse(result.stdout) as {
      version: string;
      runs: Array<{
        tool: {
          driver: {
            name: string;
            rules: Array<{ id: string; helpUri: string; defaultConfiguration: { level: string } }>;
          };
        };
        results: Array<{
          ruleId: string;
          ruleIndex: number;
          level: string;
          message: { text: string };
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }>;
        }>;
      }>;
    };
    assert.equal(log.version, '2.1.0');
    const [runResult] = log.runs;
    assert.ok(runResult);
    assert.equal(runResult.tool.driver.name, 'claim-lint');
    const rule = runResult.tool.driver.rules.find((r) => r.id === 'addon-without-primary');
    assert.equal(rule?.defaultConfiguration.level, 'error');
    assert.equal(rule?.helpUri, `${rulePagesUrl}addon-without-primary.md`);
    for (const { id, helpUri } of runResult.tool.driver.rules) {
      // An https page in the repository, so a code-scanning tool opens it anywhere; the page exists there.
      assert.equal(helpUri, `${rulePagesUrl}${id}.md`);
      assert.ok(fs.existsSync(path.join(root, 'docs', 'rules', `${id}.md`)), helpUri);
    }
    assert.match(rulePagesUrl, /^https:\/\//);
    assert.equal(runResult.results.length, 1);
    const [finding] = runResult.results;
    assert.equal(finding?.ruleId, 'addon-without-primary');
    assert.equal(runResult.tool.driver.rules[finding?.ruleIndex ?? -1]?.id, 'addon-without-primary');
    assert.equal(finding?.level, 'error');
    assert.match(finding?.message.text ?? '', /19283/);
    assert.deepEqual(finding?.locations[0]?.physicalLocation, {
      artifactLocation: { uri: 'lone.claim' },
      region: { startLine: 4, startColumn: 3, endLine: 4, endColumn: 8 },
    });
    assert.doesNotMatch(result.stdout, /CLM-LONE/);
  });

  it('is a bundle with a shebang', () => {
    assert.match(fs.readFileSync(cli, 'utf8').slice(0, 30), /^#!\/usr\/bin\/env node/);
  });

  it('reports a lone 19284-RT in stylish format and exits 1', () => {
    write('lone.claim', loneAddOn);
    const result = run(['lone.claim'], dir);
    assert.equal(result.status, 1, result.stderr);
    const lines = result.stdout.split('\n');
    assert.equal(lines[0], 'lone.claim');
    assert.match(lines[1] ?? '', /^ {2}4:3 +error +\+19284 is an add-on code.* {2}addon-without-primary$/);
    assert.match(result.stdout, /^1 problem \(1 error, 0 warnings\)$/m);
    assert.doesNotMatch(result.stdout, /CLM-LONE|\$400/, 'no claim text in the output');
  });

  it('exits 0 on the clean example claim', () => {
    const result = run([path.join(root, 'examples', 'stereotactic-three-lesions.claim')], dir);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.equal(result.stdout, '');
  });

  it("prints json as ESLint's JSON: absolute paths, numeric severities, ESLint's counts, 1-based positions", () => {
    write('two.claim', `${loneAddOn}\n${unitsWarning}`);
    write('lone.claim', loneAddOn);
    const result = run(['--format', 'json', 'two.claim', 'lone.claim'], dir);
    assert.equal(result.status, 1, result.stderr);
    const parsed = JSON.parse(result.stdout) as JsonResult[];
    const counts = { suppressedMessages: [], fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
    const lone = {
      ruleId: 'addon-without-primary',
      severity: 2,
      line: 4,
      column: 3,
      endLine: 4,
      endColumn: 8,
      claimLintSeverity: 'error',
    };
    assert.deepEqual(
      parsed.map(({ messages, ...rest }) => ({ ...rest, messages: messages.map(({ message: _m, ...m }) => m) })),
      [
        {
          filePath: path.join(dir, 'two.claim'),
          messages: [
            lone,
            {
              ruleId: 'lesion-units',
              severity: 1,
              line: 11,
              column: 14,
              endLine: 11,
              endColumn: 16,
              claimLintSeverity: 'warning',
            },
          ],
          ...counts,
          errorCount: 1,
          warningCount: 1,
          usedDeprecatedRules: [],
        },
        {
          filePath: path.join(dir, 'lone.claim'),
          messages: [lone],
          ...counts,
          errorCount: 1,
          warningCount: 0,
          usedDeprecatedRules: [],
        },
      ],
    );
    assert.match(parsed[0]?.messages[0]?.message ?? '', /19284 is an add-on code/);
  });

  it('gives information and hint findings severity 1 in json, named in claimLintSeverity and counted as warnings there', () => {
    write(
      '.claimlintrc.json',
      JSON.stringify({ rules: { 'lesion-units': 'information', 'addon-without-primary': 'hint' } }),
    );
    write('two.claim', `${loneAddOn}\n${unitsWarning}`);
    const result = run(['--format', 'json', 'two.claim'], dir);
    assert.equal(result.status, 0, result.stderr);
    const [file] = JSON.parse(result.stdout) as JsonResult[];
    assert.deepEqual(
      file?.messages.map((m) => [m.ruleId, m.severity, m.claimLintSeverity]),
      [
        ['addon-without-primary', 1, 'hint'],
        ['lesion-units', 1, 'information'],
      ],
    );
    assert.equal(file?.errorCount, 0);
    assert.equal(file?.warningCount, 2);
  });

  it('counts every severity it prints in the stylish summary', () => {
    write('.claimlintrc.json', JSON.stringify({ rules: { 'lesion-units': 'information' } }));
    write('two.claim', `${loneAddOn}\n${unitsWarning}`);
    const result = run(['two.claim'], dir);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^ {2}11:14 +information +.* {2}lesion-units$/m);
    assert.match(result.stdout, /^2 problems \(1 error, 0 warnings, 1 information\)$/m);
    const hinted = run(
      ['--config', write('hint.json', JSON.stringify({ rules: { 'lesion-units': 'hint' } })), 'two.claim'],
      dir,
    );
    assert.match(hinted.stdout, /^2 problems \(1 error, 0 warnings, 1 hint\)$/m);
  });

  it('prints jsonl: one finding per line with its file and claim id', () => {
    write('two.claim', `${loneAddOn}\n${unitsWarning}`);
    const result = run(['--format=jsonl', 'two.claim'], dir);
    assert.equal(result.status, 1);
    const rows = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; claimId: string | null; ruleId: string; line: number });
    assert.deepEqual(
      rows.map(({ file, claimId, ruleId, line }) => ({ file, claimId, ruleId, line })),
      [
        { file: 'two.claim', claimId: 'CLM-LONE', ruleId: 'addon-without-primary', line: 4 },
        { file: 'two.claim', claimId: 'CLM-WARN', ruleId: 'lesion-units', line: 11 },
      ],
    );
  });

  it('reads an 837 from standard input, the format picked by --stdin-filename', () => {
    const x12 = writeX12([
      {
        id: 'CLM-A',
        diagnoses: ['C50411'],
        dos: '2026-03-14',
        lines: [{ code: '19283', modifiers: ['RT'], charge: 350 }],
      },
      {
        id: 'CLM-B',
        diagnoses: ['C50412'],
        dos: '2026-03-14',
        lines: [{ code: '19284', modifiers: ['LT'], charge: 400 }],
      },
    ]);
    const result = run(['--format', 'jsonl', '--stdin-filename', 'x.837', '-'], dir, x12);
    assert.equal(result.status, 1, result.stderr);
    const rows = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; claimId: string | null; ruleId: string });
    assert.deepEqual(
      rows.map(({ file, claimId, ruleId }) => ({ file, claimId, ruleId })),
      [{ file: 'x.837', claimId: 'CLM-B', ruleId: 'addon-without-primary' }],
    );
  });

  it('checks the claim files in a folder and its subfolders', () => {
    write('batch/a.claim', loneAddOn);
    write('batch/sub/b.claim', unitsWarning);
    write('batch/notes.txt', loneAddOn);
    const result = run(['--format', 'json', 'batch'], dir);
    assert.equal(result.status, 1);
    const parsed = JSON.parse(result.stdout) as JsonResult[];
    assert.deepEqual(
      parsed.map((r) => [r.filePath, r.errorCount, r.warningCount]),
      [
        [path.join(dir, 'batch', 'a.claim'), 1, 0],
        [path.join(dir, 'batch', 'sub', 'b.claim'), 0, 1],
      ],
    );
  });

  it('exits 2 on a folder with no claim files, saying so, and still checks the other operands', () => {
    fs.mkdirSync(path.join(dir, 'empty'));
    write('notes/readme.txt', loneAddOn);
    write('lone.claim', loneAddOn);
    const result = run(['empty', 'notes', 'lone.claim'], dir);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /^claim-lint: empty: no claim files \(\.claim, \.837, \.x12, \.edi\) in this folder$/m);
    assert.match(result.stderr, /^claim-lint: notes: no claim files/m);
    assert.match(result.stdout, /addon-without-primary/);
    const clean = run(['--format', 'jsonl', 'notes'], dir);
    assert.equal(clean.status, 2);
    assert.equal(clean.stdout, '');
  });

  it('uses the .claimlintrc.json found upward from the file', () => {
    write('.claimlintrc.json', JSON.stringify({ rules: { 'addon-without-primary': 'off' } }));
    write('deep/er/lone.claim', loneAddOn);
    const result = run(['deep/er/lone.claim'], dir);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.equal(result.stdout, '');
  });

  it('uses the config --config names, and a rule set to warning there', () => {
    const config = write('configs/strict.json', JSON.stringify({ rules: { 'addon-without-primary': 'warning' } }));
    write('lone.claim', loneAddOn);
    const result = run(['--config', config, '--format', 'json', 'lone.claim'], dir);
    assert.equal(result.status, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as JsonResult[])[0]?.messages[0]?.severity, 1);
  });

  it('exits 1 with --max-warnings 0 and a warning, 0 without it', () => {
    write('warn.claim', unitsWarning);
    assert.equal(run(['warn.claim'], dir).status, 0);
    const result = run(['--max-warnings', '0', 'warn.claim'], dir);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /lesion-units/);
    assert.equal(run(['--max-warnings', '1', 'warn.claim'], dir).status, 0);
  });

  it('--quiet reports errors only', () => {
    write('two.claim', `${loneAddOn}\n${unitsWarning}`);
    const result = run(['--quiet', 'two.claim'], dir);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /addon-without-primary/);
    assert.doesNotMatch(result.stdout, /lesion-units|\swarning\s/);
    assert.match(result.stdout, /1 problem \(1 error, 0 warnings\)/);
  });

  it('-o writes the report to a file, making its folders, with the exit code unchanged; -f is --format', () => {
    write('lone.claim', loneAddOn);
    const toStdout = run(['--format', 'json', 'lone.claim'], dir);
    const toFile = run(['-f', 'json', '-o', 'reports/claims/lint.json', 'lone.claim'], dir);
    assert.equal(toFile.status, toStdout.status);
    assert.equal(toFile.status, 1);
    assert.equal(toFile.stdout, '');
    assert.equal(toFile.stderr, '');
    assert.equal(fs.readFileSync(path.join(dir, 'reports', 'claims', 'lint.json'), 'utf8'), toStdout.stdout);
    const clean = run(
      ['--output-file=clean.txt', path.join(root, 'examples', 'stereotactic-three-lesions.claim')],
      dir,
    );
    assert.equal(clean.status, 0, clean.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'clean.txt'), 'utf8'), '', 'an empty report is still written');
  });

  it('exits 2 when -o names a file it cannot write, the report not lost silently', () => {
    write('lone.claim', loneAddOn);
    fs.mkdirSync(path.join(dir, 'taken'));
    const result = run(['-o', 'taken', 'lone.claim'], dir);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^claim-lint: cannot write the report to taken: is a folder$/m);
  });

  it('exits 2 on a missing file, and still reports the others', () => {
    write('lone.claim', loneAddOn);
    const result = run(['missing.claim', 'lone.claim'], dir);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /missing\.claim: no such file or directory/);
    assert.match(result.stdout, /^lone\.claim$/m);
    assert.match(result.stdout, /addon-without-primary/);
  });

  it('exits 2 on a usage error', () => {
    const result = run(['--format', 'xml', 'a.claim'], dir);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--format must be one of/);
    assert.equal(run([], dir).status, 2);
  });

  it('prints help and the version and exits 0', () => {
    const help = run(['--help'], dir);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: claim-lint/);
    const version = run(['--version'], dir);
    assert.equal(version.status, 0);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout.trim(), manifest.version);
  });

  it('knows its version when the bundle is copied away from the package', () => {
    // Alone in a folder, no package.json above it: the version was written in when it was bundled.
    const copy = path.join(dir, 'claim-lint.js');
    fs.copyFileSync(cli, copy);
    const result = spawnSync(process.execPath, [copy, '--version'], { cwd: dir, encoding: 'utf8' });
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, `${manifest.version}\n`);
  });

  it('names every option in --help, and -h and -v do the same as --help and --version', () => {
    const help = run(['-h'], dir);
    assert.equal(help.status, 0);
    for (const option of [
      '--format',
      '--output-file',
      '--max-warnings',
      '--quiet',
      '--config',
      '--stdin-filename',
      '--jobs',
      '--stream-threshold',
      '--stream-chunk',
      '--help',
      '--version',
    ]) {
      assert.match(help.stdout, new RegExp(`^ +(-[a-z], )?${option}\\b`, 'm'), option);
    }
    assert.equal(help.stdout, run(['--help'], dir).stdout);
    assert.equal(run(['-v'], dir).stdout, run(['--version'], dir).stdout);
    assert.match(help.stdout, /^ {2}-f, --format /m);
    assert.match(help.stdout, /^ {2}-o, --output-file FILE /m);
  });

  it('rejects an unknown option with exit 2, naming it, and checks nothing', () => {
    write('lone.claim', loneAddOn);
    const result = run(['--frobnicate', 'lone.claim'], dir);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown option '--frobnicate'/);
    assert.match(result.stderr, /claim-lint --help/);
    assert.equal(result.stdout, '');
  });

  it('rejects bad option values with exit 2', () => {
    write('lone.claim', loneAddOn);
    const cases: Array<[string[], RegExp]> = [
      [['--jobs', '0', 'lone.claim'], /--jobs needs a whole number of at least 1, not '0'/],
      [['--jobs', 'many', 'lone.claim'], /--jobs needs a whole number/],
      [['--max-warnings', '-1', 'lone.claim'], /--max-warnings needs a whole number, not '-1'/],
      [['--stream-threshold', '12Q', 'lone.claim'], /--stream-threshold needs a size in bytes/],
      [['--stream-chunk', '0', 'lone.claim'], /--stream-chunk needs a size in bytes/],
      [['--stream-chunk', '1000', 'lone.claim'], /--stream-chunk needs at least 1024 bytes, not '1000'/],
      [['lone.claim', '--format'], /--format needs a value/],
      [['--config', '--quiet', 'lone.claim'], /--config needs a value/],
      [['-', '-'], /standard input \('-'\) can be read only once/],
      [['--quiet'], /no files, folders or globs to check/],
    ];
    for (const [args, message] of cases) {
      const result = run(args, dir);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, message, args.join(' '));
      assert.equal(result.stdout, '', args.join(' '));
    }
  });

  it('takes option values after =, sizes with K/M/G, and operands that start with - after --', () => {
    write('-odd.claim', loneAddOn);
    const result = run(['--format=jsonl', '--stream-threshold=1K', '--stream-chunk=2M', '--', '-odd.claim'], dir);
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(
      jsonlRows(result.stdout).map((row) => [row.file, row.ruleId, row.claimId]),
      [['-odd.claim', 'addon-without-primary', 'CLM-LONE']],
    );
  });

  it('reads a .claim from standard input when --stdin-filename names one, and calls it <stdin> without a name', () => {
    const named = run(['--format', 'jsonl', '--stdin-filename', 'batch/in.claim', '-'], dir, loneAddOn);
    assert.equal(named.status, 1, named.stderr);
    assert.deepEqual(
      jsonlRows(named.stdout).map((row) => [row.file, row.ruleId, row.line]),
      [['batch/in.claim', 'addon-without-primary', 4]],
    );
    const unnamed = run(['-'], dir, unitsWarning);
    assert.equal(unnamed.status, 0, unnamed.stderr);
    assert.match(unnamed.stdout, /^<stdin>$/m);
    assert.match(unnamed.stdout, /lesion-units/);
  });

  it('checks standard input in its place among the files', () => {
    write('a.claim', loneAddOn);
    write('z.claim', loneAddOn);
    const result = run(['--format', 'json', 'a.claim', '-', 'z.claim'], dir, unitsWarning);
    assert.deepEqual(
      (JSON.parse(result.stdout) as JsonResult[]).map((r) => r.filePath),
      [path.join(dir, 'a.claim'), '<text>', path.join(dir, 'z.claim')],
    );
  });

  it('exits 2 on a config that is not JSON, naming it, and still checks the files it does not govern', () => {
    write('bad/.claimlintrc.json', '{ rules: ');
    write('bad/lone.claim', loneAddOn);
    write('good/lone.claim', loneAddOn);
    const result = run(['--format', 'jsonl', 'bad', 'good'], dir);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /bad\/lone\.claim: cannot read config .*\.claimlintrc\.json: not valid JSON/);
    assert.deepEqual(
      jsonlRows(result.stdout).map((row) => row.file),
      [path.join('good', 'lone.claim')],
    );
  });

  it('exits 2 on a config with a misspelt severity, an unknown rule id and an unknown key, listing them once, and checks the files it does not govern', () => {
    write(
      'bad/.claimlintrc.json',
      JSON.stringify({ rules: { 'addon-without-primary': 'of', 'lesion-unit': 'warning' }, maxProblems: 5 }),
    );
    write('bad/a.claim', loneAddOn);
    write('bad/b.claim', loneAddOn);
    write('good/lone.claim', loneAddOn);
    const result = run(['--format', 'jsonl', 'bad', 'good'], dir);
    assert.equal(result.status, 2);
    const config = path.join(dir, 'bad', '.claimlintrc.json');
    assert.equal(
      result.stderr,
      [
        `claim-lint: ${path.join('bad', 'a.claim')}: invalid config ${config}:`,
        `  maxProblems: unknown key; allowed: maxNumberOfProblems, descriptorFiles, mueFile, dataFolder, backgroundCheckAboveMB, skipCheckAboveMB, workspaceDiagnostics, rules, x12, inlayHints, trace`,
        `  rules.addon-without-primary: "of" is not a severity (did you mean 'off'?); allowed: error, warning, information, hint, off`,
        `  rules.lesion-unit: unknown rule id (did you mean 'lesion-units'?); the rule ids are in docs/rules/README.md`,
        `claim-lint: ${path.join('bad', 'b.claim')}: invalid config ${config} (see above)`,
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      jsonlRows(result.stdout).map((row) => row.file),
      [path.join('good', 'lone.claim')],
    );
  });

  it('exits 2 on an invalid config named by --config, and with --data-info', () => {
    const config = write('strict.json', JSON.stringify({ rules: { 'addon-without-primary': 'eror' } }));
    write('lone.claim', loneAddOn);
    const result = run(['--config', 'strict.json', 'lone.claim'], dir);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /rules\.addon-without-primary: "eror" is not a severity \(did you mean 'error'\?\)/);
    assert.equal(result.stdout, '');
    const info = run(['--config', config, '--data-info'], dir);
    assert.equal(info.status, 2);
    assert.match(info.stderr, /invalid config .*strict\.json:\n {2}rules\.addon-without-primary/);
  });

  it('exits 2 when --config names a file that does not exist', () => {
    write('lone.claim', loneAddOn);
    const result = run(['--config', 'nowhere.json', 'lone.claim'], dir);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /config file nowhere\.json does not exist/);
  });

  it('reports a data file the config names but cannot be read once, exits 2, and checks with the bundled data', () => {
    write('.claimlintrc.json', JSON.stringify({ descriptorFiles: ['missing.tsv'] }));
    write('a.claim', loneAddOn);
    write('b.claim', loneAddOn);
    const result = run(['--jobs', '2', 'a.claim', 'b.claim'], dir);
    assert.equal(result.status, 2);
    assert.equal(result.stderr.match(/cannot read descriptor file .*missing\.tsv/g)?.length, 1, result.stderr);
    assert.equal(result.stdout.match(/addon-without-primary/g)?.length, 2);
  });

  it('refuses a named pipe, a device and a binary file as data files instead of hanging on them, and checks with the bundled data', () => {
    write(
      '.claimlintrc.json',
      JSON.stringify({ descriptorFiles: ['pipe.tsv', '/dev/zero', 'binary.tsv'], mueFile: '/dev/urandom' }),
    );
    execFileSync('mkfifo', [path.join(dir, 'pipe.tsv')]);
    fs.writeFileSync(path.join(dir, 'binary.tsv'), Buffer.from([0x31, 0x39, 0x32, 0x38, 0x34, 0x09, 0x00, 0xff, 0xfe]));
    write('a.claim', loneAddOn);
    const result = run(['a.claim'], dir);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /cannot read descriptor file .*pipe\.tsv .*: it is a named pipe \(FIFO\), not a file/);
    assert.match(result.stderr, /cannot read descriptor file \/dev\/zero .*: it is a device, not a file/);
    assert.match(result.stderr, /cannot read descriptor file .*binary\.tsv .*: it is not a text file/);
    assert.match(result.stderr, /cannot read MUE file \/dev\/urandom .*: it is a device, not a file/);
    assert.equal(result.stdout.match(/addon-without-primary/g)?.length, 1);
  });
});
