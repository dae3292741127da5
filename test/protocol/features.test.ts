/**
 * Hover, completion and quick fixes through the protocol, on the built server.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type CodeAction, CodeActionKind, type Command } from 'vscode-languageserver-protocol';
import { editsFor, LspClient, newUri, stopAllClients } from '../support/server/lspClient';
import { describeDiagnostics, endOf, hoverText, positionOf, specExample } from './claimTexts';

function isCodeAction(action: CodeAction | Command): action is CodeAction {
  return typeof (action as CodeAction).title === 'string' && typeof (action as Command).command !== 'string';
}

describe('protocol: hover', () => {
  let client: LspClient;
  const uri = newUri('hover');

  before(async () => {
    client = await LspClient.start();
    await client.open(uri, specExample);
  });
  after(() => stopAllClients());

  it('on the add-on 19284 names its primary 19283 and says add-on', async () => {
    const position = positionOf(specExample, '19284', 2);
    const hover = await client.hover(uri, position);
    const text = hoverText(hover);
    assert.match(text, /19283/);
    assert.match(text, /add-on/i);
    assert.deepEqual(hover?.range, { start: { line: 8, character: 2 }, end: { line: 8, character: 7 } });
  });

  it('on the RT modifier explains it', async () => {
    const text = hoverText(await client.hover(uri, positionOf(specExample, '-RT', 2)));
    assert.match(text, /\bRT\b/);
    assert.match(text, /right/i);
  });

  it('on a dx=A pointer shows the ICD-10-CM code it points to', async () => {
    const text = hoverText(await client.hover(uri, positionOf(specExample, 'dx=A', 3, 1)));
    assert.match(text, /C50\.411/);
    assert.doesNotMatch(text, /R92\.8/);
  });

  it('on a header key explains the key', async () => {
    const text = hoverText(await client.hover(uri, positionOf(specExample, 'dos:', 1)));
    assert.match(text, /\bdos\b/);
    assert.match(text, /date of service/i);
  });

  it('on empty space returns null', async () => {
    assert.equal(await client.hover(uri, { line: 6, character: 0 }), null, 'blank line');
    assert.equal(
      await client.hover(uri, positionOf(specExample, '   x1', 1)),
      null,
      'between fields of a service line',
    );
    assert.equal(await client.hover(uri, { line: 40, character: 3 }), null, 'past the end of the document');
  });
});

describe('protocol: completion', () => {
  let client: LspClient;

  before(async () => {
    client = await LspClient.start();
  });
  after(() => stopAllClients());

  async function itemsAtEnd(text: string) {
    const uri = newUri('completion');
    await client.open(uri, text);
    return client.completionItems(uri, endOf(text));
  }

  it('after 1928 offers 19283 and 19284 with their summaries as details', async () => {
    const items = await itemsAtEnd('claim A\n  1928');
    const byLabel = new Map(items.map((item) => [item.label, item]));
    for (const code of ['19283', '19284']) {
      const item = byLabel.get(code);
      assert.ok(item, `${code} missing from ${[...byLabel.keys()].join(', ')}`);
      assert.match(item.detail ?? '', /stereotactic/i, `${code} detail`);
    }
    assert.match(byLabel.get('19284')?.detail ?? '', /one more|additional/i);
    assert.ok(
      items.every((item) => item.label.startsWith('1928')),
      `labels: ${items.map((i) => i.label).join(', ')}`,
    );
  });

  it('for the word stereo offers 19283, 19284 and 19081', async () => {
    const labels = (await itemsAtEnd('claim A\n  stereo')).map((item) => item.label);
    for (const code of ['19283', '19284', '19081']) {
      assert.ok(labels.includes(code), `${code} missing from ${labels.join(', ')}`);
    }
  });

  it('after 19283- offers the RT and LT modifiers', async () => {
    const items = await itemsAtEnd('claim A\n  19283-');
    const labels = items.map((item) => item.label);
    assert.ok(labels.includes('RT') && labels.includes('LT'), `labels: ${labels.join(', ')}`);
    assert.ok(!labels.includes('19283'), 'no codes after the dash');
  });

  it('declares every digit a trigger character, as well as - space = and ,', () => {
    const triggers = client.initializeResult?.capabilities.completionProvider?.triggerCharacters ?? [];
    for (const character of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '-', ' ', '=', ',']) {
      assert.ok(triggers.includes(character), `${JSON.stringify(character)} in ${JSON.stringify(triggers)}`);
    }
  });

  it('asked on a digit, offers codes where a code starts and nothing in units, a charge or a date', async () => {
    const labels = (await itemsAtEnd('claim A\n  1')).map((item) => item.label);
    assert.ok(labels.includes('19283'), labels.join(', '));
    for (const text of ['claim A\n  19283-RT x2', 'claim A\n  19283-RT x1 $150', 'claim A\n  19283-RT dos=2026-']) {
      assert.deepEqual(await itemsAtEnd(text), [], JSON.stringify(text));
    }
  });

  it('inside a comment offers nothing', async () => {
    assert.deepEqual(await itemsAtEnd('claim A\n  # 1928'), []);
    assert.deepEqual(await itemsAtEnd('claim A\n  19283 x1 # stereo'), []);
  });
});

describe('protocol: code actions', () => {
  let client: LspClient;

  before(async () => {
    client = await LspClient.start();
  });
  after(() => stopAllClients());

  it('fixes a lone 19284 by inserting 19283 above it, and the fixed text publishes clean', async () => {
    const uri = newUri('fix');
    await client.open(uri, '19284-RT');
    const { diagnostics } = await client.nextDiagnostics(uri, 1);
    const diagnostic = diagnostics.find((d) => d.code === 'addon-without-primary');
    assert.ok(diagnostic, describeDiagnostics(diagnostics));

    const actions = (
      (await client.codeActions(uri, diagnostic.range, [diagnostic], [CodeActionKind.QuickFix])) ?? []
    ).filter(isCodeAction);
    const fix = actions.find((action) => action.kind === CodeActionKind.QuickFix && /19283/.test(action.title));
    assert.ok(fix, `actions: ${JSON.stringify(actions)}`);
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(
      fix.diagnostics?.map((d) => d.code),
      ['addon-without-primary'],
    );

    const edits = editsFor(fix.edit, uri);
    assert.ok(edits.length > 0, 'the fix has no edits for the document');
    const fixedText = TextDocument.applyEdits(client.document(uri), edits);
    const fixedLines = fixedText.split(/\r?\n/);
    assert.match(fixedLines[0] ?? '', /^\s*19283\b/, `fixed text: ${JSON.stringify(fixedText)}`);
    assert.equal(fixedLines[1], '19284-RT', `fixed text: ${JSON.stringify(fixedText)}`);

    const version = await client.applyEdits(uri, edits);
    assert.equal(client.document(uri).getText(), fixedText);
    const after = await client.nextDiagnostics(uri, version);
    assert.deepEqual(after.diagnostics, [], describeDiagnostics(after.diagnostics));
  });

  it('keeps CRLF line ends in the line a fix inserts', async () => {
    const uri = newUri('fix');
    await client.open(uri, 'claim A\r\n  dx: C50.411\r\n  19284-RT x1 dx=A\r\n');
    const { diagnostics } = await client.nextDiagnostics(uri, 1);
    const diagnostic = diagnostics.find((d) => d.code === 'addon-without-primary');
    assert.ok(diagnostic, describeDiagnostics(diagnostics));
    assert.deepEqual(diagnostic.range.start, { line: 2, character: 2 });
    const fix = ((await client.codeActions(uri, diagnostic.range, [diagnostic])) ?? [])
      .filter(isCodeAction)
      .find((action) => action.isPreferred);
    assert.ok(fix, 'no preferred fix');
    const version = await client.applyEdits(uri, editsFor(fix.edit, uri));
    const fixedText = client.document(uri).getText();
    assert.match(
      fixedText,
      /^claim A\r\n {2}dx: C50\.411\r\n {2}19283-RT\s+x1\s+dx=A\r\n {2}19284-RT x1 dx=A\r\n$/,
      JSON.stringify(fixedText),
    );
    const after = await client.nextDiagnostics(uri, version);
    assert.deepEqual(after.diagnostics, [], describeDiagnostics(after.diagnostics));
  });

  it('offers the fixes for a range even when the client sends no diagnostics', async () => {
    const uri = newUri('fix');
    await client.open(uri, 'claim A\n  19283-RT x2');
    const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 13 } };
    const actions = ((await client.codeActions(uri, range, [])) ?? []).filter(isCodeAction);
    assert.ok(
      actions.some((action) => /19284/.test(action.title)),
      `actions: ${actions.map((a) => a.title).join(' | ')}`,
    );
  });

  it('offers no quick fix when the client asks only for refactorings', async () => {
    const uri = newUri('fix');
    await client.open(uri, '19284-RT');
    const { diagnostics } = await client.nextDiagnostics(uri, 1);
    const actions = await client.codeActions(
      uri,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
      diagnostics,
      [CodeActionKind.Refactor],
    );
    assert.deepEqual(actions ?? [], []);
  });
});
