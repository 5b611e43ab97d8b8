// attack: rerun the attacker's linear programme on what a report prints (figures.json),
// together with everything earlier reports published. Each suppressed figure gets the
// smallest and largest value an attacker can derive; the report is safe when each
// interval is wide enough.
import { attack } from "./engine/index.ts";
import type { AttackInput, CellInterval, LinearFact } from "./engine/types.ts";
import type { Figure, FiguresFile } from "../present/figures.ts";
import type { LedgerEntry } from "./ledger.ts";
import { expandScope, indexUniverses, scopeKey, type Indexed } from "./universe.ts";

export interface AuditResult {
  intervals: (CellInterval & { figures: string[] })[];
  ok: boolean;
}

/**
 * `required` maps a suppressed figure's scope key to its protection level (from the internal
 * log). Without it every suppressed count needs k possible values and hours half… of an
 * unknown value, so hours are then only reported, not judged.
 */
export async function auditFigures(file: FiguresFile, known: LedgerEntry[], required?: Map<string, number>): Promise<AuditResult> {
  const index = indexUniverses(file.universes);
  const terms = (f: { universe: Figure["universe"]; scope: Figure["scope"] }) => (f.universe && f.scope ? safeExpand(file, index, f.universe, f.scope) : []);
  const published = new Map<string, { id: string; terms: number[]; value: number }>();
  const facts: LinearFact[] = [];
  const suppressed = new Map<string, { figures: string[]; terms: number[]; kind: Figure["kind"] }>();
  const publishValue = (key: string, t: number[], value: number, kind: Figure["kind"]) => {
    if (t.length === 0) return;
    if (kind === "aantal") published.set(key, { id: key, terms: t, value });
    else facts.push({ id: key, terms: t.map((index) => ({ index, coef: 1 })), lo: value - 0.05, hi: value + 0.05 });
  };
  for (const e of known) {
    for (const f of e.figures) {
      if (f.value === null) continue;
      const key = scopeKey(f.universe, f.scope);
      publishValue(`${e.report}:${key}`, terms({ universe: f.universe, scope: f.scope }), f.value, f.universe === "uren" ? "uren" : "aantal");
    }
  }
  const hoursPublished = new Map<string, number>();
  for (const f of file.figures) {
    if ((f.kind === "aantal" || f.kind === "uren") && f.universe && f.scope) {
      const key = scopeKey(f.universe, f.scope);
      if (f.value === null) {
        const s = suppressed.get(key) ?? { figures: [], terms: terms(f), kind: f.kind };
        s.figures.push(f.id);
        suppressed.set(key, s);
      } else {
        publishValue(key, terms(f), f.value, f.kind);
        if (f.kind === "uren") hoursPublished.set(key, f.value);
      }
    }
  }
  // Figures an earlier report hid stay hidden: they are attacked too, with everything
  // this report prints. A figure this report prints is known exactly (checked below).
  const printedBefore = new Set(known.flatMap((e) => e.figures.filter((f) => f.value !== null).map((f) => scopeKey(f.universe, f.scope))));
  const publishedNow = new Set(file.figures.filter((f) => f.value !== null && f.universe && f.scope).map((f) => scopeKey(f.universe!, f.scope!)));
  for (const e of known) {
    for (const f of e.figures) {
      const key = scopeKey(f.universe, f.scope);
      if (f.value !== null || suppressed.has(key) || publishedNow.has(key)) continue;
      // Hidden in the public version but printed in a confidential one: the confidential
      // reader holds it (the same rule as protect's).
      if (e.audience !== file.publiek && printedBefore.has(key)) continue;
      const t = terms({ universe: f.universe, scope: f.scope });
      if (t.length > 0) suppressed.set(key, { figures: [`${e.report}: eerder onderdrukt`], terms: t, kind: f.universe === "uren" ? "uren" : "aantal" });
    }
  }
  for (const f of file.figures) {
    if (f.value === null || !f.universe || !f.scope || !f.denominator) continue;
    const num = terms(f);
    const den = safeExpand(file, index, f.denominator.universe, f.denominator.scope);
    // A share of two counts printed exactly says nothing more than they do: its rounding
    // interval would only add a redundant row with large coefficients to the attack.
    const exact = (u: NonNullable<Figure["universe"]>, sc: NonNullable<Figure["scope"]>) => published.has(scopeKey(u, sc));
    if (f.kind === "aandeel" && exact(f.universe, f.scope) && exact(f.denominator.universe, f.denominator.scope)) continue;
    if (f.kind === "aandeel") {
      // A rounded share p of T: (p − ½)·T ≤ 100·x ≤ (p + ½)·T, linear in the inner cells.
      const lo = Math.max(0, f.value - 0.5);
      const hi = f.value + 0.5;
      facts.push({ id: `${f.id}:onder`, terms: combine(num, 100, den, -lo), lo: 0, hi: Infinity });
      facts.push({ id: `${f.id}:boven`, terms: combine(num, 100, den, -hi), lo: -Infinity, hi: 0 });
    } else if (f.kind === "gemiddelde") {
      // hours / n = a (both rounded): n lies between (H − 0,05)/(a + 0,05) and (H + 0,05)/(a − 0,05).
      const H = hoursPublished.get(scopeKey(f.universe, f.scope));
      if (H === undefined) throw new Error(`${f.id}: een gemiddelde is gepubliceerd zonder de uren ervan; dat kan de audit niet beoordelen`);
      const lo = (H - 0.05) / (f.value + 0.05);
      const hi = f.value - 0.05 > 0 ? (H + 0.05) / (f.value - 0.05) : Infinity;
      facts.push({ id: f.id, terms: den.map((index) => ({ index, coef: 1 })), lo, hi });
    }
  }
  const input: AttackInput = {
    vars: index.integer.map((integer) => ({ integer })),
    published: [...published.values()],
    suppressed: [...suppressed.entries()].map(([key, s]) => ({
      id: key,
      terms: s.terms,
      requiredWidth: required?.get(key) ?? (s.kind === "aantal" ? file.drempel - 1 : 0),
    })),
    facts,
    insider: true,
  };
  const intervals = await attack(input);
  const withFigures = intervals.map((iv) => ({ ...iv, figures: suppressed.get(iv.id)?.figures ?? [] }));
  // A printed figure is known exactly: a small count, or a figure the internal log says must
  // stay hidden, is unsafe however well the suppressed figures are protected.
  const exposed = new Map<string, CellInterval & { figures: string[] }>();
  for (const f of file.figures) {
    if (f.value === null || (f.kind !== "aantal" && f.kind !== "uren") || !f.universe || !f.scope) continue;
    const key = scopeKey(f.universe, f.scope);
    // Hidden before for this audience: the confidential version may print what the public one hid.
    const hiddenBefore = f.kind === "aantal" && known.some((e) => e.audience === file.publiek && e.figures.some((g) => g.value === null && scopeKey(g.universe, g.scope) === key));
    const width = required?.get(key) ?? (hiddenBefore ? file.drempel - 1 : 0);
    const small = f.kind === "aantal" && f.value > 0 && f.value < file.drempel;
    if (!small && width <= 0) continue;
    const iv = exposed.get(key) ?? { id: key, lo: f.value, hi: f.value, requiredWidth: Math.max(width, small ? file.drempel - 1 : 0), ok: false, scenario: "publiek: het cijfer is zelf gepubliceerd", figures: [] };
    iv.figures.push(f.id);
    exposed.set(key, iv);
  }
  const all = [...withFigures, ...exposed.values()];
  return { intervals: all, ok: all.every((iv) => iv.ok) };
}

function combine(a: number[], ca: number, b: number[], cb: number): { index: number; coef: number }[] {
  const m = new Map<number, number>();
  for (const i of a) m.set(i, (m.get(i) ?? 0) + ca);
  for (const i of b) m.set(i, (m.get(i) ?? 0) + cb);
  return [...m.entries()].filter(([, c]) => c !== 0).sort((x, y) => x[0] - y[0]).map(([index, coef]) => ({ index, coef }));
}

function safeExpand(file: FiguresFile, index: Indexed, universe: NonNullable<Figure["universe"]>, scope: NonNullable<Figure["scope"]>): number[] {
  try {
    return expandScope(file.universes, index, universe, scope);
  } catch {
    return [];
  }
}
