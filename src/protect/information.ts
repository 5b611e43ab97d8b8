// How much a report publishes, read from what it prints (figures.json), not from what the
// protection meant to print. Printed on the console by every build and recorded in
// figures.json; bench/information.ts compares builds with it.
import type { Aggregates } from "../aggregate/types.ts";
import { aardCounts } from "../domain/counting.ts";
import type { Dataset } from "../domain.ts";
import type { Figure, InformationMeasure } from "./figures.ts";

export function informationMeasure(figures: Figure[], agg: Aggregates, d: Dataset): InformationMeasure {
  const N = String(agg.jaar);
  const printed = figures.filter((f) => f.value !== null && f.universe !== null && f.scope !== null && (f.scope["jaar"] ?? []).includes(N));
  const groupOf = (code: string) => d.vocabulaire.find((t) => t.soort === "aard" && t.code === code)?.groep ?? code;
  const onlyAard = (f: Figure) => Object.keys(f.scope!).every((k) => k === "jaar" || k === "aard");
  const aardFigures = printed.filter((f) => f.universe === "meldingen" && f.kind === "aantal" && onlyAard(f) && f.scope!["aard"]);
  const perCode = new Map<string, number>();
  for (const c of agg.meldingCellen)
    if (String(c.jaar) === N && aardCounts(d, c.aard)) perCode.set(c.aard, (perCode.get(c.aard) ?? 0) + c.n);
  let total = 0;
  let group = 0;
  let category = 0;
  for (const [code, n] of perCode) {
    total += n;
    const holding = aardFigures.filter((f) => f.scope!["aard"]!.includes(code)).map((f) => f.scope!["aard"]!);
    if (holding.some((a) => a.length === 1)) category += n;
    if (holding.some((a) => a.every((c) => groupOf(c) === groupOf(code)))) group += n;
  }
  const parts = figures.filter(
    (f) =>
      f.universe === "meldingen" &&
      f.kind === "aantal" &&
      f.scope !== null &&
      (f.scope["jaar"] ?? []).includes(N) &&
      Object.keys(f.scope).some((k) => k === "herkomst" || k === "status") &&
      Object.keys(f.scope).length === 3,
  );
  const partKeys = new Map<string, boolean>();
  for (const f of parts) {
    const key = JSON.stringify(
      Object.keys(f.scope!)
        .sort()
        .map((k) => [k, [...f.scope![k]!].sort()]),
    );
    partKeys.set(key, (partKeys.get(key) ?? false) || f.value !== null);
  }
  // The split: a printed figure for the fracties and one for the ambtelijke organisatie (alone,
  // or with extern counted in, as the herkomst rows print it) over the same years.
  const splitIn = (spans: string[][]) =>
    spans.some((jaar) =>
      ["fractie", "ambtelijk"].every((h) =>
        parts.some(
          (f) =>
            f.value !== null &&
            f.scope!["herkomst"]?.includes(h) === true &&
            !f.scope!["herkomst"]!.includes(h === "fractie" ? "ambtelijk" : "fractie") &&
            sameSet(f.scope!["jaar"]!, jaar),
        ),
      ),
    );
  const spans = [...new Set(parts.map((f) => JSON.stringify([...f.scope!["jaar"]!].sort())))].map((s) => JSON.parse(s) as string[]);
  const distinct = new Set(
    printed.map((f) =>
      JSON.stringify([f.kind, f.universe, sortedScope(f.scope!), f.denominator ? sortedScope(f.denominator.scope) : null]),
    ),
  );
  return {
    aardGroepOfFijner: total === 0 ? 1 : group / total,
    aardCategorie: total === 0 ? 1 : category / total,
    herkomstStatusGedrukt: [...partKeys.values()].filter(Boolean).length,
    herkomstStatusCellen: partKeys.size,
    herkomstSplitsing: splitIn(spans),
    cijfers: distinct.size,
  };
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function sortedScope(scope: Record<string, string[]>): [string, string[]][] {
  return Object.keys(scope)
    .sort()
    .map((k) => [k, [...scope[k]!].sort()]);
}

/** One line for the console. */
export function informationLine(m: InformationMeasure): string {
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  return (
    `Informatie: aard van ${pct(m.aardGroepOfFijner)} van de meldingen getoond op (hoofd)groep of fijner (${pct(m.aardCategorie)} per categorie); ` +
    `herkomst en stand van zaken: ${m.herkomstStatusGedrukt} van ${m.herkomstStatusCellen} cellen gedrukt; ${m.cijfers} verschillende cijfers over dit jaar.`
  );
}
