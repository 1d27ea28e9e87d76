/**
 * The writer thread of a slots table (loaded from the compiled `dist/io/tableWorker.js` by
 * {@link ThreadedTable}): opens the writer a {@link TableSpec} describes, writes the blocks it is
 * sent in order, gives their typed arrays back, and answers state/close/abandon requests in order.
 * After an error it writes nothing more and answers every request with that error.
 */
import { parentPort } from 'node:worker_threads';
import type { ColumnBlock, ColumnData } from '../engine/columnBlock.js';
import type { Column } from './formats/columns.js';
import { errorData, openTableWriter, type ErrorData, type FromWriter, type SpecWriter, type ToWriter } from './tableProtocol.js';
import { NumberedTexts } from './textCodes.js';
import { buffersOf } from './packedArrays.js';

const port = parentPort!;
let writer: SpecWriter | null = null;
let columns: readonly Column[] = [];
let failure: ErrorData | null = null;
const texts = new NumberedTexts();
/** The text columns' cells, decoded from the codes of each block into the same arrays (writers are done with a block when `writeBlock` returns). */
let decoded: (string | null)[][] = [];

/** The block's columns as the writers take them: the texts decoded from their codes. */
function blockData(m: Extract<ToWriter, { op: 'block' }>): ColumnData[] {
  texts.add(m.texts);
  return m.data.map((d, k) => {
    if (columns[k]!.type !== 'string') return d as Float64Array | Int8Array;
    const into = (decoded[k] ??= []);
    texts.decode(d as Int32Array, m.length, into);
    return into;
  });
}

const send = (m: FromWriter, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

function writeBlock(m: Extract<ToWriter, { op: 'block' }>): void {
  if (m.columns) {
    columns = m.columns; // one object for the table: writers compile per columns object
    decoded = [];
  }
  const data = blockData(m);
  if (!failure) {
    try {
      writer!.writeBlock({ columns, data, capacity: m.capacity, length: m.length } satisfies ColumnBlock);
    } catch (err) {
      failure = errorData(err);
      send({ op: 'error', error: failure });
    }
  }
  send({ op: 'done', data: m.data }, buffersOf(m.data));
  encodeLater();
}

/** An encoding step (Parquet) is waiting for its turn. */
let encoding = false;

/**
 * Encodes a queued row group (Parquet) one column chunk per turn of the event loop, so that the
 * blocks sent meanwhile are taken in and given back between chunks: the run goes on instead of
 * waiting for a whole row group to be encoded.
 */
function encodeLater(): void {
  if (encoding || !writer?.encodeSome) return;
  encoding = true;
  setImmediate(() => {
    encoding = false;
    if (failure || !writer?.encodeSome) return;
    try {
      if (writer.encodeSome()) encodeLater();
    } catch (err) {
      failure = errorData(err);
      send({ op: 'error', error: failure });
    }
  });
}

function answer(m: Exclude<ToWriter, { op: 'block' }>): void {
  if (m.op === 'abandon') {
    writer?.abandon(); // also after a failure: the file is closed, left `.partial`
    writer = null;
    send({ op: 'ok', id: m.id });
    return;
  }
  if (failure) return send({ op: 'error', id: m.id, error: failure });
  if (m.op === 'open') {
    writer = openTableWriter(m.spec);
    if (writer.encodeSome) writer.deferRowGroups = true;
  }
  else if (m.op === 'close') writer!.close();
  else return send({ op: 'ok', id: m.id, state: writer!.state!() });
  send({ op: 'ok', id: m.id });
}

port.on('message', (m: ToWriter) => {
  if (m.op === 'block') return writeBlock(m);
  try {
    answer(m);
  } catch (err) {
    failure = errorData(err);
    send({ op: 'error', id: m.id, error: failure });
  }
});
