import { closeSync, fstatSync, openSync, renameSync, truncateSync, writeSync } from 'node:fs';

/**
 * A text file written line by line through `<path>.partial` and renamed to `<path>` on `close()`,
 * so a reader never mistakes an interrupted file for a finished one. Lines are buffered and written
 * in whole-line chunks of about 1 MB. Given `resumeBytes`, it truncates an existing partial file to
 * that length (a checkpoint's) and appends from there.
 */
export class LineFile {
  private readonly fd: number;
  private buffer: string[] = [];
  private bufferedChars = 0;

  constructor(readonly path: string, resumeBytes?: number) {
    if (resumeBytes !== undefined) truncateSync(`${path}.partial`, resumeBytes);
    this.fd = openSync(`${path}.partial`, resumeBytes !== undefined ? 'a' : 'w');
  }

  push(line: string): void {
    this.buffer.push(line);
    this.bufferedChars += line.length + 1;
    if (this.bufferedChars > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join('\n') + '\n');
    this.buffer = [];
    this.bufferedChars = 0;
  }

  /** Bytes on disk after flushing: where a checkpoint can resume the file. */
  bytes(): number {
    this.flush();
    return fstatSync(this.fd).size;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(`${this.path}.partial`, this.path);
  }
}
