/**
 * Writing the report with `-o FILE` (its folders made first, as ESLint
 * does), a piece at a time as the files' findings are ready. A file on disk
 * takes each write at once, so they are synchronous. The file is written
 * even when the report is empty, so a pipeline that keeps it as an artifact
 * always finds it. A write that fails ends the writing; the reason is given
 * once, when the report is closed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorText } from '../fileCheck';

export class ReportFile {
  private fd: number | undefined;
  private problem: string | undefined;

  /** `file`: absolute. */
  constructor(private readonly file: string) {}

  write(text: string): void {
    if (this.problem !== undefined) {
      return;
    }
    try {
      fs.writeSync(this.open(), text);
    } catch (error) {
      this.problem = errorText(error);
    }
  }

  /** Closes the file (made now if nothing was written); the reason it could not be written, else undefined. */
  close(): string | undefined {
    if (this.problem === undefined) {
      try {
        this.open();
      } catch (error) {
        this.problem = errorText(error);
      }
    }
    if (this.fd !== undefined) {
      fs.closeSync(this.fd);
      this.fd = undefined;
    }
    return this.problem;
  }

  private open(): number {
    if (this.fd === undefined) {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.fd = fs.openSync(this.file, 'w');
    }
    return this.fd;
  }
}
