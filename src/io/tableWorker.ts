/**
 * The writer thread of a slots table (loaded from the compiled `dist/io/tableWorker.js` by
 * {@link ThreadedTable}): opens the writer a {@link TableSpec} describes, writes the blocks it is
 * sent in order, gives their typed arrays back, and answers state/close/abandon requests in order.
 * After an error it writes nothing more and answers every request with that error.
 */
import { parentPort } from 'node:worker_threads';
import { isTypedColumn, type ColumnBlock } from '../engine/columnBlock.js';
import type { Column } from './formats/columns.js';
import { errorData, openTableWriter, type ErrorData, type FromWriter, type SpecWriter, type ToWriter } from './tableProtocol.js';

const port = parentPort!;
let writer: SpecWriter | null = null;
let columns: readonly Column[] = [];
let failure: ErrorData | null = null;

const send = (m: FromWriter, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

function writeBlock(m: Extract<ToWriter, { op: 'block' }>): void {
  if (m.columns) columns = m.columns; // one object for the table: writers compile per columns object
  if (!failure) {
    try {
      writer!.writeBlock({ columns, data: m.data, capacity: m.capacity, length: m.length } satisfies ColumnBlock);
    } catch (err) {
      failure = errorData(err);
      send({ op: 'error', error: failure });
    }
  }
  const typed = m.data.map((d) => (isTypedColumn(d) ? d : null));
  send({ op: 'done', data: typed }, typed.filter(isTypedColumn).map((d) => d.buffer as ArrayBuffer));
}

function answer(m: Exclude<ToWriter, { op: 'block' }>): void {
  if (m.op === 'abandon') {
    writer?.abandon(); // also after a failure: the file is closed, left `.partial`
    writer = null;
    send({ op: 'ok', id: m.id });
    return;
  }
  if (failure) return send({ op: 'error', id: m.id, error: failure });
  if (m.op === 'open') writer = openTableWriter(m.spec);
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
