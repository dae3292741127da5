/**
 * Every claim file in the repository, with its format: `examples/`, the
 * editor fixtures, and each rule page's example and corrected version (an
 * 837 claim loop put inside an envelope). Read by the formatting round trips.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../../server/src/service';
import { repoRoot } from '../repoRoot';
import { example, x12Text } from './ruleDocExamples';

export interface ClaimFile {
  name: string;
  format: 'claim' | 'x12';
  text: string;
}

function filesIn(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesIn(full) : /\.(claim|837|edi|x12)$/.test(entry.name) ? [full] : [];
  });
}

export function repositoryClaimFiles(): ClaimFile[] {
  const root = repoRoot();
  const files = ['examples', 'test/editor/fixtures/workspace'].flatMap((dir) => filesIn(path.join(root, dir)));
  const onDisk = files.map((file) => ({
    name: path.relative(root, file),
    format: file.endsWith('.claim') ? ('claim' as const) : ('x12' as const),
    text: fs.readFileSync(file, 'utf8'),
  }));
  const pages = allRules.flatMap((rule) =>
    ['Example that fires', 'Corrected'].map((heading) => {
      const { language, text } = example(rule.id, heading);
      const x12 = language === 'x12';
      return {
        name: `docs/rules/${rule.id}.md (${heading})`,
        format: x12 ? ('x12' as const) : ('claim' as const),
        text: x12 && text.startsWith('CLM') ? x12Text(text) : text,
      };
    }),
  );
  return [...onDisk, ...pages];
}
