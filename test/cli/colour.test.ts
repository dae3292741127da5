/**
 * Colour in `stylish`: the decision (cli/src/output/colour.ts) from the
 * terminal and the environment, and runCli given a terminal or not (the
 * terminal is passed in, as the real one is by the command's entry point);
 * the built command, piped, with and without FORCE_COLOR.
 */
import * as assert from 'node:assert/strict';
import { runCli as runInProcess } from '../../cli/src/claimLint';
import { wantsColour } from '../../cli/src/output/colour';
import { loneAddOn, runCli, useTempFolder } from './cliRunner';

const escape = '\u001b[';
/** Any ANSI style (built from a string: the lint forbids control characters in a regular expression literal). */
const ansi = new RegExp(`${escape.replace('[', '\\[')}\\d+m`, 'g');
const styled = (open: number, text: string, close: number): string => `${escape}${open}m${text}${escape}${close}m`;

/** The environment without any colour variable of the machine running the tests. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', ...extra };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'NODE_DISABLE_COLORS'].filter((key) => !(key in extra))) {
    delete env[name];
  }
  return env;
}

describe('claim-lint colour', () => {
  const temp = useTempFolder();

  it('colours a terminal, not a pipe or a file, unless the environment says otherwise', () => {
    const cases: Array<[boolean, Record<string, string>, boolean]> = [
      [true, {}, true],
      [false, {}, false],
      [true, { NO_COLOR: '1' }, false],
      [true, { NO_COLOR: '' }, true],
      [true, { NODE_DISABLE_COLORS: '1' }, false],
      [true, { TERM: 'dumb' }, false],
      [false, { FORCE_COLOR: '1' }, true],
      [false, { FORCE_COLOR: '' }, true],
      [false, { FORCE_COLOR: 'true' }, true],
      [false, { FORCE_COLOR: '3' }, true],
      [true, { FORCE_COLOR: '0' }, false],
      [true, { FORCE_COLOR: 'false' }, false],
      [false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ];
    for (const [isTTY, env, expected] of cases) {
      assert.equal(wantsColour({ isTTY, env }), expected, `${String(isTTY)} ${JSON.stringify(env)}`);
    }
  });

  async function stylishTo(stdoutIsTTY: boolean, env: Record<string, string>): Promise<{ code: number; out: string }> {
    temp.write('lone.claim', loneAddOn);
    let out = '';
    const code = await runInProcess(['lone.claim'], {
      stdout: (text) => {
        out += text;
      },
      stderr: (text) => assert.fail(text),
      readStdin: async function* () {},
      cwd: temp.dir(),
      stdoutIsTTY,
      env,
    });
    return { code, out };
  }

  it('writes red errors, dim positions and rule ids, an underlined file name to a terminal, the same text otherwise', async () => {
    const coloured = await stylishTo(true, {});
    const plain = await stylishTo(false, {});
    assert.equal(coloured.code, 1);
    const lines = coloured.out.split('\n');
    assert.equal(lines[0], styled(4, 'lone.claim', 24));
    assert.ok(lines[1]?.startsWith(`  ${styled(2, '4:3', 22)}  ${styled(31, 'error', 39)}  +19284`), lines[1]);
    assert.ok(lines[1]?.endsWith(`  ${styled(2, 'addon-without-primary', 22)}`), lines[1]);
    assert.equal(lines[3], styled(1, styled(31, '1 problem (1 error, 0 warnings)', 39), 22));
    assert.doesNotMatch(plain.out, ansi);
    assert.equal(coloured.out.replace(ansi, ''), plain.out);
  });

  it('writes no colour to a terminal with NO_COLOR set', async () => {
    const result = await stylishTo(true, { NO_COLOR: '1' });
    assert.match(result.out, /addon-without-primary/);
    assert.doesNotMatch(result.out, ansi);
  });

  it('writes no colour when piped, and colour when piped with FORCE_COLOR, never in json', () => {
    temp.write('lone.claim', loneAddOn);
    const piped = runCli(['lone.claim'], temp.dir(), undefined, cleanEnv());
    assert.equal(piped.status, 1, piped.stderr);
    assert.match(piped.stdout, /addon-without-primary/);
    assert.doesNotMatch(piped.stdout, ansi);
    const forced = runCli(['lone.claim'], temp.dir(), undefined, cleanEnv({ FORCE_COLOR: '1' }));
    assert.equal(forced.status, 1);
    assert.ok(forced.stdout.includes(styled(31, 'error', 39)), forced.stdout);
    assert.equal(forced.stdout.replace(ansi, ''), piped.stdout);
    const forcedOff = runCli(['lone.claim'], temp.dir(), undefined, cleanEnv({ FORCE_COLOR: '0' }));
    assert.doesNotMatch(forcedOff.stdout, ansi);
    const json = runCli(['-f', 'json', 'lone.claim'], temp.dir(), undefined, cleanEnv({ FORCE_COLOR: '1' }));
    assert.doesNotMatch(json.stdout, ansi);
    assert.equal((JSON.parse(json.stdout) as unknown[]).length, 1);
  });
});
