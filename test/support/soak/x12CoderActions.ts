/**
 * What a coder does to an 837P written a segment per line, as `CoderAction`s:
 * each finds its place by searching near a random offset of the region, then
 * types, backspaces or pastes there. Some edits leave the envelope wrong (an
 * SE01 that no longer counts the segments, an LX out of sequence): that is
 * what a coder's file looks like mid-edit, and the rules report it.
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

const newServiceLines = [
  'LX*4~\nSV1*HC:19284:RT*400*UN*2***1~',
  'LX*2~\nSV1*HC:19283:LT*350*UN*1***1~',
  'LX*3~\nSV1*HC:76098:RT*90*UN*1***1~',
];

/** The start of the CLM segment nearest a random offset of the region, and the start of the segment that ends its claim. */
function claimNear(editor: CoderEditor, region: Region): { start: number; end: number } | undefined {
  const text = editor.document.getText();
  const near = occurrenceNear(text, '\nCLM*', offsetIn(text, region, editor.random));
  if (near === -1) {
    return undefined;
  }
  const start = near + 1;
  const ends = ['\nHL*', '\nSE*'].map((segment) => text.indexOf(segment, start)).filter((end) => end !== -1);
  return { start, end: ends.length > 0 ? Math.min(...ends) + 1 : text.length };
}

function near(editor: CoderEditor, region: Region, needle: string): number {
  const text = editor.document.getText();
  return occurrenceNear(text, needle, offsetIn(text, region, editor.random));
}

async function typeServiceLine(editor: CoderEditor, region: Region): Promise<void> {
  const claim = claimNear(editor, region);
  if (!claim) {
    return;
  }
  const text = editor.document.getText();
  const lastSegment = lineStartOf(text, claim.end - 1);
  const at = editor.document.positionAt(lineEndOf(text, Math.max(claim.start, lastSegment)));
  const segments = editor.random.pick(newServiceLines);
  const codeAt = segments.indexOf('HC:') + 3;
  await editor.keystrokes(typing(at, `\n${segments.slice(0, codeAt)}`));
  await editor.complete({ line: at.line + 2, character: 7 });
  await editor.keystrokes(typing({ line: at.line + 2, character: 7 }, segments.slice(codeAt)));
  await editor.hover({ line: at.line + 2, character: 9 });
  await editor.pull();
}

/** Replaces the digits after `needle` (units, a count, a control number) with other digits. */
async function retypeNumberAfter(editor: CoderEditor, region: Region, needle: string, digits: string): Promise<void> {
  const found = near(editor, region, needle);
  if (found === -1) {
    return;
  }
  const text = editor.document.getText();
  const start = found + needle.length;
  const old = /^\d*/.exec(text.slice(start, start + 12))?.[0] ?? '';
  const end = editor.document.positionAt(start + old.length);
  await editor.keystrokes([
    ...backspacing(end, old.length),
    ...typing({ line: end.line, character: end.character - old.length }, digits),
  ]);
  await editor.pull();
}

async function addModifier(editor: CoderEditor, region: Region): Promise<void> {
  const found = near(editor, region, 'SV1*HC:');
  if (found === -1) {
    return;
  }
  const compositeEnd = editor.document.getText().indexOf('*', found + 'SV1*HC:'.length);
  await editor.keystrokes(typing(editor.document.positionAt(compositeEnd), editor.random.pick([':59', ':XS', ':50'])));
  await editor.pull();
}

async function removeModifier(editor: CoderEditor, region: Region): Promise<void> {
  const found = near(editor, region, editor.random.pick([':RT*', ':LT*']));
  if (found !== -1) {
    await editor.keystrokes(backspacing(editor.document.positionAt(found + 3), 3));
    await editor.pull();
  }
}

async function pasteClaim(editor: CoderEditor, region: Region): Promise<void> {
  const copied = claimNear(editor, editor.random.pick(['top', 'middle', 'end']));
  const target = claimNear(editor, region);
  if (copied && target) {
    const at = editor.document.positionAt(target.start);
    await editor.keystrokes([
      { range: { start: at, end: at }, text: editor.document.getText().slice(copied.start, copied.end) },
    ]);
    await editor.pull();
  }
}

async function cutClaim(editor: CoderEditor, region: Region): Promise<void> {
  const claim = claimNear(editor, region);
  if (claim) {
    await editor.keystrokes([
      {
        range: { start: editor.document.positionAt(claim.start), end: editor.document.positionAt(claim.end) },
        text: '',
      },
    ]);
    await editor.pull();
  }
}

/** Backspaces over a segment terminator (two segments run together), pulls, types it again. */
async function breakAndMendTerminator(editor: CoderEditor, region: Region): Promise<void> {
  const found = near(editor, region, '~\nSV1*');
  if (found === -1) {
    return;
  }
  const at = editor.document.positionAt(found + 1);
  await editor.keystrokes(backspacing(at, 1));
  await editor.pull();
  await editor.keystrokes(typing({ line: at.line, character: at.character - 1 }, '~'), true);
  await editor.pull();
}

/** Backspaces over the I of ISA (the file is no longer an interchange), pulls, types it again. */
async function breakAndMendIsa(editor: CoderEditor): Promise<void> {
  if (!editor.document.getText().startsWith('ISA')) {
    return;
  }
  await editor.keystrokes(backspacing({ line: 0, character: 1 }, 1));
  await editor.pull();
  await editor.keystrokes(typing({ line: 0, character: 0 }, 'I'), true);
  await editor.pull();
}

async function deleteDateSegment(editor: CoderEditor, region: Region): Promise<void> {
  const found = near(editor, region, '\nDTP*472*');
  if (found === -1) {
    return;
  }
  const text = editor.document.getText();
  const end = Math.min(text.length, lineEndOf(text, found + 1) + 1);
  await editor.keystrokes([
    { range: { start: editor.document.positionAt(found + 1), end: editor.document.positionAt(end) }, text: '' },
  ]);
  await editor.pull();
}

async function typeSubmitterName(editor: CoderEditor): Promise<void> {
  const found = editor.document.getText().indexOf('NM1*41*2*');
  if (found !== -1) {
    await editor.keystrokes(typing(editor.document.positionAt(found + 'NM1*41*2*'.length), 'CLINIC '));
    await editor.pull();
  }
}

export function x12CoderActions(lastDiagnostics: () => readonly Diagnostic[]): CoderAction[] {
  return [
    { name: 'type a service line', weight: 6, run: typeServiceLine },
    {
      name: 'change units',
      weight: 5,
      run: (editor, region) => retypeNumberAfter(editor, region, '*UN*', String(1 + editor.random.below(4))),
    },
    { name: 'add a modifier', weight: 3, run: addModifier },
    { name: 'remove a modifier', weight: 3, run: removeModifier },
    { name: 'paste a claim', weight: 1, run: pasteClaim },
    { name: 'cut a claim', weight: 1, run: cutClaim },
    { name: 'break and mend a terminator', weight: 1, run: breakAndMendTerminator },
    { name: 'break and mend the ISA', weight: 1, run: breakAndMendIsa },
    { name: 'delete a date segment', weight: 2, run: deleteDateSegment },
    { name: 'type in the submitter name', weight: 1, run: typeSubmitterName },
    {
      name: 'fix a transaction count',
      weight: 1,
      run: (editor, region) => retypeNumberAfter(editor, region, '\nGE*', String(1 + editor.random.below(30))),
    },
    ...commonActions(lastDiagnostics),
  ];
}
