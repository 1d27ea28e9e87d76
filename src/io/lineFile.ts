import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, renameSync, truncateSync, writeSync } from 'node:fs';
import { hashFilePrefix } from './integrity.js';

/**
 * A text file written line by line through `<path>.partial` and renamed to `<path>` on `close()`,
 * so a reader never mistakes an interrupted file for a finished one. Lines are buffered and written
 * in whole-line chunks of about 1 MB. Given `resumeBytes`, it truncates an existing partial file to
 * that length (a checkpoint's) and appends from there. It keeps a running SHA-256 of every byte of
 * the file, so a checkpoint can vouch for the table prefix it points at.
 */
export class LineFile {
  private readonly fd: number;
  private buffer: string[] = [];
  private bufferedChars = 0;
  private readonly hash: Hash;

  constructor(readonly path: string, resumeBytes?: number) {
    if (resumeBytes !== undefined) {
      truncateSync(`${path}.partial`, resumeBytes);
      this.hash = hashFilePrefix(`${path}.partial`, resumeBytes).hash;
    } else this.hash = createHash('sha256');
    this.fd = openSync(`${path}.partial`, resumeBytes !== undefined ? 'a' : 'w');
  }

  push(line: string): void {
    this.buffer.push(line);
    this.bufferedChars += line.length + 1;
    if (this.bufferedChars > 1 << 20) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    const chunk = Buffer.from(this.buffer.join('\n') + '\n');
    // Cleared first: a failed write (ENOSPC) is not retried, and its error reaches the caller as is.
    this.buffer = [];
    this.bufferedChars = 0;
    try {
      writeSync(this.fd, chunk);
    } catch (err) {
      (err as NodeJS.ErrnoException).path ??= `${this.path}.partial`; // name the file in the message
      throw err;
    }
    this.hash.update(chunk);
  }

  /** Bytes on disk after flushing: where a checkpoint can resume the file. */
  bytes(): number {
    this.flush();
    return fstatSync(this.fd).size;
  }

  /** SHA-256 (hex) of the bytes written so far, after flushing. */
  sha256(): string {
    this.flush();
    return this.hash.copy().digest('hex');
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(`${this.path}.partial`, this.path);
  }
}
