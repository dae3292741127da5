/**
 * The claims of a generated batch written as `.claim` text (docs/claim-format.md),
 * so the same claims can be measured in both formats.
 */
import type { ClaimToWrite } from '../../../server/src/service';

/** An ICD-10-CM code with its decimal point after the category, as `.claim` headers write it. */
function withDecimal(code: string): string {
  return code.length > 3 && !code.includes('.') ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

export function writeClaimText(claims: readonly ClaimToWrite[]): string {
  return claims
    .map((claim) => {
      const lines = claim.lines.map((line) => {
        const code = [line.code, ...(line.modifiers ?? [])].join('-');
        const pointers = (line.pointers ?? [1]).map((pointer) => String.fromCharCode(64 + pointer)).join(',');
        return `  ${code}   x${line.units ?? 1}   $${Number(line.charge).toFixed(2)}   dx=${pointers}`;
      });
      const header = [
        `claim ${claim.id}`,
        ...(claim.dos ? [`  dos: ${claim.dos}`] : []),
        `  dx: ${claim.diagnoses.map(withDecimal).join(', ')}`,
      ];
      return `${[...header, '', ...lines].join('\n')}\n\n`;
    })
    .join('');
}
