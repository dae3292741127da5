/**
 * Every claim rule: a case that fires (with its range and message) and a case
 * that must not, on the spec's examples and the list of claims.
 */
import * as assert from 'node:assert/strict';
import { formatDiagnostic, ruleIds, textAt, validate, messageOf } from '../../support/documents/claimDocuments';

const specExample = `# Stereotactic localization of three lesions in the right breast
claim CLM-2026-0001
  patient: DOE, JANE
  dos: 2026-03-14
  dx: C50.411, R92.8
  lesions: 3

  19283-RT   x1   $350.00   dx=A
  19284-RT   x2   $400.00   dx=A
`;

function only(text: string, ruleId: string) {
  const diagnostics = validate(text);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    [ruleId],
    diagnostics.map(formatDiagnostic).join('\n'),
  );
  const [diagnostic] = diagnostics;
  assert.ok(diagnostic);
  return diagnostic;
}

describe('claim rules', () => {
  it('leaves the spec example clean', () => {
    assert.deepEqual(validate(specExample).map(formatDiagnostic), []);
  });

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
  });

  describe('addon-wrong-modality', () => {
    it('reports 19284 with only 19281 and names 19282', () => {
      const text = 'claim A\n 19281-RT\n 19284-RT\n';
      const diagnostic = only(text, 'addon-wrong-modality');
      assert.equal(diagnostic.severity, 1);
      assert.equal(textAt(text, diagnostic), '19284');
      assert.match(messageOf(diagnostic), /19282/);
      assert.match(messageOf(diagnostic), /19283/);
    });

    it('does not fire when the add-on has its own primary beside another modality', () => {
      assert.deepEqual(ruleIds('claim A\n lesions: 3\n 19281-RT\n 19283-RT\n 19284-RT\n'), []);
    });

    it('does not mix procedures: a biopsy primary does not stand in for a localization add-on', () => {
      assert.deepEqual(ruleIds('claim A\n 19081-RT\n 19284-LT\n'), ['addon-without-primary']);
    });
  });

  describe('primary-units', () => {
    it('warns on 19283 x2 and names the add-on to use', () => {
      const text = 'claim A\n 19283-RT x2\n';
      const diagnostic = only(text, 'primary-units');
      assert.equal(diagnostic.severity, 2);
      assert.equal(textAt(text, diagnostic), 'x2');
      assert.match(messageOf(diagnostic), /\+19284 x1/);
    });

    it('accepts a first-lesion code with 1 unit, written or not', () => {
      assert.deepEqual(ruleIds('claim A\n 19283-RT x1\n 19285-RT\n'), []);
    });

    it('leaves add-on units to the add-on', () => {
      assert.deepEqual(ruleIds('claim A\n 19283-RT\n 19284-RT x4\n'), []);
    });
  });

  describe('lesion-units', () => {
    it('warns when 19283 x1 + 19284 x1 bill 2 of 3 lesions and gives the expected units', () => {
      const text = 'claim A\n lesions: 3\n 19283-RT x1\n 19284-RT x1\n';
      const diagnostic = only(text, 'lesion-units');
      assert.equal(diagnostic.severity, 2);
      assert.equal(textAt(text, diagnostic), 'x1');
      assert.equal(diagnostic.range.start.line, 3);
      assert.match(messageOf(diagnostic), /19284 x2/);
    });

    it('counts all modalities of one procedure together', () => {
      assert.deepEqual(ruleIds('claim A\n lesions: 3\n 19283-RT\n 19284-RT\n 19285-RT\n'), []);
      assert.deepEqual(ruleIds('claim A\n lesions: 2\n 19283-RT\n 19284-RT\n 19285-RT\n'), ['lesion-units']);
    });

    it('accepts 19283-RT and 19284-LT for 2 lesions', () => {
      assert.deepEqual(ruleIds('claim A\n lesions: 2\n 19283-RT\n 19284-LT\n'), []);
    });

    it('takes a line lesions= over the claim lesions:', () => {
      assert.deepEqual(ruleIds('claim A\n lesions: 3\n 19283-RT lesions=2\n 19284-RT\n'), []);
      assert.deepEqual(ruleIds('claim A\n 19283-RT lesions=3\n 19284-RT\n'), ['lesion-units']);
    });

    it('reports lines of one procedure that disagree on lesions=', () => {
      const diagnostics = validate('claim A\n 19283-RT lesions=2\n 19284-RT lesions=3\n');
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        ['lesion-units'],
      );
      assert.match(messageOf(diagnostics[0]), /disagrees/);
    });

    it('checks each procedure against the count separately', () => {
      assert.deepEqual(ruleIds('claim A\n lesions: 2\n 19081-RT\n 19082-RT\n 19283-LT\n 19284-LT\n'), []);
    });

    it('says nothing without a documented lesion count', () => {
      assert.deepEqual(ruleIds('claim A\n 19283-RT\n 19284-RT x5\n'), []);
    });

    it('warns when a single lesion is billed with an add-on', () => {
      const diagnostics = validate('claim A\n lesions: 1\n 19283-RT\n 19284-RT\n');
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        ['lesion-units'],
      );
      assert.match(messageOf(diagnostics[0]), /no \+19284/);
    });

    it('names the family a lone add-on belongs to in the expected units', () => {
      const diagnostics = validate('claim A\n lesions: 2\n 19284-RT x1\n').filter((d) => d.code === 'lesion-units');
      assert.match(messageOf(diagnostics[0]), /expected 19283 x1 \+ 19284 x1\.$/);
    });

    it('ignores codes that are not lesion-counted', () => {
      assert.deepEqual(ruleIds('claim A\n lesions: 3\n 76098\n 77065\n'), []);
    });
  });

  describe('dx-pointer', () => {
    it('reports a pointer outside the claim dx list on the pointer', () => {
      const text = 'claim A\n dx: C50.411\n 19283-RT dx=A,B\n';
      const diagnostic = only(text, 'dx-pointer');
      assert.equal(textAt(text, diagnostic), 'B');
    });

    it('reads a dx list written after the lines, and numeric pointers', () => {
      assert.deepEqual(ruleIds('claim A\n 19283-RT dx=2\n dx: C50.411 R92.8\n'), []);
    });

    it('uses the dx list of the claim the line is in', () => {
      assert.deepEqual(
        ruleIds('claim A\n dx: C50.411 R92.8\n 19283-RT dx=B\nclaim B\n dx: C50.411\n 19283-RT dx=B\n').length,
        1,
      );
    });
  });
});
