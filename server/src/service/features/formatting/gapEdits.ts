/**
 * Formatting edits that change only the white space between pieces of text
 * that never change: one small edit per gap that differs, so the editor keeps
 * the cursor in its token and a formatted file gives no edits at all.
 */
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';

/** The line end a formatter adds: the file's first, or `\n` in a file that has none. */
export function lineEndOf(text: string): string {
  const match = /\r\n|\r|\n/.exec(text);
  return match ? match[0] : '\n';
}

/** The indentation one level deep, as the editor's options ask (two spaces when they say nothing sensible). */
export function indentUnit(options: FormattingOptions): string {
  if (options.insertSpaces === false) {
    return '\t';
  }
  const size = Number.isInteger(options.tabSize) && options.tabSize >= 1 && options.tabSize <= 16 ? options.tabSize : 2;
  return ' '.repeat(size);
}

export function edit(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/**
 * Collects edits: `replace` is called for a gap [start, end) and the white
 * space wanted there; a gap holding anything but `layout` characters (a
 * form feed, a no-break space, a byte-order mark) is left as written.
 */
export class GapEdits {
  readonly edits: TextEdit[] = [];

  constructor(private readonly layout: RegExp) {}

  replace(written: string, wanted: string, range: () => Range): void {
    if (written !== wanted && this.layout.test(written)) {
      this.edits.push(edit(range(), wanted));
    }
  }
}
