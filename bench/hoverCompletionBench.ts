/**
 * `npm run bench`: how fast the language service and the real server answer
 * on large claim files. Prints figures; targets are read from them, never
 * asserted in a timed test.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, getLanguageService } from '../server/src/service/languageService';
import { generateClaimText, generateX12Text } from './claimCorpus';
import { LspStdioClient } from './lspStdioClient';

const serverPath = path.join(__dirname, '..', '..', 'dist', 'server.js');

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

function inProcess(text: string, languageId = 'claim'): Array<[string, string]> {
  const service = getLanguageService();
  const document = TextDocument.create(`file:///bench.${languageId}`, languageId, 1, text);
  const megabytes = text.length / 1e6;
  const parseStart = performance.now();
  const model = service.parse(document);
  const parseMs = performance.now() - parseStart;
  const validateStart = performance.now();
  const diagnostics = service.doValidation(document, model, { ...defaultSettings, maxNumberOfProblems: 1e9 });
  const validateMs = performance.now() - validateStart;
  return [
    ['in-process parse', `${ms(parseMs)} (${(megabytes / (parseMs / 1000)).toFixed(1)} MB/s)`],
    ['in-process validate', `${ms(validateMs)} (${diagnostics.length} diagnostics)`],
  ];
}

async function throughServer(text: string): Promise<Array<[string, string]>> {
  const client = new LspStdioClient(serverPath);
  await client.initialize();
  const uri = 'file:///bench/large.claim';
  const lines = text.split('\n');
  const openStart = performance.now();
  const firstDiagnostics = client.diagnosticsFor(uri, 1);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'claim', version: 1, text } });
  const published = await firstDiagnostics;
  const openMs = performance.now() - openStart;

  const codeLines = lines.flatMap((line, index) => (/^\s+19\d{3}/.test(line) ? [index] : []));
  const hoverSamples: number[] = [];
  const completionSamples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const line = codeLines[Math.floor((i / 200) * codeLines.length)] ?? 0;
    const position = { line, character: 4 };
    let start = performance.now();
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    hoverSamples.push(performance.now() - start);
    start = performance.now();
    await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    completionSamples.push(performance.now() - start);
  }

  // A one-line edit in the middle of the file: hover and completion right after it (before the
  // document is parsed again), then fresh diagnostics (including the push pause).
  const editLine = codeLines[Math.floor(codeLines.length / 2)] ?? 0;
  const editStart = performance.now();
  const afterEdit = client.diagnosticsFor(uri, 2);
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: editLine, character: 2 }, end: { line: editLine, character: 7 } }, text: '19284' }],
  });
  const hoverAfterEditStart = performance.now();
  await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: editLine, character: 4 } });
  const hoverAfterEditMs = performance.now() - hoverAfterEditStart;
  const completionAfterEditStart = performance.now();
  await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: editLine, character: 4 } });
  const completionAfterEditMs = performance.now() - completionAfterEditStart;
  await afterEdit;
  const editMs = performance.now() - editStart;
  await client.stop();
  return [
    ['server: didOpen to diagnostics', `${ms(openMs)} (${published.diagnostics.length} published)`],
    ['server: hover p50 / p99', `${ms(percentile(hoverSamples, 50))} / ${ms(percentile(hoverSamples, 99))}`],
    ['server: completion p50 / p99', `${ms(percentile(completionSamples, 50))} / ${ms(percentile(completionSamples, 99))}`],
    ['server: hover right after an edit', ms(hoverAfterEditMs)],
    ['server: completion right after an edit', ms(completionAfterEditMs)],
    ['server: one-line edit to diagnostics', `${ms(editMs)} (includes the 200 ms typing pause)`],
  ];
}

/** Opens a large 837 in the real server: time to diagnostics and how many are published (bounded by a setting). */
async function x12ThroughServer(text: string): Promise<Array<[string, string]>> {
  const client = new LspStdioClient(serverPath);
  await client.initialize();
  const uri = 'file:///bench/large.837';
  const start = performance.now();
  const diagnostics = client.diagnosticsFor(uri, 1);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'x12', version: 1, text } });
  const published = await diagnostics;
  const openMs = performance.now() - start;
  const hoverStart = performance.now();
  await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 8 } });
  const hoverMs = performance.now() - hoverStart;
  await client.stop();
  return [
    ['server: didOpen to diagnostics', `${ms(openMs)} (${published.diagnostics.length} published)`],
    ['server: hover after open', ms(hoverMs)],
  ];
}

async function main(): Promise<void> {
  for (const megabytes of [5, 50]) {
    const text = generateX12Text(megabytes * 1e6);
    const rows = [...inProcess(text, 'x12'), ...(await x12ThroughServer(text))];
    process.stdout.write(`\n${(text.length / 1e6).toFixed(2)} MB X12 837P file, ${text.split('~').length - 1} segments\n`);
    for (const [name, value] of rows) {
      process.stdout.write(`  ${name.padEnd(40)} ${value}\n`);
    }
  }
  for (const megabytes of [1, 5]) {
    const text = generateClaimText(megabytes * 1e6);
    const rows = [...inProcess(text), ...(await throughServer(text))];
    process.stdout.write(`\n${(text.length / 1e6).toFixed(2)} MB .claim file, ${text.split('\n').length} lines\n`);
    for (const [name, value] of rows) {
      process.stdout.write(`  ${name.padEnd(40)} ${value}\n`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${String(error)}\n`);
  process.exitCode = 1;
});
