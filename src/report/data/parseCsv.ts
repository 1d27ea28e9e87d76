/** One CSV cell after type conversion: empty → null, `true`/`false` → boolean, numbers → number. */
export type CsvValue = number | string | boolean | null;

/** One CSV row keyed by the header's column names. */
export type CsvRecord = Record<string, CsvValue>;

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function convert(text: string): CsvValue {
  if (text === '') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  return NUMBER.test(text) ? Number(text) : text;
}

/** Splits one line into fields (RFC 4180 quoting: `"a,b"`, `"say ""hi"""`). */
function splitLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/**
 * Parses a CSV table as seqsim writes it (src/io/csvWriter.ts): a header line, then one record per
 * line; quoted fields never span lines. Returns the column names and the typed records.
 */
export function parseCsv(text: string): { columns: string[]; rows: CsvRecord[] } {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  if (lines.length === 0) return { columns: [], rows: [] };
  const columns = splitLine(lines[0]!);
  const rows = new Array<CsvRecord>(lines.length - 1);
  for (let i = 1; i < lines.length; i++) {
    const fields = splitLine(lines[i]!);
    const row: CsvRecord = {};
    for (let j = 0; j < columns.length; j++) row[columns[j]!] = convert(fields[j] ?? '');
    rows[i - 1] = row;
  }
  return { columns, rows };
}
