/**
 * Run by keptShapes.test.ts in a Node started with `--allow-natives-syntax
 * --expose-gc`: checks an 837 and a `.claim` file until the check's methods
 * are compiled, collects all garbage, and prints (one JSON line) which
 * methods of the kept classes were compiled before the collection and are
 * not after it; and the same for a control class, which nothing keeps, to
 * show that a lost method is seen.
 */
import * as vm from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, getLanguageService } from '../../../server/src/service';
import { keptShapes } from '../../../server/src/service/model/keptShapes';
import { x12Batch } from '../../support/documents/x12Batch';

type Method = (...args: unknown[]) => unknown;

// `%` is V8's own syntax, which --allow-natives-syntax allows in any script the process compiles.
const optimizationStatus = vm.runInThisContext('(f) => %GetOptimizationStatus(f)') as (f: Method) => number;
const optimizedBit = 1 << 4;
const collect = (globalThis as { gc?: () => void }).gc;

function methodsOf(instance: object): Array<[string, Method]> {
  const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
  const name = (prototype.constructor as { name: string }).name;
  return Object.getOwnPropertyNames(prototype).flatMap((key) => {
    const value = Object.getOwnPropertyDescriptor(prototype, key)?.value as unknown;
    return typeof value === 'function' && key !== 'constructor' ? [[`${name}.${key}`, value as Method]] : [];
  });
}

const compiled = (methods: ReadonlyArray<[string, Method]>): Set<string> =>
  new Set(methods.filter(([, method]) => (optimizationStatus(method) & optimizedBit) !== 0).map(([name]) => name));

/** A class like the check's: a typed-array field, hot methods, and every instance garbage after use. */
class ControlCursor {
  private readonly starts = new Int32Array(8);
  count = 0;
  push(value: number): void {
    this.starts[this.count++ & 7] = value;
  }
  has(n: number): boolean {
    return n >= 1 && n <= this.count;
  }
}

function useControl(): number {
  let seen = 0;
  for (let k = 0; k < 5000; k++) {
    const cursor = new ControlCursor();
    for (let i = 0; i < 8; i++) {
      cursor.push(i);
    }
    for (let i = 0; i < 50; i++) {
      seen += cursor.has(i & 15) ? 1 : 0;
    }
  }
  return seen;
}

function claimText(claims: number): string {
  const lines: string[] = [];
  for (let n = 1; n <= claims; n++) {
    lines.push(`claim KEPT-${n}`, '  dos: 2026-03-14', '  dx: C50.411', '  lesions: 2');
    lines.push('  19283-RT   x1   $350.00   dx=A', '  19284-RT   x1   $400.00   dx=A', '');
  }
  return lines.join('\n');
}

if (!collect) {
  throw new Error('run with --expose-gc');
}
const service = getLanguageService();
const texts: Array<[string, string]> = [
  ['x12', x12Batch(2, 1500)],
  ['claim', claimText(3000)],
];
const methods = keptShapes().flatMap(methodsOf);
const controlMethods = methodsOf(new ControlCursor());
for (let round = 0; round < 4; round++) {
  for (const [languageId, text] of texts) {
    const document = TextDocument.create(`file:///kept.${languageId}`, languageId, round + 1, text);
    service.doValidation(document, service.parse(document), defaultSettings);
  }
  useControl();
}
const before = compiled(methods);
const controlBefore = compiled(controlMethods);
for (let i = 0; i < 4; i++) {
  collect();
}
const after = compiled(methods);
const controlAfter = compiled(controlMethods);
process.stdout.write(
  `${JSON.stringify({
    compiled: [...before],
    lost: [...before].filter((name) => !after.has(name)),
    controlCompiled: [...controlBefore],
    controlLost: [...controlBefore].filter((name) => !controlAfter.has(name)),
  })}\n`,
);
