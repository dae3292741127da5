/**
 * `claim-lint`: the extension's checks on the command line. Files, folders
 * (searched for claim files) or `-` for standard input; the same parsers,
 * rules, data files and per-rule severities as the editor, through the pure
 * language service. Exit 0 no errors, 1 errors or too many warnings, 2 usage
 * or read errors (reported on stderr; the other files are still checked).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Diagnostic, DiagnosticSeverity, type Position } from 'vscode-languageserver-types';
import type { ClaimDocumentModel } from '../../server/src/service/languageService';
import { ConfigError, ConfigResolver } from './config';
import { type FileResult, formatResults, type LintMessage, type SeverityName } from './formatters';
import { type CliOptions, helpText, parseOptions, UsageError } from './options';

const claimExtensions = new Set(['.claim', '.837', '.x12', '.edi']);
const x12Extensions = new Set(['.837', '.x12', '.edi']);
const skippedFolders = new Set(['node_modules', '.git']);

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  cwd: string;
}

function version(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'cpt-claims' && typeof manifest.version === 'string') {
        return manifest.version;
      }
    } catch {
      // not here; look further up
    }
  }
  return 'unknown';
}

const severityNames: Record<DiagnosticSeverity, SeverityName> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function claimIdAt(model: ClaimDocumentModel, position: Position): string | null {
  const claim = model.claims.find((c) => !before(position, c.range.start) && !before(c.range.end, position));
  return claim?.id?.value ?? null;
}

function toMessage(diagnostic: Diagnostic, model: ClaimDocumentModel): LintMessage {
  const { start, end } = diagnostic.range;
  return {
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: severityNames[diagnostic.severity ?? DiagnosticSeverity.Error],
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    ruleId: typeof diagnostic.code === 'string' ? diagnostic.code : null,
    claimId: claimIdAt(model, start),
  };
}

/** Claim files under a folder, in a stable order. */
function walk(folder: string): string[] {
  const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      return skippedFolders.has(entry.name) ? [] : walk(full);
    }
    return entry.isFile() && claimExtensions.has(path.extname(entry.name).toLowerCase()) ? [full] : [];
  });
}

const readErrorTexts: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a folder',
  ENOTDIR: 'not a folder',
};

function errorText(error: unknown): string {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return code !== undefined ? (readErrorTexts[code] ?? code) : error instanceof Error ? error.name : 'unknown error';
}

function check(text: string, displayPath: string, absolutePath: string, configs: ConfigResolver, quiet: boolean): FileResult {
  const { settings, service } = configs.configFor(absolutePath);
  const languageId = x12Extensions.has(path.extname(absolutePath).toLowerCase()) ? 'x12' : 'claim';
  const document = TextDocument.create(`file://${absolutePath}`, languageId, 1, text);
  const model = service.parse(document);
  const messages = service
    .doValidation(document, model, settings)
    .map((diagnostic) => toMessage(diagnostic, model))
    .filter((message) => !quiet || message.severity === 'error');
  return {
    filePath: displayPath,
    messages,
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warning').length,
  };
}

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseOptions(args);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`claim-lint: ${error.message}\nRun 'claim-lint --help' for usage.\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    io.stdout(helpText);
    return 0;
  }
  if (options.version) {
    io.stdout(`${version()}\n`);
    return 0;
  }
  if (options.config !== undefined && !fs.existsSync(path.resolve(io.cwd, options.config))) {
    io.stderr(`claim-lint: config file ${options.config} does not exist\n`);
    return 2;
  }
  const configs = new ConfigResolver(options.config === undefined ? undefined : path.resolve(io.cwd, options.config));
  const results: FileResult[] = [];
  let readErrors = 0;
  const readError = (what: string, reason: string) => {
    readErrors++;
    io.stderr(`claim-lint: ${what}: ${reason}\n`);
  };
  const checkText = (text: string, displayPath: string, absolutePath: string) => {
    try {
      results.push(check(text, displayPath, absolutePath, configs, options.quiet));
    } catch (error) {
      if (error instanceof ConfigError) {
        readError(displayPath, error.message);
        return;
      }
      throw error;
    }
  };

  for (const operand of options.operands) {
    if (operand === '-') {
      const name = options.stdinFilename ?? '<stdin>';
      let text: string;
      try {
        text = await io.readStdin();
      } catch (error) {
        readError('<stdin>', errorText(error));
        continue;
      }
      checkText(text, name, path.resolve(io.cwd, options.stdinFilename ?? 'stdin.claim'));
      continue;
    }
    const absolute = path.resolve(io.cwd, operand);
    let files: string[];
    try {
      files = fs.statSync(absolute).isDirectory() ? walk(absolute) : [absolute];
    } catch (error) {
      readError(operand, errorText(error));
      continue;
    }
    for (const file of files) {
      const display = file === absolute ? operand : path.join(operand, path.relative(absolute, file));
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        readError(display, errorText(error));
        continue;
      }
      checkText(text, display, file);
    }
  }
  for (const warning of configs.warnings) {
    readError('data file', warning);
  }

  // The rule pages ship beside the bundle: dist/claim-lint.js -> docs/rules/.
  io.stdout(formatResults(options.format, results, { version: version(), rulesDocsBase: new URL('../docs/rules/', pathToFileURL(__filename)).href }));
  const errors = results.reduce((sum, r) => sum + r.errorCount, 0);
  const warnings = results.reduce((sum, r) => sum + r.warningCount, 0);
  if (readErrors > 0) {
    return 2;
  }
  if (errors > 0) {
    return 1;
  }
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr(`claim-lint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin,
    cwd: process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`claim-lint: internal error: ${error instanceof Error ? error.name : 'unknown'}\n`);
      process.exitCode = 2;
    },
  );
}
