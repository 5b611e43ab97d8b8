// describe: which tables a report publishes, over which universes, with their true values.
import type { Aggregates } from "../aggregate/types.ts";
import { UREN_ACTIVITEITEN } from "../aggregate/types.ts";
import { HERKOMSTEN, STATUSSEN, type Audience, type Dataset } from "../domain.ts";
import { ACTIVITEIT_LABEL, HERKOMST_RIJEN, STATUS_LABEL, VPGROEP_LABEL } from "./labels.ts";
import { aardCounts } from "../domain/counting.ts";
import { layoutFacts } from "./layout.ts";
import { historieFacts } from "./historie.ts";
import { aardTable, yearlyAardSource } from "./describe-aard.ts";
import { pooledSpan } from "./describe-pooled.ts";
import type { Description, Recoding, TableCell, TableSpec } from "./tables.ts";
import type { Scope, UniverseSpec } from "./universe.ts";
import { periodLabel, type PeriodeId } from "../domain/periods.ts";

export interface DescribeOptions {
  audience: Audience;
  k: number;
}

export function describe(agg: Aggregates, d: Dataset, opts: DescribeOptions): Description {
  const N = agg.jaar;
  const years = agg.recordYears;
  // "This year against last year": the reported period and the one before it on the timeline.
  // (with a pooled span, the status and aard tables show each of its years: see describe-aard.ts)
  const span = pooledSpan(agg);
  const prev = agg.vorige !== null ? [agg.vorige, N] : [N];
  const statusYears = span ? years.filter((y) => span.jaren.includes(String(y))) : prev;
  const aardCodes = [
    ...new Set([...d.vocabulaire.filter((t) => t.soort === "aard").map((t) => t.code), ...agg.meldingCellen.map((c) => c.aard)]),
  ];
  const counted = aardCodes.filter((c) => aardCounts(d, c));
  const universes = describeUniverses(agg, d, years, aardCodes);
  const cells = cellMakers(agg, counted);

  const tables: TableSpec[] = [];
  const recodings: Recoding[] = [];
  tables.push(herkomstTable(cells, years));
  tables.push(statusTable(cells, statusYears));
  // b. Aard, this year against last year. Its rows (which groups are merged) are chosen with
  // the suppression (choose-presentation.ts); described here with every category apart.
  const aard = aardTable(yearlyAardSource(agg, d, span?.jaren ?? null), new Map());
  tables.push(aard.table);
  recodings.push(...aard.recodings);
  // Meldingen per group of counsellors: per-counsellor figures never go public.
  if (opts.audience === "vertrouwelijk") tables.push(vpgroepTable(cells, prev));
  tables.push(urenActiviteitTable(cells, prev));
  tables.push(urenGroepTable(cells, N));
  tables.push(urenMeldingenTable(cells, years));
  tables.push(klachtenTable(agg, years));

  const trueValue = trueValueOf(agg, cells);
  // A table lists every category that occurred: the rest is 0 (and the aard table's rows,
  // with those outside the count, cover every aard of the year).
  const facts = [
    ...layoutFacts(tables, universes, { aard: (y) => ({ jaar: [y] }) }),
    ...historieFacts(
      d.historie,
      agg.perioden,
      [
        { reeks: "meldingen_vpoo", universe: "meldingen", counted: (ps) => ({ jaar: ps, aard: counted }), all: (ps) => ({ jaar: ps }) },
        { reeks: "klachten", universe: "klachten", counted: (ps) => ({ jaar: ps }), all: (ps) => ({ jaar: ps }) },
      ],
      trueValue,
    ),
  ];
  return { universes, tables, recodings, facts, trueValue };
}

function describeUniverses(agg: Aggregates, d: Dataset, years: PeriodeId[], aardCodes: string[]): UniverseSpec[] {
  return [
    {
      id: "meldingen",
      integer: true,
      dimensions: [
        { name: "jaar", categories: years.map(String) },
        { name: "aard", categories: aardCodes },
        { name: "herkomst", categories: [...HERKOMSTEN] },
        { name: "status", categories: [...STATUSSEN] },
        { name: "vpgroep", categories: [...HERKOMSTEN] },
      ],
    },
    {
      id: "uren",
      integer: false,
      dimensions: [
        { name: "jaar", categories: years.map(String) },
        { name: "activiteit", categories: [...UREN_ACTIVITEITEN] },
        { name: "vpgroep", categories: [...HERKOMSTEN] },
      ],
    },
    { id: "klachten", integer: true, dimensions: [{ name: "jaar", categories: years.map(String) }] },
    // What the lists of interventies and resultaten state (named: used at least k times).
    // A melding can have several, so these are universes of their own, linked to no table.
    ...(["interventie", "resultaat"] as const).map((soort): UniverseSpec => ({
      id: soort === "interventie" ? "interventies" : "resultaten",
      integer: true,
      dimensions: [
        { name: "jaar", categories: years.map(String) },
        {
          name: "code",
          categories: [
            ...new Set([
              ...d.vocabulaire.filter((t) => t.soort === soort).map((t) => t.code),
              ...(soort === "interventie" ? agg.interventies : agg.resultaten).map((c) => c.code),
            ]),
          ],
        },
      ],
    })),
  ];
}

type CellMakers = ReturnType<typeof cellMakers>;

// The true values behind a scope, and the table cells that carry them.
function cellMakers(agg: Aggregates, counted: string[]) {
  const count = (scope: Scope) =>
    agg.meldingCellen
      .filter((c) => matches(scope, { jaar: String(c.jaar), aard: c.aard, herkomst: c.herkomst, status: c.status, vpgroep: c.vpgroep }))
      .reduce((s, c) => s + c.n, 0);
  const uren = (scope: Scope) => {
    const perVp = new Map<string, number>();
    for (const c of agg.urenCellen) {
      if (matches(scope, { jaar: String(c.jaar), activiteit: c.activiteit, vpgroep: c.vpgroep })) {
        perVp.set(c.vertrouwenspersoon, (perVp.get(c.vertrouwenspersoon) ?? 0) + c.uren);
      }
    }
    const contributions = [...perVp.values()].sort((a, b) => b - a);
    // Exact, not rounded: the engine takes published hours as equalities, and rounded parts
    // need not add up to their rounded total. Printing rounds (present).
    return { value: Math.round(contributions.reduce((s, x) => s + x, 0) * 1e9) / 1e9, contributions };
  };
  const countCell = (table: string, row: string, column: string, scope: Scope): TableCell => ({
    id: `${table}/${column}/${row}`,
    row,
    column,
    universe: "meldingen",
    scope,
    value: count(scope),
    kind: "aantal",
    contributions: [],
    meldingenBehind: null,
  });
  const urenCell = (table: string, row: string, column: string, scope: Scope, meldingenBehind: number | null): TableCell => {
    const u = uren(scope);
    return {
      id: `${table}/${column}/${row}`,
      row,
      column,
      universe: "uren",
      scope,
      value: u.value,
      kind: "uren",
      contributions: u.contributions,
      meldingenBehind,
    };
  };
  const totalScope = (y: PeriodeId): Scope => ({ jaar: [String(y)], aard: counted });
  const registered = (y: PeriodeId, scope: Scope = {}) => count({ jaar: [String(y)], ...scope });
  return { count, uren, countCell, urenCell, totalScope, registered };
}

// a. Herkomst of the melders, every record year (also feeds the chart of shares).
function herkomstTable(cells: CellMakers, years: PeriodeId[]): TableSpec {
  const { countCell, totalScope } = cells;
  return {
    id: "herkomst",
    title: "Meldingen naar herkomst van de melder",
    kind: "aantal",
    rows: [...HERKOMST_RIJEN.map((r) => ({ key: r.key, label: r.label })), { key: "totaal", label: "Totaal" }],
    columns: years.map((y) => ({ key: String(y), label: periodLabel(y) })),
    totalRow: "totaal",
    cells: years.flatMap((y) => [
      ...HERKOMST_RIJEN.map((r) => countCell("herkomst", r.key, String(y), { ...totalScope(y), herkomst: [...r.herkomsten] })),
      countCell("herkomst", "totaal", String(y), totalScope(y)),
    ]),
  };
}

// a. Status at 31 December.
function statusTable(cells: CellMakers, statusYears: PeriodeId[]): TableSpec {
  const { countCell, totalScope } = cells;
  return {
    id: "status",
    title: "Stand van zaken op 31 december",
    kind: "aantal",
    rows: [...STATUSSEN.map((s) => ({ key: s, label: STATUS_LABEL[s] })), { key: "totaal", label: "Totaal" }],
    columns: statusYears.map((y) => ({ key: String(y), label: periodLabel(y) })),
    totalRow: "totaal",
    cells: statusYears.flatMap((y) => [
      ...STATUSSEN.map((s) => countCell("status", s, String(y), { ...totalScope(y), status: [s] })),
      countCell("status", "totaal", String(y), totalScope(y)),
    ]),
  };
}

function vpgroepTable(cells: CellMakers, prev: PeriodeId[]): TableSpec {
  const { countCell, totalScope } = cells;
  return {
    id: "vpgroep",
    title: "Meldingen naar groep vertrouwenspersonen",
    kind: "aantal",
    rows: [...HERKOMSTEN.map((h) => ({ key: h, label: VPGROEP_LABEL[h] })), { key: "totaal", label: "Totaal" }],
    columns: prev.map((y) => ({ key: String(y), label: periodLabel(y) })),
    totalRow: "totaal",
    cells: prev.flatMap((y) => [
      ...HERKOMSTEN.map((h) => countCell("vpgroep", h, String(y), { ...totalScope(y), vpgroep: [h] })),
      countCell("vpgroep", "totaal", String(y), totalScope(y)),
    ]),
  };
}

// e. Hours by activity (this year and last); the hours on meldingen carry the meldingen behind them.
function urenActiviteitTable(cells: CellMakers, prev: PeriodeId[]): TableSpec {
  const { uren, urenCell, registered } = cells;
  const activiteiten = UREN_ACTIVITEITEN.filter((a) => prev.some((y) => uren({ jaar: [String(y)], activiteit: [a] }).value > 0));
  return {
    id: "uren-activiteit",
    title: "Tijdsbesteding naar activiteit (uren)",
    kind: "uren",
    rows: [...activiteiten.map((a) => ({ key: a, label: ACTIVITEIT_LABEL[a] })), { key: "totaal", label: "Totaal" }],
    columns: prev.map((y) => ({ key: String(y), label: periodLabel(y) })),
    totalRow: "totaal",
    cells: prev.flatMap((y) => [
      ...activiteiten.map((a) =>
        urenCell("uren-activiteit", a, String(y), { jaar: [String(y)], activiteit: [a] }, a === "afhandeling" ? registered(y) : null),
      ),
      urenCell("uren-activiteit", "totaal", String(y), { jaar: [String(y)] }, null),
    ]),
  };
}

// e. Hours by group of counsellors (this year).
function urenGroepTable(cells: CellMakers, N: PeriodeId): TableSpec {
  const { urenCell } = cells;
  return {
    id: "uren-groep",
    title: "Tijdsbesteding naar groep vertrouwenspersonen (uren)",
    kind: "uren",
    rows: [...HERKOMSTEN.map((h) => ({ key: h, label: VPGROEP_LABEL[h] })), { key: "totaal", label: "Totaal" }],
    columns: [{ key: String(N), label: periodLabel(N) }],
    totalRow: "totaal",
    cells: [
      ...HERKOMSTEN.map((h) => urenCell("uren-groep", h, String(N), { jaar: [String(N)], vpgroep: [h] }, null)),
      urenCell("uren-groep", "totaal", String(N), { jaar: [String(N)] }, null),
    ],
  };
}

// Hours on meldingen over the years: the numerator of "uren per melding".
function urenMeldingenTable(cells: CellMakers, years: PeriodeId[]): TableSpec {
  const { urenCell, registered } = cells;
  return {
    id: "uren-meldingen",
    title: "Uren aan meldingen per jaar",
    kind: "uren",
    rows: [{ key: "afhandeling", label: "Uren aan meldingen" }],
    columns: years.map((y) => ({ key: String(y), label: periodLabel(y) })),
    totalRow: null,
    cells: years.map((y) =>
      urenCell("uren-meldingen", "afhandeling", String(y), { jaar: [String(y)], activiteit: ["afhandeling"] }, registered(y)),
    ),
  };
}

// Klachten at the klachtencommissie per record year.
function klachtenTable(agg: Aggregates, years: PeriodeId[]): TableSpec {
  return {
    id: "klachten",
    title: "Klachten bij de klachtencommissie",
    kind: "aantal",
    rows: [{ key: "klachten", label: "Klachten" }],
    columns: years.map((y) => ({ key: String(y), label: periodLabel(y) })),
    totalRow: null,
    cells: years.map((y) => ({
      id: `klachten/${y}/klachten`,
      row: "klachten",
      column: String(y),
      universe: "klachten" as const,
      scope: { jaar: [String(y)] },
      value: agg.klachtenSerie.find((s) => s.jaar === y)?.waarde ?? 0,
      kind: "aantal" as const,
      contributions: [],
      meldingenBehind: null,
    })),
  };
}

// The true value of any scope of a universe (for the facts and the audit).
function trueValueOf(agg: Aggregates, cells: CellMakers) {
  const { count, uren } = cells;
  const klachtenIn = (scope: Scope) =>
    agg.klachtenSerie
      .filter((s) => s.bron === "registratie" && (scope["jaar"] ?? [String(s.jaar)]).includes(String(s.jaar)))
      .reduce((n, s) => n + s.waarde, 0);
  return (universe: string, scope: Scope) =>
    universe === "meldingen" ? count(scope) : universe === "uren" ? uren(scope).value : universe === "klachten" ? klachtenIn(scope) : 0;
}

function matches(scope: Scope, cell: Record<string, string>): boolean {
  return Object.entries(scope).every(([dim, cats]) => cats.includes(cell[dim]!));
}
