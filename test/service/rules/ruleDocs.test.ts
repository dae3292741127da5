/**
 * Every rule has its page in `docs/rules/<id>.md`, listed in the index, with
 * its id, its default severity, an example that fires it and a corrected
 * version that is clean (and, where it shows one, an example that stays
 * quiet); and diagnostics link to the page through
 * `codeDescription` when the service is given the pages' base URI.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { MueEntry } from '../../../server/src/service/reference/mueFile';
import {
  allRules,
  type ClaimSettings,
  defaultSettings,
  getLanguageService,
  type OfficialData,
} from '../../../server/src/service';
import { officialData } from '../../support/inMemoryOfficialData';
import { twoIcd10Years } from '../../support/officialFixtures';
import { repoRoot } from '../../support/repoRoot';
import { type Example, example, page, x12Text } from '../../support/documents/ruleDocExamples';

const rulesDir = path.join(repoRoot(), 'docs', 'rules');

/** What the pages suppose for their examples: a loaded MUE file, a lower problem limit. */
const mueForExample: ReadonlyMap<string, MueEntry> = new Map<string, MueEntry>([
  ['76098', { code: '76098', value: 1, indicator: 1, rationale: '' }],
]);
/** The official data a page's examples suppose loaded (the pages say so), in our own words and invented codes. */
const officialDataForExample: Record<string, () => OfficialData> = {
  'invalid-diagnosis': () => officialData(twoIcd10Years),
  'global-surgery': () => officialData({ fees: [{ code: '99951', globalDays: '010' }] }),
  'ncci-ptp': () => officialData({ ptp: [{ column1: '99901', column2: '99903', indicator: 0 }] }),
  'unknown-code': () =>
    officialData({
      hcpcs: [{ code: 'A4649', short: 'A surgical supply', long: 'A surgical supply, in our test words' }],
    }),
};
const settingsForExample: Record<string, ClaimSettings> = {
  'too-many-problems': { ...defaultSettings, maxNumberOfProblems: 2 },
};

function codesOf(id: string, { language, text }: Example): string[] {
  const officialData = officialDataForExample[id];
  const service = getLanguageService(
    id === 'mue-limit' ? { mue: mueForExample } : officialData ? { officialData: officialData() } : {},
  );
  const x12 = language === 'x12';
  const document = TextDocument.create(
    `file:///docs/${id}.${x12 ? '837' : 'claim'}`,
    x12 ? 'x12' : 'claim',
    1,
    x12 && text.startsWith('CLM') ? x12Text(text) : text,
  );
  return service
    .doValidation(document, service.parse(document), settingsForExample[id] ?? defaultSettings)
    .map((d) => String(d.code));
}

describe('rule pages (docs/rules)', () => {
  const index = () => fs.readFileSync(path.join(rulesDir, 'README.md'), 'utf8');

  for (const rule of allRules) {
    it(`${rule.id}: has a page with its id and default severity, listed in the index`, () => {
      assert.ok(
        fs.existsSync(path.join(rulesDir, `${rule.id}.md`)),
        `docs/rules/${rule.id}.md is missing: every rule needs its page`,
      );
      const text = page(rule.id);
      assert.ok(text.startsWith(`# \`${rule.id}\`\n`), `${rule.id}.md should start with its id as the title`);
      assert.ok(
        text.includes(`**Default severity:** ${rule.defaultSeverity} `),
        `${rule.id}.md should give the default severity ${rule.defaultSeverity}`,
      );
      for (const section of [
        '## What it reports',
        '## Why',
        '## Source',
        '## Quick fix',
        '## Severity and silencing',
        'cptClaims.rules',
      ]) {
        assert.ok(text.includes(section), `${rule.id}.md lacks ${section}`);
      }
      assert.ok(
        index().includes(`| [\`${rule.id}\`](${rule.id}.md) | ${rule.defaultSeverity} |`),
        `${rule.id} is not in docs/rules/README.md`,
      );
    });

    it(`${rule.id}: its example fires the rule and its corrected version is clean`, () => {
      assert.ok(
        codesOf(rule.id, example(rule.id, 'Example that fires')).includes(rule.id),
        `the example of ${rule.id}.md does not fire it`,
      );
      const corrected = example(rule.id, 'Corrected');
      // A one-segment 837 correction shows only the segment that changes.
      if (corrected.language === 'x12' && !corrected.text.includes('\n')) {
        return;
      }
      assert.deepEqual(codesOf(rule.id, corrected), [], `the corrected example of ${rule.id}.md`);
    });

    if (page(rule.id).includes('## Example that stays quiet')) {
      it(`${rule.id}: its example that stays quiet does not fire it`, () => {
        assert.ok(!codesOf(rule.id, example(rule.id, 'Example that stays quiet')).includes(rule.id));
      });
    }
  }

  it('has every rule in the table of docs/domain.md that gives the facts it uses, their source and sureness', () => {
    const domain = fs.readFileSync(path.join(repoRoot(), 'docs', 'domain.md'), 'utf8');
    const table = domain.slice(domain.indexOf('## Every fact the rules use'));
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    const named = new Set(
      rows.flatMap((row) => [...(row.split(' | ')[0] ?? '').matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1])),
    );
    assert.deepEqual(
      allRules.map((rule) => rule.id).filter((id) => !named.has(id)),
      [],
    );
    for (const row of rows) {
      assert.equal(row.split(' | ').length, 4, `a row of four cells (rule, fact, source, how sure): ${row}`);
    }
  });

  it('has no page for a rule that does not exist', () => {
    const ids = new Set(allRules.map((rule) => rule.id));
    const pages = fs.readdirSync(rulesDir).filter((file) => file.endsWith('.md') && file !== 'README.md');
    assert.deepEqual(
      pages.filter((file) => !ids.has(file.slice(0, -'.md'.length))),
      [],
    );
  });
});

describe('diagnostics link to their rule page', () => {
  const base = 'file:///opt/cpt-claims/docs/rules/';
  const validate = (text: string, rulesDocsBase?: string, settings: ClaimSettings = defaultSettings): Diagnostic[] => {
    const service = getLanguageService(rulesDocsBase === undefined ? {} : { rulesDocsBase });
    const document = TextDocument.create('file:///links.claim', 'claim', 1, text);
    return service.doValidation(document, service.parse(document), settings);
  };

  it('sets codeDescription.href to <base><rule-id>.md when a base is given', () => {
    const diagnostics = validate('claim A\n 19284-RT x1\n 1928-RT\n', base);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.codeDescription?.href]),
      [
        ['addon-without-primary', `${base}addon-without-primary.md`],
        ['code-shape', `${base}code-shape.md`],
      ],
    );
  });

  it('links the problem-limit notice too', () => {
    const diagnostics = validate('1928\n1929\n1930\n', base, { ...defaultSettings, maxNumberOfProblems: 2 });
    const notice = diagnostics.find((d) => d.code === 'too-many-problems');
    assert.equal(notice?.codeDescription?.href, `${base}too-many-problems.md`);
  });

  it('sets no codeDescription without a base', () => {
    const diagnostics = validate('claim A\n 19284-RT x1\n');
    assert.equal(diagnostics.length, 1);
    assert.equal('codeDescription' in (diagnostics[0] ?? {}), false);
  });
});
