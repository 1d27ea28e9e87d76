import { CsvWriter, type LineTableState } from './csvWriter.js';
import type { Column, ColumnType } from './formats/columns.js';
import type { TableFormat } from './formats/formats.js';
import { JsonlWriter } from './formats/jsonl.js';
import { createTableWriter, type TableWriter } from './formats/tableWriter.js';
import type { NewTexts } from './textCodes.js';

/**
 * What a slots-table writer is opened on, as plain data (it crosses to a writer thread): the final
 * path (`<path>.partial` until closed), the format, column types (Parquet's; JSON Lines keeps
 * `slot` as int64) and, to continue a line table from a checkpoint, where it stood.
 */
export interface TableSpec {
  path: string;
  format: TableFormat;
  types: Readonly<Record<string, ColumnType>>;
  /** A checkpoint's table state (csv and jsonl only): the partial file is truncated to its bytes. */
  resume?: LineTableState<unknown>;
}

/**
 * A table writer; line formats (csv, jsonl) also report where they stand, and Parquet can leave a
 * full row group to be encoded a column at a time (`deferRowGroups`, `encodeSome`: parquet.ts).
 */
export type SpecWriter = TableWriter & { state?(): LineTableState<unknown>; deferRowGroups?: boolean; encodeSome?(): boolean };

/** Opens the writer `spec` describes (the same writer inline and on a writer thread). */
export function openTableWriter(spec: TableSpec): SpecWriter {
  if (spec.resume && spec.format === 'csv') return new CsvWriter(spec.path, spec.resume as LineTableState<string[]>);
  if (spec.resume && spec.format === 'jsonl') return new JsonlWriter(spec.path, spec.types, spec.resume as LineTableState<Column[]>);
  return createTableWriter(spec.path, spec.format, spec.types);
}

/**
 * Messages to the writer thread, handled in order. `block` carries `columns` only when they change;
 * its text columns come as Int32Array codes, with the texts the block numbered first (textCodes.ts).
 */
export type ToWriter =
  | { op: 'open'; id: number; spec: TableSpec }
  | { op: 'block'; columns?: readonly Column[]; data: readonly (Float64Array | Int8Array | Int32Array)[]; texts: NewTexts; capacity: number; length: number }
  | { op: 'state' | 'close' | 'abandon'; id: number };

/**
 * Messages from the writer thread: a written block's typed arrays given back (text columns' codes
 * included), a request's answer, or an error (of a request `id`, or of a block).
 */
export type FromWriter =
  | { op: 'done'; data: readonly (Float64Array | Int8Array | Int32Array)[] }
  | { op: 'ok'; id: number; state?: LineTableState<unknown> }
  | { op: 'error'; id?: number; error: ErrorData };

/** An error as plain data: what seqsim's messages read of it (Node's errno fields included). */
export interface ErrorData {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  errno?: number;
  syscall?: string;
  path?: string;
  dest?: string;
}

const errnoFields = ['code', 'errno', 'syscall', 'path', 'dest'] as const;

/** `err` as plain data, to cross a thread boundary with its errno fields (structured cloning drops them). */
export function errorData(err: unknown): ErrorData {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err) };
  const data: ErrorData = { name: err.name, message: err.message, ...(err.stack !== undefined ? { stack: err.stack } : {}) };
  const fields = err as unknown as Record<string, unknown>;
  for (const k of errnoFields) if (fields[k] !== undefined) (data as unknown as Record<string, unknown>)[k] = fields[k];
  return data;
}

/** The error `data` describes: same name, message, stack and errno fields (code, errno, syscall, path, dest). */
export function reviveError(data: ErrorData): Error {
  const err = new Error(data.message);
  err.name = data.name;
  if (data.stack !== undefined) err.stack = data.stack;
  for (const k of errnoFields) if (data[k] !== undefined) (err as unknown as Record<string, unknown>)[k] = data[k];
  return err;
}
