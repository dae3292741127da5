/**
 * Settings under `cptClaims`: per-rule severity, `off`, the problem limit,
 * and malformed values from a client falling back to defaults.
 */
import * as assert from 'node:assert/strict';
import { allRules } from '../../server/src/service';
import { defaultSettings, maxDescriptorFiles, readSettings } from '../../server/src/service/settings';
import { validate, messageOf } from '../support/documents/claimDocuments';

describe('settings', () => {
  it('changes a rule severity by id', () => {
    const settings = readSettings({ rules: { 'addon-without-primary': 'hint' } });
    assert.deepEqual(
      validate('19284-RT\n', settings).map((d) => [d.code, d.severity]),
      [['addon-without-primary', 4]],
    );
  });

  it('turns a rule off, parser checks included', () => {
    const settings = readSettings({ rules: { 'addon-without-primary': 'off', 'code-shape': 'off' } });
    assert.deepEqual(validate('19284-RT\n1928\n', settings), []);
  });

  it('bounds the problems shown and says so once', () => {
    const text = Array.from({ length: 10 }, (_, day) => `19284-RT dos=2026-03-${10 + day}`).join('\n');
    const diagnostics = validate(text, readSettings({ maxNumberOfProblems: 3 }));
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['addon-without-primary', 'addon-without-primary', 'addon-without-primary', 'too-many-problems'],
    );
    assert.match(messageOf(diagnostics[3]), /^Showing 3 of 10 problems/);
  });

  it('reads the data file settings, dropping what is not a path', () => {
    const settings = readSettings({ descriptorFiles: ['org-cpt.csv', 7, '', '/abs/other.tsv'], mueFile: ' mue.csv ' });
    assert.deepEqual(settings.descriptorFiles, ['org-cpt.csv', '/abs/other.tsv']);
    assert.equal(settings.mueFile, 'mue.csv');
    assert.deepEqual(readSettings({ descriptorFiles: 'one.csv', mueFile: 3 }).descriptorFiles, []);
    assert.equal(readSettings({ mueFile: 3 }).mueFile, '');
    assert.equal(readSettings({ dataFolder: ' /data/cms ' }).dataFolder, '/data/cms');
    assert.equal(readSettings({ dataFolder: ['/data'] }).dataFolder, '');
    assert.deepEqual(readSettings({ dataFolder: ['/data'] }).ignoredDataFileSettings, [
      'cptClaims.dataFolder is a list, not a path; it is ignored.',
    ]);
  });

  it('names each data file value that is not a path, and ignores it', () => {
    const settings = readSettings({
      descriptorFiles: ['a.csv', 7, null, { path: 'b.csv' }, ['c.csv'], false],
      mueFile: { file: 'm.csv' },
    });
    assert.deepEqual(settings.descriptorFiles, ['a.csv']);
    assert.deepEqual(settings.ignoredDataFileSettings, [
      'cptClaims.descriptorFiles[1] is a number, not a path; it is ignored.',
      'cptClaims.descriptorFiles[2] is null, not a path; it is ignored.',
      'cptClaims.descriptorFiles[3] is an object, not a path; it is ignored.',
      'cptClaims.descriptorFiles[4] is a list, not a path; it is ignored.',
      'cptClaims.descriptorFiles[5] is a boolean, not a path; it is ignored.',
      'cptClaims.mueFile is an object, not a path; it is ignored.',
    ]);
    assert.deepEqual(readSettings({ descriptorFiles: 'one.csv' }).ignoredDataFileSettings, [
      'cptClaims.descriptorFiles is a string, not a list of paths; it is ignored.',
    ]);
    // Unset (or null, as some clients send an unset value) is not a mistake.
    assert.equal(readSettings({ descriptorFiles: null, mueFile: null }).ignoredDataFileSettings, undefined);
    assert.equal(readSettings({ descriptorFiles: ['a.csv'], mueFile: '' }).ignoredDataFileSettings, undefined);
  });

  it('reads at most 32 descriptor files, and says so', () => {
    const settings = readSettings({ descriptorFiles: Array.from({ length: 1000 }, (_, i) => `f${i}.csv`) });
    assert.equal(settings.descriptorFiles.length, maxDescriptorFiles);
    assert.equal(settings.descriptorFiles[31], 'f31.csv');
    assert.deepEqual(settings.ignoredDataFileSettings, [
      'cptClaims.descriptorFiles names 1000 files; only the first 32 are read.',
    ]);
  });

  it('falls back to defaults for malformed values', () => {
    assert.deepEqual(readSettings(null), defaultSettings);
    assert.deepEqual(
      readSettings({ maxNumberOfProblems: -1, rules: { 'lesion-units': 'loud', 'dx-pointer': 7 } }),
      defaultSettings,
    );
    assert.deepEqual(readSettings({ rules: ['off'] }), defaultSettings);
  });

  it('reads the large-file limits, falling back to the defaults for sizes that are not sizes', () => {
    assert.deepEqual([defaultSettings.backgroundCheckAboveMB, defaultSettings.skipCheckAboveMB], [1, 200]);
    const set = readSettings({ backgroundCheckAboveMB: 0, skipCheckAboveMB: 0.5 });
    assert.deepEqual(
      [set.backgroundCheckAboveMB, set.skipCheckAboveMB],
      [0, 0.5],
      '0 checks every file in the background',
    );
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, '5', null, [3]]) {
      const read = readSettings({ backgroundCheckAboveMB: bad, skipCheckAboveMB: bad });
      assert.deepEqual([read.backgroundCheckAboveMB, read.skipCheckAboveMB], [1, 200], String(bad));
    }
    assert.equal(
      readSettings({ skipCheckAboveMB: 0 }).skipCheckAboveMB,
      200,
      'a limit of 0 would check nothing: taken as a mistake',
    );
  });

  it('lists every rule with a unique id and a default severity', () => {
    const ids = allRules.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of [
      'addon-without-primary',
      'addon-wrong-modality',
      'primary-units',
      'lesion-units',
      'code-shape',
      'bad-units',
      'bad-modifier',
      'dx-pointer',
      'unknown-header-key',
      'lowercase-code',
    ]) {
      assert.ok(ids.includes(id), id);
    }
  });
});
