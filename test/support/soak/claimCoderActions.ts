/**
 * What a coder does to a `.claim` file (docs/claim-format.md), as
 * `CoderAction`s: each finds its place in the text by searching near a random
 * offset of the region, then types, backspaces or pastes there.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  type CoderAction,
  type CoderEditor,
  commonActions,
  lineEndOf,
  lineStartOf,
  occurrenceNear,
  offsetIn,
  type Region,
} from './coderSession';
import { backspacing, typing } from './keystrokes';

const newLines = [
  '19284-RT   x2   $400.00   dx=A',
  '19283-LT   x1   $350.00   dx=A',
  '76098-RT   x1   $90.00   dx=A',
  '19281   x1   $300.00   dx=A,B',
];

/** The start of the claim nearest a random offset of the region, and the start of the claim after it (or the end). */
function claimNear(editor: CoderEditor, region: Region): { start: number; end: number } {
  const text = editor.document.getText();
  const near = occurrenceNear(text, '\nclaim ', offsetIn(text, region, editor.random));
  const start = near === -1 ? 0 : near + 1;
  const next = text.indexOf('\nclaim ', start);
  return { start, end: next === -1 ? text.length : next + 1 };
}

/** The offset of a service line's units (`x` then digits) near the region, or undefined. */
function unitsNear(editor: CoderEditor, region: Region): number | undefined {
  const text = editor.document.getText();
  const found = occurrenceNear(text, '   x', offsetIn(text, region, editor.random));
  return found === -1 ? undefined : found + 3;
}

async function typeServiceLine(editor: CoderEditor, region: Region): Promise<void> {
  const { start, end } = claimNear(editor, region);
  const text = editor.document.getText();
  const lastLine = text.lastIndexOf('dx=', end);
  const at = editor.document.positionAt(lineEndOf(text, lastLine >= start ? lastLine : start));
  const line = editor.random.pick(newLines);
  // A typo in the code, seen and corrected, as coders do.
  const typo = editor.random.chance(0.5);
  const codeEnd = { line: at.line + 1, character: 7 };
  await editor.keystrokes([
    ...typing(at, `\n  ${line.slice(0, 5)}${typo ? '9' : ''}`),
    ...(typo ? backspacing({ line: at.line + 1, character: 8 }, 1) : []),
  ]);
  await editor.complete(codeEnd);
  await editor.keystrokes(typing(codeEnd, line.slice(5)));
  await editor.hover({ line: at.line + 1, character: 4 });
  await editor.pull();
}

async function changeUnits(editor: CoderEditor, region: Region): Promise<void> {
  const x = unitsNear(editor, region);
  if (x === undefined) {
    return;
  }
  const text = editor.document.getText();
  const digits = /^\d*/.exec(text.slice(x + 1, x + 6))?.[0] ?? '';
  const end = editor.document.positionAt(x + 1 + digits.length);
  await editor.keystrokes([
    ...backspacing(end, digits.length),
    ...typing({ line: end.line, character: end.character - digits.length }, String(1 + editor.random.below(4))),
  ]);
  await editor.pull();
}

async function addModifier(editor: CoderEditor, region: Region): Promise<void> {
  const x = unitsNear(editor, region);
  if (x === undefined) {
    return;
  }
  const text = editor.document.getText();
  const codeEnd = text.indexOf(' ', lineStartOf(text, x) + 2);
  await editor.keystrokes(
    typing(editor.document.positionAt(codeEnd), editor.random.pick(['-59', '-XS', '-RT', '-50'])),
  );
  await editor.pull();
}

async function removeModifier(editor: CoderEditor, region: Region): Promise<void> {
  const text = editor.document.getText();
  const found = occurrenceNear(text, editor.random.pick(['-RT ', '-LT ']), offsetIn(text, region, editor.random));
  if (found !== -1) {
    await editor.keystrokes(backspacing(editor.document.positionAt(found + 3), 3));
    await editor.pull();
  }
}

async function pasteClaim(editor: CoderEditor, region: Region): Promise<void> {
  const copied = claimNear(editor, editor.random.pick(['top', 'middle', 'end']));
  const copy = editor.document.getText().slice(copied.start, copied.end);
  const at = editor.document.positionAt(claimNear(editor, region).start);
  await editor.keystrokes([{ range: { start: at, end: at }, text: copy.endsWith('\n') ? copy : `${copy}\n` }]);
  await editor.pull();
}

async function cutClaim(editor: CoderEditor, region: Region): Promise<void> {
  const { start, end } = claimNear(editor, region);
  await editor.keystrokes([
    { range: { start: editor.document.positionAt(start), end: editor.document.positionAt(end) }, text: '' },
  ]);
  await editor.pull();
}

/** Backspaces over the `claim` keyword of a claim line, pulls the broken file's diagnostics, types it again. */
async function breakAndMendClaimLine(editor: CoderEditor, region: Region): Promise<void> {
  const at = editor.document.positionAt(claimNear(editor, region).start + 'claim'.length);
  await editor.keystrokes(backspacing(at, 5));
  await editor.pull();
  await editor.keystrokes(typing({ line: at.line, character: 0 }, 'claim'), true);
  await editor.pull();
}

async function deleteServiceLine(editor: CoderEditor, region: Region): Promise<void> {
  const x = unitsNear(editor, region);
  if (x === undefined) {
    return;
  }
  const text = editor.document.getText();
  const start = lineStartOf(text, x);
  const end = Math.min(text.length, lineEndOf(text, x) + 1);
  await editor.keystrokes([
    { range: { start: editor.document.positionAt(start), end: editor.document.positionAt(end) }, text: '' },
  ]);
  await editor.pull();
}

async function commentAtTop(editor: CoderEditor): Promise<void> {
  await editor.keystrokes(typing({ line: 0, character: 0 }, '# reviewed, 2 lesions\n'));
  await editor.pull();
}

async function appendClaim(editor: CoderEditor): Promise<void> {
  const end = editor.document.positionAt(editor.document.getText().length);
  const id = `CLM-NEW-${editor.random.below(1000)}`;
  await editor.keystrokes(
    typing(end, `claim ${id}\n  dos: 2026-03-15\n  dx: C50.411\n\n  19283-RT   x1   $350.00   dx=A\n\n`),
  );
  await editor.pull();
}

export function claimCoderActions(lastDiagnostics: () => readonly Diagnostic[]): CoderAction[] {
  return [
    { name: 'type a service line', weight: 6, run: typeServiceLine },
    { name: 'change units', weight: 5, run: changeUnits },
    { name: 'add a modifier', weight: 3, run: addModifier },
    { name: 'remove a modifier', weight: 3, run: removeModifier },
    { name: 'paste a claim', weight: 1, run: pasteClaim },
    { name: 'cut a claim', weight: 1, run: cutClaim },
    { name: 'break and mend a claim line', weight: 1, run: breakAndMendClaimLine },
    { name: 'delete a service line', weight: 2, run: deleteServiceLine },
    { name: 'comment at the top', weight: 1, run: commentAtTop },
    { name: 'type a claim at the end', weight: 1, run: appendClaim },
    ...commonActions(lastDiagnostics),
  ];
}
