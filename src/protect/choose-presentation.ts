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
//      scored with a joint ESTIMATE of what it would publish (bestCombinations, in
//      estimate-layouts.ts): per column the primary rule, the cells an earlier report hid or
//      printed, complements until the hidden part holds two cells and k meldingen; and a
//      pooled cell is counted hidden when it minus what the yearly table beside it and
//      earlier reports print leaves 1..k−1;
//   2. the MAX_CANDIDATES combinations with the best estimate are protected with the real
//      suppression and scored with the real measure; only when none of them can be
//      protected, up to MAX_FALLBACK more;
//   3. the best real measure is published (ties: fewer hidden figures, then the earlier).
// Deterministic: fixed enumeration order, deterministic solver. The internal log lists every
// protected candidate with its estimate and its real measure.
import { groupsOf, aardTable } from "./describe-aard.ts";
import { bestCombinations, COVERAGE_WEIGHT, coordKey, reportYearOf, type Modes } from "./estimate-layouts.ts";
import { ProtectionError, type LogEntry, type Protected, type PresentationLogEntry } from "./protected.ts";
import type { LedgerEntry } from "./ledger.ts";
import type { PrimaryRules } from "./primary.ts";
import type { GroupMode } from "./recode.ts";
import type { AardTableSource, Description, PresentationChoice } from "./tables.ts";
import { scopeKey } from "./universe.ts";

// The estimate is the choice's first step; its tests reach it here.
export { bestCombinations } from "./estimate-layouts.ts";

/** How many combinations of layouts are protected for real, best estimate first (each costs a suppression). */
const MAX_CANDIDATES = 3;
/** When none of those can be protected (an earlier report pins a merge the estimate missed): at most this many more. */
const MAX_FALLBACK = 4;

/** The description with the aard tables rebuilt for `modes`. */
function applyModes(description: Description, choice: PresentationChoice, modes: Modes): Description {
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
function informationWeights(
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

function informationScore(p: Protected, weights: Map<string, { weight: number; value: number }>): number {
  let s = 0;
  for (const [key, w] of weights) if (!p.suppressed.has(key)) s += w.weight * w.value;
  return s;
}

/** The report year's counted meldingen whose aard some printed aard row shows at group level or finer. */
function reportYearCoverage(
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
  const combos = bestCombinations(choice.sources, rules, known, description.audience, MAX_CANDIDATES + MAX_FALLBACK);

  const presentatie: PresentationLogEntry[] = [];
  let best: Evaluated | null = null;
  let bestIndex = -1;
  let firstError: ProtectionError | null = null;
  const protectCandidate = (d: Description) => protectOne(d, rules, known);
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
