/**
 * The repository's import graph, for the architecture test: every import,
 * export-from, dynamic import and require of every TypeScript file under the
 * given folders, read with TypeScript's own pre-processor (so imports in
 * comments or strings do not count, and multi-line imports do), relative ones
 * resolved to the file they name. Type-only imports count: a type cycle still
 * ties two layers together.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

export interface ImportEdge {
  /** The specifier as written: `./model`, `node:fs`, `vscode-languageserver`. */
  readonly specifier: string;
  /** For a relative specifier, the repository-relative file it names (posix separators). */
  readonly target?: string;
}

export interface ImportGraph {
  /** Repository-relative paths (posix separators) of the files read. */
  readonly files: readonly string[];
  readonly imports: ReadonlyMap<string, readonly ImportEdge[]>;
}

function typeScriptFiles(root: string, folder: string): string[] {
  const full = path.join(root, folder);
  if (!fs.existsSync(full)) {
    return [];
  }
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const child = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' || entry.name === 'fixtures' ? [] : typeScriptFiles(root, child);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [child] : [];
  });
}

function resolveRelative(root: string, from: string, specifier: string): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = [`${base}.ts`, base.replace(/\.js$/, '.ts'), path.posix.join(base, 'index.ts'), base];
  return candidates.find((candidate) => fs.existsSync(path.join(root, candidate)) && candidate.endsWith('.ts'));
}

/** Reads the imports of every `.ts` file under `folders` (repository-relative) of `root`. */
export function readImportGraph(root: string, folders: readonly string[]): ImportGraph {
  const files = folders.flatMap((folder) => typeScriptFiles(root, folder)).sort();
  const imports = new Map<string, ImportEdge[]>();
  for (const file of files) {
    const info = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
    imports.set(
      file,
      info.importedFiles.map(({ fileName: specifier }) => {
        const target = specifier.startsWith('.') ? resolveRelative(root, file, specifier) : undefined;
        return target === undefined ? { specifier } : { specifier, target };
      }),
    );
  }
  return { files, imports };
}

/**
 * The import cycles: each strongly connected component of more than one file
 * (or a file importing itself), found with Tarjan's algorithm, files sorted.
 */
export function importCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (file: string): void => {
    index.set(file, next);
    lowLink.set(file, next);
    next += 1;
    stack.push(file);
    onStack.add(file);
    for (const { target } of graph.imports.get(file) ?? []) {
      if (target === undefined || !graph.imports.has(target)) {
        continue;
      }
      if (!index.has(target)) {
        visit(target);
        lowLink.set(file, Math.min(lowLink.get(file) ?? 0, lowLink.get(target) ?? 0));
      } else if (onStack.has(target)) {
        lowLink.set(file, Math.min(lowLink.get(file) ?? 0, index.get(target) ?? 0));
      }
    }
    if (lowLink.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member !== undefined) {
          onStack.delete(member);
          component.push(member);
        }
      } while (member !== undefined && member !== file);
      const selfImport = (graph.imports.get(file) ?? []).some(({ target }) => target === file);
      if (component.length > 1 || selfImport) {
        cycles.push(component.sort());
      }
    }
  };
  for (const file of graph.files) {
    if (!index.has(file)) {
      visit(file);
    }
  }
  return cycles;
}

/** A layer of the code base and what its files may import. */
export interface LayerRule {
  /** What the rule keeps, as a failing test says it. */
  readonly name: string;
  /** The files the rule governs. */
  readonly governs: (file: string) => boolean;
  /** Why an import breaks the rule, or undefined when it is allowed. */
  readonly breach: (edge: ImportEdge, file: string) => string | undefined;
}

/** Every import that breaks a rule, as `rule: file imports specifier (why)`. */
export function layerBreaches(graph: ImportGraph, rules: readonly LayerRule[]): string[] {
  const breaches: string[] = [];
  for (const file of graph.files) {
    for (const rule of rules.filter((candidate) => candidate.governs(file))) {
      for (const edge of graph.imports.get(file) ?? []) {
        const why = rule.breach(edge, file);
        if (why !== undefined) {
          breaches.push(`${rule.name}: ${file} imports '${edge.specifier}' (${why})`);
        }
      }
    }
  }
  return breaches;
}
