// CSV as Dutch Excel opens it directly: `;` between cells, UTF-8 with a byte-order mark (else
// Excel reads "ë" as two characters), CRLF line ends. csv-stringify does the quoting, so a label
// holding `;`, a quote or a line break stays one cell.
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null;

/** With `quoteAll`, every data cell is quoted (the header only where it must be). */
export function excelCsv(header: string[], rows: CsvCell[][], opts: { quoteAll?: boolean } = {}): string {
  const quoteAll = opts.quoteAll ?? false;
  const write = (records: string[][], quoted: boolean) =>
    stringify(records, { delimiter: ";", record_delimiter: "\r\n", quoted, quoted_empty: quoted });
  const cells = rows.map((r) => r.map((c) => (c === null ? "" : String(c))));
  return "\uFEFF" + write([header], false) + (cells.length > 0 ? write(cells, quoteAll) : "");
}
