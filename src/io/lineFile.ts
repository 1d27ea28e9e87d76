import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, renameSync, truncateSync, writeSync } from 'node:fs';
import { hashFilePrefix } from './integrity.js';

/** Bytes buffered before a write to disk (and a hash update): 4 MiB, a few thousand table rows. */
const chunkBytes = 1 << 22;

/**
 * A text file written line by line through `<path>.partial` and renamed to `<path>` on `close()`,
 * so a reader never mistakes an interrupted file for a finished one. Each line is encoded as UTF-8
 * at once into a preallocated chunk (so the line's string dies young, never promoted by the
 * garbage collector), or written there byte by byte by the caller (`pushLines`: no string at all),
 * and the chunk is written and hashed whole when full. Given `resumeBytes`, it
 * truncates an existing partial file to that length (a checkpoint's) and appends from there. It
 * keeps a running SHA-256 of every byte of the file, so a checkpoint can vouch for the table prefix
 * it points at.
 */
export class LineFile {
  private readonly fd: number;
  /** Lines waiting to be written: `chunkBytes`, or more after a longer line (see `pushLines`). */
  private chunk = Buffer.allocUnsafe(chunkBytes);
  /** Bytes of `chunk` filled. */
  private used = 0;
  private readonly hash: Hash;

  constructor(readonly path: string, resumeBytes?: number) {
    if (resumeBytes !== undefined) {
      truncateSync(`${path}.partial`, resumeBytes);
      this.hash = hashFilePrefix(`${path}.partial`, resumeBytes).hash;
    } else this.hash = createHash('sha256');
    this.fd = openSync(`${path}.partial`, resumeBytes !== undefined ? 'a' : 'w');
  }

  /** Appends `line` and a newline. */
  push(line: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8 (a surrogate pair 4 for 2 units).
    if (this.used + 3 * line.length + 1 > this.chunk.length) {
      this.flush();
      if (3 * line.length + 1 > this.chunk.length) {
        this.writeOut(Buffer.from(`${line}\n`, 'utf8'));
        return;
      }
    }
    this.used += this.chunk.write(line, this.used);
    this.chunk[this.used++] = 0x0a;
  }

  /**
   * Appends `count` lines, line `i` written by `write(i, chunk, pos)` straight into the chunk at
   * `pos` (returning where it ends; the newline is added here) and taking at most `maxLineBytes`
   * bytes: the chunk is flushed whenever a line might not fit, and replaced by a larger one if even
   * an empty chunk could not hold it (kept from then on: such lines are rare, and it saves reallocating).
   */
  pushLines(count: number, maxLineBytes: number, write: (i: number, chunk: Buffer, pos: number) => number): void {
    if (count === 0) return;
    if (maxLineBytes + 1 > this.chunk.length) {
      this.flush();
      this.chunk = Buffer.allocUnsafe(maxLineBytes + 1);
    }
    const chunk = this.chunk;
    const last = chunk.length - maxLineBytes - 1; // a line starting after this might not fit
    let used = this.used;
    for (let i = 0; i < count; i++) {
      if (used > last) {
        this.used = used;
        this.flush();
        used = 0;
      }
      used = write(i, chunk, used);
      chunk[used++] = 0x0a;
      this.used = used;
    }
  }

  flush(): void {
    if (this.used === 0) return;
    const filled = this.chunk.subarray(0, this.used);
    // Cleared first: a failed write (ENOSPC) is not retried, and its error reaches the caller as is.
    this.used = 0;
    this.writeOut(filled);
  }

  private writeOut(bytes: Buffer): void {
    try {
      writeSync(this.fd, bytes);
    } catch (err) {
      (err as NodeJS.ErrnoException).path ??= `${this.path}.partial`; // name the file in the message
      throw err;
    }
    this.hash.update(bytes);
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

  /** Closes the file without finishing it (a failed run): `<path>.partial` stays as it is, never renamed. */
  abandon(): void {
    closeSync(this.fd);
  }
}
