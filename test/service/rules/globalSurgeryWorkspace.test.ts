/**
 * `global-surgery` across the files of a workspace: a procedure billed for a
 * patient in one file puts that patient's visits in other files (and on other
 * claims of the same file) in its global period. The procedures come from a
 * `ProcedureIndex` filled with each file's `procedureFacts`, as the server
 * and claim-lint fill it. Invented codes: 99951 (global 010), 99952 (090);
 * visits are E/M by range (99213). Names are invented.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { type ClaimLanguageService, getLanguageService, ProcedureIndex, writeX12 } from '../../../server/src/service';
import { x12Claim } from '../../support/checks/ruleFindings';
import { messageOf } from '../../support/documents/claimDocuments';
import { officialData, type OfficialDataSpec } from '../../support/inMemoryOfficialData';

const fees: OfficialDataSpec = {
  fees: [
    { code: '99951', globalDays: '010' },
    { code: '99952', globalDays: '090' },
  ],
};

interface Workspace {
  index: ProcedureIndex;
  service: ClaimLanguageService;
  documents: Map<string, TextDocument>;
}

/** A workspace of `files` (name to text), every one indexed. */
function workspaceOf(files: Record<string, string>, withFees = true): Workspace {
  const index = new ProcedureIndex();
  const service = getLanguageService({ officialData: officialData(withFees ? fees : {}), workspaceProcedures: index });
  const documents = new Map<string, TextDocument>();
  for (const [name, text] of Object.entries(files)) {
    const document = TextDocument.create(`file:///ws/${name}`, name.endsWith('.837') ? 'x12' : 'claim', 1, text);
    documents.set(name, document);
    index.set(document.uri, service.procedureFacts(document, service.parse(document)));
  }
  return { index, service, documents };
}

function findingsIn(workspace: Workspace, name: string): Diagnostic[] {
  const document = workspace.documents.get(name);
  assert.ok(document);
  return workspace.service
    .doValidation(document, workspace.service.parse(document))
    .filter((d) => d.code === 'global-surgery');
}

const procedureFile = (patient = 'DOE, JANE', code = '99951') =>
  `claim P-1\n  patient: ${patient}\n  dos: 2026-03-10\n  ${code}\n`;
const visitFile = (patient = 'Doe, Jane', visit = '99213', date = '2026-03-12') =>
  `claim V-1\n  patient: ${patient}\n  ${visit} dos=${date}\n`;

describe('global-surgery across the workspace', () => {
  it("reports a visit in the period of the same patient's procedure in another file, saying where, never who", () => {
    const workspace = workspaceOf({ 'surgery.claim': procedureFile(), 'visit.claim': visitFile() });
    const [finding, ...rest] = findingsIn(workspace, 'visit.claim');
    assert.equal(rest.length, 0);
    assert.equal(finding?.range.start.line, 2);
    assert.match(
      messageOf(finding),
      /^99213 is on postoperative day 2 of 99951 \(in surgery\.claim, claim P-1\) \(global 010/,
    );
    assert.doesNotMatch(messageOf(finding), /DOE|Doe|JANE/i);
    assert.deepEqual(findingsIn(workspace, 'surgery.claim'), [], 'the procedure itself is not a visit');
  });

  it('stays quiet for another patient, a visit outside the period, or a visit with the modifier', () => {
    const quiet = (visit: string) =>
      findingsIn(workspaceOf({ 'surgery.claim': procedureFile(), 'visit.claim': visit }), 'visit.claim');
    assert.deepEqual(quiet(visitFile('DOE, JOHN')), []);
    assert.deepEqual(quiet(visitFile(undefined, '99213', '2026-03-21')), [], 'day 11 of a 010 period');
    assert.deepEqual(quiet(visitFile(undefined, '99213-24')), []);
    assert.deepEqual(quiet('claim V-1\n  99213 dos=2026-03-12\n'), [], 'a claim without a patient');
  });

  it('stays quiet without a fee schedule, and then reads no file for the index', () => {
    const workspace = workspaceOf({ 'surgery.claim': procedureFile(), 'visit.claim': visitFile() }, false);
    assert.deepEqual(findingsIn(workspace, 'visit.claim'), []);
    assert.deepEqual(workspace.index.proceduresOf('anything'), []);
    const document = workspace.documents.get('surgery.claim');
    assert.ok(document);
    assert.deepEqual(workspace.service.procedureFacts(document, workspace.service.parse(document)), {
      patients: [],
      procedures: [],
    });
  });

  it("counts the patient's other claims in the same file, but not the claim's own procedure twice", () => {
    const workspace = workspaceOf({ 'both.claim': `${procedureFile()}${visitFile()}` });
    const [finding, ...rest] = findingsIn(workspace, 'both.claim');
    assert.equal(rest.length, 0);
    assert.match(messageOf(finding), /of 99951 \(in both\.claim, claim P-1\)/);
    const sameClaim = workspaceOf({ 'one.claim': `${procedureFile()}  99213 dos=2026-03-12\n` });
    const [own, ...more] = findingsIn(sameClaim, 'one.claim');
    assert.equal(more.length, 0);
    assert.match(messageOf(own), /^99213 is on postoperative day 2 of 99951 \(global/, 'no "in" for its own claim');
  });

  it('matches an 837 subscriber with a .claim patient, and tells two 837 subscribers apart by member id', () => {
    const surgery = writeX12(
      [
        {
          ...x12Claim('CLM-9', [{ code: '99952', modifiers: [], charge: 900 }]),
          patient: { last: 'DOE', first: 'JANE' },
        },
      ],
      { oneLine: true },
    ); // dated 2026-03-14
    const visit837 = (memberId: string) =>
      writeX12(
        [
          {
            ...x12Claim('CLM-3', [{ code: '99213', modifiers: [], charge: 90, dos: '2026-04-01' }]),
            patient: { last: 'DOE', first: 'JANE' },
          },
        ],
        { oneLine: true },
      ).replace('MI*MEMBERID', `MI*${memberId}`);
    const workspace = workspaceOf({
      'surgery.837': surgery,
      'visit.claim': visitFile('DOE, JANE', '99213', '2026-04-01'),
      'same.837': visit837('MEMBERID'),
      'other.837': visit837('SOMEONEELSE'),
    });
    assert.match(messageOf(findingsIn(workspace, 'visit.claim')[0]), /of 99952 \(in surgery\.837, claim CLM-9\)/);
    assert.equal(findingsIn(workspace, 'same.837').length, 1);
    assert.deepEqual(findingsIn(workspace, 'other.837'), []);
  });

  it("counts the finding in the claim's CodeLens, as validation does", () => {
    for (const procedure of [procedureFile(), procedureFile('ROE, RICHARD')]) {
      const workspace = workspaceOf({ 'surgery.claim': procedure, 'visit.claim': visitFile() });
      const document = workspace.documents.get('visit.claim');
      assert.ok(document);
      const model = workspace.service.parse(document);
      const warnings = workspace.service.doValidation(document, model).filter((d) => d.severity === 2).length;
      const lenses = workspace.service.getCodeLenses(document, model);
      const titles = lenses.map((lens) => workspace.service.resolveCodeLens(document, model, lens).command?.title);
      assert.ok(
        titles.some((title) => title?.includes(warnings === 0 ? 'no problems' : `${warnings} warning`)),
        `${warnings}: ${titles.join(' | ')}`,
      );
    }
  });

  it('says which files to check again when a patient’s procedures change, and changes their stamps', () => {
    const workspace = workspaceOf({
      'surgery.claim': procedureFile(),
      'visit.claim': visitFile(),
      'else.claim': visitFile('ROE, RICHARD'),
    });
    const { index, service, documents } = workspace;
    const visit = documents.get('visit.claim');
    const surgery = documents.get('surgery.claim');
    assert.ok(visit && surgery);
    const stamp = index.stampFor(visit.uri);
    const moved = TextDocument.create(surgery.uri, 'claim', 2, procedureFile('DOE, JANE', '99952'));
    assert.deepEqual(index.set(moved.uri, service.procedureFacts(moved, service.parse(moved))).sort(), [
      surgery.uri,
      visit.uri,
    ]);
    assert.notEqual(index.stampFor(visit.uri), stamp);
    assert.deepEqual(index.set(moved.uri, service.procedureFacts(moved, service.parse(moved))), [], 'no change');
    assert.deepEqual(index.set(moved.uri, undefined), [visit.uri], 'the file is gone');
    assert.deepEqual(findingsIn(workspace, 'visit.claim'), []);
  });

  it("an open document's validator checks again when the patient's procedures change elsewhere", () => {
    const workspace = workspaceOf({
      'visit.claim': visitFile(),
      'visit.837': writeX12([
        {
          ...x12Claim('CLM-3', [{ code: '99213', modifiers: [], charge: 90, dos: '2026-03-12' }]),
          patient: { last: 'DOE', first: 'JANE' },
        },
      ]),
    });
    const { index, service } = workspace;
    for (const name of ['visit.claim', 'visit.837']) {
      const document = workspace.documents.get(name);
      assert.ok(document);
      const validator = service.createDocumentValidator();
      const surgeryOf = (text: string | undefined) => {
        const surgery = TextDocument.create('file:///ws/surgery.claim', 'claim', 1, text ?? '');
        index.set(
          surgery.uri,
          text === undefined ? undefined : service.procedureFacts(surgery, service.parse(surgery)),
        );
      };
      const count = () => validator.validate(document).filter((d) => d.code === 'global-surgery').length;
      assert.equal(count(), 0, name);
      surgeryOf(procedureFile());
      assert.equal(count(), 1, name);
      surgeryOf(undefined);
      assert.equal(count(), 0, name);
    }
  });
});
