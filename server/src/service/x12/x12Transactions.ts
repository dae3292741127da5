/**
 * The transactions (ST...SE) of an X12 file and what each is
 * (`transactionIdentity.ts`), so the claim reader, the claim spans and the
 * envelope and structure rules can pass over the transactions that are not
 * 837P professional claims. Read once per version of the segments (from the
 * envelope segments' ordinals, `ordinalsOf`, those few made into objects) and kept beside
 * them, as the segments of a version never change.
 */
import { identifyTransaction, type TransactionIdentity } from './transactionIdentity';
import type { X12Segment, X12Segments } from './x12Types';
import { keepShapeOf } from '../model/keptShapes';

export interface X12Transaction {
  identity: TransactionIdentity;
  /** The ST's ordinal. */
  first: number;
  /** One past the SE's ordinal; without SE, the ordinal of the segment that ends it (ST, GS, GE, ISA, IEA) or the end. */
  end: number;
  /** The ordinal of the GS of its group, or -1. */
  group: number;
}

export interface X12Transactions {
  all: readonly X12Transaction[];
  /** Only the transactions not checked, in order. */
  refused: readonly X12Transaction[];
  /** True when the segment at `ordinal` stands in a transaction that is not checked. */
  isRefused(ordinal: number): boolean;
  /** The end of the refused transaction the segment at `ordinal` stands in, or -1 when it stands in none. */
  refusedEndAt(ordinal: number): number;
}

/**
 * The envelope segments, the only ones reading the transactions looks at (each but SE ends a transaction that
 * has no SE); an edit to one may change what every transaction after it is (`structureWalks.ts`).
 */
export const envelopeIds: readonly string[] = ['ST', 'SE', 'GS', 'GE', 'ISA', 'IEA'];

/** For `ordinalsOf`: the ISAs, which open each interchange of a file. */
export const interchangeHeaders: readonly string[] = ['ISA'];

const cache = new WeakMap<X12Segments, X12Transactions>();

function elementText(segment: X12Segment | undefined, n: number): string {
  return segment?.elements[n - 1]?.text ?? '';
}

function readTransactions(segments: X12Segments): X12Transaction[] {
  const transactions: X12Transaction[] = [];
  let isa: X12Segment | undefined;
  let gs: X12Segment | undefined;
  let group = -1;
  let open: X12Transaction | undefined;
  for (const ordinal of segments.ordinalsOf(envelopeIds)) {
    const id = segments.idAt(ordinal);
    if (open && id !== 'SE') {
      open.end = ordinal;
      open = undefined;
    }
    if (id === 'ISA') {
      isa = segments.at(ordinal);
      gs = undefined;
      group = -1;
    } else if (id === 'GS') {
      gs = segments.at(ordinal);
      group = ordinal;
    } else if (id === 'ST') {
      const st = segments.at(ordinal);
      const identity = identifyTransaction({
        isa12: elementText(isa, 12),
        gs08: elementText(gs, 8),
        st01: elementText(st, 1),
        st03: elementText(st, 3),
      });
      open = { identity, first: ordinal, end: segments.length, group };
      transactions.push(open);
    } else if (id === 'SE' && open) {
      open.end = ordinal + 1;
      open = undefined;
    }
  }
  return transactions;
}

/**
 * A class, not an object of closures: the claim reader and the structure walk call `refusedEndAt` in their
 * loops, and a closure made per file would be compiled into them and die with the file (see keptShapes.ts).
 */
class TransactionList implements X12Transactions {
  readonly refused: readonly X12Transaction[];

  constructor(readonly all: readonly X12Transaction[]) {
    this.refused = all.filter((transaction) => !transaction.identity.checked);
  }

  isRefused(ordinal: number): boolean {
    return this.refused.length > 0 && this.refusedHolding(ordinal) !== undefined;
  }

  refusedEndAt(ordinal: number): number {
    return this.refused.length === 0 ? -1 : (this.refusedHolding(ordinal)?.end ?? -1);
  }

  /** The refused transaction holding `ordinal`, by binary search (they are in order and do not overlap). */
  private refusedHolding(ordinal: number): X12Transaction | undefined {
    const refused = this.refused;
    let low = 0;
    let high = refused.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const transaction = refused[middle] as X12Transaction;
      if (ordinal < transaction.first) {
        high = middle - 1;
      } else if (ordinal >= transaction.end) {
        low = middle + 1;
      } else {
        return transaction;
      }
    }
    return undefined;
  }
}
keepShapeOf(new TransactionList([]));

/** The transactions of these segments, read once and kept while the segments are. */
export function x12Transactions(segments: X12Segments): X12Transactions {
  let transactions = cache.get(segments);
  if (!transactions) {
    transactions = new TransactionList(readTransactions(segments));
    cache.set(segments, transactions);
  }
  return transactions;
}
