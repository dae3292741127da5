/**
 * Where the project's source is published: the one place its address is
 * written. Links that must open anywhere, not only on the machine that built
 * the bundle (the rule pages SARIF names, for code-scanning tools), are made
 * from it; package.json's `repository`, when it has one, names the same
 * repository (test/shared/repository.test.ts holds them together).
 */

/** The repository's web address, without a trailing slash. */
export const repositoryUrl = 'https://github.com/cpt-claims/cpt-claims';

/** The branch whose docs the links open. */
const docsBranch = 'main';

/** The web address of the rule pages (`docs/rules/<rule-id>.md`), ending in `/`. */
export const rulePagesUrl = `${repositoryUrl}/blob/${docsBranch}/docs/rules/`;
