/**
 * Rename of a claim id: the token after `claim` in a `.claim` file, CLM01 in
 * an 837. Nothing else in either format names a claim by its id, so the
 * rename is one edit, but it is checked first: the new id must fit the
 * format (one token of at most 38 printable ASCII characters, CLM01's
 * length; in an 837 none of the file's separators; in a `.claim` file none
 * of the 837's usual separators, so the claim still converts) and no other
 * claim of the file may have it (compared without case, as many payer
 * systems do), since the id is how a payer's answers are matched to the
 * claim. A refusal says why; it never quotes claim text.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ClaimDocumentModel, X12Structure } from '../../model/model';
import { claimIdToken, claimLineKind, forEachClaimId } from '../../claimText/claimLines';
import { rangeOnLine } from '../../claimText/lineTokens';
import { x12TargetAt } from '../../position/x12Target';

/** CLM01, the patient control number, is AN 1-38. */
const maxClaimIdLength = 38;
/** The separators of the 837P a `.claim` file converts to. */
const claimFileForbidden = ['*', ':', '~', '^'];

export interface RenameRefusal {
  refusal: string;
}

export interface ClaimIdRange {
  range: Range;
  placeholder: string;
}

/** Where the claim id at the position is, and which claim it is (a `.claim` line number, an 837 segment ordinal). */
interface ClaimIdAt {
  range: Range;
  text: string;
  claimKey: number;
}

const notOnId: RenameRefusal = {
  refusal: "Only a claim id can be renamed: put the cursor on the id after 'claim' (CLM01 in an 837).",
};

function lineText(document: TextDocument, line: number): string {
  return document
    .getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } })
    .replace(/\r?\n$|\r$/, '');
}

function claimFileIdAt(document: TextDocument, position: Position): ClaimIdAt | RenameRefusal {
  const line = lineText(document, position.line);
  const id = claimIdToken(line);
  if (!id) {
    return claimLineKind(line) === 'claim'
      ? { refusal: "This claim has no id to rename: write one after 'claim'." }
      : notOnId;
  }
  if (position.character > id.start + id.text.length) {
    return notOnId;
  }
  return {
    range: rangeOnLine(position.line, id.start, id.start + id.text.length),
    text: id.text,
    claimKey: position.line,
  };
}

function x12IdAt(x12: X12Structure, position: Position): ClaimIdAt | RenameRefusal {
  const offset = x12.lines.offsetAt(position);
  // A cursor just after CLM01 (on the separator) is still on it.
  const target = x12TargetAt(x12, offset) ?? x12TargetAt(x12, offset - 1);
  if (target?.segment.id !== 'CLM' || (target.kind === 'element' && target.element !== 1)) {
    return notOnId;
  }
  const id = target.segment.elements[0];
  if (!id || id.text === '') {
    return { refusal: 'This CLM has no CLM01 to rename: write the claim id after CLM and its separator.' };
  }
  return { range: x12.lines.range(id.start, id.end), text: id.text, claimKey: target.index };
}

function idAt(document: TextDocument, model: ClaimDocumentModel, position: Position): ClaimIdAt | RenameRefusal {
  if (model.format === 'x12-837p') {
    return model.x12 ? x12IdAt(model.x12, position) : notOnId;
  }
  return claimFileIdAt(document, position);
}

/** Why the new id does not fit the format, or undefined when it does. */
function shapeProblem(name: string, model: ClaimDocumentModel): string | undefined {
  if (name === '') {
    return 'A claim id cannot be empty.';
  }
  if (!/^[\x20-\x7e]+$/.test(name)) {
    return 'A claim id holds only printable ASCII characters: letters, digits, spaces (837 only) and punctuation.';
  }
  if (name.length > maxClaimIdLength) {
    return `A claim id is at most ${maxClaimIdLength} characters (CLM01 of the 837P); this one has ${name.length}.`;
  }
  const x12 = model.format === 'x12-837p' ? model.x12 : undefined;
  if (x12) {
    const { element, component, repetition, segment } = x12.interchange.separators;
    const named: Array<[string | undefined, string]> = [
      [element, 'element separator'],
      [component, 'component separator'],
      [repetition, 'repetition separator'],
      [segment, 'segment terminator'],
    ];
    const clash = named.find(([separator]) => separator !== undefined && separator !== '' && name.includes(separator));
    return clash ? `A claim id cannot hold '${clash[0] ?? ''}': it is this file's ${clash[1]}.` : undefined;
  }
  if (/\s/.test(name)) {
    return "A claim id in a .claim file is one token, without spaces: join its parts with '-'.";
  }
  if (name.startsWith('#')) {
    return "A claim id cannot start with '#': in a .claim file that starts a comment.";
  }
  const forbidden = claimFileForbidden.find((character) => name.includes(character));
  return forbidden
    ? `A claim id cannot hold '${forbidden}': it separates the parts of the 837P the claim converts to (* : ~ ^).`
    : undefined;
}

/** The line (1-based) of another claim with the same id, ignoring case. */
function duplicateLine(
  document: TextDocument,
  model: ClaimDocumentModel,
  name: string,
  claimKey: number,
): number | undefined {
  const wanted = name.toUpperCase();
  if (model.format === 'x12-837p') {
    const segments = model.x12?.interchange.segments;
    for (let ordinal = 0; segments && ordinal < segments.length; ordinal++) {
      if (
        ordinal !== claimKey &&
        segments.idAt(ordinal) === 'CLM' &&
        segments.at(ordinal)?.elements[0]?.text.trim().toUpperCase() === wanted
      ) {
        return (model.x12?.lines.positionAt(segments.startAt(ordinal)).line ?? 0) + 1;
      }
    }
    return undefined;
  }
  const ownLineStart = document.offsetAt({ line: claimKey, character: 0 });
  let found: number | undefined;
  forEachClaimId(document.getText(), (id, lineStart) => {
    if (found === undefined && lineStart !== ownLineStart && id.toUpperCase() === wanted) {
      found = document.positionAt(lineStart).line + 1;
    }
  });
  return found;
}

export function prepareClaimRename(
  document: TextDocument,
  model: ClaimDocumentModel,
  position: Position,
): ClaimIdRange | RenameRefusal {
  const id = idAt(document, model, position);
  return 'refusal' in id ? id : { range: id.range, placeholder: id.text };
}

export function renameClaim(
  document: TextDocument,
  model: ClaimDocumentModel,
  position: Position,
  newName: string,
): WorkspaceEdit | RenameRefusal {
  const id = idAt(document, model, position);
  if ('refusal' in id) {
    return id;
  }
  // White space around the name is taken as a slip of the keyboard, not part of the id.
  const name = newName.trim();
  const problem = shapeProblem(name, model);
  if (problem !== undefined) {
    return { refusal: problem };
  }
  if (name === id.text) {
    return { changes: {} };
  }
  const duplicate = duplicateLine(document, model, name, id.claimKey);
  if (duplicate !== undefined) {
    return {
      refusal: `The claim on line ${duplicate} already has this id (case aside): each claim needs its own, or a payer's answers cannot be matched to it.`,
    };
  }
  return { changes: { [document.uri]: [{ range: id.range, newText: name }] } };
}
