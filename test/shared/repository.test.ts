/**
 * The repository address (shared/src/repository.ts): an https address whose
 * rule page links name pages that exist, and the same repository as
 * package.json's `repository` once the manifest names one.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../server/src/service';
import { repositoryUrl, rulePagesUrl } from '../../shared/src/repository';
import { repoRoot } from '../support/repoRoot';

/** `git+https://host/owner/name.git`, `https://host/owner/name` or `github:owner/name` as `https://host/owner/name`. */
function webAddress(repository: string): string {
  return repository
    .replace(/^git\+/, '')
    .replace(/^github:/, 'https://github.com/')
    .replace(/\.git$/, '')
    .replace(/\/$/, '');
}

describe('repository address', () => {
  it('is https, and each rule page link names a docs/rules page of this repository', () => {
    assert.match(repositoryUrl, /^https:\/\/[^/]+\/[^/]+\/[^/]+$/);
    assert.ok(rulePagesUrl.startsWith(`${repositoryUrl}/`) && rulePagesUrl.endsWith('/docs/rules/'), rulePagesUrl);
    for (const rule of allRules) {
      assert.ok(fs.existsSync(path.join(repoRoot(), 'docs', 'rules', `${rule.id}.md`)), rule.id);
    }
  });

  it('is the repository package.json names, when it names one', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as {
      repository?: string | { url: string };
    };
    if (manifest.repository === undefined) {
      return;
    }
    const named = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository.url;
    assert.equal(webAddress(named), repositoryUrl);
  });
});
