/**
 * What the conversion round trips compare: each claim as the claim model
 * reads it (so layout, comments and `A` versus `1` pointers do not matter),
 * the SV1 segments of an 837 element by element, and the fixture files both
 * conversions are tried on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type ClaimDocumentModel,
  components,
  type ConversionResult,
  getLanguageService,
  unitsOf,
} from '../../../server/src/service';
import { repoRoot } from '../repoRoot';

export const conversionService = getLanguageService();
export const conversionDate = { date: '2026-11-25', time: '0930' };

export interface LineSummary {
  code: string;
  modifiers: string[];
  units: number;
  /** Undefined for none: `$0` is a charge. */
  charge: number | undefined;
  pointers: number[];
  /** The line's own date, else its claim's. */
  dos: string | undefined;
  pos: string | undefined;
  lesions: number | undefined;
}

export interface ClaimSummary {
  id: string | undefined;
  patient: string | undefined;
  provider: string | undefined;
  pos: string | undefined;
  lesions: number | undefined;
  /** Without decimal points: `.claim` writes them, an 837 does not. */
  diagnoses: string[];
  lines: LineSummary[];
}

let documents = 0;

export function documentOf(text: string, language: 'claim' | 'x12'): TextDocument {
  documents += 1;
  return TextDocument.create(
    `file:///conversion/doc${documents}.${language === 'claim' ? 'claim' : '837'}`,
    language,
    1,
    text,
  );
}

export function parsed(text: string, language: 'claim' | 'x12'): { document: TextDocument; model: ClaimDocumentModel } {
  const document = documentOf(text, language);
  return { document, model: conversionService.parse(document) };
}

export function toX12(text: string): ConversionResult {
  const { document, model } = parsed(text, 'claim');
  return conversionService.convertTo837(document, model, conversionDate);
}

export function toClaim(text: string): ConversionResult {
  const { document, model } = parsed(text, 'x12');
  return conversionService.convertToClaim(document, model);
}

export function summaries(text: string, language: 'claim' | 'x12'): ClaimSummary[] {
  const { model } = parsed(text, language);
  return model.claims.map((claim) => {
    // A header given twice: the later value wins, as the parser says.
    const header = (key: string) => claim.headers.filter((entry) => entry.key.value === key).pop()?.value.value;
    return {
      id: claim.id?.value,
      patient: header('patient'),
      provider: header('provider'),
      pos: claim.pos?.value,
      lesions: claim.lesions?.value,
      diagnoses: claim.diagnoses.map((diagnosis) => diagnosis.code.replace(/\./g, '')),
      lines: claim.lines.map((line) => ({
        code: line.code.value,
        modifiers: line.modifiers.map((modifier) => modifier.value),
        units: unitsOf(line),
        charge: line.charge?.value,
        pointers: line.dxPointers.filter((pointer) => pointer.index >= 0).map((pointer) => pointer.index),
        dos: line.dos?.value ?? claim.dos?.value,
        pos: line.pos?.value,
        lesions: line.lesions?.value,
      })),
    };
  });
}

/** Each SV1 of an 837 as its elements, components joined with `:` whatever the file's separator. */
export function sv1Segments(text: string): string[][] {
  const { model } = parsed(text, 'x12');
  const interchange = model.x12?.interchange;
  if (!interchange) {
    return [];
  }
  return [...interchange.segments]
    .filter((segment) => segment.id === 'SV1')
    .map((segment) =>
      segment.elements.map((element) =>
        components(element, interchange.separators.component)
          .map((part) => part.text)
          .join(':'),
      ),
    );
}

/** Each claim's CLM01, CLM02 and HI codes (without decimal points) in an 837. */
export function claimLevelFields(
  text: string,
): Array<{ id: string | undefined; total: number | undefined; diagnoses: string[] }> {
  return parsed(text, 'x12').model.claims.map((claim) => ({
    id: claim.id?.value,
    total: claim.totalCharge?.value,
    diagnoses: claim.diagnoses.map((diagnosis) => diagnosis.code.replace(/\./g, '')),
  }));
}

export interface FixtureFile {
  /** Relative to the repository. */
  name: string;
  text: string;
  language: 'claim' | 'x12';
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** Every claim file of `examples/` and the editor fixtures workspace, in either format. */
export function conversionFixtures(): FixtureFile[] {
  const root = repoRoot();
  return [path.join(root, 'examples'), path.join(root, 'test', 'editor', 'fixtures', 'workspace')]
    .flatMap(filesUnder)
    .filter((file) => /\.(claim|837|x12|edi)$/.test(file))
    .sort()
    .map((file) => ({
      name: path.relative(root, file),
      text: fs.readFileSync(file, 'utf8'),
      language: file.endsWith('.claim') ? 'claim' : 'x12',
    }));
}
