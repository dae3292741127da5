/**
 * The extension manifest and the packaged `.vsix` contents: what VS Code and
 * other editors rely on, checked so a packaging mistake fails CI.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, defaultSettings } from '../../server/src/service';
import { serverVersion } from '../../server/src/server';
import { packVsix } from '../support/packVsix';
import { repoRoot } from '../support/repoRoot';
import { x12LayoutCommands } from '../../shared/src/protocol';
import { claimFileExtensions } from '../../server/src/workspace/workspaceFiles';

interface Manifest {
  engines: Record<string, string>;
  activationEvents: string[];
  main: string;
  bin: Record<string, string>;
  contributes: {
    languages: Array<{ id: string; extensions: string[]; configuration: string }>;
    grammars: Array<{ language: string; path: string }>;
    configuration: { properties: Record<string, unknown> };
  };
  scripts: Record<string, string>;
}

const root = repoRoot();
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;

/** The paths of the pictures the README shows (`![alt](path)`). */
function readmePictures(): string[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
}

describe('extension manifest and package', () => {
  it('targets VS Code 1.100 (code-server 4.100 runs the editor tests)', () => {
    assert.equal(manifest.engines['vscode'], '^1.100.0');
  });

  it('contributes the claim language, its grammar and its settings', () => {
    const language = manifest.contributes.languages.find((l) => l.id === 'claim');
    assert.deepEqual(language?.extensions, ['.claim']);
    assert.ok(fs.existsSync(path.join(root, language?.configuration ?? 'missing')));
    const grammar = manifest.contributes.grammars.find((g) => g.language === 'claim');
    assert.ok(fs.existsSync(path.join(root, grammar?.path ?? 'missing')));
    for (const key of ['cptClaims.trace.server', 'cptClaims.maxNumberOfProblems', 'cptClaims.rules']) {
      assert.ok(key in manifest.contributes.configuration.properties, key);
    }
  });

  it('declares the large-file limits with the defaults the server uses', () => {
    const properties = manifest.contributes.configuration.properties as Record<
      string,
      { default?: unknown; type?: string }
    >;
    for (const key of ['backgroundCheckAboveMB', 'skipCheckAboveMB'] as const) {
      assert.equal(properties[`cptClaims.${key}`]?.type, 'number', key);
      assert.equal(properties[`cptClaims.${key}`]?.default, defaultSettings[key], key);
    }
  });

  it('gives the server the version of the package', () => {
    assert.equal(
      serverVersion,
      (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version,
    );
  });

  it('reads no data file a workspace names until the workspace is trusted', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      capabilities?: { untrustedWorkspaces?: { supported?: string; restrictedConfigurations?: string[] } };
    };
    assert.equal(raw.capabilities?.untrustedWorkspaces?.supported, 'limited');
    assert.deepEqual(raw.capabilities?.untrustedWorkspaces?.restrictedConfigurations, [
      'cptClaims.descriptorFiles',
      'cptClaims.mueFile',
      'cptClaims.dataFolder',
    ]);
    // The data folder is the user's: a machine setting, which no workspace's settings can name.
    const properties = manifest.contributes.configuration.properties as Record<string, { scope?: string }>;
    assert.equal(properties['cptClaims.dataFolder']?.scope, 'machine');
  });

  it('activates in a window whose workspace holds a claim file of any kind the workspace check reads, none open', () => {
    // Without these, `cptClaims.workspaceDiagnostics` showed no problems until a claim file was opened.
    const contributed = manifest.contributes.languages.flatMap((language) => language.extensions);
    assert.deepEqual([...contributed].sort(), [...claimFileExtensions].sort());
    assert.deepEqual(
      manifest.activationEvents,
      claimFileExtensions.map((extension) => `workspaceContains:**/*${extension}`),
    );
  });

  it('ships the standalone server as an executable bin with a shebang', () => {
    const server = path.join(root, manifest.bin['claim-language-server'] ?? 'missing');
    assert.match(fs.readFileSync(server, 'utf8').slice(0, 30), /^#!\/usr\/bin\/env node/);
    assert.equal(manifest.main, './dist/client.js');
  });

  it('packages the bundles, grammar, snippets, walkthrough (with its sample) and docs (with the rule pages diagnostics link to), and no sources or dependencies', () => {
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    const shipped = [
      'package.json',
      'README.md',
      'LICENSE',
      'language-configuration.json',
      'syntaxes/claim.tmLanguage.json',
      'dist/client.js',
      'dist/server.js',
      'docs/rules/addon-without-primary.md',
      'snippets/claim.code-snippets',
      'walkthrough/sample.claim',
      'walkthrough/open-sample.md',
      'walkthrough/see-problem.md',
      'walkthrough/apply-fix.md',
      'walkthrough/load-descriptors.md',
    ];
    // The README's tour shows its pictures on the extension's page too.
    for (const file of [...shipped, ...readmePictures()]) {
      assert.ok(files.includes(file), `${file} in ${files.join(', ')}`);
    }
    assert.deepEqual(
      files.filter((file) => /node_modules|\.ts$|\.map$|^test\/|^server\//.test(file)),
      [],
    );
  });

  it('builds the .vsix with the options `npm run package` gives vsce', function () {
    this.timeout(60000);
    // The script's own vsce options, so a README link or manifest field vsce refuses fails here, not on a user's machine.
    const out = packVsix();
    // A .vsix is a zip: it starts with the local file header signature.
    assert.equal(fs.readFileSync(out).subarray(0, 4).toString('hex'), '504b0304');
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });

  it('contributes every command the walkthrough and the client use, and the walkthrough, snippet and sample files it names', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      contributes: {
        commands: Array<{ command: string; title: string }>;
        snippets: Array<{ language: string; path: string }>;
        walkthroughs: Array<{
          steps: Array<{ id: string; description: string; media: { markdown?: string }; completionEvents: string[] }>;
        }>;
      };
    };
    const contributed = new Set(raw.contributes.commands.map((command) => command.command));
    const clientSource = fs
      .readdirSync(path.join(root, 'client', 'src'))
      .map((file) => fs.readFileSync(path.join(root, 'client', 'src', file), 'utf8'))
      .join('\n');
    // Registered by the client: by name, from the conversion table, and (by the language client itself) the server's own commands.
    const registered = [
      ...[...clientSource.matchAll(/registerCommand\('([^']+)'/g)].map((match) => match[1] ?? ''),
      ...[...clientSource.matchAll(/\{ command: '([^']+)', serverCommand:/g)].map((match) => match[1] ?? ''),
      ...x12LayoutCommands,
    ];
    assert.deepEqual(
      [...contributed].sort(),
      [...registered].sort(),
      'each contributed command is registered by the client, and each registered one contributed',
    );
    const steps = raw.contributes.walkthroughs[0]?.steps ?? [];
    assert.deepEqual(
      steps.map((step) => step.id),
      ['openSample', 'seeProblem', 'applyFix', 'loadDescriptors'],
    );
    for (const step of steps) {
      assert.ok(step.completionEvents.length > 0, step.id);
      const ours = [
        ...step.completionEvents,
        ...[...step.description.matchAll(/\(command:([^)]+)\)/g)].map((match) => `onCommand:${match[1] ?? ''}`),
      ]
        .filter((event) => event.startsWith('onCommand:cptClaims.'))
        .map((event) => event.slice('onCommand:'.length));
      ours.forEach((command) => assert.ok(contributed.has(command), `${step.id}: ${command}`));
      assert.ok(fs.existsSync(path.join(root, step.media.markdown ?? 'missing')), step.id);
    }
    assert.match(
      clientSource,
      /'cptClaims\.descriptorFilesSet'/,
      'the client sets the context key the descriptor step waits for',
    );
    assert.ok(steps.some((step) => step.completionEvents.includes('onContext:cptClaims.descriptorFilesSet')));
    assert.match(clientSource, /'cptClaims\.sampleFixed'/, 'the client sets the context key the fix step waits for');
    assert.ok(steps.some((step) => step.completionEvents.includes('onContext:cptClaims.sampleFixed')));
    assert.ok(fs.existsSync(path.join(root, raw.contributes.snippets[0]?.path ?? 'missing')));
    assert.match(clientSource, /'walkthrough\/sample\.claim'/);
  });

  it('writes the walkthrough as VS Code shows it: no Markdown but command links in its descriptions', () => {
    const raw = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      contributes: {
        walkthroughs: Array<{ description: string; steps: Array<{ id: string; title: string; description: string }> }>;
      };
    };
    const walkthrough = raw.contributes.walkthroughs[0];
    assert.ok(walkthrough);
    // The Welcome page renders only [text](link) in these texts: `code` and **bold** would show their backticks and asterisks.
    const texts = [walkthrough.description, ...walkthrough.steps.flatMap((step) => [step.title, step.description])];
    for (const text of texts) {
      const withoutLinks = text.replace(/\[[^\]]*\]\([^)]*\)/g, '');
      assert.doesNotMatch(withoutLinks, /`|\*\*/, text);
    }
  });

  it('shows every picture of docs/images in the README, and only pictures that are there', () => {
    const shown = readmePictures();
    const taken = fs.readdirSync(path.join(root, 'docs', 'images')).map((name) => `docs/images/${name}`);
    assert.ok(shown.length >= 9, `the tour's pictures: ${shown.join(', ')}`);
    assert.deepEqual([...shown].sort(), [...taken].sort());
  });

  it('documents every rule id in the README rule table', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    for (const rule of allRules) {
      assert.ok(readme.includes(`| \`${rule.id}\` | ${rule.defaultSeverity} |`), rule.id);
    }
  });
});
