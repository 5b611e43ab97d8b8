// The readers a suppression pattern must hold for. The first is the problem's own reader (its
// cells as given); each ReaderView adds one who holds other reports and has other
// requirements (the confidential reader beside the public one). Every reader has an auditor of
// their own — their knowledge differs — but they share one pattern: the master MIP's choice of
// which of the problem's cells to print.
import { NotProtectableError } from "./not-protectable.ts";
import { Auditor } from "./auditor.ts";
import type { EngineCell, ReaderView, SuppressionProblem } from "./types.ts";

const TOL = 1e-9;

export interface Reader {
  /** This reader's cells, with the status they have for this reader (see `effectiveCells`). */
  cells: EngineCell[];
  auditor: Auditor;
  /** Reader cell → index of the problem's cell it is, or -1 for a cell of this reader only. */
  mainOf: Int32Array;
  /** Reader cell → master candidate index, or -1 (fixed, always hidden, or this reader's own). */
  candOf: Int32Array;
  /** Cells this reader needs protected (primary with a positive width; the main reader: every primary). */
  primaries: number[];
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The problem's cells, with every cell that another reader needs hidden made primary (with no
 * width of its own when it was a candidate): the pattern must suppress it for everyone.
 */
export function withOtherReadersHidden(cells: readonly EngineCell[], views: readonly ReaderView[]): EngineCell[] {
  const hiddenFor = new Set(views.flatMap((v) => v.cells.filter((c) => c.status === "primary").map((c) => c.id)));
  return cells.map((c) => {
    if (!hiddenFor.has(c.id) || c.status === "primary") return c;
    if (c.status === "fixed") throw new NotProtectableError(c.id, [], "ze is al gepubliceerd, maar een andere lezer mag haar niet kennen");
    return { ...c, status: "primary", requiredWidth: 0 };
  });
}

/**
 * One reader's cells in canonical order, each with the status it has for this reader: every
 * cell of the problem (as the view says, or following the pattern) and the view's own cells.
 */
function effectiveCells(main: readonly EngineCell[], view: ReaderView): { cells: EngineCell[]; mainOf: Int32Array } {
  const mainIndex = new Map(main.map((c, i) => [c.id, i]));
  const byId = new Map<string, EngineCell>();
  for (const c of view.cells) {
    if (byId.has(c.id)) throw new Error(`Cel-id ${c.id} komt dubbel voor bij een tweede lezer`);
    if (!mainIndex.has(c.id) && c.status === "candidate")
      throw new Error(`Cel ${c.id} van een tweede lezer hoort niet bij het verslag en kan dus niet gekozen worden`);
    byId.set(c.id, c);
  }
  const ids = [...new Set([...main.map((c) => c.id), ...byId.keys()])].sort(compareIds);
  const mainOf = new Int32Array(ids.length).fill(-1);
  const cells = ids.map((id, i) => {
    const m = mainIndex.get(id);
    const c = byId.get(id);
    if (m === undefined) return c!;
    mainOf[i] = m;
    const own = main[m]!;
    if (c && (c.status === "fixed" || c.status === "primary")) return { ...c, terms: own.terms, value: own.value };
    // Follows the pattern; a cell the pattern always hides asks nothing of this reader.
    return { ...own, requiredWidth: own.status === "primary" ? 0 : own.requiredWidth };
  });
  return { cells, mainOf };
}

/** Refuses a reader's view that names a cell twice or offers a cell of its own as a choice (as createReaders would). */
export function checkReaderViews(main: readonly EngineCell[], views: readonly ReaderView[]): void {
  for (const view of views) effectiveCells(main, view);
}

export async function createReaders(
  problem: SuppressionProblem,
  main: EngineCell[],
  mainCandOf: Int32Array,
  restrictedMips: boolean,
): Promise<Reader[]> {
  const readers: Reader[] = [];
  try {
    const mainAuditor = await Auditor.create(problem.vars, main, problem.facts, { restrictedMips });
    readers.push({
      cells: main,
      auditor: mainAuditor,
      mainOf: Int32Array.from(main, (_, i) => i),
      candOf: mainCandOf,
      primaries: main.flatMap((c, i) => (c.status === "primary" ? [i] : [])),
    });
    for (const view of problem.readers ?? []) {
      const { cells, mainOf } = effectiveCells(main, view);
      const auditor = await Auditor.create(problem.vars, cells, view.facts, { restrictedMips });
      readers.push({
        cells,
        auditor,
        mainOf,
        candOf: Int32Array.from(cells, (c, i) => (c.status === "candidate" && mainOf[i]! >= 0 ? mainCandOf[mainOf[i]!]! : -1)),
        primaries: cells.flatMap((c, i) => (c.status === "primary" && c.requiredWidth > TOL ? [i] : [])),
      });
    }
    return readers;
  } catch (e) {
    for (const r of readers) r.auditor.dispose();
    throw e;
  }
}

/** What this reader sees of the main pattern (true = suppressed for the problem's cells). */
export function readerPublished(reader: Reader, suppressed: readonly boolean[]): boolean[] {
  return reader.cells.map((c, i) => {
    if (c.status === "fixed") return true;
    if (c.status === "primary") return false;
    return !suppressed[reader.mainOf[i]!];
  });
}
