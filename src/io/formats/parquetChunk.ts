import type { ColumnChunk, Encoding, PageHeader, ParquetType } from 'hyparquet';
import { ByteWriter } from 'hyparquet-writer/src/bytewriter.js';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import type { PlainAhead } from './parquetAhead.js';
import { rleBitPackedHybrid } from './parquetRle.js';
import { constantFlagPage, constantMinRows, constantNumberPage, constantTextPage, isConstantFlag, isConstantNumber, isConstantText } from './parquetConstant.js';
import { snappyCompress } from './parquetSnappy.js';
import type { ChunkStatistics } from 'hyparquet-writer/src/types.js';
import type { Column, ColumnData } from '../../engine/columnBlock.js';
import { gatherNumbers, NumberDictionary, plainNumbers, sampleRulesOutDictionary, type NumberCells } from './parquetNumbers.js';
import { gatherText, plainText, sampleRulesOutTextDictionary, textDictionary, textRange } from './parquetText.js';

/**
 * One column chunk of a row group, encoded: the bytes to append to the file (`parts`, in order)
 * and its entry in the footer. A chunk is an optional dictionary page and one DATA_PAGE_V2, every
 * page SNAPPY-compressed, as hyparquet-writer writes them (RLE definition levels, uncompressed).
 */
export interface EncodedChunk {
  parts: Uint8Array[];
  chunk: ColumnChunk;
}

/** What a page holds before headers and compression: its values' bytes and how they are encoded. */
export interface PageValues {
  encoding: Encoding;
  body: Uint8Array;
  /** PLAIN bytes of the dictionary, with its size, when the data page holds dictionary indexes. */
  dictionary?: { body: Uint8Array; size: number };
  statistics: ChunkStatistics;
  /** `body` snappy-compressed, when it was compressed ahead. */
  compressed?: Uint8Array | null;
  /** Non-null values. */
  count: number;
  defined: Uint8Array;
}

const physicalType: Record<Column['type'], ParquetType> = { double: 'DOUBLE', int64: 'INT64', bool: 'BOOLEAN', string: 'BYTE_ARRAY' };

/** Encodes the column chunks of a writer's row groups, reusing its scratch arrays from chunk to chunk. */
export class ChunkEncoder {
  private cells: NumberCells = { values: new Float64Array(0), count: 0, defined: new Uint8Array(0), min: NaN, max: NaN };
  private dictionary = new NumberDictionary();

  /**
   * Rows `0 … rows − 1` (rows ≥ 1) of `column`'s `data` as a chunk starting at file offset `offset`;
   * `ahead`, a double column's PLAIN body compressed so far, is used when the chunk is PLAIN.
   */
  encode(column: Column, data: ColumnData, rows: number, offset: number, ahead?: PlainAhead | null): EncodedChunk {
    this.reserve(rows);
    const page =
      (rows >= constantMinRows ? constantPage(column, data, rows, this.cells.defined) : null) ??
      (column.type === 'bool' ? this.booleans(data as Int8Array, rows)
      : column.type === 'string' ? this.text(data as (string | null)[], rows)
      : this.numbers(column, data as Float64Array, rows, ahead));
    return assembleChunk(column, page, rows, offset);
  }

  private reserve(rows: number): void {
    if (this.cells.values.length >= rows) return;
    this.cells.values = new Float64Array(rows);
    this.cells.defined = new Uint8Array(rows);
  }

  private numbers(column: Column, data: Float64Array, rows: number, ahead?: PlainAhead | null): PageValues {
    const cells = this.cells;
    gatherNumbers(column, data, rows, cells);
    const { values, count, defined, min, max } = cells;
    const type = column.type as 'double' | 'int64';
    const big = type === 'int64';
    const statistics: ChunkStatistics = {
      null_count: BigInt(rows - count),
      min_value: count === 0 ? undefined : big ? BigInt(min) : min === 0 ? -0 : min,
      max_value: count === 0 ? undefined : big ? BigInt(max) : max + 0,
      nan_count: big ? undefined : 0n,
    };
    const size = count === 0 || sampleRulesOutDictionary(data, rows) ? 0 : this.dictionary.build(values, count);
    if (size === 0) {
      const compressed = ahead && type === 'double' ? ahead.finish(data, rows, count) : null;
      return { encoding: 'PLAIN', body: plainNumbers(type, values, count), compressed, statistics, count, defined };
    }
    const dictionary = { body: plainNumbers(type, this.dictionary.entries, size), size };
    return { encoding: 'RLE_DICTIONARY', body: dictionaryIndexes(this.dictionary.indexes, count, size), dictionary, statistics, count, defined };
  }

  private booleans(data: Int8Array, rows: number): PageValues {
    const bits = new Uint8Array(rows);
    const defined = this.cells.defined;
    let count = 0;
    let trues = 0;
    for (let i = 0; i < rows; i++) {
      const v = data[i]!;
      defined[i] = v < 0 ? 0 : 1;
      if (v < 0) continue;
      bits[count++] = v;
      trues += v;
    }
    const statistics: ChunkStatistics = {
      null_count: BigInt(rows - count),
      min_value: count === 0 ? undefined : trues === count,
      max_value: count === 0 ? undefined : trues > 0,
    };
    // hyparquet-writer's choice: RLE for more than 16 rows, else PLAIN (bit-packed).
    const encoding = rows > 16 ? 'RLE' : 'PLAIN';
    return { encoding, body: booleanValues(bits.subarray(0, count), encoding), statistics, count, defined };
  }

  private text(data: readonly (string | null)[], rows: number): PageValues {
    const { values, count, defined } = gatherText(data, rows, this.cells.defined);
    const dict = count === 0 || sampleRulesOutTextDictionary(data, rows) ? null : textDictionary(values, count);
    const { min, max } = dict ? textRange(dict.entries) : textRange(values, count);
    const statistics: ChunkStatistics = { null_count: BigInt(rows - count), min_value: min, max_value: max };
    if (!dict) return { encoding: 'PLAIN', body: plainText(values, count), statistics, count, defined };
    const dictionary = { body: plainText(dict.entries), size: dict.entries.length };
    return { encoding: 'RLE_DICTIONARY', body: dictionaryIndexes(dict.indexes, count, dictionary.size), dictionary, statistics, count, defined };
  }
}

/** The page of a column whose `rows` (≥ {@link constantMinRows}) cells hold one value (parquetConstant.ts), else null. */
function constantPage(column: Column, data: ColumnData, rows: number, defined: Uint8Array): PageValues | null {
  if (column.type === 'bool') return isConstantFlag(data as Int8Array, rows) ? constantFlagPage((data as Int8Array)[0]!, rows, defined) : null;
  if (column.type === 'string') return isConstantText(data as (string | null)[], rows) ? constantTextPage((data as string[])[0]!, rows, defined) : null;
  const x = (data as Float64Array)[0]!;
  // An int64 cell beyond 2^53 is left to the general path, which rejects it.
  if (column.type === 'int64' && !Number.isSafeInteger(x)) return null;
  return isConstantNumber(data as Float64Array, rows) ? constantNumberPage(column.type, x, rows, defined) : null;
}

/** Booleans (0/1) as RLE (4-byte length, then the RLE / bit-packed hybrid of width 1) or PLAIN (bits, first in the lowest). */
function booleanValues(bits: Uint8Array, encoding: 'RLE' | 'PLAIN'): Uint8Array {
  if (encoding === 'PLAIN') {
    const out = new Uint8Array(Math.ceil(bits.length / 8));
    for (let i = 0; i < bits.length; i++) out[i >> 3]! |= bits[i]! << (i & 7);
    return out;
  }
  const body = rleBitPackedHybrid(bits, bits.length, 1, 4);
  new DataView(body.buffer, body.byteOffset).setUint32(0, body.length - 4, true);
  return body;
}

/** A data page's dictionary indexes: the bit width in one byte, then the RLE / bit-packed hybrid. */
function dictionaryIndexes(indexes: Int32Array, count: number, size: number): Uint8Array {
  const bitWidth = Math.ceil(Math.log2(size));
  const body = rleBitPackedHybrid(indexes, count, bitWidth, 1);
  body[0] = bitWidth;
  return body;
}

/**
 * Definition levels (1 defined, 0 null; bit width 1) as an RLE / bit-packed hybrid. With no null,
 * 8 rows or more are one RLE run, as the hybrid writer would make of them, without scanning.
 */
function definitionLevels(defined: Uint8Array, rows: number, count: number): Uint8Array {
  if (count === rows && rows >= 8) {
    const w = new ByteWriter(16);
    w.appendVarInt(rows * 2);
    w.appendUint8(1);
    return w.getBytes();
  }
  if (count === rows) defined.fill(1, 0, rows);
  return rleBitPackedHybrid(defined, rows, 1);
}

function headerBytes(header: PageHeader): Uint8Array {
  const w = new ByteWriter(64);
  writePageHeader(w, header);
  return w.getBytes();
}

/** The pages of a chunk (dictionary page first) and its footer entry, as hyparquet-writer lays them out. */
function assembleChunk(column: Column, page: PageValues, rows: number, offset: number): EncodedChunk {
  const parts: Uint8Array[] = [];
  let at = offset;
  let uncompressed = 0;
  let dictionaryOffset: bigint | undefined;
  if (page.dictionary) {
    const compressed = snappyCompress(page.dictionary.body);
    const header = headerBytes({
      type: 'DICTIONARY_PAGE',
      uncompressed_page_size: page.dictionary.body.length,
      compressed_page_size: compressed.length,
      dictionary_page_header: { num_values: page.dictionary.size, encoding: 'PLAIN' },
    });
    parts.push(header, compressed);
    dictionaryOffset = BigInt(at);
    at += header.length + compressed.length;
    uncompressed += header.length + page.dictionary.body.length;
  }
  const levels = definitionLevels(page.defined, rows, page.count);
  const compressed = page.compressed ?? snappyCompress(page.body);
  const header = headerBytes({
    type: 'DATA_PAGE_V2',
    uncompressed_page_size: levels.length + page.body.length,
    compressed_page_size: levels.length + compressed.length,
    data_page_header_v2: {
      num_values: rows,
      num_nulls: rows - page.count,
      num_rows: rows,
      encoding: page.encoding,
      definition_levels_byte_length: levels.length,
      repetition_levels_byte_length: 0,
      is_compressed: true,
    },
  });
  parts.push(header, levels, compressed);
  const dataOffset = BigInt(at);
  at += header.length + levels.length + compressed.length;
  uncompressed += header.length + levels.length + page.body.length;
  const dataPages = { page_type: 'DATA_PAGE_V2', encoding: page.encoding, count: 1 } as const;
  const encoding_stats = page.dictionary ? [{ page_type: 'DICTIONARY_PAGE', encoding: 'PLAIN', count: 1 } as const, dataPages] : [dataPages];
  const chunk: ColumnChunk = {
    file_offset: BigInt(offset),
    meta_data: {
      type: physicalType[column.type],
      encodings: page.dictionary ? ['PLAIN', page.encoding] : [page.encoding],
      path_in_schema: [column.name],
      codec: 'SNAPPY',
      num_values: BigInt(rows),
      total_compressed_size: BigInt(at - offset),
      total_uncompressed_size: BigInt(uncompressed),
      data_page_offset: dataOffset,
      dictionary_page_offset: dictionaryOffset,
      statistics: page.statistics,
      encoding_stats,
    },
  };
  return { parts, chunk };
}
