// The figure book: every number a document prints is recorded as it is printed. The file it
// becomes (figures.json) is a contract owned by protect (src/protect/figures.ts).
import type { Figure } from "../protect/figures.ts";

export { AFRONDING, type Figure, type FigureKind, type FiguresFile } from "../protect/figures.ts";

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
