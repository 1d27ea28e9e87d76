import type { BlockSink, ColumnBlock } from '../engine/columnBlock.js';
import type { LineTableState } from './csvWriter.js';
import { openTableWriter, type SpecWriter, type TableSpec } from './tableProtocol.js';
import { ThreadedTable } from './tableThread.js';

/**
 * A run's slots table as the run loop drives it, written inline or on a writer thread alike:
 * blocks in (`writeBlock`, synchronous), and waits for the writer where the loop must (a checkpoint's
 * `state`, `close`, and `ready` when `backlogged`: the writer has fallen behind).
 */
export interface RunTable extends BlockSink {
  /** True when the loop should await `ready()` before producing more rows (the writer is behind, or failed). */
  backlogged(): boolean;
  /** Resolves when the writer has caught up enough; rejects with the writer's error. */
  ready(): Promise<void>;
  /** Where the table stands after every block handed so far (csv and jsonl). */
  state(): Promise<LineTableState<unknown>>;
  /** Finishes the table under its final name. */
  close(): Promise<void>;
  /** Closes the table unfinished (`<path>.partial` stays); never rejects. */
  abandon(): Promise<void>;
}

/** The table written in the run's own thread: each block is written before `writeBlock` returns. */
class InlineTable implements RunTable {
  private open = true;

  constructor(private readonly writer: SpecWriter) {}

  writeBlock(block: ColumnBlock): void {
    this.writer.writeBlock(block);
  }

  backlogged(): boolean {
    return false;
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }

  state(): Promise<LineTableState<unknown>> {
    return Promise.resolve(this.writer.state!());
  }

  close(): Promise<void> {
    this.writer.close();
    this.open = false;
    return Promise.resolve();
  }

  abandon(): Promise<void> {
    if (this.open) {
      this.open = false;
      try {
        this.writer.abandon();
      } catch {
        // already failed; the error that ended the run is the one reported
      }
    }
    return Promise.resolve();
  }
}

/** Opens `spec`'s table: on a writer thread when `thread`, else in this thread. Rejects with the writer's error (a missing folder, …). */
export async function openRunTable(spec: TableSpec, thread: boolean): Promise<RunTable> {
  return thread ? ThreadedTable.open(spec) : new InlineTable(openTableWriter(spec));
}
