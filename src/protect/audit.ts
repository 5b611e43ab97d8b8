// attack: rerun the attacker's linear programme on what a report prints (figures.json),
// together with everything earlier reports published. Each suppressed figure gets the
// smallest and largest value an attacker can derive; the report is safe when each
// interval is wide enough. figures.json also holds the facts a reader takes from the layout
// and the report's stated rules (missing rows are zero, the published historie, named list
// items): they join the attack like printed numbers.
import { attack } from "./engine/index.ts";
import type { AttackInput, CellInterval, LinearFact, RunAttack } from "./engine/types.ts";
import type { Figure, FiguresFile } from "./figures.ts";
import type { LedgerEntry } from "./ledger.ts";
import { indexUniverses, placeScope, scopeKey, singleYearParts, type Scope, type UniverseId } from "./universe.ts";

export interface AuditResult {
  intervals: (CellInterval & { figures: string[] })[];
  ok: boolean;
}

type Interval = CellInterval & { figures: string[] };

/**
 * `required` maps a suppressed figure's scope key to its protection level (from the internal
 * log). Without it every suppressed count needs k possible values and hours half… of an
 * unknown value, so hours are then only reported, not judged. `audited`: the scope keys of the
 * suppressed figures whose intervals are wanted (all when absent); the others still count as
 * cells an insider's melding may lie in.
 */
export async function auditFigures(
  file: FiguresFile,
  known: LedgerEntry[],
  required?: Map<string, number>,
  runAttack: RunAttack = attack,
  audited?: ReadonlySet<string>,
): Promise<AuditResult> {
  const model = newAttackModel(file, known);
  placeKnownFigures(model);
  placeReportFigures(model);
  attackEarlierHidden(model);
  if (required) attackDerived(model, required);
  addSharesAndAverages(model);
  const input: AttackInput = {
    vars: model.index.integer.map((integer) => ({ integer })),
    published: [...model.published.values()],
    suppressed: [...model.suppressed.entries()].map(([key, s]) => ({
      id: key,
      terms: s.terms,
      requiredWidth: required?.get(key) ?? (s.kind === "aantal" ? file.drempel - 1 : 0),
    })),
    facts: model.facts,
    insider: true,
    ...(audited ? { audited: [...model.suppressed.keys()].filter((key) => audited.has(key)) } : {}),
  };
  const intervals = await runAttack(input);
  const withFigures = intervals.map((iv) => ({ ...iv, figures: model.suppressed.get(iv.id)?.figures ?? [] }));
  const all = [...withFigures, ...exposedPrintedFigures(model, required), ...model.unplaced];
  return { intervals: all, ok: all.every((iv) => iv.ok) };
}

// What the attacker knows, gathered step by step before the attack is run.
interface AttackModel {
  file: FiguresFile;
  known: LedgerEntry[];
  index: ReturnType<typeof indexUniverses>;
  // A figure the audit cannot place fails the audit: it is printed (or implied) but would
  // otherwise be left out of the attack.
  unplaced: Interval[];
  published: Map<string, { id: string; terms: number[]; value: number }>;
  facts: LinearFact[];
  suppressed: Map<string, { figures: string[]; terms: number[]; kind: Figure["kind"] }>;
  hoursPublished: Map<string, number>;
  // This report's figures placed on the universes' cells (null: could not be placed).
  terms: Map<Figure, number[] | null>;
}

function newAttackModel(file: FiguresFile, known: LedgerEntry[]): AttackModel {
  return {
    file,
    known,
    index: indexUniverses(file.universes),
    unplaced: [],
    published: new Map(),
    facts: [],
    suppressed: new Map(),
    hoursPublished: new Map(),
    terms: new Map(),
  };
}

function place(m: AttackModel, f: Figure, universe: UniverseId, scope: Scope): number[] | null {
  const at = placeScope(m.file.universes, m.index, universe, scope);
  if ("terms" in at) return at.terms;
  m.unplaced.push({
    id: f.id,
    lo: 0,
    hi: 0,
    requiredWidth: 0,
    ok: false,
    scenario: `de audit kan dit cijfer niet plaatsen: ${at.error}`,
    figures: [f.id],
  });
  return null;
}

function placeKnown(m: AttackModel, report: string, universe: UniverseId, scope: Scope) {
  const at = placeScope(m.file.universes, m.index, universe, scope, true);
  if ("terms" in at) return at;
  const id = `${report}:${scopeKey(universe, scope)}`;
  if (!m.unplaced.some((u) => u.id === id))
    m.unplaced.push({
      id,
      lo: 0,
      hi: 0,
      requiredWidth: 0,
      ok: false,
      scenario: `de audit kan dit eerder gepubliceerde cijfer niet plaatsen: ${at.error}`,
      figures: [id],
    });
  return null;
}

function exact(m: AttackModel, id: string, t: number[], value: number): void {
  m.facts.push({ id, terms: t.map((i) => ({ index: i, coef: 1 })), lo: value, hi: value });
}

function publishValue(m: AttackModel, key: string, t: number[], value: number, kind: Figure["kind"]): void {
  if (t.length === 0) return;
  if (kind === "aantal") m.published.set(key, { id: key, terms: t, value });
  else m.facts.push({ id: key, terms: t.map((index) => ({ index, coef: 1 })), lo: value - 0.05, hi: value + 0.05 });
}

// What earlier reports printed.
function placeKnownFigures(m: AttackModel): void {
  for (const e of m.known) {
    for (const f of e.figures) {
      if (f.value === null) continue;
      const at = placeKnown(m, e.report, f.universe, f.scope);
      if (!at) continue;
      const kind = f.universe === "uren" ? "uren" : "aantal";
      // A figure that also covers periods after this report's: only a bound on the part here.
      if (at.partial)
        m.facts.push({
          id: `${e.report}:${scopeKey(f.universe, f.scope)}:deel`,
          terms: at.terms.map((i) => ({ index: i, coef: 1 })),
          lo: 0,
          hi: f.value + (kind === "uren" ? 0.05 : 0),
        });
      else publishValue(m, `${e.report}:${scopeKey(f.universe, f.scope)}`, at.terms, f.value, kind);
    }
  }
}

// What this report prints, implies or hides.
function placeReportFigures(m: AttackModel): void {
  const { file, terms, suppressed, hoursPublished, facts } = m;
  for (const f of file.figures) {
    if (f.universe && f.scope) terms.set(f, place(m, f, f.universe, f.scope));
    if (f.denominator && place(m, f, f.denominator.universe, f.denominator.scope) === null) terms.set(f, null);
  }
  for (const f of file.figures) {
    const t = terms.get(f);
    if (!t || !f.universe || !f.scope) continue;
    const key = scopeKey(f.universe, f.scope);
    if (f.kind === "grens") {
      facts.push({ id: f.id, terms: t.map((i) => ({ index: i, coef: 1 })), lo: f.bounds!.min, hi: f.bounds!.max ?? Infinity });
    } else if (f.kind === "aantal" || f.kind === "uren") {
      if (f.value === null) {
        const s = suppressed.get(key) ?? { figures: [], terms: t, kind: f.kind };
        s.figures.push(f.id);
        suppressed.set(key, s);
      } else if (f.layout) {
        // Implied, not printed as a rounded number: known exactly.
        exact(m, f.id, t, f.value);
        if (f.kind === "uren") hoursPublished.set(key, f.value);
      } else {
        publishValue(m, key, t, f.value, f.kind);
        if (f.kind === "uren") hoursPublished.set(key, f.value);
      }
    }
  }
}

// Figures an earlier report hid stay hidden: they are attacked too, with everything
// this report prints. A figure this report prints is known exactly (see exposedPrintedFigures).
function attackEarlierHidden(m: AttackModel): void {
  const { file, known, suppressed } = m;
  const printedBefore = new Set(known.flatMap((e) => e.figures.filter((f) => f.value !== null).map((f) => scopeKey(f.universe, f.scope))));
  const publishedNow = new Set(
    file.figures.filter((f) => f.value !== null && f.universe && f.scope).map((f) => scopeKey(f.universe!, f.scope!)),
  );
  // A cell an earlier version hid stays attacked, for every reader who holds that version —
  // except one the public version hid and a confidential version printed: the confidential
  // reader holds it (its threshold is lower), and the public reader never sees the other.
  for (const e of known) {
    for (const f of e.figures) {
      const key = scopeKey(f.universe, f.scope);
      if (f.value !== null || suppressed.has(key) || publishedNow.has(key)) continue;
      // Hidden in the public version but printed in a confidential one: the confidential
      // reader holds it (the same rule as protect's).
      if (e.audience !== file.publiek && printedBefore.has(key)) continue;
      const at = placeKnown(m, e.report, f.universe, f.scope);
      // Hidden in a report whose periods reach beyond this one: not attackable from here.
      if (!at || at.partial || at.terms.length === 0) continue;
      suppressed.set(key, {
        figures: [`${e.report}: eerder onderdrukt`],
        terms: at.terms,
        kind: f.universe === "uren" ? "uren" : "aantal",
      });
    }
  }
}

// A count no table prints but the reader derives by subtracting pooled tables (one year of a
// span: 2018–2020 minus 2018–2019), which the internal log says must stay hidden
// (protect/derived.ts): attacked like a hidden figure. Only the log knows which are unsafe.
function attackDerived(m: AttackModel, required: Map<string, number>): void {
  const { file, known, suppressed, published } = m;
  const pooled = [
    ...file.figures.flatMap((f) => (f.kind === "aantal" && f.universe && f.scope ? [{ universe: f.universe, scope: f.scope }] : [])),
    ...known.flatMap((e) => e.figures),
  ];
  for (const { universe, scope } of pooled) {
    for (const part of singleYearParts(scope)) {
      const key = scopeKey(universe, part);
      if (!required.has(key) || suppressed.has(key) || published.has(key)) continue;
      const at = placeScope(file.universes, m.index, universe, part, true);
      if (!("terms" in at) || at.partial || at.terms.length === 0) continue;
      suppressed.set(key, { figures: [`afgeleid: ${key}`], terms: at.terms, kind: "aantal" });
    }
  }
}

// Printed shares and averages as facts: linear bounds on the cells they are computed from.
function addSharesAndAverages(m: AttackModel): void {
  const { file, index, terms, published, hoursPublished, facts } = m;
  for (const f of file.figures) {
    const num = terms.get(f);
    if (f.value === null || !num || !f.universe || !f.scope || !f.denominator) continue;
    const den = placeScope(file.universes, index, f.denominator.universe, f.denominator.scope);
    if (!("terms" in den)) continue; // reported as unplaced above
    // A share of two counts printed exactly says nothing more than they do: its rounding
    // interval would only add a redundant row with large coefficients to the attack.
    const printedExactly = (u: NonNullable<Figure["universe"]>, sc: NonNullable<Figure["scope"]>) => published.has(scopeKey(u, sc));
    if (f.kind === "aandeel" && printedExactly(f.universe, f.scope) && printedExactly(f.denominator.universe, f.denominator.scope))
      continue;
    if (f.kind === "aandeel") {
      // A rounded share p of T: (p − ½)·T ≤ 100·x ≤ (p + ½)·T, linear in the inner cells.
      const lo = Math.max(0, f.value - 0.5);
      const hi = f.value + 0.5;
      facts.push({ id: `${f.id}:onder`, terms: combine(num, 100, den.terms, -lo), lo: 0, hi: Infinity });
      facts.push({ id: `${f.id}:boven`, terms: combine(num, 100, den.terms, -hi), lo: -Infinity, hi: 0 });
    } else if (f.kind === "gemiddelde") {
      // hours / n = a (both rounded): n lies between (H − 0,05)/(a + 0,05) and (H + 0,05)/(a − 0,05).
      const H = hoursPublished.get(scopeKey(f.universe, f.scope));
      if (H === undefined)
        throw new Error(`${f.id}: een gemiddelde is gepubliceerd zonder de uren ervan; dat kan de audit niet beoordelen`);
      const lo = (H - 0.05) / (f.value + 0.05);
      const hi = f.value - 0.05 > 0 ? (H + 0.05) / (f.value - 0.05) : Infinity;
      facts.push({ id: f.id, terms: den.terms.map((index) => ({ index, coef: 1 })), lo, hi });
    }
  }
}

// A printed figure is known exactly: a small count, or a figure the internal log says must
// stay hidden, is unsafe however well the suppressed figures are protected. (A fact the
// layout implies is 0 or published elsewhere: not small by itself, but it still exposes a
// figure an earlier report hid.)
function exposedPrintedFigures(m: AttackModel, required: Map<string, number> | undefined): Interval[] {
  const { file, known, terms } = m;
  const exposed = new Map<string, Interval>();
  for (const f of file.figures) {
    if (f.value === null || (f.kind !== "aantal" && f.kind !== "uren") || !f.universe || !f.scope || !terms.get(f)) continue;
    const key = scopeKey(f.universe, f.scope);
    // Hidden before for this audience: the confidential version may print what the public one hid.
    const hiddenBefore =
      f.kind === "aantal" &&
      known.some((e) => e.audience === file.publiek && e.figures.some((g) => g.value === null && scopeKey(g.universe, g.scope) === key));
    const width = required?.get(key) ?? (hiddenBefore ? file.drempel - 1 : 0);
    const small = !f.layout && f.kind === "aantal" && f.value > 0 && f.value < file.drempel;
    if (!small && width <= 0) continue;
    const iv = exposed.get(key) ?? {
      id: key,
      lo: f.value,
      hi: f.value,
      requiredWidth: Math.max(width, small ? file.drempel - 1 : 0),
      ok: false,
      scenario: "publiek: het cijfer is zelf gepubliceerd",
      figures: [],
    };
    iv.figures.push(f.id);
    exposed.set(key, iv);
  }
  return [...exposed.values()];
}

function combine(a: number[], ca: number, b: number[], cb: number): { index: number; coef: number }[] {
  const m = new Map<number, number>();
  for (const i of a) m.set(i, (m.get(i) ?? 0) + ca);
  for (const i of b) m.set(i, (m.get(i) ?? 0) + cb);
  return [...m.entries()]
    .filter(([, c]) => c !== 0)
    .sort((x, y) => x[0] - y[0])
    .map(([index, coef]) => ({ index, coef }));
}
