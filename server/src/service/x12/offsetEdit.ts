/**
 * An edit as the readers of a new version see it: the previous text changed
 * from `changeStart` (inclusive) to `changeEnd` (exclusive), and what followed
 * moved by `shift` characters. Offsets kept from the previous version (the
 * structure walk's loops, findings and checkpoints) are moved by it.
 */
export interface OffsetEdit {
  changeStart: number;
  changeEnd: number;
  shift: number;
}

/** An offset of the previous version in this one, or NaN inside the text the edit changed. */
export function movedOffset(offset: number, edit: OffsetEdit): number {
  if (offset < edit.changeStart) {
    return offset;
  }
  return offset >= edit.changeEnd ? offset + edit.shift : NaN;
}
