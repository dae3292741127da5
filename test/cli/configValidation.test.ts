/**
 * What a `.claimlintrc.json` may hold (cli/src/configValidation.ts): each
 * kind of mistake reported with its key path and what is allowed, a close
 * name suggested for a typo, good configs passing, and the accepted keys
 * held to the extension's settings in package.json.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { acceptedSettingPaths, configProblems } from '../../cli/src/configValidation';
import { repoRoot } from '../support/repoRoot';

describe('claim-lint config validation', () => {
  it('passes a config of every kind of setting, editor-only ones included', () => {
    assert.deepEqual(
      configProblems({
        rules: { 'lesion-units': 'error', 'addon-without-primary': 'off', 'bad-charge': 'hint' },
        maxNumberOfProblems: 50,
        descriptorFiles: ['cpt.tsv'],
        mueFile: 'mue.csv',
        dataFolder: 'cms',
        backgroundCheckAboveMB: 0,
        skipCheckAboveMB: 0.5,
        workspaceDiagnostics: true,
        x12: { layout: 'oneLine' },
        inlayHints: { codeSummaries: false, lesionCounts: true },
        trace: { server: 'verbose' },
      }),
      [],
    );
    assert.deepEqual(configProblems({}), []);
  });

  it('reports a misspelt severity with what is allowed and the closest one', () => {
    assert.deepEqual(configProblems({ rules: { 'lesion-units': 'eror' } }), [
      `rules.lesion-units: "eror" is not a severity (did you mean 'error'?); allowed: error, warning, information, hint, off`,
    ]);
    assert.deepEqual(configProblems({ rules: { 'lesion-units': 2 } }), [
      'rules.lesion-units: 2 is not a severity; allowed: error, warning, information, hint, off',
    ]);
  });

  it('reports an unknown rule id, suggesting the rule it is a typo of, and none for a different word', () => {
    assert.deepEqual(configProblems({ rules: { 'lesion-unit': 'warning' } }), [
      "rules.lesion-unit: unknown rule id (did you mean 'lesion-units'?); the rule ids are in docs/rules/README.md",
    ]);
    assert.deepEqual(configProblems({ rules: { 'no-console': 'off' } }), [
      'rules.no-console: unknown rule id; the rule ids are in docs/rules/README.md',
    ]);
  });

  it('reports an unknown key at the top and in a section, with the keys allowed there', () => {
    const [top, nested, ...rest] = configProblems({ rule: {}, x12: { layot: 'keep' } });
    assert.deepEqual(rest, []);
    assert.match(top ?? '', /^rule: unknown key \(did you mean 'rules'\?\); allowed: maxNumberOfProblems, .*\brules\b/);
    assert.equal(nested, "x12.layot: unknown key (did you mean 'layout'?); allowed: layout");
  });

  it('reports values of the wrong kind, each with its key path', () => {
    assert.deepEqual(
      configProblems({
        maxNumberOfProblems: 0,
        descriptorFiles: 'cpt.tsv',
        mueFile: 3,
        rules: ['lesion-units'],
        x12: { layout: 'wide' },
        inlayHints: true,
      }),
      [
        'maxNumberOfProblems: 0 is not a number of at least 1',
        'descriptorFiles: "cpt.tsv" is not a list of paths (strings)',
        'mueFile: 3 is not a path (a string)',
        'rules: ["lesion-units"] is not an object of rule id to severity',
        'x12.layout: "wide" is not one of segmentPerLine, oneLine, keep',
        'inlayHints: true is not an object (keys: codeSummaries, lesionCounts)',
      ],
    );
  });

  it('accepts exactly the settings the extension contributes, without the cptClaims. prefix', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, unknown> } };
    };
    const contributed = Object.keys(manifest.contributes.configuration.properties).map((key) =>
      key.replace(/^cptClaims\./, ''),
    );
    assert.deepEqual([...acceptedSettingPaths].sort(), contributed.sort());
  });
});
