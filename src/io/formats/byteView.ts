/**
 * A DataView of `buf` for multi-byte stores into a line's bytes (4-byte words where a run or four
 * digits are written at once), remade only when the buffer changes: a LineFile writes into one chunk,
 * so the view is made about once a block. One cache for every writer of the chunk's bytes.
 */
export function viewOf(buf: Uint8Array): DataView {
  if (buf !== viewed) {
    viewed = buf;
    view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  return view;
}

let view: DataView = new DataView(new ArrayBuffer(0));
let viewed: Uint8Array | null = null;
