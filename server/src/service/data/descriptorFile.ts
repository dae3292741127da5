/**
 * A licensed descriptor file (`cptClaims.descriptorFiles`): rows of code and
 * descriptor, tab- or comma-separated, an optional header row. Its
 * descriptors win over our summaries in hover and completion. Bad rows are
 * reported, never fatal: the good rows are still used.
 */
import { codeKindOf } from './codeShapes';
import type { DescriptorSource } from './codeReference';
import { type RowProblem, rowsOf } from './delimitedText';

export interface DescriptorFile {
  source: DescriptorSource;
  problems: RowProblem[];
  /** How many codes the file describes. */
  count: number;
}

export function readDescriptorFile(text: string, label: string): DescriptorFile {
  const descriptors = new Map<string, string>();
  const problems: RowProblem[] = [];
  rowsOf(text).forEach(({ line, cells }, index) => {
    const [codeCell = '', ...rest] = cells;
    const code = codeCell.toUpperCase();
    const descriptor = rest.join(', ').trim();
    if (codeKindOf(code) === undefined) {
      // A first row that is not a code is the header row.
      if (index > 0) {
        problems.push({ line, message: 'The first column is not a CPT or HCPCS code; the row is skipped.' });
      }
      return;
    }
    if (descriptor === '') {
      problems.push({ line, message: `${code} has no descriptor after it; the row is skipped.` });
      return;
    }
    if (descriptors.has(code)) {
      problems.push({ line, message: `${code} is described again; the first descriptor is kept.` });
      return;
    }
    descriptors.set(code, descriptor);
  });
  return { source: { label, descriptorOf: (code) => descriptors.get(code) }, problems, count: descriptors.size };
}
