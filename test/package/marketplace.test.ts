/**
 * What someone deciding whether to adopt the extension sees before using it:
 * the licence, the Marketplace listing's fields, the settings editor and the
 * command palette. Checked here so a manifest edit cannot quietly undo them.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules, readSettings } from '../../server/src/service';
import { ruleSettingProperties, severityChoices } from '../../server/src/settings/ruleSettingsSchema';
import { repoRoot } from '../support/repoRoot';

interface Manifest {
  version: string;
  license: string;
  preview?: boolean;
  icon?: string;
  galleryBanner?: { color?: string; theme?: string };
  repository?: { type?: string; url?: string };
  homepage?: string;
  bugs?: { url?: string };
  scripts: Record<string, string>;
  contributes: {
    commands: Array<{ command: string; title: string }>;
    menus: { commandPalette: Array<{ command: string; when?: string }> };
    walkthroughs: Array<{ steps: Array<{ description: string }> }>;
    configuration: { properties: Record<string, SettingSchema> };
  };
}

interface SettingSchema {
  order?: number;
  description?: string;
  markdownDescription?: string;
  enum?: string[];
  enumDescriptions?: string[];
  default?: unknown;
  additionalProperties?: unknown;
  properties?: Record<string, SettingSchema>;
}

const root = repoRoot();
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;

describe('Marketplace listing and settings', () => {
  it('is MIT licensed, in package.json and in the LICENSE file that ships', () => {
    assert.equal(manifest.license, 'MIT');
    const licence = fs.readFileSync(path.join(root, 'LICENSE'), 'utf8');
    assert.match(licence, /^MIT License\n\nCopyright \(c\) \d{4} The cpt-claims contributors\n/);
    assert.match(licence, /Permission is hereby granted, free of charge/);
    assert.doesNotMatch(licence, /all rights reserved/i);
  });

  it('names its repository, home page and issue tracker, and is marked a preview with a banner colour', () => {
    const repository = manifest.repository?.url ?? '';
    assert.match(repository, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
    const base = repository.replace(/\.git$/, '');
    assert.equal(manifest.homepage, `${base}#readme`);
    assert.equal(manifest.bugs?.url, `${base}/issues`);
    assert.equal(manifest.preview, true);
    assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9A-F]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner?.theme ?? ''), manifest.galleryBanner?.theme);
  });

  it('has a 128x128 PNG icon that the .vsix packages', () => {
    const icon = fs.readFileSync(path.join(root, manifest.icon ?? 'missing'));
    assert.equal(icon.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'PNG signature');
    // The IHDR chunk comes first: width and height at bytes 16 and 20.
    assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim());
    assert.ok(files.includes(manifest.icon ?? 'missing'), `${manifest.icon} in ${files.join(', ')}`);
  });

  it('packages without telling vsce to overlook a missing repository', () => {
    assert.match(manifest.scripts['package'] ?? '', /vsce package /);
    assert.doesNotMatch(manifest.scripts['package'] ?? '', /--allow-missing-repository/);
  });

  it('has a changelog with an Unreleased section and a section for the version in package.json', () => {
    const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
    const versions = [...changelog.matchAll(/^## \[([^\]]+)\]/gm)].map((match) => match[1]);
    assert.equal(versions[0], 'Unreleased');
    assert.ok(versions.includes(manifest.version), `${manifest.version} in ${versions.join(', ')}`);
    assert.match(
      changelog,
      new RegExp(`^## \\[${manifest.version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'),
    );
  });

  it('keeps the commands that only work on the walkthrough sample out of the command palette, and no other', () => {
    // Opening the sample and showing its fixes make sense only from the walkthrough's buttons; choosing a descriptor
    // file, also a walkthrough button, is useful on its own, so it stays.
    const walkthroughOnly = ['cptClaims.openSample', 'cptClaims.showSampleFix'];
    const buttons = manifest.contributes.walkthroughs.flatMap((walkthrough) =>
      walkthrough.steps.flatMap((step) =>
        [...step.description.matchAll(/\(command:([^)]+)\)/g)].map((match) => match[1]),
      ),
    );
    walkthroughOnly.forEach((command) => assert.ok(buttons.includes(command), `a walkthrough button runs ${command}`));
    const hidden = manifest.contributes.menus.commandPalette
      .filter((entry) => entry.when === 'false')
      .map((entry) => entry.command);
    assert.deepEqual(hidden.sort(), walkthroughOnly);
    const contributed = manifest.contributes.commands.map((command) => command.command);
    walkthroughOnly.forEach((command) => assert.ok(contributed.includes(command), command));
  });

  it('gives every setting its place in the Settings editor and a Markdown description', () => {
    const settings = Object.entries(manifest.contributes.configuration.properties);
    assert.ok(settings.length >= 12, settings.map(([key]) => key).join(', '));
    for (const [key, setting] of settings) {
      assert.ok(key.startsWith('cptClaims.'), key);
      assert.equal(typeof setting.order, 'number', `${key} has an order`);
      assert.ok((setting.markdownDescription ?? '').length > 40, `${key} has a markdownDescription`);
      // VS Code shows description over markdownDescription when both are given: one text only.
      assert.equal(setting.description, undefined, `${key} has no plain description`);
    }
    const orders = settings.map(([, setting]) => setting.order);
    assert.equal(new Set(orders).size, orders.length, `each setting a place of its own: ${orders.join(', ')}`);
  });

  it('explains each choice of every setting that has choices', () => {
    const withChoices = Object.entries(manifest.contributes.configuration.properties).filter(([, s]) => s.enum);
    assert.deepEqual(withChoices.map(([key]) => key).sort(), ['cptClaims.trace.server', 'cptClaims.x12.layout']);
    for (const [key, setting] of withChoices) {
      assert.equal(setting.enumDescriptions?.length, setting.enum?.length, key);
    }
  });

  it('lists every rule of the catalog under cptClaims.rules, as npm run settings:rules writes it', () => {
    const rules = manifest.contributes.configuration.properties['cptClaims.rules'];
    assert.deepEqual(
      rules?.properties,
      ruleSettingProperties(),
      'package.json is out of date with the rule catalog: run npm run settings:rules',
    );
    // Checked apart from the generator, so a mistake in it shows too.
    assert.deepEqual(
      Object.keys(rules?.properties ?? {}),
      allRules.map((rule) => rule.id),
    );
    for (const rule of allRules) {
      const property: SettingSchema | undefined = rules?.properties?.[rule.id];
      assert.equal(property?.default, rule.defaultSeverity, rule.id);
      assert.ok(property?.markdownDescription?.startsWith(rule.description), rule.id);
      assert.equal(property?.enumDescriptions?.length, property?.enum?.length, rule.id);
    }
    // A misspelt id gets a squiggle in settings.json rather than doing nothing.
    assert.equal(rules?.additionalProperties, false);
  });

  it('offers for a rule exactly the severities the server accepts', () => {
    const rule = allRules[0]?.id ?? 'missing';
    for (const choice of severityChoices) {
      assert.deepEqual(readSettings({ rules: { [rule]: choice.value } }).rules, { [rule]: choice.value }, choice.value);
    }
    assert.deepEqual(readSettings({ rules: { [rule]: 'fatal' } }).rules, {}, 'a value it does not accept is dropped');
  });

  it("lists every setting in the README's settings table, in the Settings editor's order", () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| setting | default | meaning |'));
    const listed = [...table.slice(0, table.indexOf('\n\n')).matchAll(/^\| `(cptClaims\.[\w.]+)` \|/gm)].map(
      (match) => match[1],
    );
    const byOrder = Object.entries(manifest.contributes.configuration.properties)
      .sort(([, a], [, b]) => (a.order ?? 0) - (b.order ?? 0))
      .map(([key]) => key);
    assert.deepEqual(listed, byOrder);
  });
});
