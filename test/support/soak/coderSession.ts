/**
 * A coder's editing session on a large claim file, as a script: what a coder
 * does in half an hour (type a service line a key at a time, fix a typo,
 * change units, add or drop a modifier, paste a claim and take it out again,
 * undo, break a line and mend it, change a setting, look at a hover or a
 * completion, apply a quick fix), at the top, middle and end of the file.
 * The actions are written against `CoderEditor`, which the soak test
 * implements over the protocol; the format's actions are in
 * `claimCoderActions.ts` and `x12CoderActions.ts`.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { writeClaimText } from '../documents/claimBatch';
import type { SeededRandom, TextChange } from './keystrokes';
import { batchClaim, batchHeader, batchTrailer, transactionText } from '../documents/x12Batch';

export type Region = 'top' | 'middle' | 'end';
export const regions: readonly Region[] = ['top', 'middle', 'end'];

export interface CoderEditor {
  /** The text as the coder sees it now. */
  readonly document: TextDocument;
  readonly random: SeededRandom;
  /**
   * Each change sent as its own didChange, in order; together they are one undo step, or part of the
   * previous one with `joinUndo` (a break and its mend undo together, so an undo never leaves the file broken for good).
   */
  keystrokes(changes: readonly TextChange[], joinUndo?: boolean): Promise<void>;
  /** Reverts the last undo step, in one didChange of several changes as editors send an undo. */
  undo(): Promise<void>;
  /** Pulls diagnostics (and checks them against the latest text). */
  pull(): Promise<readonly Diagnostic[]>;
  hover(position: Position): Promise<void>;
  complete(position: Position): Promise<void>;
  /** Asks for quick fixes for the diagnostic and applies the first offered, as one undo step. */
  quickFix(diagnostic: Diagnostic): Promise<void>;
  changeSettings(settings: object): Promise<void>;
}

export interface CoderAction {
  name: string;
  /** How often it is chosen, relative to the others. */
  weight: number;
  run(editor: CoderEditor, region: Region): Promise<void>;
}

/** A random offset in the region: the first or last 2 % of the text, or its middle tenth. */
export function offsetIn(text: string, region: Region, random: SeededRandom): number {
  const span = region === 'middle' ? 0.1 : 0.02;
  const from = region === 'top' ? 0 : region === 'middle' ? 0.45 : 1 - span;
  return Math.min(text.length, Math.floor(text.length * (from + random.next() * span)));
}

/** Where `needle` occurs nearest after `offset`, else nearest before it; -1 if nowhere. */
export function occurrenceNear(text: string, needle: string, offset: number): number {
  const after = text.indexOf(needle, offset);
  return after !== -1 ? after : text.lastIndexOf(needle, offset);
}

/** The start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line holding `offset` (before its line break). */
export function lineEndOf(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

/** Settings a coder switches between: every problem shown, a rule made an error or turned off, a low limit. */
export const settingsVariants: readonly object[] = [
  { maxNumberOfProblems: 100_000 },
  { maxNumberOfProblems: 100_000, rules: { 'addon-without-primary': 'error' } },
  { maxNumberOfProblems: 100_000, rules: { 'addon-without-primary': 'off', 'x12-claim-total': 'hint' } },
  { maxNumberOfProblems: 300 },
];

/** Actions both formats share: undo, a settings change, a quick fix of a diagnostic in the region. */
export function commonActions(lastDiagnostics: () => readonly Diagnostic[]): CoderAction[] {
  return [
    {
      name: 'undo',
      weight: 3,
      run: async (editor) => {
        await editor.undo();
        await editor.pull();
      },
    },
    {
      name: 'change a setting',
      weight: 1,
      run: async (editor) => {
        await editor.changeSettings(editor.random.pick(settingsVariants));
        await editor.pull();
      },
    },
    {
      name: 'apply a quick fix',
      weight: 1,
      run: async (editor) => {
        const diagnostics = lastDiagnostics();
        if (diagnostics.length > 0) {
          await editor.quickFix(editor.random.pick(diagnostics));
          await editor.pull();
        }
      },
    },
  ];
}

/** Picks actions by weight and runs them, each in a random region, until `edits()` reaches `target`. */
export async function runSession(
  editor: CoderEditor,
  actions: readonly CoderAction[],
  target: number,
  edits: () => number,
): Promise<Map<string, number>> {
  const total = actions.reduce((sum, action) => sum + action.weight, 0);
  const counts = new Map<string, number>();
  while (edits() < target) {
    let roll = editor.random.next() * total;
    const action = actions.find((candidate) => (roll -= candidate.weight) < 0) ?? actions[actions.length - 1];
    if (!action) {
      break;
    }
    await action.run(editor, editor.random.pick(regions));
    counts.set(action.name, (counts.get(action.name) ?? 0) + 1);
  }
  return counts;
}

/** A generated batch of at least `megabytes` MiB (UTF-8), as `.claim` text or an 837P of 5000-claim transactions. */
export function largeBatch(format: 'claim' | 'x12', megabytes: number): string {
  const target = megabytes * 1024 * 1024;
  const parts: string[] = format === 'x12' ? [batchHeader()] : [];
  let length = 0;
  let claims = 0;
  let transactions = 0;
  while (length < target) {
    const batch = Array.from({ length: 1000 }, (_, n) => batchClaim(claims + n));
    claims += batch.length;
    const text = format === 'x12' ? transactionText(batch, ++transactions) : writeClaimText(batch);
    parts.push(text);
    length += Buffer.byteLength(text);
  }
  if (format === 'x12') {
    parts.push(batchTrailer(transactions));
  }
  return parts.join('');
}
