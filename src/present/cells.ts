// Reading protected table cells: the value if published, the mark if suppressed, and the
// figure that records it. Every number in the report passes through here.
import type { Protected } from "../protect/index.ts";
import type { TableCell, TableSpec } from "../protect/tables.ts";
import { scopeKey } from "../protect/universe.ts";
import { formatGetal, formatUren } from "./format.ts";
import type { FigureBook } from "./figures.ts";

export class ProtectedCells {
  constructor(
    readonly protectedReport: Protected,
    readonly book: FigureBook,
    readonly mark: string,
  ) {}

  table(id: string): TableSpec {
    const t = this.protectedReport.description.tables.find((x) => x.id === id);
    if (!t) throw new Error(`tabel ${id} ontbreekt`);
    return t;
  }

  hasTable(id: string): boolean {
    return this.protectedReport.description.tables.some((x) => x.id === id);
  }

  cell(tableId: string, row: string, column: string): TableCell | undefined {
    return this.table(tableId).cells.find((c) => c.row === row && c.column === column);
  }

  isSuppressed(cell: TableCell): boolean {
    return this.protectedReport.suppressed.has(scopeKey(cell.universe, cell.scope));
  }

  /** The published value, or null when suppressed. Does not record a figure. */
  value(tableId: string, row: string, column: string): number | null {
    const c = this.cell(tableId, row, column);
    if (!c || this.isSuppressed(c)) return null;
    return c.value;
  }

  /** Prints a cell where `where` says (a table, chart or sentence) and records it. */
  print(cell: TableCell, where: string, rowLabel: string, columnLabel: string, options: { zeroAsWord?: boolean } = {}): string {
    const suppressed = this.isSuppressed(cell);
    const display = suppressed
      ? this.mark
      : options.zeroAsWord && cell.value === 0
        ? "geen" // in a sentence: "geen meldingen", not "0 meldingen"
        : cell.kind === "uren"
          ? formatUren(cell.value)
          : formatGetal(cell.value);
    return this.book.add({
      id: `${where}|${cell.id}`,
      table: where,
      row: rowLabel,
      column: columnLabel,
      kind: cell.kind,
      universe: cell.universe,
      scope: cell.scope,
      value: suppressed ? null : cell.kind === "uren" ? Math.round(cell.value * 10) / 10 : cell.value,
      display,
    });
  }
}
