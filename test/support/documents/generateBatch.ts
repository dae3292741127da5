/**
 * Writes a large generated batch to disk, a transaction at a time, for
 * measuring claim-lint (docs/scaling.md): an 837P of many transaction sets
 * (5000 claims each, the implementation guide's recommended most) or the
 * same claims as a `.claim` file.
 *
 *   node out/test/support/documents/generateBatch.js FILE MEGABYTES [claims per transaction]
 *
 * The format follows FILE's extension (.837 or .claim). Prints the claim count.
 */
import * as fs from 'node:fs';
import { writeClaimText } from './claimBatch';
import { batchClaim, batchHeader, batchTrailer, transactionText } from './x12Batch';

export function generateBatch(file: string, megabytes: number, claimsPerTransaction = 5000): number {
  const target = megabytes * 1024 * 1024;
  const x12 = !file.endsWith('.claim');
  const fd = fs.openSync(file, 'w');
  let written = 0;
  const write = (text: string) => {
    fs.writeSync(fd, text);
    written += Buffer.byteLength(text);
  };
  let claims = 0;
  let transactions = 0;
  if (x12) {
    write(batchHeader());
  }
  while (written < target) {
    const batch = Array.from({ length: claimsPerTransaction }, (_, i) => batchClaim(claims + i));
    write(x12 ? transactionText(batch, ++transactions) : writeClaimText(batch));
    claims += batch.length;
  }
  if (x12) {
    write(batchTrailer(transactions));
  }
  fs.closeSync(fd);
  return claims;
}

if (require.main === module) {
  const [file, megabytes, perTransaction] = process.argv.slice(2);
  if (file === undefined || !/^\d+$/.test(megabytes ?? '')) {
    process.stderr.write('usage: generateBatch FILE MEGABYTES [claims per transaction]\n');
    process.exitCode = 2;
  } else {
    process.stdout.write(
      `${generateBatch(file, Number(megabytes), perTransaction ? Number(perTransaction) : undefined)} claims\n`,
    );
  }
}
