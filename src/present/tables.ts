// Tables as printed: every cell through ProtectedCells, with the note that explains the mark.
import type { PresentedTable } from "./model.ts";
import type { ProtectedCells } from "./cells.ts";
import { recordFacts } from "./figures.ts";

export function presentTable(
  cells: ProtectedCells,
  tableId: string,
  caption: string,
  rowHeader: string,
  extraNotes: string[] = [],
): PresentedTable {
  const t = cells.table(tableId);
  let anySuppressed = false;
  const rows = t.rows.map((r) => ({
    label: r.label,
    total: r.key === t.totalRow,
    cells: t.columns.map((c) => {
      const cell = t.cells.find((x) => x.row === r.key && x.column === c.key)!;
      if (cells.isSuppressed(cell)) anySuppressed = true;
      return cells.print(cell, caption, r.label, c.label);
    }),
  }));
  // A printed table is read as complete: what its layout implies goes to figures.json too.
  recordFacts(
    cells.book,
    (cells.protectedReport.description.facts ?? []).filter((f) => f.table === tableId),
    caption,
  );
  const notes = [...extraNotes];
  if (anySuppressed) notes.push(markNote(cells.mark));
  return { id: tableId, caption, headers: [rowHeader, ...t.columns.map((c) => c.label)], rows, notes };
}

export function markNote(mark: string): string {
  return `${mark} = niet vermeld om herleidbaarheid tot personen te voorkomen (kleine aantallen, of een cijfer waaruit een klein aantal terug te rekenen is).`;
}
