/**
 * A licensed descriptor file (`cptClaims.descriptorFiles`): rows of code and
 * descriptor, tab- or comma-separated, an optional header row. Its
 * descriptors win over our summaries in hover and completion. Bad rows are
 * reported, never fatal: the good rows are still used.
 */
import { codeKindOf } from './codeShapes';
import type { DescriptorSource } from './codeReference';
import { type RowProblem, RowProblems, rowsOf } from './delimitedText';

interface DescriptorFile {
  source: DescriptorSource;
  /** The first bad rows (at most `maxRowProblemsKept`). */
  problems: RowProblem[];
  /** How many rows were bad in all. */
  problemCount: number;
  /** How many codes the file describes. */
  count: number;
}

export function readDescriptorFile(text: string, label: string): DescriptorFile {
  const descriptors = new Map<string, string>();
  const problems = new RowProblems();
  let first = true;
  for (const row of rowsOf(text)) {
    const { cells } = row;
    const [codeCell = '', ...rest] = cells;
    const code = codeCell.toUpperCase();
    const descriptor = rest.join(', ').trim();
    const isHeader = first;
    first = false;
    if (codeKindOf(code) === undefined) {
      // A first row that is not a code is the header row.
      if (!isHeader) {
        problems.add(row, () => 'The first column is not a CPT or HCPCS code; the row is skipped.');
      }
    } else if (descriptor === '') {
      problems.add(row, () => `${code} has no descriptor after it; the row is skipped.`);
    } else if (descriptors.has(code)) {
      problems.add(row, () => `${code} is described again; the first descriptor is kept.`);
    } else {
      descriptors.set(code, descriptor);
    }
  }
  return {
    source: { label, descriptorOf: (code) => descriptors.get(code) },
    problems: problems.kept,
    problemCount: problems.total,
    count: descriptors.size,
  };
}
