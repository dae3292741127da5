/**
 * Settings for each checked file: the `.claimlintrc.json` found upward from
 * the file (or the one `--config` names; none with `--no-config-lookup`
 * unless `--config` names one), holding the extension's settings
 * without the `cptClaims.` prefix. Data file paths (and `dataFolder`) are
 * relative to the config file's folder; `--data` names one data folder for
 * every file instead. A config with an unknown key or value is not used
 * (configValidation.ts): the files it governs are reported, not checked.
 * One language service per distinct set of data files, and each data folder
 * read once (from the cache when it was read before). A config is read by
 * the one guarded reader (`shared/src/guardedFile.ts`): a regular file of at
 * most 1 MB, never a pipe or device.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configProblems } from './configValidation';
import { readDataFile as readGuardedDataFile } from '../../shared/src/dataFileReader';
import { maxConfigFileBytes, readFileBytes } from '../../shared/src/guardedFile';
import { type DataFolderData, loadDataFolderNow } from '../../server/src/referenceData/dataFolder';
import { resolveDataFolder } from '../../server/src/referenceData/dataFolderPaths';
import type { FileImporter } from '../../server/src/referenceData/fileImporter';
import {
  type ClaimLanguageService,
  type ClaimSettings,
  getLanguageService,
  type LanguageServiceOptions,
  readDescriptorFile,
  readMueFile,
  readSettings,
  type WorkspaceProcedures,
} from '../../server/src/service';

const configFileName = '.claimlintrc.json';

/** The command line reports every problem unless a config sets a limit. */
const cliMaxProblems = Number.MAX_SAFE_INTEGER;

export interface LoadedConfig {
  /** The config file, or undefined for the defaults. */
  file?: string;
  settings: ClaimSettings;
  service: ClaimLanguageService;
}

/** The data folder the command line names (`--data`) and the table cache folder, both absolute. Crosses to workers. */
export interface DataFolderChoice {
  folder?: string;
  cacheFolder?: string;
}

/**
 * Which config applies, as the command line says: the file `--config` names
 * (absolute), and whether a `.claimlintrc.json` is looked for in each file's
 * folder and the folders above it (not with `--no-config-lookup`). Made once
 * by `runCli` and handed to every resolver, the worker threads' included.
 */
export interface ConfigChoice {
  file?: string;
  lookUpward: boolean;
}

/** ESLint's default: the config found above each file, none named. */
const lookUpwardOnly: ConfigChoice = { lookUpward: true };

/** A config or data file that cannot be read or used: reported, exit 2. */
export class ConfigError extends Error {}

function errorText(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : error instanceof Error
      ? error.message
      : String(error);
}

function configTooLarge(size: number): string {
  return `it is ${size} bytes, more than the ${maxConfigFileBytes / 1024 / 1024} MB a config file may be`;
}

/** Why the config file `--config` names cannot be read (not whether it is valid), as words after its name; or undefined. */
export function configFileProblem(configFile: string): string | undefined {
  const read = readFileBytes(configFile, maxConfigFileBytes, configTooLarge);
  if (read.ok) {
    return undefined;
  }
  return read.code === 'ENOENT' ? 'does not exist' : `cannot be read: ${read.reason.replace(/\.$/, '')}`;
}

/** The config's JSON, read guarded; a ConfigError says why it cannot be. */
function readConfigJson(configFile: string): unknown {
  const read = readFileBytes(configFile, maxConfigFileBytes, configTooLarge);
  if (!read.ok) {
    throw new ConfigError(`cannot read config ${configFile}: ${read.reason.replace(/\.$/, '')}`);
  }
  try {
    return JSON.parse(Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.length).toString('utf8'));
  } catch {
    throw new ConfigError(`cannot read config ${configFile}: not valid JSON`);
  }
}

export class ConfigResolver {
  private readonly byDirectory = new Map<string, string | null>();
  private readonly byFile = new Map<string, LoadedConfig | ConfigError>();
  private readonly services = new Map<string, ClaimLanguageService>();
  private readonly dataFolders = new Map<string, DataFolderData>();
  private readonly explicit: string | undefined;
  private readonly lookUpward: boolean;
  /** Problems with data files, reported once each on stderr. */
  readonly warnings: string[] = [];
  /** The run's procedures by patient (`runProcedures.ts`), given to every service made after it is set. */
  workspaceProcedures: WorkspaceProcedures | undefined;
  private readonly warned = new Set<string>();

  constructor(
    config: ConfigChoice = lookUpwardOnly,
    private readonly data: DataFolderChoice = {},
    /** The importers; default: every importer of the product (tests pass fakes). */
    private readonly importers?: readonly FileImporter[],
  ) {
    this.explicit = config.file === undefined ? undefined : path.resolve(config.file);
    this.lookUpward = config.lookUpward;
  }

  /** The config file that applies to files in `folder`: the one `--config` names, else the one found upward, if looked for. */
  configFileFor(folder: string): string | undefined {
    return this.explicit ?? (this.lookUpward ? this.findUpward(folder) : undefined);
  }

  /** The data folder for a config: `--data`, else the config's `dataFolder` (relative to the config file). */
  dataFolderFor(configFile: string | undefined, settings: ClaimSettings): string | undefined {
    if (this.data.folder !== undefined) {
      return this.data.folder;
    }
    if (configFile === undefined || settings.dataFolder === '') {
      return undefined;
    }
    const resolved = resolveDataFolder(settings.dataFolder, path.dirname(configFile));
    return 'folder' in resolved ? resolved.folder : undefined;
  }

  /** The folder's tables, read once per run (from the cache when they were imported before). */
  officialData(folder: string): DataFolderData {
    let data = this.dataFolders.get(folder);
    if (!data) {
      data = loadDataFolderNow(folder, {
        ...(this.data.cacheFolder !== undefined ? { cacheFolder: this.data.cacheFolder } : {}),
        ...(this.importers ? { importers: this.importers } : {}),
      });
      this.dataFolders.set(folder, data);
    }
    return data;
  }

  /** The config for a file (absolute path); throws ConfigError when it cannot be used. */
  configFor(file: string): LoadedConfig {
    const configFile = this.configFileFor(path.dirname(file));
    const key = configFile ?? '';
    let loaded = this.byFile.get(key);
    if (!loaded) {
      try {
        loaded = this.load(configFile);
      } catch (error) {
        loaded =
          error instanceof ConfigError ? error : new ConfigError(`${configFile ?? 'config'}: ${errorText(error)}`);
      }
      this.byFile.set(key, loaded);
    }
    if (loaded instanceof ConfigError) {
      throw loaded;
    }
    return loaded;
  }

  private findUpward(start: string): string | undefined {
    const visited: string[] = [];
    let found: string | null = null;
    for (let dir = start; ; dir = path.dirname(dir)) {
      const cached = this.byDirectory.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(dir);
      const candidate = path.join(dir, configFileName);
      if (fs.existsSync(candidate)) {
        found = candidate;
        break;
      }
      if (path.dirname(dir) === dir) {
        break;
      }
    }
    for (const dir of visited) {
      this.byDirectory.set(dir, found);
    }
    return found ?? undefined;
  }

  private load(configFile: string | undefined): LoadedConfig {
    if (configFile === undefined) {
      const settings = { ...readSettings({}), maxNumberOfProblems: cliMaxProblems };
      return { settings, service: this.serviceFor('', [], '', this.dataFolderFor(undefined, settings)) };
    }
    const raw = readConfigJson(configFile);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new ConfigError(`config ${configFile} is not a JSON object`);
    }
    const problems = configProblems(raw as Record<string, unknown>);
    if (problems.length > 0) {
      throw new ConfigError(`invalid config ${configFile}:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    }
    const read = readSettings(raw);
    const hasLimit = 'maxNumberOfProblems' in raw;
    const settings: ClaimSettings = {
      ...read,
      maxNumberOfProblems: hasLimit ? read.maxNumberOfProblems : cliMaxProblems,
    };
    const base = path.dirname(configFile);
    const descriptorFiles = settings.descriptorFiles.map((file) => path.resolve(base, file));
    const mueFile = settings.mueFile === '' ? '' : path.resolve(base, settings.mueFile);
    const dataFolder = this.dataFolderFor(configFile, settings);
    return { file: configFile, settings, service: this.serviceFor(configFile, descriptorFiles, mueFile, dataFolder) };
  }

  private serviceFor(
    configFile: string,
    descriptorFiles: readonly string[],
    mueFile: string,
    dataFolder: string | undefined,
  ): ClaimLanguageService {
    const key = JSON.stringify([descriptorFiles, mueFile, dataFolder]);
    let service = this.services.get(key);
    if (!service) {
      service = getLanguageService(this.serviceOptions(configFile, descriptorFiles, mueFile, dataFolder));
      this.services.set(key, service);
    }
    return service;
  }

  /** What the language service is given for a set of data files; problems go to `warnings`. */
  serviceOptions(
    configFile: string,
    descriptorFiles: readonly string[],
    mueFile: string,
    dataFolder: string | undefined,
  ): LanguageServiceOptions {
    const options: LanguageServiceOptions = { descriptorSources: [] };
    if (this.workspaceProcedures) {
      options.workspaceProcedures = this.workspaceProcedures;
    }
    if (dataFolder !== undefined) {
      const data = this.officialData(dataFolder);
      if (data.problem !== undefined) {
        const namedBy = this.data.folder !== undefined ? '--data' : configFile;
        this.warn(`cannot read data folder ${dataFolder} (named by ${namedBy}): ${data.problem}`);
      } else {
        options.officialData = data;
      }
    }
    const sources = [];
    for (const file of descriptorFiles) {
      const text = this.readDataFile(file, 'descriptor file', configFile);
      if (text !== undefined) {
        sources.push(readDescriptorFile(text, path.basename(file)).source);
      }
    }
    options.descriptorSources = sources;
    if (mueFile !== '') {
      const text = this.readDataFile(mueFile, 'MUE file', configFile);
      if (text !== undefined) {
        const table = readMueFile(text);
        if (table.entries.size === 0) {
          this.warn(`MUE file ${mueFile} (named by ${configFile}) has no usable rows; the mue-limit rule is off`);
        } else {
          options.mue = table.entries;
        }
      }
    }
    return options;
  }

  /** Read with the server's guard: a pipe, a device, a huge or binary file is refused with its reason, never read. */
  private readDataFile(file: string, kind: string, configFile: string): string | undefined {
    const read = readGuardedDataFile(file);
    if (!read.ok) {
      this.warn(`cannot read ${kind} ${file} (named by ${configFile}): ${read.reason}`);
      return undefined;
    }
    return read.text;
  }

  private warn(message: string): void {
    if (!this.warned.has(message)) {
      this.warned.add(message);
      this.warnings.push(message);
    }
  }
}
