// figures.json is a contract owned by protect (issue 16): read through a schema, and a figure
// the audit cannot place fails the audit instead of silently dropping out of the attack.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditFigures } from "../../src/protect/audit.ts";
import { AFRONDING, FiguresFileError, parseFiguresFile, type Figure, type FiguresFile } from "../../src/protect/figures.ts";
import { cli } from "../helpers/cli.ts";

// Hand-worked: a 2×1 table, a = 7, b hidden, total 10. b = 3 exactly: unsafe at k = 5. With a
// second hidden cell c (a = 7, b and c hidden, total 12) b lies in 0..4 or wider: safe.
const universes: FiguresFile["universes"] = [
  {
    id: "meldingen",
    integer: true,
    dimensions: [
      { name: "jaar", categories: ["2020"] },
      { name: "aard", categories: ["a", "b", "c"] },
    ],
  },
];
const fig = (id: string, scope: Record<string, string[]>, value: number | null): Figure => ({
  id,
  table: "t",
  row: id,
  column: "2020",
  kind: "aantal",
  universe: "meldingen",
  scope,
  value,
  display: value === null ? "x" : String(value),
});
const safe: FiguresFile = {
  document: "jaarverslag-vpoo",
  titel: "t",
  jaar: 2020,
  publiek: "openbaar",
  drempel: 5,
  markering: "x",
  afronding: AFRONDING,
  universes,
  figures: [
    fig("a", { jaar: ["2020"], aard: ["a"] }, 7),
    fig("b", { jaar: ["2020"], aard: ["b"] }, null),
    fig("c", { jaar: ["2020"], aard: ["c"] }, null),
    fig("totaal", { jaar: ["2020"] }, 12),
  ],
};

describe("het cijferbestand als contract", () => {
  it("een geldig bestand wordt gelezen zoals het geschreven is, en doorstaat de audit", async () => {
    expect(parseFiguresFile(JSON.stringify(safe), "x.figures.json")).toEqual(safe);
    const r = await auditFigures(safe, []);
    // Public: b + c = 5, so 0..5; an insider in c knows c ≥ 1, so 0..4 — still 5 values.
    expect(r.intervals.find((i) => i.id.includes("aard=b"))).toMatchObject({ lo: 0, hi: 4 });
    expect(r.ok).toBe(true);
  });

  it("een bestand dat het contract breekt, wordt geweigerd met de naam van het bestand", () => {
    const { figures: _, ...noFigures } = safe;
    expect(() => parseFiguresFile(JSON.stringify(noFigures), "2020/verslag.figures.json")).toThrow(
      /2020\/verslag\.figures\.json is geen geldig cijferbestand.*figures/,
    );
    expect(() => parseFiguresFile("{", "kapot.json")).toThrow(FiguresFileError);
    const badUniverse = { ...safe, figures: [{ ...safe.figures[0]!, universe: "salarissen" }] };
    expect(() => parseFiguresFile(JSON.stringify(badUniverse), "u.json")).toThrow(/figures\.0\.universe/);
    const extra = { ...safe, figures: [{ ...safe.figures[0]!, geheim: 1 }] };
    expect(() => parseFiguresFile(JSON.stringify(extra), "e.json")).toThrow(/geheim/);
  });

  it("een cijfer met een onbekende dimensie laat de audit zakken (vroeger viel het stil uit de aanval)", async () => {
    // Tampered: the third hidden figure "c" is re-labelled with a dimension the universe lacks.
    // Without c the audit would see b between 0 and 5 from the wrong scope; it must fail instead.
    const tampered = { ...safe, figures: safe.figures.map((f) => (f.id === "c" ? { ...f, scope: { jaar: ["2020"], soort: ["c"] } } : f)) };
    const r = await auditFigures(tampered, []);
    expect(r.ok).toBe(false);
    expect(r.intervals.find((i) => i.figures.includes("c"))?.scenario).toMatch(/niet plaatsen: onbekende dimensie "soort"/);
  });

  it("een onbekende categorie of een onbekend universum laat de audit ook zakken", async () => {
    const category = { ...safe, figures: [...safe.figures, fig("d", { jaar: ["2020"], aard: ["d"] }, 0)] };
    const r1 = await auditFigures(category, []);
    expect(r1.ok).toBe(false);
    expect(r1.intervals.find((i) => i.figures.includes("d"))?.scenario).toMatch(/onbekende categorie "d"/);
    const universe = { ...safe, figures: [...safe.figures, { ...fig("v", { jaar: ["2020"] }, 9), universe: "vpi" as const }] };
    const r2 = await auditFigures(universe, []);
    expect(r2.ok).toBe(false);
    expect(r2.intervals.find((i) => i.figures.includes("v"))?.scenario).toMatch(/onbekend universum "vpi"/);
  });

  it("jaarverslag audit weigert een vervalst bestand, met een Nederlandse melding", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jaarverslag-contract-"));
    const good = join(dir, "goed.figures.json");
    writeFileSync(good, JSON.stringify(safe));
    expect((await cli(["audit", good])).code).toBe(0);
    const broken = join(dir, "kapot.figures.json");
    writeFileSync(broken, JSON.stringify({ ...safe, drempel: "vijf" }));
    const r = await cli(["audit", broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Fout: .*kapot\.figures\.json is geen geldig cijferbestand \(figures\.json\): drempel/);
    const unplaced = join(dir, "onplaatsbaar.figures.json");
    writeFileSync(
      unplaced,
      JSON.stringify({ ...safe, figures: safe.figures.map((f) => (f.id === "c" ? { ...f, scope: { jaar: ["2020"], soort: ["c"] } } : f)) }),
    );
    const u = await cli(["audit", unplaced]);
    expect(u.code).toBe(1);
    expect(u.stdout).toMatch(/ONVEILIG c: .*onbekende dimensie "soort"/);
  }, 60_000);
});
