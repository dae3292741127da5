/**
 * The rule links VS Code shows: the server's `file:` link to a rule page
 * becomes a `command:` link naming the rule, which opens the page rendered;
 * any other link, and a code that is not a rule id, are left alone.
 */
import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { allRules } from '../../server/src/service';
import { isRuleId, openRulePageCommand, openRulePageLink, ruleOfPageLink } from '../../client/src/rulePageLink';

const pages = pathToFileURL('/home/user/.vscode/extensions/cpt-claims-0.1.0/docs/rules/').href;

describe('rule page links in VS Code', () => {
  it('takes the rule id from the link to its page the server gives, for every rule', () => {
    for (const rule of allRules) {
      assert.equal(ruleOfPageLink(`${pages}${rule.id}.md`, rule.id), rule.id, rule.id);
    }
  });

  it('leaves a link to another page, another rule or another scheme alone', () => {
    assert.equal(ruleOfPageLink(`${pages}dx-pointer.md`, 'lesion-units'), undefined);
    assert.equal(ruleOfPageLink('https://example.test/docs/rules/dx-pointer.md', 'dx-pointer'), undefined);
    assert.equal(ruleOfPageLink(`${pages}../README.md`, '../README'), undefined);
    assert.equal(ruleOfPageLink(pathToFileURL('/tmp/notes/dx-pointer.md').href, 'dx-pointer'), undefined);
  });

  it('makes a command link whose one argument is the rule id, read back as VS Code reads it', () => {
    const link = new URL(openRulePageLink('addon-without-primary'));
    assert.equal(link.protocol, 'command:');
    assert.equal(link.pathname, openRulePageCommand);
    // VS Code's command opener: the query, URI-decoded, is the JSON array of arguments.
    assert.deepEqual(JSON.parse(decodeURIComponent(link.search.slice(1))), ['addon-without-primary']);
  });

  it('accepts only rule-id shapes as the command argument, never a path', () => {
    assert.ok(allRules.every((rule) => isRuleId(rule.id)));
    for (const bad of ['../../etc/passwd', 'dx-pointer.md', 'DX-POINTER', '', '-x', 42, undefined]) {
      assert.equal(isRuleId(bad), false, String(bad));
    }
  });
});
