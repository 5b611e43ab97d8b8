// One decision per table: how the aard tables are recoded AND what is suppressed, chosen
// together. Merging a category that is small in one year into its group in every year throws
// away the years where it is large; hiding that one cell (with its complements) may publish
// more — or less, when the complements cost more than the merge. So each candidate layout is
// protected with the real suppression (protect → HiGHS, with the ledger and the insider
// attack) and scored by an explicit information measure; the best one is published.
//
// The measure (meldingen shown, summed over the distinct published count figures):
//   - a row of the aard tables weighs its meldingen 1 when it is one category, ½ when it is a
//     vocabulary group, 0 for "Overige";
//   - every other count figure (herkomst, status, totals, pooled tables) weighs its meldingen 1;
//   - a hidden figure (x) weighs 0;
//   - plus COVERAGE_WEIGHT (4) for each counted melding of the report year whose aard some
//     printed aard row (yearly or pooled) shows at group level or finer: the year's own
//     meldingen are what its report is about. Without it "Pesten 12, Roddelen x" over three
//     years beats "Pesten en roddelen 14", though only the latter shows this year's roddelen.
// Ties go to fewer hidden figures, then to the candidate met first in the fixed search order.
//
// The search. The layouts are one mode per (aard table, vocabulary group): "apart", "groep"
// or "overige" (recode.ts): up to 3^5 per table, and each real suppression (HiGHS, with the
// ledger and the insider attack) takes 0,3–2 s on this machine, so protecting every layout
// (or even a hill climb over them: 15–30 suppressions, 10–30 s a build) is too slow. Instead:
//   1. every combination of layouts of the yearly and the pooled table (a few thousand) is
//      scored with a joint ESTIMATE of what it would publish (bestCombinations): per column
//      the primary rule, the cells an earlier report hid or printed, complements until the
//      hidden part holds two cells and k meldingen; and a pooled cell is counted hidden when
//      it minus what the yearly table beside it and earlier reports print leaves 1..k−1;
//   2. the MAX_CANDIDATES combinations with the best estimate are protected with the real
//      suppression and scored with the real measure; only when none of them can be
//      protected, up to MAX_FALLBACK more;
//   3. the best real measure is published (ties: fewer hidden figures, then the earlier).
// Deterministic: fixed enumeration order, deterministic solver. The internal log lists every
// protected candidate with its estimate and its real measure.
import { groupsOf, aardTable, type AardTableSource } from "./describe-aard.ts";
import { ProtectionError, type LogEntry, type Protected } from "./index.ts";
import type { LedgerEntry } from "./ledger.ts";
import type { PrimaryRules } from "./primary.ts";
import { modesOf, recodeRows, type GroupMode, type RecodeRow } from "./recode.ts";
import type { Description } from "./tables.ts";
import { scopeKey } from "./universe.ts";

/** How many combinations of layouts are protected for real, best estimate first (each costs a suppression). */
const MAX_CANDIDATES = 3;
/** When none of those can be protected (an earlier report pins a merge the estimate missed): at most this many more. */
const MAX_FALLBACK = 4;

/** The aard tables whose rows are chosen with the suppression. */
export interface PresentationChoice {
  sources: AardTableSource[];
  /**
   * Either order (protect/either-order.ts): when set, only these layouts are candidates (the
   * rows of an adopted confidential set), and each candidate keeps `mustHide(d)` hidden too.
   */
  layouts?: Modes[];
  mustHide?: (d: Description) => LedgerEntry[];
}

/** Internal log: one protected candidate layout ("tabel: groep" → mode; unnamed groups apart). */
export interface PresentationLogEntry {
  indeling: Record<string, GroupMode>;
  /** The estimate that put it among the candidates, and the real measure after suppression. */
  schatting: number;
  maat: number | null;
  verborgen?: number;
  reden?: string;
  gekozen: boolean;
}

export type Modes = Map<string, GroupMode>;
export const coordKey = (table: string, group: string) => `${table}\u0000${group}`;

/** The description with the aard tables rebuilt for `modes`. */
export function applyModes(description: Description, choice: PresentationChoice, modes: Modes): Description {
  let tables = description.tables;
  let recodings = description.recodings;
  for (const src of choice.sources) {
    const own = new Map<string, GroupMode>();
    for (const g of groupsOf(src)) {
      const m = modes.get(coordKey(src.id, g.key));
      if (m) own.set(g.key, m);
    }
    const t = aardTable(src, own);
    tables = tables.map((x) => (x.id === src.id ? t.table : x));
    recodings = [...recodings.filter((r) => r.table !== src.id), ...t.recodings];
  }
  return { ...description, tables, recodings };
}

/**
 * The information measure of a protected description (see the top of this file): the
 * weight of each published count figure times its value, each distinct figure once.
 */
export function informationWeights(
  description: Description,
  aardTables: ReadonlySet<string>,
  groupOf: (code: string) => string,
): Map<string, { weight: number; value: number }> {
  const out = new Map<string, { weight: number; value: number }>();
  for (const t of description.tables) {
    if (t.kind !== "aantal") continue;
    for (const c of t.cells) {
      const key = scopeKey(c.universe, c.scope);
      let weight = 1;
      if (aardTables.has(t.id) && c.row !== t.totalRow && !t.rows.find((r) => r.key === c.row)?.label.endsWith("(telt niet mee)")) {
        const codes = c.scope["aard"] ?? [];
        weight = codes.length === 1 ? 1 : c.row !== "overige" && new Set(codes.map(groupOf)).size === 1 ? 0.5 : 0;
      }
      const prev = out.get(key);
      if (!prev || prev.weight < weight) out.set(key, { weight, value: c.value });
    }
  }
  return out;
}

export function informationScore(p: Protected, weights: Map<string, { weight: number; value: number }>): number {
  let s = 0;
  for (const [key, w] of weights) if (!p.suppressed.has(key)) s += w.weight * w.value;
  return s;
}

/**
 * Each counted melding of the report year whose aard a printed row of an aard table (yearly
 * or pooled) shows at group level or finer counts this much more: what a reader of the
 * year's report looks for first is what that year's meldingen were about. With it a pooled
 * group ("Pesten en roddelen 14") that shows the year's two roddelen beats the pooled
 * category beside a hidden one ("Pesten 12, Roddelen x"), which the figures alone prefer.
 */
export const COVERAGE_WEIGHT = 4;

/** The report year's counted meldingen whose aard some printed aard row shows at group level or finer. */
export function reportYearCoverage(
  description: Description,
  suppressed: ReadonlySet<string>,
  sources: AardTableSource[],
  groupOf: (code: string) => string,
): number {
  const year = reportYearOf(sources);
  if (year === null) return 0;
  const ids = new Set(sources.map((s) => s.id));
  const covered = new Set<string>();
  for (const t of description.tables) {
    if (!ids.has(t.id)) continue;
    for (const c of t.cells) {
      const codes = c.scope["aard"] ?? [];
      if (
        c.row === t.totalRow ||
        c.row === "overige" ||
        !(c.scope["jaar"] ?? []).includes(year) ||
        suppressed.has(scopeKey(c.universe, c.scope))
      )
        continue;
      if (t.rows.find((r) => r.key === c.row)?.label.endsWith("(telt niet mee)")) continue;
      if (new Set(codes.map(groupOf)).size === 1) for (const code of codes) covered.add(code);
    }
  }
  const src = sources[0]!;
  return [...covered].filter((c) => src.counted.includes(c)).reduce((n, c) => n + src.count({ jaar: [year], aard: [c] }), 0);
}

/** The reported period: the last column of the yearly aard table. */
function reportYearOf(sources: AardTableSource[]): string | null {
  const yearly = sources.find((s) => s.columns.every((c) => c.jaren.length === 1));
  return yearly?.columns[yearly.columns.length - 1]?.jaren[0] ?? null;
}

type ProtectOne = (d: Description, rules: PrimaryRules, known: LedgerEntry[]) => Promise<Protected>;

interface Evaluated {
  protectedReport: Protected;
  score: number;
  weights: Map<string, { weight: number; value: number }>;
}

export async function choosePresentation(
  description: Description,
  choice: PresentationChoice,
  rules: PrimaryRules,
  known: LedgerEntry[],
  protectOne: ProtectOne,
  concurrent = false,
): Promise<Protected> {
  const terms = choice.sources[0]?.terms ?? [];
  const groupOf = (code: string) => terms.find((t) => t.soort === "aard" && t.code === code)?.groep ?? code;
  const aardIds = new Set(choice.sources.map((s) => s.id));
  let combos = bestCombinations(choice.sources, rules, known, description.audience, MAX_CANDIDATES + MAX_FALLBACK);
  // A public set after an adopted confidential one takes that set's layout (either order).
  if (choice.layouts)
    combos = choice.layouts.map((modes) => ({ modes, estimate: combos.find((c) => sameModes(c.modes, modes))?.estimate ?? 0 }));

  const presentatie: PresentationLogEntry[] = [];
  let best: Evaluated | null = null;
  let bestIndex = -1;
  let firstError: ProtectionError | null = null;
  const protectCandidate = (d: Description) => protectOne(d, rules, choice.mustHide ? [...known, ...choice.mustHide(d)] : known);
  // With the suppression outside this thread (ProtectOptions.concurrent) the first candidates
  // are protected at once; each is the same pure computation, weighed below in the same order.
  const early = concurrent
    ? combos.slice(0, MAX_CANDIDATES).map((c) => settled(() => protectCandidate(applyModes(description, choice, c.modes))))
    : [];
  for (const [n, c] of combos.entries()) {
    // The best MAX_CANDIDATES by estimate; further ones only while none could be protected.
    if (n >= MAX_CANDIDATES && best) break;
    const d = applyModes(description, choice, c.modes);
    const indeling = Object.fromEntries([...c.modes].filter(([, m]) => m !== "apart").map(([k, m]) => [k.replace("\u0000", ": "), m]));
    try {
      const protectedReport = await (early[n] ? unsettled(early[n]) : protectCandidate(d));
      const weights = informationWeights(d, aardIds, groupOf);
      const e = {
        protectedReport,
        score:
          informationScore(protectedReport, weights) +
          COVERAGE_WEIGHT * reportYearCoverage(d, protectedReport.suppressed, choice.sources, groupOf),
        weights,
      };
      presentatie.push({ indeling, schatting: c.estimate, maat: e.score, verborgen: protectedReport.suppressed.size, gekozen: false });
      if (
        !best ||
        e.score > best.score + 1e-9 ||
        (Math.abs(e.score - best.score) <= 1e-9 && e.protectedReport.suppressed.size < best.protectedReport.suppressed.size)
      ) {
        best = e;
        bestIndex = presentatie.length - 1;
      }
    } catch (err) {
      // A layout the suppression cannot protect (or that would hide a figure published
      // before), or on which the solver gives up, is no candidate; any other error is a bug
      // and stops the build. When no candidate is left, the first reason stops it.
      if (!(err instanceof ProtectionError) && !isSolverFailure(err)) throw err;
      firstError ??= err instanceof ProtectionError ? err : new ProtectionError((err as Error).message);
      presentatie.push({ indeling, schatting: c.estimate, maat: null, reden: (err as Error).message, gekozen: false });
    }
  }
  if (!best) throw firstError ?? new ProtectionError("geen indeling van de aard-tabellen is te beschermen");
  presentatie[bestIndex]!.gekozen = true;
  const weights = best.weights;
  const log: LogEntry[] = best.protectedReport.log.map((l) => ({ ...l, kosten: weightedValue(weights.get(l.key)) }));
  return { ...best.protectedReport, log, presentatie, informatie: best.score };
}

/**
 * The `top` combinations of layouts of all aard tables by a joint estimate (see the top of
 * this file). The estimate of a layout of the yearly table: per column, the primary rule,
 * the cells an earlier report of this audience hid (they stay hidden) and printed (they stay
 * printed), then complements — the smallest safe cells of the column — until the hidden part
 * of the column holds at least two cells and k meldingen (what the attack with an insider
 * asks of a column with a printed total). A pooled table is estimated against the yearly
 * layout beside it: a pooled row minus the yearly cells printed in its scope leaves the
 * hidden part; when that is 1..k−1 meldingen the pooled cell would give it away, so it is
 * counted hidden too. Every combination is scored (3^groups per table: a few thousand sums).
 */
// eslint-disable-next-line max-lines-per-function -- one estimate with shared closures over the counts; split pending
export function bestCombinations(
  sources: AardTableSource[],
  rules: PrimaryRules,
  known: LedgerEntry[],
  audience: string | undefined,
  top: number,
): { modes: Modes; estimate: number }[] {
  if (sources.length === 0) return [{ modes: new Map(), estimate: 0 }];
  const unsafe = (n: number) => (n > 0 || rules.protectZeros) && n < rules.k;
  const hiddenBefore = new Set<string>();
  const printedBefore = new Set<string>();
  for (const e of known) {
    for (const f of e.figures) {
      const key = scopeKey(f.universe, f.scope);
      if (f.value !== null) printedBefore.add(key);
      else if (audience === undefined || e.audience === audience) hiddenBefore.add(key);
    }
  }
  // Counts per (code, year), once: the estimate adds them up many thousand times.
  const src0 = sources[0]!;
  const years = [...new Set(sources.flatMap((s) => s.columns.flatMap((c) => c.jaren)))];
  const codes = [...new Set(sources.flatMap((s) => [...s.codes, ...s.counted]))];
  const per = new Map(codes.map((c) => [c, new Map(years.map((y) => [y, src0.count({ jaar: [y], aard: [c] })]))]));
  const one = (c: string, y: string) => per.get(c)?.get(y) ?? 0;
  const valueOf = (jaren: string[], cs: string[]) => {
    let n = 0;
    for (const y of jaren) for (const c of cs) n += one(c, y);
    return n;
  };
  // Single-year aard figures earlier reports printed: a reader subtracts them from a row holding them.
  const printedParts = new Map<string, Map<string, string[][]>>();
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
  const knownBefore = (rowCodes: ReadonlySet<string>, code: string, year: string) =>
    printedParts
      .get(code)
      ?.get(year)
      ?.some((aard) => aard.every((c) => rowCodes.has(c))) ?? false;
  const reportYear = reportYearOf(sources);
  const bit = new Map(codes.map((c, i) => [c, i]));
  const coverage = (mask: number) => {
    let n = 0;
    codes.forEach((c, i) => {
      if (reportYear !== null && mask & (1 << i) && src0.counted.includes(c)) n += one(c, reportYear);
    });
    return COVERAGE_WEIGHT * n;
  };
  const layoutsOf = (src: AardTableSource) => {
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
  };
  type KnownPart = (rowCodes: ReadonlySet<string>, code: string, year: string) => boolean;
  /** What does not depend on the yearly layout beside a table: per column and row, its value, key and fixed state. */
  const prepare = (src: AardTableSource, rows: RecodeRow[]) =>
    src.columns.map((col) => ({
      col,
      totalUnsafe: unsafe(valueOf(col.jaren, src.counted)),
      cells: rows.map((r) => {
        const value = valueOf(col.jaren, r.codes);
        const key = scopeKey("meldingen", { jaar: col.jaren, aard: r.codes });
        return {
          r,
          codes: new Set(r.codes),
          value,
          fixed: printedBefore.has(key),
          hiddenAlone: unsafe(value) || hiddenBefore.has(key),
          weight: r.level === "categorie" ? 1 : r.level === "groep" ? 0.5 : 0,
        };
      }),
    }));
  /** Which rows of one table are printed per column, the estimate (weighted meldingen printed) and the report year's codes shown. */
  const estimateTable = (prepared: ReturnType<typeof prepare>, knownPart: KnownPart | null) => {
    let estimate = 0;
    let covered = 0;
    const printed = prepared.map(({ col, totalUnsafe, cells: fixedCells }) => {
      if (totalUnsafe) return fixedCells.map(() => false);
      const cells = fixedCells.map((c) => {
        // A cell minus the parts of it a reader knows (an earlier report's figures inside it;
        // for a pooled cell, the yearly cells printed beside it) leaves the rest: 1..k−1
        // meldingen there would be given away by printing the cell.
        let hidden = c.hiddenAlone;
        if (!hidden && !c.fixed && (knownPart || printedParts.size > 0)) {
          let rest = 0;
          for (const y of col.jaren)
            for (const code of c.r.codes) if (!knownBefore(c.codes, code, y) && !knownPart?.(c.codes, code, y)) rest += one(code, y);
          hidden = rest > 0 && unsafe(rest);
        }
        return { value: c.value, hidden, fixed: c.fixed, weight: c.weight };
      });
      let count = cells.filter((c) => c.hidden).length;
      let mass = cells.reduce((n, c) => n + (c.hidden ? c.value : 0), 0);
      while (count > 0 && (count < 2 || mass < rules.k)) {
        let next: (typeof cells)[number] | undefined;
        for (const c of cells) if (!c.hidden && !c.fixed && c.value > 0 && (!next || c.value < next.value)) next = c;
        if (!next) break;
        next.hidden = true;
        count++;
        mass += next.value;
      }
      for (const c of cells) if (!c.hidden) estimate += c.weight * c.value;
      return cells.map((c) => !c.hidden);
    });
    prepared.forEach(({ col, cells }, j) => {
      if (reportYear === null || !col.jaren.includes(reportYear)) return;
      cells.forEach((c, ri) => {
        if (printed[j]![ri] && c.r.level !== "overige") for (const code of c.r.codes) covered |= 1 << bit.get(code)!;
      });
    });
    return { estimate, printed, covered };
  };
  const yearlyIndex = Math.max(
    0,
    sources.findIndex((s) => s.columns.every((c) => c.jaren.length === 1)),
  );
  const yearly = sources[yearlyIndex]!;
  const linked = sources.filter((_, i) => i !== yearlyIndex);
  const linkedLayouts = linked.map((src) => layoutsOf(src).map((l) => ({ ...l, prepared: prepare(src, l.rows) })));
  const out: { parts: Modes[]; estimate: number; i: number }[] = [];
  let i = 0;
  for (const y of layoutsOf(yearly)) {
    const ys = estimateTable(prepare(yearly, y.rows), null);
    // A pooled row's part of a year is known when the yearly cell holding a code is printed
    // and lies inside the row (a yearly group beside pooled categories tells neither apart).
    const printedAlone = new Map<string, Map<string, string[]>>();
    yearly.columns.forEach((col, j) =>
      y.rows.forEach((r, ri) => {
        if (!ys.printed[j]![ri]) return;
        for (const c of r.codes) printedAlone.set(c, (printedAlone.get(c) ?? new Map<string, string[]>()).set(col.jaren[0]!, r.codes));
      }),
    );
    const knownPart: KnownPart = (rowCodes, code, year) =>
      printedAlone
        .get(code)
        ?.get(year)
        ?.every((c) => rowCodes.has(c)) ?? false;
    let partial = [{ parts: [y.modes], estimate: ys.estimate, covered: ys.covered }];
    linkedLayouts.forEach((layouts) => {
      const options = layouts.map((l) => ({ modes: l.modes, ...estimateTable(l.prepared, knownPart) }));
      partial = partial.flatMap((p) =>
        options.map((o) => ({ parts: [...p.parts, o.modes], estimate: p.estimate + o.estimate, covered: p.covered | o.covered })),
      );
    });
    for (const p of partial) out.push({ parts: p.parts, estimate: p.estimate + coverage(p.covered), i: i++ });
  }
  return out
    .sort((a, b) => b.estimate - a.estimate || a.i - b.i)
    .slice(0, top)
    .map(({ parts, estimate }) => ({ modes: new Map(parts.flatMap((m) => [...m])), estimate }));
}

function sameModes(a: Modes, b: Modes): boolean {
  const mode = (m: Modes, k: string) => m.get(k) ?? "apart";
  return [...a.keys(), ...b.keys()].every((k) => mode(a, k) === mode(b, k));
}

type Settled<T> = Promise<{ value: T } | { error: unknown }>;
/** A started computation whose failure waits to be looked at (no unhandled rejection meanwhile). */
function settled<T>(run: () => Promise<T>): Settled<T> {
  return (async () => run())().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}
async function unsettled<T>(s: Settled<T>): Promise<T> {
  const r = await s;
  if ("error" in r) throw r.error;
  return r.value;
}

/** What hiding a figure cost in the measure: its meldingen times its weight. */
function weightedValue(w: { weight: number; value: number } | undefined): number {
  return w ? w.weight * w.value : 0;
}

/** HiGHS ended without a solution (engine/highs.ts): that layout is given up, not the build. */
function isSolverFailure(err: unknown): boolean {
  return err instanceof Error && err.message.startsWith("HiGHS ");
}
