// Mechanism 1 of issue 11: a reader takes every printed table as complete. A category without
// a row had nothing, so the rows add up to the total — and the audit must subtract as the
// reader does. Hand-worked cases from the issue.
import { describe, expect, it } from "vitest";
import { auditFigures } from "../../src/protect/audit.ts";
import type { Figure, FiguresFile } from "../../src/protect/figures.ts";
import { AFRONDING } from "../../src/protect/figures.ts";
import { complement } from "../../src/protect/layout.ts";
import type { UniverseSpec } from "../../src/protect/universe.ts";
import { scopeKey } from "../../src/protect/universe.ts";
import { activiteiten, dataset, melding } from "../fixtures/dataset.ts";
import { buildReport } from "./report.ts";

const AARD: UniverseSpec = {
  id: "meldingen",
  integer: true,
  dimensions: [
    { name: "jaar", categories: ["2020"] },
    { name: "aard", categories: ["a", "b", "c", "d", "e"] },
  ],
};
const UREN: UniverseSpec = {
  id: "uren",
  integer: false,
  dimensions: [
    { name: "jaar", categories: ["2020"] },
    { name: "activiteit", categories: ["training", "supervisie", "afhandeling"] },
  ],
};

const fig = (
  id: string,
  universe: Figure["universe"],
  scope: Figure["scope"],
  value: number | null,
  kind: Figure["kind"] = "aantal",
  extra: Partial<Figure> = {},
): Figure => ({
  id,
  table: "t",
  row: id,
  column: "2020",
  kind,
  universe,
  scope,
  value,
  display: value === null ? "x" : String(value),
  ...extra,
});
const file = (universes: UniverseSpec[], figures: Figure[]): FiguresFile => ({
  document: "test",
  titel: "test",
  jaar: 2020,
  publiek: "openbaar",
  drempel: 5,
  markering: "x",
  afronding: AFRONDING,
  universes,
  figures,
});

describe("ontbrekende rijen zijn nul", () => {
  // The table: 8, 9, 8, Overige x, Totaal 29; category e has no row (0 meldingen).
  const printed = [
    fig("a", "meldingen", { jaar: ["2020"], aard: ["a"] }, 8),
    fig("b", "meldingen", { jaar: ["2020"], aard: ["b"] }, 9),
    fig("c", "meldingen", { jaar: ["2020"], aard: ["c"] }, 8),
    fig("overige", "meldingen", { jaar: ["2020"], aard: ["d"] }, null),
    fig("totaal", "meldingen", { jaar: ["2020"] }, 29),
  ];

  it("complement: het deel van het totaal zonder rij", () => {
    expect(
      complement(
        AARD,
        { jaar: ["2020"] },
        printed.slice(0, 4).map((f) => f.scope!),
      ),
    ).toEqual([{ jaar: ["2020"], aard: ["e"] }]);
    expect(complement(AARD, { jaar: ["2020"] }, [{ jaar: ["2020"], aard: ["a", "b", "c", "d", "e"] }])).toEqual([]);
  });

  it("complement van rijen die in twee dimensies verschillen: stukken per categorie", () => {
    const u: UniverseSpec = {
      id: "meldingen",
      integer: true,
      dimensions: [
        { name: "aard", categories: ["a", "b", "c"] },
        { name: "herkomst", categories: ["x", "y"] },
      ],
    };
    // Rows: (a, x) and b (all herkomsten). Left: (a, y) and c.
    expect(complement(u, {}, [{ aard: ["a"], herkomst: ["x"] }, { aard: ["b"] }])).toEqual([
      { aard: ["a"], herkomst: ["y"] },
      { aard: ["c"] },
    ]);
  });

  it("zonder het feit laat de audit Overige tussen 0 en 4 (het oude, onjuiste antwoord)", async () => {
    const r = await auditFigures(file([AARD], printed), []);
    const iv = r.intervals.find((i) => i.figures.includes("overige"))!;
    expect([iv.lo, iv.hi]).toEqual([0, 4]);
  });

  it("met het feit van de opmaak ziet de audit wat de lezer uitrekent: Overige = 29 − 8 − 9 − 8 = 4", async () => {
    const fact = fig("leeg", "meldingen", { jaar: ["2020"], aard: ["e"] }, 0, "aantal", { layout: "ontbrekende rijen", display: "" });
    const r = await auditFigures(file([AARD], [...printed, fact]), []);
    const iv = r.intervals.find((i) => i.figures.includes("overige"))!;
    expect([iv.lo, iv.hi]).toEqual([4, 4]);
    expect(r.ok).toBe(false);
  });

  it("uren: een activiteit zonder rij (supervisie) telt als 0, dus afhandeling = 41 − 10 (± afronding)", async () => {
    const uren = [
      fig("training", "uren", { jaar: ["2020"], activiteit: ["training"] }, 10, "uren"),
      fig("afhandeling", "uren", { jaar: ["2020"], activiteit: ["afhandeling"] }, null, "uren"),
      fig("totaal", "uren", { jaar: ["2020"] }, 41, "uren"),
    ];
    const without = (await auditFigures(file([UREN], uren), [])).intervals.find((i) => i.figures.includes("afhandeling"))!;
    expect(without.lo).toBeCloseTo(0, 6);
    expect(without.hi).toBeCloseTo(31.1, 6);
    const fact = fig("leeg", "uren", { jaar: ["2020"], activiteit: ["supervisie"] }, 0, "uren", {
      layout: "ontbrekende rijen",
      display: "",
    });
    const withFact = (await auditFigures(file([UREN], [...uren, fact]), [])).intervals.find((i) => i.figures.includes("afhandeling"))!;
    // 41 ± 0,05 minus 10 ± 0,05
    expect(withFact.lo).toBeCloseTo(30.9, 6);
    expect(withFact.hi).toBeCloseTo(31.1, 6);
  });
});

describe("een echt verslag: de aard-tabel 8/9/8/x/29", () => {
  // Pesten 8 alone; intimidatie 5 + discriminatie 4 merge into their group (9); niet gehoord 5
  // + onveilig voelen 3 into theirs (8); integriteitskwestie 2 + adviesvraag 2 = 4 go to
  // Overige. Roddelen, seksuele intimidatie, agressie, stalken and extremisme: no meldingen.
  const aard = {
    pesten: 8,
    intimidatie: 5,
    discriminatie: 4,
    "niet-gehoord-leidinggevende": 5,
    "onveilig-voelen": 3,
    integriteitskwestie: 2,
    adviesvraag: 2,
  };
  const codes = Object.entries(aard).flatMap(([c, n]) => Array<string>(n).fill(c));
  const vps = ["VP-A1", "VP-A2", "VP-F1", "VP-F2", "VP-F3"];
  const d = dataset({
    meldingen: codes.map((c, i) =>
      melding({
        jaar: 2020,
        aard: c,
        herkomst: i % 2 ? "fractie" : "ambtelijk",
        status: (["afgerond-resultaat", "afgerond-onbekend", "in-behandeling"] as const)[i % 3],
        vertrouwenspersonen: [vps[i % 5]!],
        uren: 1,
      }),
    ),
    activiteiten: activiteiten(2020),
  });

  it("figures.json zegt dat de categorieën zonder rij nul zijn, en de bescherming verbergt daarom nooit één cel alleen", async () => {
    const r = await buildReport(d, 2020);
    const aardTable = r.protectedReport.description.tables.find((t) => t.id === "aard")!;
    // Whatever layout was chosen, the rows cover every category of the vocabulary, occurred or
    // not (a table of only what occurred would say each named one is at least 1).
    const covered = new Set(aardTable.cells.filter((c) => c.column === "2020" && c.row !== "totaal").flatMap((c) => c.scope["aard"] ?? []));
    for (const c of [...Object.keys(aard), "roddelen", "seksuele-intimidatie", "agressie-geweld", "stalken", "extremisme"])
      expect(covered.has(c), c).toBe(true);
    // What no row covers (the vocabulary's group codes, which are categories too) is a published 0.
    const layout = r.figures.figures.filter((f) => f.layout === "ontbrekende rijen" && f.universe === "meldingen");
    const missing = layout.find((f) => f.row === "ontbrekende rijen");
    if (missing) {
      expect(missing.value).toBe(0);
      expect(missing.scope!["jaar"]).toEqual(["2020"]);
      for (const c of covered) expect(missing.scope!["aard"]).not.toContain(c);
    }
    // and the category outside the count ("telt niet mee") that has no row
    expect(layout.find((f) => f.row === "ontbrekende rijen buiten het totaal")?.scope).toEqual({
      jaar: ["2020"],
      aard: ["corona-gerelateerd"],
    });
    // With the total printed (29) and the missing rows known to be 0, one hidden cell in the
    // column would be 29 minus the rest: hidden cells come at least two at a time.
    const hidden = r.figures.figures.filter(
      (f) => f.id.includes("/2020/") && f.table === "Tabel: aard van de meldingen" && f.value === null && !f.layout,
    );
    expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    expect(r.audit.ok).toBe(true);
    for (const f of hidden) {
      const iv = r.audit.intervals.find((i) => i.id === scopeKey("meldingen", f.scope!))!;
      expect(iv.hi - iv.lo, f.row).toBeGreaterThanOrEqual(4);
    }
  });
});
