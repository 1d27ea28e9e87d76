/** Table writers: CSV, JSON Lines and Parquet, with column types fixed per table. */
export { tableFormats, parseTableFormat, type TableFormat } from './formats.js';
export { inferColumns, cellValue, tableRow, typeOfValue, type Column, type ColumnType, type CellValue } from './columns.js';
export { csvHeader, csvLine } from './csv.js';
export { JsonlWriter, jsonlLine } from './jsonl.js';
export { ParquetTableWriter, parquetSchema, defaultRowGroupRows } from './parquet.js';
export { createTableWriter, writeTable, type TableWriter } from './tableWriter.js';
