// Published figures that the data no longer gives: a late melding, a correction. The reader
// holds every version that was sent, so the earlier versions are attacked together with the new
// figures — but an earlier version describes the OLD data, so its figures cannot simply be
// added as facts about today's data (26 and 27 for one cell would contradict each other).
//
// What is modelled (the "revision exposure" rule):
//  - Two states of the registration: O (when the earlier versions were sent) and N (now). Every
//    earlier version whose figures differ from today's data is a set of facts about O; every
//    figure printed now, and every register entry that agrees with today's data, about N.
//  - The reader assumes the change only ADDED meldingen (late meldingen: N = O + D with D ≥ 0,
//    per inner cell). That is what "26 → 27" suggests and it is the sharpest reading, so it is
//    used whenever no published count went down. When one did (a correction that moved or removed
//    a melding), no link between O and N is modelled: the earlier versions then only keep their
//    own hidden cells hidden (protect does that), and this module adds nothing. Stated plainly
//    in README as a limit.
//  - Only the count universes (meldingen, klachten, VPI) take part; hours are continuous and
//    may be corrected either way, so they are left to the ordinary audit.
//  - Refused when, in the joint model: (a) a hidden count of the new version has fewer than k
//    possible values; (b) a hidden count of an earlier version has fewer than k possible values
//    (publishing new figures must not uncover an old hidden cell); or (c) the change D in a cell
//    the new version hides is certainly at least 1: the reader would then know that the added
//    melding lies in that hidden cell (26 → 27 with every printed part unchanged except one
//    hidden one). A change that may lie in two or more hidden cells is allowed: the reader
//    learns only that it lies in one of them.
//  - Without insider scenarios (the ordinary audit runs them on today's data).
// When earlier versions disagree with each other too (version 1, 2, …), each group of versions
// that agree among themselves is its own old state Oj, with N = Oj + Dj for each.
import { attack } from "./engine/index.ts";
import type { AttackInput, CellInterval, EngineVar, LinearFact } from "./engine/types.ts";
import type { LedgerEntry } from "./ledger.ts";
import { expandScope, indexUniverses, scopeKey, type Scope, type UniverseId, type UniverseSpec } from "./universe.ts";

interface RevisionFigure {
  universe: UniverseId;
  scope: Scope;
  value: number | null;
}

export interface RevisionInput {
  universes: UniverseSpec[];
  /** Count figures printed now (null: hidden). */
  now: RevisionFigure[];
  /** Register entries that agree with today's data: facts about N. */
  agreeing: LedgerEntry[];
  /** Earlier versions whose figures differ from today's data. */
  earlier: LedgerEntry[];
  /** Today's true value of a scope (to tell additions from corrections). */
  trueValue: (universe: UniverseId, scope: Scope) => number;
  k: number;
}

export interface RevisionFinding {
  /** "nieuw" (a), "eerder" (b) or "verschil" (c), see above. */
  soort: "nieuw" | "eerder" | "verschil";
  key: string;
  /** The report (version) the hidden cell belongs to, for "eerder". */
  report: string | null;
  lo: number;
  hi: number;
}

const COUNT_UNIVERSES = new Set<UniverseId>(["meldingen", "klachten", "vpi"]);

/** Groups of earlier versions that can describe one old state (no figure in conflict). */
export function oldStates(earlier: LedgerEntry[]): LedgerEntry[][] {
  const states: { entries: LedgerEntry[]; values: Map<string, number> }[] = [];
  for (const e of earlier) {
    const mine = new Map<string, number>();
    for (const f of e.figures) if (f.value !== null) mine.set(scopeKey(f.universe, f.scope), f.value);
    const fits = states.find((s) => [...mine].every(([k, v]) => !s.values.has(k) || Math.abs(s.values.get(k)! - v) < 1e-6));
    if (fits) {
      fits.entries.push(e);
      for (const [k, v] of mine) fits.values.set(k, v);
    } else states.push({ entries: [e], values: mine });
  }
  return states.map((s) => s.entries);
}

export async function revisionExposure(input: RevisionInput): Promise<RevisionFinding[]> {
  const universes = input.universes.filter((u) => COUNT_UNIVERSES.has(u.id));
  if (universes.length === 0 || input.earlier.length === 0) return [];
  const index = indexUniverses(universes);
  const terms = (u: UniverseId, s: Scope): number[] => {
    if (!COUNT_UNIVERSES.has(u)) return [];
    try {
      return expandScope(universes, index, u, s);
    } catch {
      return [];
    }
  };
  const linked = linkedStates(input, terms);
  if (linked.length === 0) return [];
  const model = stateVariables(linked.length, index.size);
  const { published, suppressed } = revisionFigures(input, linked, model, terms);
  const intervals = await attack({ vars: model.vars, published, suppressed, facts: model.facts, insider: false });
  return findingsOf(intervals);
}

type Terms = (u: UniverseId, s: Scope) => number[];

// Only states that look like additions are linked (see above).
function linkedStates(input: RevisionInput, terms: Terms): LedgerEntry[][] {
  return oldStates(input.earlier).filter((state) =>
    state.every((e) =>
      e.figures.every(
        (f) =>
          f.value === null ||
          !COUNT_UNIVERSES.has(f.universe) ||
          terms(f.universe, f.scope).length === 0 ||
          f.value <= input.trueValue(f.universe, f.scope) + 1e-6,
      ),
    ),
  );
}

interface StateVariables {
  vars: EngineVar[];
  facts: LinearFact[];
  /** The cells of the old state j. */
  O: (j: number, t: number[]) => number[];
  /** The cells added since the old state j. */
  D: (j: number, t: number[]) => number[];
  /** The cells now (the same for every j). */
  N: (t: number[]) => number[];
}

// Variables: per linked state j, O_j (n) then D_j (n). N = O_1 + D_1 = O_j + D_j.
function stateVariables(states: number, n: number): StateVariables {
  const vars: EngineVar[] = [];
  for (let j = 0; j < states; j++) for (let i = 0; i < 2 * n; i++) vars.push({ integer: true });
  const O = (j: number, t: number[]) => t.map((i) => 2 * n * j + i);
  const D = (j: number, t: number[]) => t.map((i) => 2 * n * j + n + i);
  const N = (t: number[]) => [...O(0, t), ...D(0, t)].sort((a, b) => a - b);
  const facts: LinearFact[] = [];
  for (let j = 1; j < states; j++) {
    for (let i = 0; i < n; i++) {
      facts.push({
        id: `N${j}:${i}`,
        terms: [
          { index: 2 * n * j + i, coef: 1 },
          { index: 2 * n * j + n + i, coef: 1 },
          { index: i, coef: -1 },
          { index: n + i, coef: -1 },
        ],
        lo: 0,
        hi: 0,
      });
    }
  }
  return { vars, facts, O, D, N };
}

// What the new version and the linked old states print and hide, on the state variables.
function revisionFigures(input: RevisionInput, linked: LedgerEntry[][], model: StateVariables, terms: Terms) {
  const { O, D, N } = model;
  const published: AttackInput["published"] = [];
  const suppressed: AttackInput["suppressed"] = [];
  const seen = new Set<string>();
  const publish = (id: string, t: number[], value: number) => {
    if (t.length === 0 || seen.has(id)) return;
    seen.add(id);
    published.push({ id, terms: t, value });
  };
  const hide = (id: string, t: number[], width: number) => {
    if (t.length === 0 || seen.has(id)) return;
    seen.add(id);
    suppressed.push({ id, terms: t, requiredWidth: width });
  };
  const hiddenNow: { key: string; t: number[] }[] = [];
  for (const f of input.now) {
    const t = terms(f.universe, f.scope);
    const key = scopeKey(f.universe, f.scope);
    if (f.value === null) {
      if (t.length > 0 && !hiddenNow.some((h) => h.key === key)) hiddenNow.push({ key, t });
      hide(`nieuw|${key}`, N(t), input.k - 1);
    } else publish(`nieuw|${key}`, N(t), f.value);
  }
  for (const e of input.agreeing)
    for (const f of e.figures)
      if (f.value !== null) publish(`nieuw|${scopeKey(f.universe, f.scope)}`, N(terms(f.universe, f.scope)), f.value);
  linked.forEach((state, j) => {
    for (const e of state) {
      for (const f of e.figures) {
        const key = scopeKey(f.universe, f.scope);
        const t = O(j, terms(f.universe, f.scope));
        if (f.value === null) hide(`eerder${j}|${e.report}|${key}`, t, input.k - 1);
        else publish(`eerder${j}|${key}`, t, f.value);
      }
    }
    for (const h of hiddenNow) hide(`verschil${j}|${h.key}`, D(j, h.t), 0);
  });
  return { published, suppressed };
}

// The attack's intervals read back: a difference that must be at least one, or a figure too narrow.
function findingsOf(intervals: CellInterval[]): RevisionFinding[] {
  const findings: RevisionFinding[] = [];
  for (const iv of intervals) {
    const [tag, ...rest] = iv.id.split("|");
    if (tag!.startsWith("verschil")) {
      if (iv.lo >= 1 - 1e-6) findings.push({ soort: "verschil", key: rest.join("|"), report: null, lo: iv.lo, hi: iv.hi });
    } else if (!iv.ok) {
      if (tag === "nieuw") findings.push({ soort: "nieuw", key: rest.join("|"), report: null, lo: iv.lo, hi: iv.hi });
      else findings.push({ soort: "eerder", key: rest.slice(1).join("|"), report: rest[0] ?? null, lo: iv.lo, hi: iv.hi });
    }
  }
  return findings;
}
