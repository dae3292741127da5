/**
 * What every imported table says of itself (the service's `Edition`: its
 * label, the dates it is for, the file it came from), kept as one plain
 * object so that it is cached with the table's rows.
 */
import type { DateSpan, Edition } from '../../service/index';

export interface EditionFacts {
  label: string;
  applies: DateSpan;
  source: string;
}

/** The `Edition` part of a table, read from its facts. */
export abstract class EditionTable implements Edition {
  constructor(readonly edition: EditionFacts) {}

  get label(): string {
    return this.edition.label;
  }

  get applies(): DateSpan {
    return this.edition.applies;
  }

  get source(): string {
    return this.edition.source;
  }
}
