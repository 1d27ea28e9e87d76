import { Worker } from 'node:worker_threads';
import { isTypedColumn, renewBlock, type ColumnBlock } from '../engine/columnBlock.js';
import type { LineTableState } from './csvWriter.js';
import type { Column } from './formats/columns.js';
import { reviveError, type FromWriter, type TableSpec, type ToWriter } from './tableProtocol.js';
import type { RunTable } from './runTable.js';
import { builtFile } from './builtFile.js';
import { TextNumbering } from './textCodes.js';
import { buffersOf, packedArrays, type SentData } from './packedArrays.js';

/** Blocks sent but not yet written before the run waits for the writer thread (about 2 MB of CSV each). */
export const maxPendingBlocks = 4;

/** The compiled writer thread: workers load JS from `dist/`, also when this module runs from `src/` (tests). */
function workerFile(): string {
  return builtFile(import.meta.url, 'io/tableWorker.js', 'the table writer thread');
}

interface Wait<T> {
  resolve: (value: T) => void;
  reject: (err: Error) => void;
}

/**
 * A slots table written on a worker thread (`tableWorker.ts`), so that formatting, encoding,
 * hashing and writing run on another core than the model. Blocks go over with their typed arrays
 * transferred, not copied; `writeBlock` returns the block to fill next (arrays the thread gave back,
 * or new ones). Requests (state, close, abandon) are answered in order after every block sent
 * before them. An error of the writer (ENOSPC, EACCES, …) comes back with its code, path and
 * message: it rejects every pending wait, and `writeBlock` and later requests throw it. A thread
 * that dies rejects them too, so nothing waits forever.
 */
export class ThreadedTable implements RunTable {
  private pending = 0;
  /** Arrays the thread gave back, a block's worth each (Int32Arrays where the columns are text). */
  private readonly spare: SentData[] = [];
  private readonly texts = new TextNumbering();
  private readonly waits = new Map<number, Wait<LineTableState<unknown> | undefined>>();
  private drain: Wait<void> | null = null;
  private nextId = 0;
  private sentColumns: readonly Column[] | null = null;
  private failure: Error | null = null;
  /** The thread was told to end (after close or abandon): its exit is expected. */
  private ending = false;
  private exited = false;

  private constructor(
    private readonly worker: Worker,
    private readonly path: string,
    private readonly maxPending: number,
  ) {
    worker.on('message', (m: FromWriter) => this.receive(m));
    worker.on('error', (err) => this.fail(err));
    // A message that cannot be deserialised would otherwise leave its wait pending for ever.
    worker.on('messageerror', (err) => this.fail(err));
    worker.on('exit', (code) => {
      this.exited = true;
      if (!this.ending) this.fail(new Error(`the writer thread of "${this.path}.partial" stopped unexpectedly (exit code ${code}); the file holds the rows it wrote before`));
    });
  }

  /** Starts a writer thread and opens `spec`'s table there; rejects with the writer's error (a missing folder, …). */
  static async open(spec: TableSpec, maxPending = maxPendingBlocks): Promise<ThreadedTable> {
    const table = new ThreadedTable(new Worker(workerFile()), spec.path, maxPending);
    try {
      await table.request({ op: 'open', id: table.nextId++, spec });
    } catch (err) {
      await table.end();
      throw err;
    }
    return table;
  }

  /**
   * Sends the block's rows to the thread (its typed arrays transferred, its texts as codes: no
   * string is copied) and returns the block to fill next.
   */
  writeBlock(block: ColumnBlock): ColumnBlock {
    if (this.failure) throw this.failure;
    if (block.length === 0) return block;
    // The next block's arrays (packed: packedArrays.ts); their text codes go with this block.
    const next = this.spare.pop() ?? packedArrays(block.columns, block.capacity);
    const data: SentData = block.data.map((d, k) => {
      if (isTypedColumn(d)) return d;
      const codes = next[k] as Int32Array;
      this.texts.encode(d, block.length, codes);
      return codes;
    });
    const columns = this.sentColumns === block.columns ? {} : { columns: block.columns };
    const message: ToWriter = { op: 'block', ...columns, data, texts: this.texts.takeNew(), capacity: block.capacity, length: block.length };
    this.worker.postMessage(message, buffersOf(data));
    this.sentColumns = block.columns;
    this.pending++;
    // The text arrays stay with the block; its number and flag arrays went to the thread.
    return renewBlock(block, next);
  }

  backlogged(): boolean {
    return this.pending > this.maxPending || this.failure !== null;
  }

  ready(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending <= this.maxPending) return Promise.resolve();
    return new Promise((resolve, reject) => (this.drain = { resolve, reject }));
  }

  async state(): Promise<LineTableState<unknown>> {
    return (await this.request({ op: 'state', id: this.nextId++ }))!;
  }

  /** Finishes the table (its final name) and ends the thread. */
  async close(): Promise<void> {
    await this.request({ op: 'close', id: this.nextId++ });
    await this.end();
  }

  /** Closes the table unfinished (`.partial`) and ends the thread; never rejects (also after a failure). */
  async abandon(): Promise<void> {
    if (this.ending || this.exited) return this.end();
    const id = this.nextId++;
    const answered = new Promise<unknown>((resolve) => this.waits.set(id, { resolve, reject: resolve }));
    this.worker.postMessage({ op: 'abandon', id } satisfies ToWriter);
    await answered;
    await this.end();
  }

  private request(m: Exclude<ToWriter, { op: 'block' }>): Promise<LineTableState<unknown> | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.ending || this.exited) return Promise.reject(new Error('the table writer thread has ended'));
    return new Promise((resolve, reject) => {
      this.waits.set(m.id, { resolve, reject });
      this.worker.postMessage(m);
    });
  }

  private receive(m: FromWriter): void {
    if (m.op === 'done') {
      this.pending--;
      // Kept for reuse: every block of a run is packed (createColumnBlock, packedArrays), so a fill bound to one fits the next.
      if (this.spare.length < this.maxPending + 2) this.spare.push(m.data);
      if (this.drain && this.pending <= this.maxPending) {
        this.drain.resolve();
        this.drain = null;
      }
      return;
    }
    if (m.op === 'error') return this.fail(reviveError(m.error));
    this.waits.get(m.id)?.resolve(m.state);
    this.waits.delete(m.id);
  }

  /** Records the first failure and rejects every pending wait with it. */
  private fail(err: Error): void {
    this.failure ??= err;
    for (const wait of this.waits.values()) wait.reject(this.failure);
    this.waits.clear();
    this.drain?.reject(this.failure);
    this.drain = null;
  }

  private async end(): Promise<void> {
    this.ending = true;
    if (!this.exited) await this.worker.terminate();
  }
}
