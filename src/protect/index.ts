// protect: recoded tables (from describe) → which cells are suppressed, chosen by HiGHS,
// with the earlier reports in the ledger as known facts.
import { attack, NotProtectableError, suppress } from "./engine/index.ts";
import { choosePresentation } from "./choose-presentation.ts";
import { ProtectionError, type LogEntry, type Protected } from "./protected.ts";
import { derivedCells, type DerivedEntry } from "./derived.ts";

export { ProtectionError, type LogEntry, type Protected } from "./protected.ts";
import type { EngineCell, LinearFact, ReaderView, RunAttack, SuppressionProblem } from "./engine/types.ts";
import type { LedgerEntry } from "./ledger.ts";
import { primaryReason, requiredWidth, type PrimaryRules } from "./primary.ts";
import type { Description, TableCell } from "./tables.ts";
import { cellInTable } from "./labels.ts";
import { expandScope, indexUniverses, placeScope, scopeKey, type Scope } from "./universe.ts";

/**
 * A second reader the same publication must be safe for: the confidential reader (the
 * Presidium), who holds every version, confidential and public, at the confidential threshold.
 * A public set made after confidential sets were adopted is protected for both readers at once.
 */
export interface SecondReader {
  audience: string;
  rules: PrimaryRules;
  known: LedgerEntry[];
}

/**
 * How to protect: `second`, the second reader (above); `suppress`, where the suppression runs —
 * in this thread (default), or handed elsewhere by the caller (the werkplaats' worker pool,
 * src/werkplaats/suppress-pool.ts), which must return what `suppress` returns for the same
 * problem; `concurrent`: the candidate layouts may then be protected at once; `attack`, where
 * the attacks of the protection and the audit run (the test run's disk cache,
 * src/audit-cache.ts), which must return what `attack` returns for the same input.
 */
export interface ProtectOptions {
  second?: SecondReader;
  suppress?: typeof suppress;
  concurrent?: boolean;
  attack?: RunAttack;
}

/** Suppression, and where the description offers a choice of layouts, the layout too. */
export async function protect(
  description: Description,
  rules: PrimaryRules,
  known: LedgerEntry[],
  opts: ProtectOptions = {},
): Promise<Protected> {
  const one = (d: Description, r: PrimaryRules, k: LedgerEntry[]) =>
    protectLayout(d, r, k, opts.second, opts.suppress ?? suppress, opts.attack ?? attack);
  return description.choice
    ? choosePresentation(description, description.choice, rules, known, one, opts.concurrent ?? false)
    : one(description, rules, known);
}

type Entry = { cells: TableCell[]; reason: string | null; forced: string | null; fixed: boolean; total: boolean };

/**
 * What one reader knows and needs: every figure of the description as an engine cell, with the
 * earlier reports' figures, and the counts they could derive by subtracting (derived.ts).
 */
interface ReaderCells {
  byKey: Map<string, Entry>;
  cells: EngineCell[];
  extraFixed: EngineCell[];
  facts: LinearFact[];
  derived: EngineCell[];
  derivedLog: DerivedEntry[];
}

/** Suppression for one fixed layout. */
async function protectLayout(
  description: Description,
  rules: PrimaryRules,
  known: LedgerEntry[],
  second: SecondReader | undefined,
  runSuppression: typeof suppress,
  runAttack: RunAttack,
): Promise<Protected> {
  const { byKey, cells, extraFixed, facts, derived, derivedLog } = await readerCells(description, rules, known, runAttack);
  const index = indexUniverses(description.universes);
  const view = second
    ? readerView(
        await readerCells({ ...description, audience: second.audience as Description["audience"] }, second.rules, second.known, runAttack),
      )
    : null;
  const problem: SuppressionProblem = {
    vars: index.integer.map((integer) => ({ integer })),
    cells: [...cells, ...extraFixed, ...derived],
    facts,
    ...(view ? { readers: [view] } : {}),
  };
  let result;
  try {
    result = await runSuppression(problem, { insider: true });
  } catch (e) {
    throw new ProtectionError((e as Error).message, e instanceof NotProtectableError ? { cell: e.cell, from: e.from } : undefined);
  }
  const suppressed = new Set(result.suppressed.filter((id) => byKey.has(id)));
  const hiddenForSecond = new Set(view?.cells.filter((c) => c.status === "primary").map((c) => c.id) ?? []);
  const log: LogEntry[] = [...suppressed].sort().map((key) => {
    const entry = byKey.get(key)!;
    const engineCell = cells.find((c) => c.id === key)!;
    const forSecond = hiddenForSecond.has(key) && !entry.reason && !entry.forced;
    return {
      key,
      cells: entry.cells.map((c) => c.id),
      value: entry.cells[0]!.value,
      reden:
        entry.reason ??
        entry.forced ??
        (forSecond
          ? "verborgen voor wie ook de vertrouwelijke versies leest (daar verborgen, of kleiner dan de drempel daarvan)"
          : "aanvullend onderdrukt, zodat een onveilig cijfer niet terug te rekenen is"),
      soort: entry.reason ? "primair" : entry.forced || forSecond ? "eerder onderdrukt" : "secundair",
      requiredWidth: engineCell.requiredWidth,
    };
  });
  return { description, suppressed, log, derived: derivedLog, optimal: result.optimal };
}

/** The second reader's view for the engine: what they know (fixed) and must not learn (primary); the rest follows the pattern. */
function readerView(r: ReaderCells): ReaderView {
  return { cells: [...r.cells.filter((c) => c.status !== "candidate"), ...r.extraFixed, ...r.derived], facts: r.facts };
}

/** One reader's cells: the description's figures with their primary rule, and what the reader holds from earlier reports. */
async function readerCells(
  description: Description,
  rules: PrimaryRules,
  known: LedgerEntry[],
  runAttack: RunAttack,
): Promise<ReaderCells> {
  const index = indexUniverses(description.universes);
  const byKey = entriesOf(description, rules, known);
  const { extraFixed, facts } = layoutFacts(description, index, byKey);
  earlierFigures(description, index, rules, known, byKey, extraFixed, facts);
  const cells = engineCells(description, index, byKey, rules);
  // A derived count that is already a cell here, or hidden in an earlier report (protected as such).
  const taken = new Set([
    ...byKey.keys(),
    ...extraFixed.filter((c) => c.status === "primary").map((c) => c.id.slice(c.id.indexOf(":") + 1)),
  ]);
  const all = [...cells, ...extraFixed];
  const fixed = all.filter((c) => c.status === "fixed");
  const candidates = all.filter((c) => c.status === "candidate");
  const { cells: derived, log: derivedLog } = await derivedCells(
    { description, index, rules, known, taken },
    { fixed, candidates, facts },
    runAttack,
  );
  return { byKey, cells, extraFixed, facts, derived, derivedLog };
}

/** Every figure of the description by its scope, with the primary rule's reason where it is unsafe. */
function entriesOf(description: Description, rules: PrimaryRules, known: LedgerEntry[]): Map<string, Entry> {
  const byKey = new Map<string, Entry>();
  for (const t of description.tables) {
    for (const c of t.cells) {
      const key = scopeKey(c.universe, c.scope);
      const entry = byKey.get(key) ?? { cells: [], reason: null, forced: null, fixed: false, total: false };
      entry.cells.push(c);
      if (c.row === t.totalRow) entry.total = true;
      entry.reason ??= primaryReason(c, rules);
      byKey.set(key, entry);
    }
  }
  // When a total is itself a small count, its parts go with it, zeros included: a published
  // 0 beside a hidden total would tell where every melder came from (everyone was
  // "ambtelijk"): attribute disclosure, which no interval shows.
  for (const t of description.tables) {
    if (t.kind !== "aantal" || t.totalRow === null) continue;
    for (const col of t.columns) {
      const total = t.cells.find((c) => c.row === t.totalRow && c.column === col.key);
      if (!total || byKey.get(scopeKey(total.universe, total.scope))?.reason == null) continue;
      for (const c of t.cells.filter((x) => x.column === col.key && x.row !== t.totalRow)) {
        const entry = byKey.get(scopeKey(c.universe, c.scope))!;
        entry.reason ??= `het totaal van deze kolom is kleiner dan de drempel ${rules.k}; ook een nul zou verraden waar de melders vandaan kwamen`;
      }
    }
  }
  // A zero every reader already knows (inside a published 0: a table's missing rows, here or
  // in an earlier report) is printed: hiding it protects nothing, and could not succeed.
  const knownZeros = [
    ...(description.facts ?? []).filter((f) => f.value === 0).map((f) => ({ universe: f.universe, scope: f.scope })),
    ...known.flatMap((e) => e.figures.filter((f) => f.value === 0)),
  ];
  for (const entry of byKey.values()) {
    const c = entry.cells[0]!;
    if (
      c.kind === "aantal" &&
      c.value === 0 &&
      entry.reason !== null &&
      knownZeros.some((z) => z.universe === c.universe && within(c.scope, z.scope))
    )
      entry.reason = null;
  }
  return byKey;
}

/** What the reader knows without a printed number (missing rows are 0, historie totals). */
function layoutFacts(
  description: Description,
  index: ReturnType<typeof indexUniverses>,
  byKey: Map<string, Entry>,
): { extraFixed: EngineCell[]; facts: LinearFact[] } {
  const extraFixed: EngineCell[] = [];
  const facts: LinearFact[] = [];
  // Fixed, exactly as the audit will take them from figures.json.
  for (const f of description.facts ?? []) {
    const at = placeScope(description.universes, index, f.universe, f.scope);
    if (!("terms" in at)) throw new ProtectionError(`${f.id}: ${at.error}`);
    if (at.terms.length === 0) continue;
    // A fact over a printed cell's scope (a historie total equal to the year's total) makes
    // that cell known: it is checked like a figure of an earlier report.
    const same = byKey.get(scopeKey(f.universe, f.scope));
    if (same) same.fixed = true;
    else if (description.universes.find((u) => u.id === f.universe)?.integer === false)
      facts.push({ id: `feit:${f.id}`, terms: at.terms.map((i) => ({ index: i, coef: 1 })), lo: f.value, hi: f.value });
    else extraFixed.push({ id: `feit:${f.id}`, terms: at.terms, value: f.value, status: "fixed", requiredWidth: 0, cost: 0 });
  }
  return { extraFixed, facts };
}

/** The figures of earlier reports this reader holds: printed ones are known, hidden ones stay protected. */
function earlierFigures(
  description: Description,
  index: ReturnType<typeof indexUniverses>,
  rules: PrimaryRules,
  known: LedgerEntry[],
  byKey: Map<string, Entry>,
  extraFixed: EngineCell[],
  facts: LinearFact[],
): void {
  const hiddenBefore = new Set<string>();
  // Figures some earlier report printed: the confidential reader holds the confidential
  // versions, so a figure the public version hid but a confidential one printed is known.
  const printedBefore = new Set(known.flatMap((e) => e.figures.filter((f) => f.value !== null).map((f) => scopeKey(f.universe, f.scope))));
  for (const e of known) {
    for (const f of e.figures) {
      const key = scopeKey(f.universe, f.scope);
      const current = byKey.get(key);
      if (current) {
        // Hidden in a report of the same audience: its readers hold it, so it stays hidden.
        // Hidden in the public version only: the confidential reader may see it when the
        // attack allows (the public reader never sees the confidential version).
        if (f.value === null) {
          if (description.audience === undefined || e.audience === description.audience)
            current.forced ??= `eerder onderdrukt in ${e.report}`;
        } else if (Math.abs(current.cells[0]!.value - f.value) > 0.05 + 1e-6) {
          // (hours are printed, and so kept in the ledger, to one decimal)
          throw new ProtectionError(
            `Het cijfer "${printedAs(description, current.cells[0]!)}" is ${current.cells[0]!.value}, maar ${e.report} publiceerde ${f.value}. ` +
              `Een gepubliceerd cijfer kan niet stil veranderen: herstel de registratie, of stel een herziening vast met --vaststellen --herziening --reden "…" (zie HANDLEIDING.md, "Een melding die te laat is geregistreerd").`,
          );
        } else current.fixed = true;
      } else if (f.value === null) {
        // Hidden in an earlier report and not printed now: it must stay protected, so it
        // joins the problem as a cell that stays suppressed and needs its interval.
        const at = placeKnown(description, index, e.report, f.universe, f.scope);
        const terms = at.partial ? [] : at.terms;
        if (e.audience !== description.audience && description.audience !== undefined && printedBefore.has(key)) continue;
        const key2 = `${e.report}:${key}`;
        if (terms.length === 0 || !description.trueValue || hiddenBefore.has(key)) continue;
        hiddenBefore.add(key);
        const value = description.trueValue(f.universe, f.scope);
        const kind = f.universe === "uren" ? "uren" : "aantal";
        extraFixed.push({
          id: key2,
          terms,
          value,
          status: "primary",
          requiredWidth: kind === "aantal" ? rules.k - 1 : Math.max(1, value / 2),
          cost: 0,
        });
      } else {
        const { terms, partial } = placeKnown(description, index, e.report, f.universe, f.scope);
        if (terms.length === 0) continue;
        // A figure that also covers periods after this report's: a bound on the part here.
        if (partial) {
          facts.push({
            id: `${e.report}:${key}:deel`,
            terms: terms.map((i) => ({ index: i, coef: 1 })),
            lo: 0,
            hi: f.value + (f.universe === "uren" ? 0.05 : 0),
          });
          continue;
        }
        // Hours were printed to one decimal: known to within 0,05, not exactly (rounded
        // parts need not add up to a total this report publishes exactly).
        if (description.universes.find((u) => u.id === f.universe)?.integer === false) {
          facts.push({
            id: `${e.report}:${key}`,
            terms: terms.map((i) => ({ index: i, coef: 1 })),
            lo: f.value - 0.05,
            hi: f.value + 0.05,
          });
        } else extraFixed.push({ id: `${e.report}:${key}`, terms, value: f.value, status: "fixed", requiredWidth: 0, cost: 0 });
      }
    }
  }
}

/** A cell as its table prints it ("Aard van de meldingen, Pesten, 2020"), for a message counsellors read. */
function printedAs(description: Description, cell: TableCell): string {
  const t = description.tables.find((x) => x.cells.includes(cell));
  if (!t) return cell.id;
  return cellInTable(t, cell);
}

/** The description's figures as engine cells: primary, fixed (known) or a candidate complement. */
function engineCells(
  description: Description,
  index: ReturnType<typeof indexUniverses>,
  byKey: Map<string, Entry>,
  rules: PrimaryRules,
): EngineCell[] {
  const keys = [...byKey.keys()].sort();
  return keys.map((key) => {
    const entry = byKey.get(key)!;
    const cell = entry.cells[0]!;
    // A 0 that a reader already knows (an earlier report's layout showed the category had no
    // row) protects nothing by being hidden now: it is published like any known figure.
    if (entry.fixed && entry.forced === null && cell.value === 0) entry.reason = null;
    const primary = entry.reason !== null || entry.forced !== null;
    if (primary && entry.fixed) {
      throw new ProtectionError(
        `Het cijfer "${printedAs(description, cell)}" is eerder gepubliceerd maar is nu onveilig (${entry.reason}); het kan niet meer beschermd worden.`,
      );
    }
    return {
      id: key,
      terms: expandScope(description.universes, index, cell.universe, cell.scope),
      value: cell.value,
      status: primary ? "primary" : entry.fixed ? "fixed" : "candidate",
      requiredWidth: primary ? requiredWidth(cell, rules) : 0,
      // Fewest cells first, then the smallest values; a total (the figure readers look for
      // first, and that HR copies) only when nothing else protects. A figure over several
      // periods (a pooled table) goes before a yearly one: it repeats what the years say.
      cost: (entry.total ? 100_000 : (cell.scope["jaar"]?.length ?? 1) > 1 ? 500 : 1000) + cell.value,
    };
  });
}

/** A figure of an earlier report in this report's universes; one that does not fit stops the build. */
function placeKnown(
  d: Description,
  index: ReturnType<typeof indexUniverses>,
  report: string,
  universe: TableCell["universe"],
  scope: TableCell["scope"],
): { terms: number[]; partial: boolean } {
  const at = placeScope(d.universes, index, universe, scope, true);
  if ("terms" in at) return at;
  throw new ProtectionError(
    `Een cijfer uit ${report} past niet in dit verslag (${at.error}); is data/gepubliceerd van een andere registratie?`,
  );
}

/** Is every inner cell of `inner` also in `outer` (same universe)? */
function within(inner: Scope, outer: Scope): boolean {
  return Object.entries(outer).every(([dim, cats]) => inner[dim] !== undefined && inner[dim]!.every((c) => cats.includes(c)));
}
