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
//   - a hidden figure (x) weighs 0.
// Ties go to fewer hidden figures, then to the candidate met first in the fixed search order.
//
// The search. The layouts are one mode per (aard table, vocabulary group): "apart", "groep"
// or "overige" (recode.ts): up to 3^5 per table, and each real suppression (HiGHS, with the
// ledger and the insider attack) takes 0,3–2 s on this machine, so protecting every layout
// (or even a hill climb over them: 15–30 suppressions, 10–30 s a build) is too slow. Instead:
//   1. every layout of each table is scored exhaustively with an ESTIMATE of what it would
//      publish: the primary rule per cell, plus, in a column where exactly one cell is unsafe,
//      its smallest safe neighbour hidden too (the complement a column total forces);
//   2. the best TOP_PER_TABLE layouts of each table (by estimate; ties to the earlier layout,
//      "apart" before "groep" before "overige") are combined, and the MAX_CANDIDATES
//      combinations with the best summed estimate are protected with the real suppression
//      and scored with the real measure;
//   3. the best real measure is published (ties: fewer hidden figures, then the earlier).
// Deterministic: fixed enumeration order, deterministic solver. The internal log lists every
// protected candidate with its estimate and its real measure.
import { groupsOf, aardTable, type AardTableSource } from "./describe-aard.ts";
import { ProtectionError, type LogEntry, type Protected } from "./index.ts";
import type { LedgerEntry } from "./ledger.ts";
import type { PrimaryRules } from "./primary.ts";
import { modesOf, recodeRows, type GroupMode } from "./recode.ts";
import type { Description } from "./tables.ts";
import { scopeKey } from "./universe.ts";

/** How many layouts of each aard table are protected for real (their combinations are). */
const TOP_PER_TABLE = 2;
/** …of which at most this many combinations, best estimate first (each costs a suppression). */
const MAX_CANDIDATES = 3;

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
export function informationWeights(description: Description, aardTables: ReadonlySet<string>, groupOf: (code: string) => string): Map<string, { weight: number; value: number }> {
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

type ProtectOne = (d: Description, rules: PrimaryRules, known: LedgerEntry[]) => Promise<Protected>;

interface Evaluated {
  protectedReport: Protected;
  score: number;
  weights: Map<string, { weight: number; value: number }>;
}

export async function choosePresentation(description: Description, choice: PresentationChoice, rules: PrimaryRules, known: LedgerEntry[], protectOne: ProtectOne): Promise<Protected> {
  const terms = choice.sources[0]?.terms ?? [];
  const groupOf = (code: string) => terms.find((t) => t.soort === "aard" && t.code === code)?.groep ?? code;
  const aardIds = new Set(choice.sources.map((s) => s.id));
  const perTable = choice.sources.map((src) => bestLayouts(src, rules, TOP_PER_TABLE));
  // Every combination of the tables' best layouts, in order of their summed estimate.
  let combos: { modes: Modes; estimate: number }[] = [{ modes: new Map(), estimate: 0 }];
  for (const layouts of perTable) {
    combos = combos.flatMap((c) => layouts.map((l) => ({ modes: new Map([...c.modes, ...l.modes]), estimate: c.estimate + l.estimate })));
  }
  combos = combos
    .map((c, i) => ({ ...c, i }))
    .sort((a, b) => b.estimate - a.estimate || a.i - b.i)
    .slice(0, MAX_CANDIDATES);
  if (choice.layouts) combos = choice.layouts.map((modes) => ({ modes, estimate: combos.find((c) => sameModes(c.modes, modes))?.estimate ?? 0 }));

  const presentatie: PresentationLogEntry[] = [];
  let best: Evaluated | null = null;
  let bestIndex = -1;
  let firstError: ProtectionError | null = null;
  for (const c of combos) {
    const d = applyModes(description, choice, c.modes);
    const indeling = Object.fromEntries([...c.modes].filter(([, m]) => m !== "apart").map(([k, m]) => [k.replace("\u0000", ": "), m]));
    try {
      const protectedReport = await protectOne(d, rules, choice.mustHide ? [...known, ...choice.mustHide(d)] : known);
      const weights = informationWeights(d, aardIds, groupOf);
      const e = { protectedReport, score: informationScore(protectedReport, weights), weights };
      presentatie.push({ indeling, schatting: c.estimate, maat: e.score, verborgen: protectedReport.suppressed.size, gekozen: false });
      if (!best || e.score > best.score + 1e-9 || (Math.abs(e.score - best.score) <= 1e-9 && e.protectedReport.suppressed.size < best.protectedReport.suppressed.size)) {
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

/** The `top` layouts of one aard table by estimate (see the top of this file). */
export function bestLayouts(src: AardTableSource, rules: PrimaryRules, top: number): { modes: Modes; estimate: number }[] {
  const groups = groupsOf(src);
  const perCode = new Map(src.codes.map((c) => [c, src.columns.map((col) => src.count({ jaar: col.jaren, aard: [c] }))]));
  const totals = src.columns.map((col) => src.count({ jaar: col.jaren, aard: src.counted }));
  const unsafe = (n: number) => (n > 0 || rules.protectZeros) && n < rules.k;
  let layouts: Modes[] = [new Map()];
  for (const g of groups) layouts = layouts.flatMap((m) => modesOf(g).map((mode) => new Map(m).set(coordKey(src.id, g.key), mode)));
  const scored = layouts.map((modes, i) => {
    const own = new Map(groups.map((g) => [g.key, modes.get(coordKey(src.id, g.key)) ?? ("apart" as GroupMode)]));
    const rows = recodeRows(groups, own, src.labelOf);
    let estimate = 0;
    src.columns.forEach((_, j) => {
      if (unsafe(totals[j]!)) return;
      const cells = rows.map((r) => ({ value: r.codes.reduce((s, c) => s + perCode.get(c)![j]!, 0), weight: r.level === "categorie" ? 1 : r.level === "groep" ? 0.5 : 0 }));
      const hidden = cells.map((c) => unsafe(c.value));
      if (hidden.filter(Boolean).length === 1) {
        const safe = cells.map((c, i) => ({ ...c, i })).filter((c) => !hidden[c.i] && c.value > 0).sort((a, b) => a.value - b.value);
        if (safe[0]) hidden[safe[0].i] = true;
      }
      cells.forEach((c, i) => {
        if (!hidden[i]) estimate += c.weight * c.value;
      });
    });
    return { modes, estimate, i };
  });
  return scored.sort((a, b) => b.estimate - a.estimate || a.i - b.i).slice(0, top).map(({ modes, estimate }) => ({ modes, estimate }));
}

function sameModes(a: Modes, b: Modes): boolean {
  const mode = (m: Modes, k: string) => m.get(k) ?? "apart";
  return [...a.keys(), ...b.keys()].every((k) => mode(a, k) === mode(b, k));
}

/** What hiding a figure cost in the measure: its meldingen times its weight. */
function weightedValue(w: { weight: number; value: number } | undefined): number {
  return w ? w.weight * w.value : 0;
}

/** HiGHS ended without a solution (engine/highs.ts): that layout is given up, not the build. */
function isSolverFailure(err: unknown): boolean {
  return err instanceof Error && err.message.startsWith("HiGHS ");
}
