/**
 * The data folder (`cptClaims.dataFolder`) in the server: read in the
 * background when the setting names it or changes (or the user asks for a
 * reload): imported in a worker thread into the disk cache
 * (`dataFolderWorker.ts`), then loaded from the cache here a step at a time,
 * so requests are answered meanwhile; the data in use until then stays in use. When a load finishes, the language services
 * are made again with its tables and every document is checked again
 * (`onLoaded`). A client that listens (`experimental.cptClaimsDataFolder`)
 * is told what is loaded, for its status bar.
 *
 * The setting is the machine's (VS Code never takes it from a workspace's
 * settings), so it is read whatever the workspace's trust: a workspace cannot
 * point it anywhere.
 */
import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import { displayPath } from '../../../shared/src/dataFileReader';
import {
  type DataFolderStatus,
  dataFolderCapability,
  dataFolderStatusNotification,
} from '../../../shared/src/protocol';
import { type DataFolderData, dataFolderSteps } from '../referenceData/dataFolder';
import { defaultCacheRoot, resolveDataFolder, tableCacheFolder } from '../referenceData/dataFolderPaths';
import type { FileImporter } from '../referenceData/fileImporter';
import { loadedEditions } from '../referenceData/officialTables';
import { describeError } from '../runtime/safeHandler';
import { type CacheFill, fillCacheInWorker } from './dataFolderWorker';
import { noOfficialData, type OfficialData } from '../service';

export interface DataFolderLoaderOptions {
  /** The importers; default: every importer of the product. */
  importers?: readonly FileImporter[];
  /**
   * The server's own script, run as a worker thread that does the importing (`dataFolderWorker.ts`); absent (an
   * in-process server in tests), the import runs in this thread. The worker uses the product's importers.
   */
  workerScript?: string;
}

const noFolder: DataFolderStatus = { folder: '', state: 'none', editions: [], files: [] };

export class DataFolderLoader {
  /** The setting's value last configured; undefined before the first. */
  setting: string | undefined;
  private generation = 0;
  /** Whether tables of a folder are in use, so that unsetting the folder drops them. */
  private holdsData = false;
  private clientListens = false;
  private fill: CacheFill | undefined;
  private cacheRoot = defaultCacheRoot();
  status: DataFolderStatus = noFolder;

  constructor(
    private readonly connection: Connection,
    private readonly onLoaded: (data: OfficialData) => void,
    private readonly options: DataFolderLoaderOptions = {},
  ) {}

  /** At initialize: whether the client listens for the status, and the cache folder it offers. */
  initialize(capabilities: ClientCapabilities, cacheFolder: unknown): void {
    const experimental: unknown = capabilities.experimental;
    this.clientListens =
      typeof experimental === 'object' &&
      experimental !== null &&
      (experimental as Record<string, unknown>)[dataFolderCapability] === true;
    const offered = typeof cacheFolder === 'string' && cacheFolder !== '' ? resolveDataFolder(cacheFolder) : undefined;
    if (offered && 'folder' in offered) {
      this.cacheRoot = offered.folder;
    }
  }

  /** The setting's value ('' for none): a new value is loaded; `again` loads the same one again. */
  configure(value: string, again = false): void {
    if (value === this.setting && !again) {
      return;
    }
    this.setting = value;
    const generation = ++this.generation;
    this.fill?.stop();
    this.fill = undefined;
    if (value === '') {
      this.drop(noFolder);
      return;
    }
    const resolved = resolveDataFolder(value);
    if ('problem' in resolved) {
      this.connection.console.warn(`cptClaims.dataFolder is not used: ${resolved.problem}`);
      this.drop({ ...noFolder, folder: value, state: 'unreadable', problem: resolved.problem });
      return;
    }
    this.publish({ ...this.status, folder: value, state: 'loading' });
    void this.load(resolved.folder, generation);
  }

  private async load(folder: string, generation: number): Promise<void> {
    const started = Date.now();
    const cacheFolder = tableCacheFolder(this.cacheRoot);
    try {
      if (this.options.workerScript !== undefined) {
        this.fill = fillCacheInWorker(this.options.workerScript, folder, cacheFolder);
        await this.fill.done;
        if (generation !== this.generation) {
          return;
        }
        this.fill = undefined;
      }
      const steps = dataFolderSteps(folder, {
        cacheFolder,
        ...(this.options.importers ? { importers: this.options.importers } : {}),
      });
      for (let step = steps.next(); ; step = steps.next()) {
        // A newer setting (or a reload) started meanwhile: this load's result would be stale.
        if (generation !== this.generation) {
          return;
        }
        if (step.done) {
          this.finish(step.value, Date.now() - started);
          return;
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.connection.console.error(`Reading the data folder failed: ${describeError(error)}`);
    }
  }

  private finish(data: DataFolderData, milliseconds: number): void {
    const log = this.connection.console;
    const where = displayPath(data.folder);
    if (data.problem !== undefined) {
      log.warn(`The data folder ${where} (cptClaims.dataFolder) is not used: ${data.problem}`);
      this.drop({ ...noFolder, folder: this.setting ?? '', state: 'unreadable', problem: data.problem });
      return;
    }
    const editions = loadedEditions(data).map((table) => ({ kind: table.kind, label: table.label }));
    const problems = data.files.filter((file) => file.problem !== undefined);
    log.info(
      `Read the data folder ${where} in ${milliseconds} ms: ${editions.length === 0 ? 'no edition' : editions.map((edition) => edition.label).join(', ')}.`,
    );
    // File names and reasons only: a reason never quotes a file's content.
    problems.forEach((file) => log.warn(`  ${displayPath(file.file)}: ${file.problem ?? ''}`));
    this.holdsData = true;
    this.onLoaded(data);
    this.publish({
      folder: this.setting ?? '',
      state: 'loaded',
      editions,
      files: data.files.map((file) => ({ ...file })),
    });
  }

  /** The server is shutting down: a load under way stops, its worker too. */
  dispose(): void {
    this.generation++;
    this.fill?.stop();
    this.fill = undefined;
  }

  /** No folder (or none readable): the tables of a previous one go. */
  private drop(status: DataFolderStatus): void {
    if (this.holdsData) {
      this.holdsData = false;
      this.onLoaded(noOfficialData);
    }
    this.publish(status);
  }

  private publish(status: DataFolderStatus): void {
    this.status = status;
    if (this.clientListens) {
      this.connection.sendNotification(dataFolderStatusNotification, status).catch(() => undefined);
    }
  }
}
