/**
 * The conversion commands over stdio: the server declares them, converts the
 * text it holds for an open document (unsaved edits included), answers as
 * the language service does, and answers null for a document it does not
 * have or a command it does not know, logging nothing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol';
import {
  type ConversionAnswer,
  conversionCommands,
  convertTo837Command,
  convertToClaimCommand,
} from '../../shared/src/protocol';
import { LspClient, newUri, stopAllClients } from '../support/server/lspClient';
import { repoRoot } from '../support/repoRoot';
import { summaries, toClaim, toX12 } from '../support/checks/conversionChecks';

const example = fs.readFileSync(path.join(repoRoot(), 'examples', 'stereotactic-three-lesions.claim'), 'utf8');
const example837 = fs.readFileSync(path.join(repoRoot(), 'examples', 'lone-addon.837'), 'utf8');

describe('protocol: conversion commands', () => {
  let client: LspClient;

  before(async () => {
    client = await LspClient.start();
  });
  after(() => stopAllClients());

  const run = (command: string, args: unknown[]) =>
    client.request(
      ExecuteCommandRequest.type,
      { command, arguments: args },
      command,
    ) as Promise<ConversionAnswer | null>;

  it('declares both commands', () => {
    const commands = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
    assert.ok(
      conversionCommands.every((command) => commands.includes(command)),
      commands.join(', '),
    );
  });

  it('converts the open .claim text, unsaved edit included, to the 837 the service writes (dated today)', async () => {
    const uri = newUri('convert');
    await client.open(uri, example);
    await client.change(uri, [
      { range: { start: { line: 8, character: 18 }, end: { line: 8, character: 25 } }, text: '$425.00' },
    ]);
    const edited = client.document(uri).getText();
    assert.match(edited, /19284-RT {3}x2 {3}\$425\.00/);
    const result = await run(convertTo837Command, [uri]);
    assert.ok(result);
    assert.equal(result.language, 'x12');
    const expected = toX12(edited);
    assert.deepEqual(result.notes, expected.notes);
    // Everything but the creation date and time (ISA09/10, GS04/05, BHT04/05) is the service's own text.
    const undated = (text: string) =>
      text.replace(/\*\d{6}\*\d{4}\*\^/, '*D*T*^').replace(/\*\d{8}\*\d{4}\*/g, '*D*T*');
    assert.equal(undated(result.text), undated(expected.text));
    const today = new Date();
    const yyyymmdd = `${today.getFullYear()}${String(today.getMonth() + 1).padStart(2, '0')}${String(today.getDate()).padStart(2, '0')}`;
    assert.match(result.text, new RegExp(`^GS\\*HC\\*SUBMITTERID\\*RECEIVERID\\*${yyyymmdd}\\*`, 'm'));
    assert.deepEqual(
      summaries(result.text, 'x12')[0]?.lines.map((line) => line.charge),
      [350, 425],
    );
  });

  it('converts an open 837 to the .claim text the service writes', async () => {
    const uri = newUri('convert').replace(/\.claim$/, '.837');
    await client.open(uri, example837, 1, 'x12');
    const result = await run(convertToClaimCommand, [{ uri }]);
    assert.deepEqual(result, toClaim(example837));
  });

  it('refuses, with a reason, a document of the other format', async () => {
    const uri = newUri('convert');
    await client.open(uri, example);
    const result = await run(convertToClaimCommand, [uri]);
    assert.equal(result?.text, '');
    assert.match(result?.refused ?? '', /already a \.claim file/);
  });

  it('answers null for a document not open, a missing argument or an unknown command, and logs nothing', async () => {
    const before = client.logText();
    assert.equal(await run(convertTo837Command, ['file:///not-open.claim']), null);
    assert.equal(await run(convertTo837Command, []), null);
    assert.equal(await run(convertTo837Command, [42]), null);
    const uri = newUri('convert');
    await client.open(uri, example);
    assert.equal(await run('cptClaims.server.noSuchCommand', [uri]), null);
    assert.equal(client.logText(), before);
  });
});
