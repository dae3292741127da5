/**
 * `addon-without-primary`: An add-on code is on a claim without its primary
 * code for the same date of service. Cases that fire (with their range and
 * message) and cases that must not.
 */
import * as assert from 'node:assert/strict';
import { messageOf, ruleIds, textAt } from '../../support/documents/claimDocuments';
import { only } from '../../support/checks/ruleFindings';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentOf, findingsOf, serviceWith } from '../../support/inMemoryOfficialData';

describe('addon-without-primary', () => {
  it('reports a lone 19284 as an error on the code, naming 19283', () => {
    const text = 'claim A\n  19284-RT x1\n';
    const diagnostic = only(text, 'addon-without-primary');
    assert.equal(diagnostic.severity, 1);
    assert.equal(diagnostic.source, 'cpt-claims');
    assert.equal(textAt(text, diagnostic), '19284');
    assert.match(messageOf(diagnostic), /19283/);
  });

  it('accepts 19284 with 19283 on the same claim, in either order', () => {
    assert.deepEqual(ruleIds('claim A\n 19284-RT\n 19283-RT\n'), []);
  });

  it('checks every add-on/primary pair of the bundled data', () => {
    for (const [addOn, primary] of [
      ['19282', '19281'],
      ['19286', '19285'],
      ['19288', '19287'],
      ['19082', '19081'],
      ['19084', '19083'],
      ['19086', '19085'],
      ['19126', '19125'],
      ['77063', '77067'],
      ['99417', '99215'],
    ]) {
      // Lesion-counted codes (the 19xxx pairs) carry a side, as a complete claim does.
      const line = (code = '') => (code.startsWith('19') ? `${code}-RT` : code);
      assert.deepEqual(ruleIds(`claim A\n ${line(addOn)}\n`), ['addon-without-primary'], addOn);
      assert.deepEqual(ruleIds(`claim A\n ${line(primary)}\n ${line(addOn)}\n`), [], `${primary} + ${addOn}`);
    }
  });

  it('reports only the claim that lacks the primary when a file has two', () => {
    const text = 'claim A\n 19283-RT\n 19284-RT\nclaim B\n 19284-RT\n';
    const diagnostic = only(text, 'addon-without-primary');
    assert.equal(diagnostic.range.start.line, 4);
  });

  it('checks a bare list of codes with no claim line as one claim', () => {
    assert.deepEqual(ruleIds('19284-RT\n'), ['addon-without-primary']);
    assert.deepEqual(ruleIds('19283-RT\n19284-RT\n'), []);
  });

  it('ignores codes inside comments', () => {
    assert.deepEqual(ruleIds('# 19284 without 19283\n19283-RT x1 # then 19284 x5\n'), []);
  });

  it('reports a primary on another date of service', () => {
    const text = 'claim A\n dos: 2026-03-14\n 19283-RT\n 19284-RT dos=2026-03-15\n';
    const diagnostic = only(text, 'addon-without-primary');
    assert.match(messageOf(diagnostic), /same date of service/);
  });

  describe('+38900, sentinel node mapping, with its primaries of CPT 2019 and SGO', () => {
    it('stays quiet with the laparoscopic node sampling 38570 that gynecologic oncology reports it with', () => {
      // bilateral-modifier says, as information, that 50 on +38900 depends on the payer.
      assert.deepEqual(ruleIds('claim A\n dos: 2026-03-14\n 58571\n 38570\n 38900-50\n'), ['bilateral-modifier']);
      assert.deepEqual(ruleIds('claim A\n 38570\n 38900\n'), []);
    });

    it('stays quiet with each primary of the widened list: groin, pelvic and para-aortic nodes, vulvectomies', () => {
      for (const primary of [
        '38531',
        '38562',
        '38564',
        '38570',
        '38571',
        '38572',
        '38573',
        '38760',
        '38765',
        '38770',
        '38780',
        '56630',
        '56631',
        '56632',
        '56633',
        '56634',
        '56637',
        '56640',
        '58210',
        '38525',
        '19302',
      ]) {
        assert.deepEqual(ruleIds(`claim A\n ${primary}\n 38900\n`), [], primary);
      }
    });

    it('still fires alone, or with a procedure that is not its primary, naming the primaries as ranges', () => {
      for (const text of ['claim A\n 38900\n', 'claim A\n 19301-RT\n 38900\n']) {
        const diagnostic = only(text, 'addon-without-primary');
        assert.match(
          messageOf(diagnostic),
          /one of 19302, 19307, 38500, .*38570-38573, .*56630-56634, 56637, 56640, 58210 on/,
        );
      }
    });
  });

  it('stays quiet for +99417 with the consultation, home visit and cognitive assessment codes of CPT 2023', () => {
    for (const primary of ['99205', '99215', '99245', '99345', '99350', '99483']) {
      assert.deepEqual(ruleIds(`claim A\n ${primary}\n 99417\n`), [], primary);
    }
    assert.deepEqual(ruleIds('claim A\n 99213\n 99417\n'), ['addon-without-primary']);
  });
});

describe('addon-without-primary with the CMS add-on code edit file loaded', () => {
  // Invented codes: 99911 an add-on of type 1 with primaries 99901 and 99902 (99902 only until 2026-03-31),
  // 99912 of type 3 with primary 99903, 99913 of type 2; G9921 a procedure no file lists.
  const service = serviceWith({
    addOns: [
      { addOn: '99911', type: 1, primaries: ['99901', { code: '99902', deleted: '2026-03-31' }] },
      { addOn: '99912', type: 3, primaries: ['99903'] },
      { addOn: '99913', type: 2 },
    ],
  });
  const claim = (lines: string, date = '2026-03-14') => `claim A\n  dos: ${date}\n${lines}`;
  const findings = (text: string) => findingsOf(service, text, 'addon-without-primary');

  it('reports a type 1 add-on without a listed primary, naming them and the edit', () => {
    const [diagnostic, ...rest] = findings(claim('  99911\n'));
    assert.equal(rest.length, 0);
    assert.equal(diagnostic?.severity, 1);
    assert.equal(diagnostic?.range.start.line, 2);
    assert.equal(
      messageOf(diagnostic),
      '+99911 is an add-on code: report it with one of 99901, 99902 on the same claim and date of service (CMS add-on edit type 1, Add-on test).',
    );
  });

  it('stays quiet with a listed primary on the same date, in either order', () => {
    assert.deepEqual(findings(claim('  99901\n  99911\n')), []);
    assert.deepEqual(findings(claim('  99911\n  99902\n')), []);
  });

  it('reads the pairing in force on the date of service: 99902 is a primary until 2026-03-31', () => {
    assert.deepEqual(findings(claim('  99902\n  99911\n', '2026-03-31')), []);
    assert.equal(findings(claim('  99902\n  99911\n', '2026-04-01')).length, 1);
  });

  it('reports a primary on another date of service', () => {
    const text = claim('  99901 dos=2026-03-13\n  99911\n');
    assert.match(
      messageOf(findings(text)[0]),
      /needs one of 99901, 99902 on the same date of service .*99901 on this claim is on another date\./,
    );
  });

  it('offers to insert each listed primary, and the fix clears the finding', () => {
    const text = 'claim A\n  dos: 2026-03-14\n  99911 x1\n';
    const document = documentOf(text);
    const model = service.parse(document);
    const diagnostics = service.doValidation(document, model);
    const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
    const actions = service
      .getCodeActions(document, model, whole, { diagnostics })
      .filter((action) => action.diagnostics?.some((d) => d.code === 'addon-without-primary'));
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Insert 99901 x1 above +99911', 'Insert 99902 x1 above +99911'],
    );
    const fixed = TextDocument.applyEdits(document, actions[0]?.edit?.changes?.[document.uri] ?? []);
    assert.deepEqual(findings(fixed), []);
  });

  it('type 3: an error alone, a warning beside another procedure a contractor may accept', () => {
    assert.equal(findings(claim('  99912\n'))[0]?.severity, 1);
    const [beside] = findings(claim('  G9921\n  99912\n'));
    assert.equal(beside?.severity, 2);
    assert.match(messageOf(beside), /a contractor may accept another primary/);
    assert.deepEqual(findings(claim('  99903\n  99912\n')), []);
  });

  it('type 2: information that the payer decides', () => {
    const [diagnostic] = findings(claim('  G9921\n  99913\n'));
    assert.equal(diagnostic?.severity, 3);
    assert.equal(
      messageOf(diagnostic),
      '+99913 is an add-on code with no primary list (CMS add-on edit type 2, Add-on test): the payer decides which primary codes it goes with; check its policy.',
    );
  });

  it('names the first twelve of a long primary list and counts the rest', () => {
    const many = serviceWith({
      addOns: [{ addOn: '99914', type: 1, primaries: Array.from({ length: 20 }, (_, i) => String(99920 + 2 * i)) }],
    });
    const [diagnostic] = findingsOf(many, claim('  99914\n'), 'addon-without-primary');
    assert.match(messageOf(diagnostic), /one of 99920, 99922, .*, 99942 and 8 more on the same claim/);
  });

  it('keeps the bundled breast facts for codes the file does not list', () => {
    assert.equal(findings(claim('  19284-RT\n')).length, 1);
    assert.deepEqual(findings(claim('  19283-RT\n  19284-RT\n')), []);
  });
});
