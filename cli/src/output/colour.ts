/**
 * Whether `stylish` is coloured, and the colours. The decision is Node's own
 * (its `tty` colour depth, which chalk and most CLI tools follow too):
 * `FORCE_COLOR` decides when set (`''`, `1`, `2`, `3` or `true` turn colour on,
 * anything else off, a pipe or a file included); else `NO_COLOR` (not empty,
 * as no-color.org says), `NODE_DISABLE_COLORS` or `TERM=dumb` turn it off;
 * else a terminal gets colour, a pipe or a file none. A few lines, so no
 * dependency: the libraries that decide it read the real process, and the
 * tests pass the terminal and environment in.
 */

export interface ColourContext {
  /** Whether the report goes to a terminal (false for a pipe, a redirect or --output-file). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

export function wantsColour({ isTTY, env }: ColourContext): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) {
    return ['', '1', '2', '3', 'true'].includes(force);
  }
  if ((env['NO_COLOR'] ?? '') !== '' || env['NODE_DISABLE_COLORS'] !== undefined || env['TERM'] === 'dumb') {
    return false;
  }
  return isTTY;
}

/** ANSI styles, each closed with its own reset so they nest; or none at all. */
export interface Palette {
  red: (text: string) => string;
  yellow: (text: string) => string;
  blue: (text: string) => string;
  dim: (text: string) => string;
  bold: (text: string) => string;
  underline: (text: string) => string;
}

const style =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;

export const ansiPalette: Palette = {
  red: style(31, 39),
  yellow: style(33, 39),
  blue: style(34, 39),
  dim: style(2, 22),
  bold: style(1, 22),
  underline: style(4, 24),
};

const plain = (text: string): string => text;

export const noPalette: Palette = {
  red: plain,
  yellow: plain,
  blue: plain,
  dim: plain,
  bold: plain,
  underline: plain,
};
