// Mechanism 5 of issue 11, the report's own rules: (a) the lists of interventies and
// resultaten name the same items in both versions (the public threshold), and every item's
// place on or off the list is a fact in figures.json; (b) with zeros protected, the "omvat"
// note of a merged row does not tell which categories had no meldingen.
import { describe, expect, it } from "vitest";
import { aggregate } from "../../src/aggregate/index.ts";
import type { Audience, Dataset } from "../../src/domain.ts";
import { present } from "../../src/present/index.ts";
import type { Block, Section } from "../../src/present/model.ts";
import { auditFigures } from "../../src/protect/audit.ts";
import { describe as describeTables } from "../../src/protect/describe.ts";
import { protect } from "../../src/protect/index.ts";
import { dataset, INSTELLINGEN, melding } from "../fixtures/dataset.ts";

const text = (b: Block): string => (b.type === "paragraph" ? b.text : b.type === "list" ? b.items.map((i) => `• ${i}`).join("\n") : "");

async function build(d: Dataset, audience: Audience) {
  const k = d.instellingen.drempel[audience];
  const agg = aggregate(d, 2020);
  const description = describeTables(agg, d, { audience, k });
  const protectedReport = await protect(
    description,
    { k, protectZeros: !d.instellingen.nullenPubliceren, dominance: 0.85, pProcent: 15 },
    [],
  );
  const { model, figures } = present({ d, agg, protectedReport, audience, k, warnings: [] });
  const sections = model.sections.flatMap((s: Section) => [s, ...s.subsections]);
  const section = (id: string) =>
    sections
      .find((s) => s.id === id)!
      .blocks.map(text)
      .join("\n");
  return {
    description,
    figures,
    section,
    audit: await auditFigures(figures, [], new Map(protectedReport.log.map((l) => [l.key, l.requiredWidth]))),
  };
}

/** 12 meldingen in 2020; `n` of them had the intervention "doorverwezen-bmw", the rest "hart-luchten". */
function withInterventions(bmw: number, hart: number): Dataset {
  return dataset({
    meldingen: Array.from({ length: 12 }, (_, i) =>
      melding({
        jaar: 2020,
        maand: 1 + i,
        herkomst: i % 2 ? "fractie" : "ambtelijk",
        interventies: [...(i < bmw ? ["doorverwezen-bmw"] : []), ...(i >= 12 - hart ? ["hart-luchten"] : [])],
      }),
    ),
  });
}

describe("(a) lijsten van interventies", () => {
  it("beide versies noemen dezelfde interventies: de openbare drempel (5), ook waar de vertrouwelijke 3 is", async () => {
    // hart luchten 6×, doorverwezen 3×: at k = 3 the old confidential list named both.
    const d = withInterventions(3, 6);
    const openbaar = await build(d, "openbaar");
    const vertrouwelijk = await build(d, "vertrouwelijk");
    for (const r of [openbaar, vertrouwelijk]) {
      expect(r.section("interventies")).toContain("• Gelegenheid gegeven het verhaal te doen / hart te luchten");
      expect(r.section("interventies")).not.toContain("Doorverwezen");
      expect(r.section("interventies")).toContain("Deze interventie is het vaakst ingezet:");
      expect(r.section("interventies")).toContain("minstens 5 meldingen");
    }
  });

  it("elke interventie van de woordenlijst is een feit in figures.json: genoemd ≥ 5, niet genoemd ≤ 4, in een eigen universum", async () => {
    const r = await build(withInterventions(3, 6), "openbaar");
    const facts = r.figures.figures.filter((f) => f.table === "Lijst: interventies").map((f) => [f.scope, f.bounds, f.layout]);
    expect(facts).toEqual([
      [{ jaar: ["2020"], code: ["hart-luchten"] }, { min: 5, max: null }, "genoemd in lijst"],
      [{ jaar: ["2020"], code: ["doorverwezen-bmw"] }, { min: 0, max: 4 }, "niet genoemd in lijst"],
    ]);
    expect(r.figures.universes.map((u) => u.id)).toContain("interventies");
    // The facts hold for the true counts (6 and 3), and the audit takes them without failing.
    expect(r.audit.ok).toBe(true);
  });

  it("de zinnen passen bij nul, één en meer genoemde interventies", async () => {
    expect((await build(withInterventions(2, 2), "openbaar")).section("interventies")).toContain(
      "Geen enkele interventie is bij genoeg meldingen ingezet",
    );
    expect((await build(withInterventions(2, 2), "openbaar")).section("interventies")).not.toContain("De volgende");
    const two = (await build(withInterventions(6, 6), "openbaar")).section("interventies");
    expect(two).toContain("De volgende interventies zijn het vaakst ingezet:");
    expect(two.match(/^• /gm)).toHaveLength(2);
  });
});

describe("(b) welke categorieën de aard-tabel noemt", () => {
  // Pesten 10, intimidatie 3, discriminatie 3; every other category of the vocabulary: 0.
  const meldingen = (["pesten", "intimidatie", "discriminatie"] as const).flatMap((aard, j) =>
    Array.from({ length: [10, 3, 3][j]! }, (_, i) =>
      melding({
        jaar: 2020,
        maand: 1 + i,
        aard,
        herkomst: (["ambtelijk", "fractie", "extern"] as const)[(i + j) % 3],
        status: (["afgerond-resultaat", "afgerond-onbekend", "in-behandeling"] as const)[(i + 2 * j) % 3],
      }),
    ),
  );
  // Every leaf category of the test vocabulary, written out by hand.
  const ALL = [
    "Adviesvraag",
    "Agressie en geweld",
    "Discriminatie",
    "Extremisme",
    "Integriteitskwestie",
    "Intimidatie",
    "Niet gehoord voelen door leidinggevende",
    "Onveilig voelen",
    "Pesten",
    "Roddelen/leugens verspreiden",
    "Seksuele intimidatie",
    "Stalken",
  ];
  /** The categories the table names: a row on its own, or a member in a merged row's note. */
  const named = async (nullenPubliceren: boolean) => {
    const r = await build(dataset({ meldingen, instellingen: { ...INSTELLINGEN, nullenPubliceren } }), "openbaar");
    const table = r.description.tables.find((t) => t.id === "aard")!;
    const merged = new Map(r.description.recodings.filter((x) => x.table === "aard").map((x) => [x.label, x.members]));
    return table.rows
      .filter((row) => row.key !== "totaal" && !row.label.endsWith("(telt niet mee)"))
      .flatMap((row) => merged.get(row.label) ?? [row.label])
      .sort();
  };

  it("noemt elke categorie van de woordenlijst, ook die zonder meldingen: een genoemde categorie zegt niet dat ze voorkwam", async () => {
    expect(await named(true)).toEqual(ALL);
  });

  it("met nullen beschermd net zo: noten en rijen verraden niet welke categorieën 0 zijn", async () => {
    expect(await named(false)).toEqual(ALL);
  });
});
