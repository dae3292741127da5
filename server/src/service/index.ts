/**
 * The language service's only door. The server, the CLI, the benchmark and
 * every test outside `test/service/` import the service from here and nowhere
 * else (`test/architecture.test.ts` fails otherwise), so what is listed here is
 * the service's public surface and everything else may change freely.
 *
 * Most callers need only the first group: `getLanguageService` and the types
 * of its questions and answers. The other groups serve shells that read files
 * themselves (the data files a user names), the CLI's streamed check of huge
 * 837 files (which cuts the file where a claim ends and words the envelope
 * findings as the whole-file check does), and the tests and benchmark that
 * write 837 files.
 */

// The service: one method per question, and what its questions and answers are made of.
export { getLanguageService, x12LanguageId } from './languageService';
export type { ClaimLanguageService, LanguageServiceOptions } from './languageService';
export type { ClaimDocumentModel, Severity } from './model/model';
// The workspace's procedures by patient, which a shell keeps for `global-surgery` (the server's index, claim-lint's run).
export { type FileProcedures, ProcedureIndex } from './rules/procedureFacts';
export type { ProcedureFact, WorkspaceProcedures } from './rules/ruleTypes';
export { unitsOf } from './model/model';
export type { DocumentValidator } from './validation/documentValidator';
export type { AnswerRun, StepSize, ValidationProgress, ValidationRun } from './validation/validationSteps';
export type { OutlineLimits } from './features/documentSymbols/documentSymbols';
export type { FormatRequest } from './features/formatting/formatDocument';
export type { CodeReferences, ReferencedCode } from './features/references/codeReferences';
export type { ConversionResult, ConvertTo837Options } from './features/conversion/conversionTypes';
export type { ClaimIdRange, RenameRefusal } from './features/rename/rename';
export { semanticTokensLegend } from './features/semanticTokens/semanticTokens';
export { completionTriggerCharacters } from './features/completion/completionItems';

// Settings, typed and checked, and the rules they turn on and off.
export { type ClaimSettings, defaultSettings, readSettings, type X12Layout, x12Layouts } from './settings';
export { allRules } from './rules/ruleCatalog';

// Reference data: the bundled codes, and readers for the files a user names (the shells read the files).
export { bundledCodes } from './reference/bundledCodes';
export type { CodeInfo } from './reference/codeTypes';
export type { DescriptorSource } from './reference/codeReference';
export { readDescriptorFile } from './reference/descriptorFile';
export { type MueEntry, readMueFile } from './reference/mueFile';
export type { RowPlace, RowProblem } from './reference/delimitedText';
export {
  type AddOnEdit,
  type AddOnEdits,
  type AddOnEditType,
  type DateSpan,
  type DiagnosisCodeSet,
  type DiagnosisEntry,
  type Edition,
  editionFor,
  type FeeSchedule,
  type FeeScheduleEntry,
  type GlobalDays,
  type HcpcsCodeSet,
  type HcpcsEntry,
  type LoadedFileReport,
  type MueAdjudicationIndicator,
  type MueLimit,
  type MueTable,
  noOfficialData,
  type OfficialData,
  type OfficialKind,
  type OfficialTable,
  type PtpEdit,
  type PtpEdits,
  type PtpModifierIndicator,
} from './reference/official/officialData';

// Positions and wording, as the service's answers use them.
export { claimAt, comparePositions, rangeContains } from './position/locate';
export { counted } from './text/wording';

// X12 reading and writing: the CLI's streamed check, the tests and the benchmark's corpora.
export { endsClaim } from './x12/claimSpans';
export { isJunk, isLayoutSpace, isaStartIn, readSeparators, segmentEnd, segmentIdAt } from './x12/x12Syntax';
export type { X12Separators } from './x12/x12Types';
export { components } from './x12/x12Lexer';
export { reparseCounts } from './x12/x12Reparse';
export {
  childCountMessage,
  controlNumberMessage,
  repeatedInterchangeMessage,
  segmentCountMessage,
} from './rules/x12/envelopeMessages';
export { identifyTransaction, RefusalRuns, refusalMessage } from './x12/transactionIdentity';
export { onlyRefused } from './rules/x12/x12ControlNumbers';

// The problem cap, which claim-lint's streamed check applies as the whole-file check does.
export { capFilter, keptUnderCap, problemPriorities, problemPriority } from './validation/problemCap';
export { problemLimitMessage } from './validation/validation';
export { type ClaimToWrite, type LineToWrite, writeX12 } from './x12/x12Writer';
