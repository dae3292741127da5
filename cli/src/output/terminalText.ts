/**
 * Text from outside (a file's name, a message quoting what a file holds) made
 * safe to print for people: control characters are shown as escapes, so a
 * name with a newline cannot forge a report line, and one with an escape
 * sequence cannot recolour, move or clear the terminal. Machine formats
 * (JSON, SARIF) escape through JSON itself and do not need this.
 */

/** C0 controls (tab included: it would shift the report's columns), DEL and C1 controls. */
// eslint-disable-next-line no-control-regex -- control characters are what the pattern looks for
const controls = /[\u0000-\u001f\u007f-\u009f]/g;

const named: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function terminalText(text: string): string {
  return text.replace(
    controls,
    (character) => named[character] ?? `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}
