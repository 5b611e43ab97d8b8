// The figure book: every number a document prints is recorded as it is printed. The file it
// becomes (figures.json) is a contract owned by protect (src/protect/figures.ts).
import type { Figure } from "../protect/figures.ts";
import type { KnownFact } from "../protect/tables.ts";

export { AFRONDING, type Figure, type FiguresFile } from "../protect/figures.ts";

export class FigureBook {
  readonly figures: Figure[] = [];
  private readonly ids = new Set<string>();

  add(f: Figure): string {
    let id = f.id;
    for (let i = 2; this.ids.has(id); i++) id = `${f.id}#${i}`;
    this.ids.add(id);
    this.figures.push({ ...f, id });
    return f.display;
  }
}

/**
 * Writes the facts a reader holds without a printed number (a table's missing rows are 0, a
 * total published earlier) to figures.json, where the audit takes them as known.
 */
export function recordFacts(book: FigureBook, facts: KnownFact[], where: string): void {
  for (const f of facts) {
    book.add({
      id: `${where}|${f.layout}|${f.id}`,
      table: where,
      row: f.row,
      column: f.column,
      kind: f.universe === "uren" ? "uren" : "aantal",
      universe: f.universe,
      scope: f.scope,
      value: f.value,
      layout: f.layout,
      display: "",
    });
  }
}
