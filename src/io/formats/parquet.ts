import { closeSync, openSync, renameSync, writeSync, writevSync } from 'node:fs';
import type { ColumnChunk, RowGroup } from 'hyparquet';
import { ByteWriter } from 'hyparquet-writer/src/bytewriter.js';
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';
import type { Row } from '../../engine/recorder.js';
import { cellValue, inferColumns, type Column, type ColumnType } from './columns.js';
import { createColumnBlock, type ColumnBlock, type ColumnData } from '../../engine/columnBlock.js';
import { ChunkEncoder } from './parquetChunk.js';
import { RowGroupAhead, type PlainAhead } from './parquetAhead.js';

/** A Parquet schema element (hyparquet's type). */
type SchemaElement = Parameters<typeof writeMetadata>[1]['schema'][number];

/** Parquet physical types for seqsim's column types; every column is OPTIONAL (nullable). */
const physical: Record<ColumnType, Omit<SchemaElement, 'name'>> = {
  double: { type: 'DOUBLE', repetition_type: 'OPTIONAL' },
  int64: { type: 'INT64', repetition_type: 'OPTIONAL' },
  bool: { type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
};

/** The Parquet schema of a table: a root group with one leaf per column. */
export function parquetSchema(columns: readonly Column[]): SchemaElement[] {
  return [{ name: 'root', num_children: columns.length }, ...columns.map((c) => ({ name: c.name, ...physical[c.type] }))];
}

/** Default rows per row group: 65,536 rows buffer 0.5 MB per number column (≈ 50 MB for the slots table's ~95 columns). */
export const defaultRowGroupRows = 65_536;

/** "PAR1", the magic number at both ends of a Parquet file. */
const magic = Uint8Array.from([0x50, 0x41, 0x52, 0x31]);

/** Copies rows `from … to − 1` of `src` into `dst` from row `at` (same column type). */
function copyRows(src: ColumnData, dst: ColumnData, from: number, to: number, at: number): void {
  if (Array.isArray(src)) for (let i = from; i < to; i++) (dst as (string | null)[])[at + i - from] = src[i] ?? null;
  else (dst as Float64Array | Int8Array).set(src.subarray(from, to), at);
}

/** Stores a row's cell (checked by `cellValue`) in row `i` of a block's column, as blocks hold cells. */
function storeCell(column: Column, data: ColumnData, i: number, raw: unknown): void {
  const v = cellValue(column, raw);
  if (column.type === 'bool') (data as Int8Array)[i] = v === null ? -1 : v ? 1 : 0;
  else if (column.type === 'string') (data as (string | null)[])[i] = v as string | null;
  else (data as Float64Array)[i] = v === null ? NaN : (v as number);
}

/**
 * Streams rows to a Parquet file one row group at a time, so a long table never sits in memory:
 * at most `rowGroupRows` rows are buffered, column by column in a {@link ColumnBlock}, then encoded
 * by {@link ChunkEncoder} and appended to the file; only the footer metadata stays in memory until
 * `close()`. Written to `<path>.partial` and renamed to `<path>` on `close()`. Columns are given, or
 * taken from the first row group (typed by `types`, else by the first non-null value).
 */
export class ParquetTableWriter {
  private columns: Column[] | null;
  private fd: number | null = null;
  private offset = 0;
  private readonly rowGroups: RowGroup[] = [];
  private readonly encoder = new ChunkEncoder();
  private buffer: Row[] = [];
  /** Rows given as blocks, buffered column by column until a row group is full. */
  private pending: ColumnBlock | null = null;
  /** A full row group of blocks waiting to be encoded (with {@link deferRowGroups}), and its next column. */
  private queued: { block: ColumnBlock; column: number; chunks: ColumnChunk[]; start: number; ahead: RowGroupAhead | null } | null = null;
  /** The pending row group's columns compressed ahead (with {@link deferRowGroups}, by {@link encodeSome}). */
  private ahead: RowGroupAhead | null = null;
  /** The PlainAheads of the last row group encoded, for the next group's {@link RowGroupAhead} to reuse. */
  private spareAheads: PlainAhead[] = [];
  /** Whether each column's chunk was PLAIN in the last row group encoded: a guess for {@link RowGroupAhead}. */
  private readonly plainBefore: boolean[] = [];
  /** An encoded row group's buffer, to fill next. */
  private spare: ColumnBlock | null = null;
  /** Set by the first block: a table is written as rows or as blocks, never both. */
  private usesBlocks = false;
  /**
   * When true, a row group filled by `writeBlock` is not encoded at once but queued, for the caller
   * to encode column by column with {@link encodeSome} between blocks (a writer thread does, so that
   * it keeps taking blocks while it encodes: the run does not wait on a whole row group). Anything
   * that needs the file in order (the next full row group, `close`, `abandon`) finishes it first:
   * the same bytes either way.
   */
  deferRowGroups = false;
  /** Rows written so far. */
  rows = 0;

  constructor(
    readonly path: string,
    private readonly opts: { columns?: readonly Column[]; types?: Readonly<Record<string, ColumnType>>; rowGroupRows?: number } = {},
  ) {
    this.columns = opts.columns ? [...opts.columns] : null;
  }

  private get groupRows(): number {
    return this.opts.rowGroupRows ?? defaultRowGroupRows;
  }

  /** Buffers one row; a full buffer is written out as a row group. */
  write(row: Row): void {
    // Blocks may have left a row group queued for encoding; rows written now would land before it.
    if (this.usesBlocks) throw new Error('ParquetTableWriter: rows and blocks cannot be mixed in one table');
    this.buffer.push(row);
    this.rows++;
    if (this.buffer.length >= this.groupRows) this.flushRows();
  }

  /**
   * Buffers a block of rows column by column; every full row group is written out. Row groups hold
   * `rowGroupRows` rows whatever the blocks' sizes, so the file is the same as one written row by row.
   */
  writeBlock(block: ColumnBlock): void {
    if (this.buffer.length > 0) throw new Error('ParquetTableWriter: rows and blocks cannot be mixed in one table');
    this.usesBlocks = true;
    const columns = (this.columns ??= [...block.columns]);
    if (columns.length !== block.columns.length || columns.some((c, k) => c.name !== block.columns[k]!.name))
      throw new Error(`ParquetTableWriter: a block's columns differ from the table's (${block.columns.map((c) => c.name).join(', ')})`);
    for (let from = 0; from < block.length; ) {
      const pending = this.pendingFor(Math.min(this.groupRows, (this.pending?.length ?? 0) + block.length - from));
      const to = Math.min(block.length, from + this.groupRows - pending.length);
      columns.forEach((_, k) => copyRows(block.data[k]!, pending.data[k]!, from, to, pending.length));
      pending.length += to - from;
      this.rows += to - from;
      from = to;
      if (pending.length >= this.groupRows) this.flushPending();
    }
  }

  /**
   * The pending block, grown to hold at least `rows` (≤ a row group) rows: to 8 times its size, up
   * to a row group (doubling copied and zeroed the rows over and over: a seventh of a cold writer's time).
   */
  private pendingFor(rows: number): ColumnBlock {
    if (!this.pending && this.spare) [this.pending, this.spare] = [this.spare, null];
    const old = this.pending;
    if (old && old.capacity >= rows) return old;
    // A second buffer, while a full row group waits to be encoded: the table is that long, so a whole row group at once.
    const capacity = Math.min(this.groupRows, Math.max(old ? 8 * old.capacity : this.queued ? this.groupRows : 8192, rows));
    const grown = createColumnBlock(this.columns!, capacity);
    if (old) old.data.forEach((d, k) => copyRows(d, grown.data[k]!, 0, old.length, 0));
    grown.length = old?.length ?? 0;
    return (this.pending = grown);
  }

  private flushPending(): void {
    this.finishQueued();
    const full = this.pending;
    if (!full || full.length === 0) return;
    this.open();
    this.queued = { block: full, column: 0, chunks: [], start: this.offset, ahead: this.ahead };
    this.ahead = null;
    this.pending = null; // the next rows go to the spare buffer (this one once encoded), or a new one
    if (!this.deferRowGroups) this.finishQueued();
  }

  /**
   * Encodes the next column chunk of the queued row group, or, with none queued, compresses one
   * column of the pending row group ahead ({@link RowGroupAhead}); true while some work remains.
   */
  encodeSome(): boolean {
    if (this.queued) return this.encodeQueued();
    return this.pending !== null && (this.ahead ??= new RowGroupAhead(this.groupRows, this.plainBefore, this.spareAheads)).step(this.pending);
  }

  /** Encodes the next column chunk of the queued row group; true while some remain. */
  private encodeQueued(): boolean {
    const q = this.queued;
    if (!q) return false;
    const { block } = q;
    try {
      const ahead = q.ahead?.column(q.column);
      const { parts, chunk } = this.encoder.encode(block.columns[q.column]!, block.data[q.column]!, block.length, this.offset, ahead);
      this.append(parts);
      q.chunks.push(chunk);
      const { encodings } = chunk.meta_data!;
      this.plainBefore[q.column] = encodings.length === 1 && encodings[0] === 'PLAIN';
    } catch (err) {
      this.queued = null; // a failed row group is not retried (nor was it before deferral)
      throw err;
    }
    if (++q.column < block.columns.length) return true;
    this.endRowGroup(q.chunks, block.length, q.start);
    // Its pages are written: the next group's aheads may reuse the arrays (not while a group still fills with them).
    if (q.ahead && !this.ahead) this.spareAheads = q.ahead.release();
    this.queued = null;
    block.length = 0;
    this.spare = block;
    return false;
  }

  private finishQueued(): void {
    while (this.encodeQueued());
  }

  private flushRows(): void {
    this.finishQueued(); // none when rows are written (write refuses them after blocks): kept in file order regardless
    const rows = this.buffer;
    this.columns ??= inferColumns(rows, this.opts.types);
    if (rows.length === 0) return;
    const block = createColumnBlock(this.columns, rows.length);
    this.columns.forEach((c, k) => rows.forEach((r, i) => storeCell(c, block.data[k]!, i, r[c.name])));
    block.length = rows.length;
    this.writeRowGroup(block);
    this.buffer = [];
  }

  private open(): number {
    if (this.fd === null) {
      this.fd = openSync(`${this.path}.partial`, 'w');
      this.append([magic]);
    }
    return this.fd;
  }

  private append(parts: Uint8Array[]): void {
    const fd = this.open();
    let n = 0;
    for (const p of parts) n += p.length;
    let written = writevSync(fd, parts);
    // A short write (rare) leaves the rest to be written part by part.
    for (const p of parts) {
      if (written >= p.length) written -= p.length;
      else {
        for (let at = written; at < p.length; ) at += writeSync(fd, p, at);
        written = 0;
      }
    }
    this.offset += n;
  }

  private writeRowGroup(block: ColumnBlock): void {
    this.open();
    const start = this.offset;
    const columns = block.columns.map((c, k) => {
      const { parts, chunk } = this.encoder.encode(c, block.data[k]!, block.length, this.offset);
      this.append(parts);
      return chunk;
    });
    this.endRowGroup(columns, block.length, start);
  }

  /** Records a written row group (its column chunks, from file offset `start`) for the footer. */
  private endRowGroup(columns: ColumnChunk[], rows: number, start: number): void {
    let total = 0n;
    for (const c of columns) total += c.meta_data!.total_uncompressed_size;
    this.rowGroups.push({ columns, total_byte_size: total, num_rows: BigInt(rows), total_compressed_size: BigInt(this.offset - start) });
  }

  /** The footer: file metadata (Thrift compact protocol), its length, then the magic number. */
  private finish(): void {
    const columns = this.columns ?? [];
    const w = new ByteWriter();
    const num_rows = this.rowGroups.reduce((n, g) => n + g.num_rows, 0n);
    writeMetadata(w, { version: 2, created_by: 'seqsim', schema: parquetSchema(columns), num_rows, row_groups: this.rowGroups, metadata_length: 0 });
    this.append([w.getBytes(), magic]);
    closeSync(this.fd!);
    this.fd = null;
  }

  /** Closes the file, leaving it unfinished (`<path>.partial`, never renamed; a footer only if it was opened). */
  abandon(): void {
    if (this.fd === null) return;
    try {
      this.finishQueued(); // the row group a writer without deferral would have written already
    } finally {
      this.finish();
    }
  }

  /** Writes the last row group and the footer, then renames the file to its final name. */
  close(): void {
    if (this.pending && this.pending.length > 0) this.flushPending();
    else this.flushRows();
    this.finishQueued();
    this.open();
    this.finish();
    renameSync(`${this.path}.partial`, this.path);
  }
}
