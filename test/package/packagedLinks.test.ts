/**
 * Every link of every Markdown page in the packaged `.vsix` works where the
 * user reads it: the README is the extension's page in VS Code and on the
 * Marketplace, and the rule pages open from each diagnostic. A relative link
 * must lead to a file (and heading) the package holds; what is not packaged is
 * linked by the repository's https URL, at a file that exists in it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { deadLinks, linksOf, outsideLinks } from '../support/markdownLinks';
import { packVsix } from '../support/packVsix';
import { repoRoot } from '../support/repoRoot';

const root = repoRoot();

describe('links in the packaged extension', () => {
  it('finds links to missing files and headings, and leaves code, the web and commands alone', () => {
    const readme = [
      '# Title',
      '[ok](docs/a.md) [gone](docs/b.md) [heading](docs/a.md#present-here) [no heading](docs/a.md#absent)',
      '`[in code](nowhere.md)` [web](https://example.com) [button](command:x.y) ![picture](img.png) [self](#title)',
      '[by reference][r] [other scheme](ftp://example.com/x.md)',
      '',
      '```',
      '[in a block](nowhere.md)',
      '```',
      '',
      '[r]: missing.md',
    ].join('\n');
    const files = new Map<string, string | undefined>([
      ['README.md', readme],
      ['docs/a.md', '# Present `here`\n[up](../README.md) <img src="../img2.png">\n'],
      ['img.png', undefined],
    ]);
    assert.deepEqual(
      deadLinks(files).map((dead) => `${dead.page}: ${dead.link}`),
      [
        'README.md: docs/b.md',
        'README.md: docs/a.md#absent',
        'README.md: missing.md',
        'README.md: ftp://example.com/x.md',
        'docs/a.md: ../img2.png',
      ],
    );
    assert.deepEqual(
      deadLinks(
        new Map([
          ['docs/a.md', '# Present\n[up](../README.md)\n'],
          ['README.md', ''],
        ]),
      ),
      [],
    );
  });

  describe('in the .vsix npm run package writes', () => {
    let packaged: Map<string, string | undefined>;

    before(function () {
      this.timeout(120000);
      const vsix = packVsix();
      const entries = unzipSync(fs.readFileSync(vsix));
      fs.rmSync(path.dirname(vsix), { recursive: true, force: true });
      packaged = new Map(
        Object.entries(entries)
          .filter(([name]) => name.startsWith('extension/'))
          .map(([name, bytes]) => [
            name.slice('extension/'.length),
            name.endsWith('.md') ? strFromU8(bytes) : undefined,
          ]),
      );
    });

    it('has no Markdown page with a link to a file or heading the package lacks', () => {
      const pages = [...packaged.keys()].filter((name) => name.endsWith('.md'));
      assert.deepEqual(deadLinks(packaged), []);
      const checked = pages.flatMap((page) => linksOf(packaged.get(page) ?? '')).length;
      assert.ok(checked > 100, `${checked} links checked`);
      // vsce packs the README and the changelog in lower case, and LICENSE as LICENSE.txt: links must use those names.
      for (const page of [
        'readme.md',
        'changelog.md',
        'docs/rules/README.md',
        'docs/claim-format.md',
        'walkthrough/open-sample.md',
      ]) {
        assert.ok(pages.includes(page), `${page} in ${pages.join(', ')}`);
      }
    });

    it("links what is not packaged by the repository's https URL, at a file or folder the repository has", () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        repository: { url: string };
      };
      const repository = manifest.repository.url.replace(/\.git$/, '');
      const intoRepository = outsideLinks(packaged).filter(({ link }) => link.startsWith(`${repository}/`));
      // The README's links to the examples, the developer docs and CONTRIBUTING.md at least.
      assert.ok(intoRepository.length >= 4, intoRepository.map(({ link }) => link).join(', '));
      for (const { page, link } of intoRepository) {
        const inTree = /^\/(?:blob|tree)\/main\/([^#?]+)/.exec(link.slice(repository.length));
        if (!inTree) continue; // the repository itself, its issues
        assert.ok(fs.existsSync(path.join(root, decodeURI(inTree[1] ?? ''))), `${page}: ${link}`);
      }
    });
  });
});
