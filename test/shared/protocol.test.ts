/**
 * The protocol module's names are on the wire, and other editors may spell
 * them: this is the one place they are written out again, so that renaming
 * one is a deliberate change that fails here first. Everything else (client,
 * server, the other tests) imports them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  conversionCommands,
  convertTo837Command,
  convertToClaimCommand,
  dataFolderCapability,
  dataFolderStatusNotification,
  dataInUseCapability,
  dataInUseChangedNotification,
  dataInUseRequest,
  oneLineCommand,
  reloadDataRequest,
  segmentPerLineCommand,
  serverCommands,
  settingsSection,
  workspaceTrustedNotification,
  x12LayoutCommands,
} from '../../shared/src/protocol';
import { repoRoot } from '../support/repoRoot';

describe('protocol', () => {
  it('keeps the names on the wire', () => {
    assert.deepEqual(
      {
        settingsSection,
        workspaceTrusted: workspaceTrustedNotification.method,
        dataInUse: dataInUseRequest.method,
        reloadData: reloadDataRequest.method,
        dataInUseChanged: dataInUseChangedNotification.method,
        dataInUseCapability,
        dataFolderStatus: dataFolderStatusNotification.method,
        dataFolderCapability,
        convertTo837Command,
        convertToClaimCommand,
        segmentPerLineCommand,
        oneLineCommand,
      },
      {
        settingsSection: 'cptClaims',
        workspaceTrusted: 'cptClaims/workspaceTrusted',
        dataInUse: 'cptClaims/dataInUse',
        reloadData: 'cptClaims/reloadData',
        dataInUseChanged: 'cptClaims/dataInUseChanged',
        dataInUseCapability: 'cptClaimsDataInUse',
        dataFolderStatus: 'cptClaims/dataFolderStatus',
        dataFolderCapability: 'cptClaimsDataFolder',
        convertTo837Command: 'cptClaims.server.convertTo837',
        convertToClaimCommand: 'cptClaims.server.convertToClaim',
        segmentPerLineCommand: 'cptClaims.x12.segmentPerLine',
        oneLineCommand: 'cptClaims.x12.oneLine',
      },
    );
  });

  it('sends parameters only with the data-in-use request and the data folder status (the others carry none)', () => {
    assert.equal(dataInUseRequest.numberOfParams, 1);
    assert.equal(dataFolderStatusNotification.numberOfParams, 1);
    for (const type of [reloadDataRequest, dataInUseChangedNotification, workspaceTrustedNotification]) {
      assert.equal(type.numberOfParams, 0, type.method);
    }
  });

  it('declares the layout commands, then the conversion commands, each once', () => {
    assert.deepEqual(serverCommands, [...x12LayoutCommands, ...conversionCommands]);
    assert.equal(new Set(serverCommands).size, serverCommands.length);
  });

  it('names the section every setting of the manifest is under', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, unknown> } };
    };
    const settings = Object.keys(manifest.contributes.configuration.properties);
    assert.ok(settings.length > 5);
    assert.deepEqual(
      settings.filter((setting) => !setting.startsWith(`${settingsSection}.`)),
      [],
    );
  });
});
