// The estimate behind the choice of aard layouts (choose-presentation.ts). A real suppression
// takes 0,3–2 s, so only a few layouts can be protected; which few is decided here, without
// the solver, by scoring every combination of layouts of the yearly and the pooled aard table
// (3^groups per table: a few thousand sums) with a joint estimate of what it would publish.
//
// The estimate of a layout of the yearly table: per column, the primary rule, the cells an
// earlier report of this audience hid (they stay hidden) and printed (they stay printed), then
// complements — the smallest safe cells of the column — until the hidden part of the column
// holds at least two cells and k meldingen (what the attack with an insider asks of a column
// with a printed total). A pooled table is estimated against the yearly layout beside it: a
// pooled row minus the yearly cells printed in its scope leaves the hidden part; when that is
// 1..k−1 meldingen the pooled cell would give it away, so it is counted hidden too. The score
// is the weighted meldingen printed plus COVERAGE_WEIGHT for each melding of the report year
// whose aard a printed row shows at group level or finer, as in the real measure.
import { groupsOf } from "./describe-aard.ts";
import type { LedgerEntry } from "./ledger.ts";
import type { PrimaryRules } from "./primary.ts";
import { modesOf, recodeRows, type GroupMode, type RecodeRow } from "./recode.ts";
import type { AardColumn, AardTableSource } from "./tables.ts";
import { scopeKey } from "./universe.ts";

/** One mode per (aard table, vocabulary group), keyed by coordKey. */
export type Modes = Map<string, GroupMode>;
export const coordKey = (table: string, group: string) => `${table}\u0000${group}`;

/**
 * Each counted melding of the report year whose aard a printed row of an aard table (yearly
 * or pooled) shows at group level or finer counts this much more: what a reader of the
 * year's report looks for first is what that year's meldingen were about. With it a pooled
 * group ("Pesten en roddelen 14") that shows the year's two roddelen beats the pooled
 * category beside a hidden one ("Pesten 12, Roddelen x"), which the figures alone prefer.
 * It lives here, not with the real measure, because the estimate needs it too.
 */
export const COVERAGE_WEIGHT = 4;

/** The reported period: the last column of the yearly aard table. */
export function reportYearOf(sources: AardTableSource[]): string | null {
  const yearly = sources.find((s) => s.columns.every((c) => c.jaren.length === 1));
  return yearly?.columns[yearly.columns.length - 1]?.jaren[0] ?? null;
}

/** Single-year aard figures earlier reports printed, per code and year: the aard sets that held the code. */
type PrintedParts = Map<string, Map<string, string[][]>>;

/** Whether a reader knows the part of a row (its codes) that is `code` in `year`. */
type KnownPart = (rowCodes: ReadonlySet<string>, code: string, year: string) => boolean;

/**
 * What the estimate reads for every layout: the counts and what earlier reports printed or
 * hid. Built once a call, since the estimate of a few thousand combinations looks them up
 * many thousand times.
 */
interface Basis {
  rules: PrimaryRules;
  /** Codes of all aard tables; a code's index is its bit in a coverage mask. */
  codes: string[];
  bit: Map<string, number>;
  /** The counted codes (the first table's, as the real measure takes them). */
  counted: string[];
  /** Meldingen per (code, year). */
  per: Map<string, Map<string, number>>;
  /** Keys of figures an earlier report of this audience hid (they stay hidden). */
  hiddenBefore: Set<string>;
  /** Keys of figures any earlier report printed (they stay printed). */
  printedBefore: Set<string>;
  printedParts: PrintedParts;
  reportYear: string | null;
}

/** A cell of a prepared column: what does not depend on the yearly layout beside its table. */
interface PreparedCell {
  r: RecodeRow;
  codes: Set<string>;
  value: number;
  /** Printed before: stays printed. */
  fixed: boolean;
  /** Unsafe on its own, or hidden before. */
  hiddenAlone: boolean;
  /** Its weight in the measure: a category 1, a group ½, "Overige" 0. */
  weight: number;
}

interface PreparedColumn {
  col: AardColumn;
  totalUnsafe: boolean;
  cells: PreparedCell[];
}

/** A cell of a column being estimated; `hidden` grows as complements are added. */
interface EstimatedCell {
  value: number;
  hidden: boolean;
  fixed: boolean;
  weight: number;
}

/** A layout of one table: its modes and the rows they give. */
interface Layout {
  modes: Modes;
  rows: RecodeRow[];
}

/**
 * The `top` combinations of layouts of all aard tables by the joint estimate (see the top of
 * this file), best first; ties keep the fixed enumeration order (yearly layout, then the
 * pooled layouts beside it).
 */
export function bestCombinations(
  sources: AardTableSource[],
  rules: PrimaryRules,
  known: LedgerEntry[],
  audience: string | undefined,
  top: number,
): { modes: Modes; estimate: number }[] {
  if (sources.length === 0) return [{ modes: new Map(), estimate: 0 }];
  const basis = estimateBasis(sources, rules, known, audience);
  return scoreCombinations(basis, sources)
    .sort((a, b) => b.estimate - a.estimate || a.i - b.i)
    .slice(0, top)
    .map(({ parts, estimate }) => ({ modes: new Map(parts.flatMap((m) => [...m])), estimate }));
}

function estimateBasis(sources: AardTableSource[], rules: PrimaryRules, known: LedgerEntry[], audience: string | undefined): Basis {
  const hiddenBefore = new Set<string>();
  const printedBefore = new Set<string>();
  for (const e of known) {
    for (const f of e.figures) {
      const key = scopeKey(f.universe, f.scope);
      if (f.value !== null) printedBefore.add(key);
      else if (audience === undefined || e.audience === audience) hiddenBefore.add(key);
    }
  }
  const src0 = sources[0]!;
  const years = [...new Set(sources.flatMap((s) => s.columns.flatMap((c) => c.jaren)))];
  const codes = [...new Set(sources.flatMap((s) => [...s.codes, ...s.counted]))];
  return {
    rules,
    codes,
    bit: new Map(codes.map((c, i) => [c, i])),
    counted: src0.counted,
    per: new Map(codes.map((c) => [c, new Map(years.map((y) => [y, src0.count({ jaar: [y], aard: [c] })]))])),
    hiddenBefore,
    printedBefore,
    printedParts: printedPartsOf(known),
    reportYear: reportYearOf(sources),
  };
}

/** Single-year aard figures earlier reports printed: a reader subtracts them from a row holding them. */
function printedPartsOf(known: LedgerEntry[]): PrintedParts {
  const printedParts: PrintedParts = new Map();
  for (const e of known)
    for (const f of e.figures) {
      if (
        f.value === null ||
        f.universe !== "meldingen" ||
        f.scope["jaar"]?.length !== 1 ||
        !f.scope["aard"] ||
        !Object.keys(f.scope).every((k) => k === "jaar" || k === "aard")
      )
        continue;
      for (const c of f.scope["aard"]) {
        const byYear = printedParts.get(c) ?? new Map<string, string[][]>();
        byYear.set(f.scope["jaar"][0]!, [...(byYear.get(f.scope["jaar"][0]!) ?? []), f.scope["aard"]]);
        printedParts.set(c, byYear);
      }
    }
  return printedParts;
}

const unsafe = (rules: PrimaryRules, n: number) => (n > 0 || rules.protectZeros) && n < rules.k;
const one = (b: Basis, code: string, year: string) => b.per.get(code)?.get(year) ?? 0;

function valueOf(b: Basis, jaren: string[], cs: string[]): number {
  let n = 0;
  for (const y of jaren) for (const c of cs) n += one(b, c, y);
  return n;
}

/** Whether an earlier report printed a single-year figure inside the row that holds `code` in `year`. */
function knownBefore(b: Basis, rowCodes: ReadonlySet<string>, code: string, year: string): boolean {
  return (
    b.printedParts
      .get(code)
      ?.get(year)
      ?.some((aard) => aard.every((c) => rowCodes.has(c))) ?? false
  );
}

/** The coverage term of the score for the report year's codes in `mask`. */
function coverage(b: Basis, mask: number): number {
  let n = 0;
  b.codes.forEach((c, i) => {
    if (b.reportYear !== null && mask & (1 << i) && b.counted.includes(c)) n += one(b, c, b.reportYear);
  });
  return COVERAGE_WEIGHT * n;
}

/**
 * Every combination of a yearly layout with the pooled layouts beside it, with its estimate,
 * in the fixed enumeration order (`i`). The pooled tables are estimated once per yearly layout,
 * since what they give away depends on which yearly cells are printed.
 */
function scoreCombinations(b: Basis, sources: AardTableSource[]): { parts: Modes[]; estimate: number; i: number }[] {
  const yearlyIndex = Math.max(
    0,
    sources.findIndex((s) => s.columns.every((c) => c.jaren.length === 1)),
  );
  const yearly = sources[yearlyIndex]!;
  const linked = sources.filter((_, i) => i !== yearlyIndex);
  const linkedLayouts = linked.map((src) => layoutsOf(src).map((l) => ({ ...l, prepared: prepare(b, src, l.rows) })));
  const out: { parts: Modes[]; estimate: number; i: number }[] = [];
  let i = 0;
  for (const y of layoutsOf(yearly)) {
    const ys = estimateTable(b, prepare(b, yearly, y.rows), null);
    const knownPart = knownBesideYearly(yearly, y.rows, ys.printed);
    let partial = [{ parts: [y.modes], estimate: ys.estimate, covered: ys.covered }];
    linkedLayouts.forEach((layouts) => {
      const options = layouts.map((l) => ({ modes: l.modes, ...estimateTable(b, l.prepared, knownPart) }));
      partial = partial.flatMap((p) =>
        options.map((o) => ({ parts: [...p.parts, o.modes], estimate: p.estimate + o.estimate, covered: p.covered | o.covered })),
      );
    });
    for (const p of partial) out.push({ parts: p.parts, estimate: p.estimate + coverage(b, p.covered), i: i++ });
  }
  return out;
}

/**
 * A pooled row's part of a year is known when the yearly cell holding a code is printed and
 * lies inside the row (a yearly group beside pooled categories tells neither apart).
 */
function knownBesideYearly(yearly: AardTableSource, rows: RecodeRow[], printed: boolean[][]): KnownPart {
  const printedAlone = new Map<string, Map<string, string[]>>();
  yearly.columns.forEach((col, j) =>
    rows.forEach((r, ri) => {
      if (!printed[j]![ri]) return;
      for (const c of r.codes) printedAlone.set(c, (printedAlone.get(c) ?? new Map<string, string[]>()).set(col.jaren[0]!, r.codes));
    }),
  );
  return (rowCodes, code, year) =>
    printedAlone
      .get(code)
      ?.get(year)
      ?.every((c) => rowCodes.has(c)) ?? false;
}

/** The layouts of one table: one mode per group, every combination, each distinct set of rows once. */
function layoutsOf(src: AardTableSource): Layout[] {
  const groups = groupsOf(src);
  let layouts: Modes[] = [new Map()];
  for (const g of groups) layouts = layouts.flatMap((m) => modesOf(g).map((mode) => new Map(m).set(coordKey(src.id, g.key), mode)));
  // Layouts that give the same rows (one group alone in "Overige" is that group's row under
  // another name) are one candidate: the first, with the plainer name, is kept.
  const seen = new Set<string>();
  return layouts
    .map((modes) => ({
      modes,
      rows: recodeRows(
        groups,
        new Map(groups.map((g) => [g.key, modes.get(coordKey(src.id, g.key)) ?? ("apart" as GroupMode)])),
        src.labelOf,
      ),
    }))
    .filter((l) => {
      const signature = l.rows.map((r) => r.codes.join("+")).join("|");
      if (seen.has(signature)) return false;
      seen.add(signature);
      return true;
    });
}

/** What does not depend on the yearly layout beside a table: per column and row, its value, key and fixed state. */
function prepare(b: Basis, src: AardTableSource, rows: RecodeRow[]): PreparedColumn[] {
  return src.columns.map((col) => ({
    col,
    totalUnsafe: unsafe(b.rules, valueOf(b, col.jaren, src.counted)),
    cells: rows.map((r) => {
      const value = valueOf(b, col.jaren, r.codes);
      const key = scopeKey("meldingen", { jaar: col.jaren, aard: r.codes });
      return {
        r,
        codes: new Set(r.codes),
        value,
        fixed: b.printedBefore.has(key),
        hiddenAlone: unsafe(b.rules, value) || b.hiddenBefore.has(key),
        weight: r.level === "categorie" ? 1 : r.level === "groep" ? 0.5 : 0,
      };
    }),
  }));
}

/** Which rows of one table are printed per column, the estimate (weighted meldingen printed) and the report year's codes shown (a mask). */
function estimateTable(
  b: Basis,
  prepared: PreparedColumn[],
  knownPart: KnownPart | null,
): { estimate: number; printed: boolean[][]; covered: number } {
  let estimate = 0;
  const printed = prepared.map((column) => {
    if (column.totalUnsafe) return column.cells.map(() => false);
    const cells = estimateColumn(b, column, knownPart);
    for (const c of cells) if (!c.hidden) estimate += c.weight * c.value;
    return cells.map((c) => !c.hidden);
  });
  return { estimate, printed, covered: coveredMask(b, prepared, printed) };
}

/** The cells of one column with what the estimate hides: the unsafe, then complements. */
function estimateColumn(b: Basis, { col, cells: fixedCells }: PreparedColumn, knownPart: KnownPart | null): EstimatedCell[] {
  const k = b.rules.k;
  const cells = fixedCells.map((c) => {
    // A cell minus the parts of it a reader knows (an earlier report's figures inside it;
    // for a pooled cell, the yearly cells printed beside it) leaves the rest: 1..k−1
    // meldingen there would be given away by printing the cell.
    let hidden = c.hiddenAlone;
    if (!hidden && !c.fixed && (knownPart || b.printedParts.size > 0)) {
      let rest = 0;
      for (const y of col.jaren)
        for (const code of c.r.codes) if (!knownBefore(b, c.codes, code, y) && !knownPart?.(c.codes, code, y)) rest += one(b, code, y);
      hidden = rest > 0 && unsafe(b.rules, rest);
    }
    return { value: c.value, hidden, fixed: c.fixed, weight: c.weight };
  });
  // Complements, smallest safe cell first, until the hidden part holds two cells and k meldingen.
  let count = cells.filter((c) => c.hidden).length;
  let mass = cells.reduce((n, c) => n + (c.hidden ? c.value : 0), 0);
  while (count > 0 && (count < 2 || mass < k)) {
    let next: EstimatedCell | undefined;
    for (const c of cells) if (!c.hidden && !c.fixed && c.value > 0 && (!next || c.value < next.value)) next = c;
    if (!next) break;
    next.hidden = true;
    count++;
    mass += next.value;
  }
  return cells;
}

/** The codes (as bits) that a printed row other than "Overige" shows in a column holding the report year. */
function coveredMask(b: Basis, prepared: PreparedColumn[], printed: boolean[][]): number {
  let covered = 0;
  prepared.forEach(({ col, cells }, j) => {
    if (b.reportYear === null || !col.jaren.includes(b.reportYear)) return;
    cells.forEach((c, ri) => {
      if (printed[j]![ri] && c.r.level !== "overige") for (const code of c.r.codes) covered |= 1 << b.bit.get(code)!;
    });
  });
  return covered;
}
