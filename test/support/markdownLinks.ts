/**
 * The links of Markdown pages, as a renderer sees them, and which of them lead
 * nowhere among a given set of files. markdown-it (the parser vsce itself uses
 * on the README) finds them, so links in code spans and code blocks are not
 * taken for links, and reference-style links are.
 */
import MarkdownIt from 'markdown-it';
import * as path from 'node:path';

const markdown = new MarkdownIt({ html: true });

/** Schemes a link may use without being a file of the package: the web, mail, and VS Code commands (walkthrough pages). */
const outsideSchemes = /^(https?|mailto|command):/i;
const anyScheme = /^[a-z][a-z0-9+.-]*:/i;

type Token = ReturnType<MarkdownIt['parse']>[number];

/** Every link and image target of a page, in order. */
export function linksOf(text: string): string[] {
  const links: string[] = [];
  const visit = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'link_open') links.push(token.attrGet('href') ?? '');
      if (token.type === 'image') links.push(token.attrGet('src') ?? '');
      if (token.type === 'html_inline' || token.type === 'html_block') {
        links.push(...[...token.content.matchAll(/\s(?:href|src)\s*=\s*"([^"]*)"/gi)].map((match) => match[1] ?? ''));
      }
      if (token.children) visit(token.children);
    }
  };
  visit(markdown.parse(text, {}));
  return links;
}

/** The anchors GitHub and VS Code give a page's headings: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const tokens = markdown.parse(text, {});
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return;
    const words = (tokens[index + 1]?.children ?? [])
      .filter((child) => child.type === 'text' || child.type === 'code_inline')
      .map((child) => child.content)
      .join('');
    const slug = words
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    let anchor = slug;
    for (let repeat = 1; anchors.has(anchor); repeat++) anchor = `${slug}-${repeat}`;
    anchors.add(anchor);
  });
  return anchors;
}

export interface DeadLink {
  page: string;
  link: string;
  why: string;
}

/**
 * The links of the Markdown pages among `files` (path to text, '/'-separated, relative to the package root) that
 * lead to no file of `files`, or to a heading a page does not have. Links to the web, mail or commands are left
 * to `outsideLinks`.
 */
export function deadLinks(files: ReadonlyMap<string, string | undefined>): DeadLink[] {
  const dead: DeadLink[] = [];
  for (const [page, text] of files) {
    if (!page.endsWith('.md') || text === undefined) continue;
    for (const link of linksOf(text)) {
      if (outsideSchemes.test(link)) continue;
      if (anyScheme.test(link) || link.startsWith('/')) {
        dead.push({ page, link, why: 'not a relative link, nor the web' });
        continue;
      }
      const [target = '', anchor] = link.split('#', 2);
      const file =
        target === '' ? page : path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURI(target)));
      if (!files.has(file)) {
        dead.push({ page, link, why: `${file} is not in the package` });
        continue;
      }
      const targetText = files.get(file);
      if (anchor && file.endsWith('.md') && targetText !== undefined && !headingAnchorsOf(targetText).has(anchor)) {
        dead.push({ page, link, why: `${file} has no heading #${anchor}` });
      }
    }
  }
  return dead;
}

/** The links to the web among the pages' links. */
export function outsideLinks(files: ReadonlyMap<string, string | undefined>): Array<{ page: string; link: string }> {
  return [...files]
    .filter(([page, text]) => page.endsWith('.md') && text !== undefined)
    .flatMap(([page, text]) => linksOf(text ?? '').map((link) => ({ page, link })))
    .filter(({ link }) => /^https?:/i.test(link));
}
