/**
 * Model pieces of an X12 file that keep offsets and work out their LSP range
 * when asked. A large batch has millions of fields; holding four objects per
 * range (range, start, end, positions) for each made the model many times the
 * size of the file and the parse mostly garbage collection. Ranges are only
 * read for findings, hover and edits, a small share of the fields.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { Diagnosis, DiagnosisCodeSet, DiagnosisPointer, Field, ServiceLine } from '../model/model';
import { keepShapeOf } from '../model/keptShapes';
import { LineIndex } from './lineIndex';

export class OffsetField<T> implements Field<T> {
  constructor(
    readonly value: T,
    private readonly start: number,
    private readonly end: number,
    private readonly lines: LineIndex,
  ) {}

  get range(): Range {
    return this.lines.range(this.start, this.end);
  }
}

export class OffsetDiagnosis implements Diagnosis {
  constructor(
    readonly code: string,
    readonly codeSet: DiagnosisCodeSet,
    private readonly start: number,
    private readonly end: number,
    private readonly lines: LineIndex,
  ) {}

  get range(): Range {
    return this.lines.range(this.start, this.end);
  }
}

export class OffsetPointer implements DiagnosisPointer {
  constructor(
    readonly text: string,
    readonly index: number,
    private readonly start: number,
    private readonly lines: LineIndex,
  ) {}

  get range(): Range {
    return this.lines.range(this.start, this.start + this.text.length);
  }
}

/** An SV1 service line; `start`/`end` span the segment, `procedureEnd` is where SV101 ends. */
export class X12ServiceLine implements ServiceLine {
  modifiers: Field<string>[] = [];
  dxPointers: DiagnosisPointer[] = [];
  units?: Field<number>;
  unusableUnits?: Range;
  charge?: Field<number>;
  unitBasis?: Field<string>;
  description?: Field<string>;
  ndc?: Field<string>;
  otherCodeList?: string;
  dos?: Field<string>;

  constructor(
    readonly code: Field<string>,
    readonly codeText: string,
    private readonly start: number,
    private readonly end: number,
    private readonly procedureEnd: number,
    private readonly lines: LineIndex,
  ) {}

  get range(): Range {
    return this.lines.range(this.start, this.end);
  }

  get afterModifiers(): Position {
    return this.lines.positionAt(this.procedureEnd);
  }
}

// The model of an 837 is made of these, by the thousand a check; see keptShapes.ts for why one of each is kept.
const noLines = new LineIndex('');
keepShapeOf(new OffsetField<unknown>('', 0, 0, noLines));
keepShapeOf(new OffsetDiagnosis('', 'ICD-10-CM', 0, 0, noLines));
keepShapeOf(new OffsetPointer('', 0, 0, noLines));
keepShapeOf(new X12ServiceLine(new OffsetField('', 0, 0, noLines), '', 0, 0, 0, noLines));
