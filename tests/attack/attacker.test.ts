// The attacker itself, on hand-written documents whose answers are worked out by hand here:
// it must find what a reader finds (so the regression tests can fail) and must not find what
// a reader cannot (so they can pass).
import { describe, expect, it } from "vitest";
import { attack, disclosures, parsePeriod } from "./model.ts";
import { dutchNumber, numbersMissing, parseHtml } from "./read-documents.ts";

const RULE = "<p>Om te voorkomen dat een melder herkenbaar wordt, bevat dit verslag geen aantal kleiner dan 5 (openbare versie).</p>";
const MERGE =
  "<p>Categorieën met kleine aantallen zijn samengevoegd tot een hoofdgroep of tot 'Overige'; de namen van de samengevoegde categorieën staan onder de tabel, zonder aantallen.</p>";

function table(caption: string, headers: string[], rows: [string, ...string[]][], notes: string[] = []): string {
  const tr = rows
    .map(
      ([label, ...cells]) =>
        `<tr${label === "Totaal" ? ' class="totaal"' : ""}><th scope="row">${label}</th>${cells.map((c) => `<td class="getal">${c}</td>`).join("")}</tr>`,
    )
    .join("\n");
  return `<div class="tabel"><table class="cijfers" id="t"><caption>${caption}</caption><thead><tr><th scope="col">Rij</th>${headers.map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead><tbody>${tr}</tbody></table>${notes.map((n) => `<p class="tabelnoot">${n}</p>`).join("")}</div>`;
}

const doc = (name: string, ...parts: string[]) =>
  parseHtml(name, `<html><body><main><section id="s">${RULE}${parts.join("\n")}</section></main></body></html>`);

describe("reading the documents", () => {
  it("reads a table: caption, periods, rows, cells as printed, totals and notes", () => {
    const d = doc(
      "jaarverslag-vpoo-2022",
      table(
        "Tabel: aard van de meldingen",
        ["2021", "2022"],
        [
          ["Pesten", "8", "x"],
          ["Overige", "21,5", "x"],
          ["Totaal", "29", "13"],
        ],
        ["&quot;Overige&quot; omvat: Stalken, Adviesvraag."],
      ),
    );
    expect(d.tables).toEqual([
      {
        id: "t",
        caption: "Tabel: aard van de meldingen",
        headers: ["2021", "2022"],
        rows: [
          { label: "Pesten", total: false, cells: ["8", "x"] },
          { label: "Overige", total: false, cells: ["21,5", "x"] },
          { label: "Totaal", total: true, cells: ["29", "13"] },
        ],
        notes: ['"Overige" omvat: Stalken, Adviesvraag.'],
      },
    ]);
  });

  it("reads Dutch numbers and period labels", () => {
    expect([dutchNumber("21,5"), dutchNumber("1.234"), dutchNumber("12%"), dutchNumber("x"), dutchNumber("geen")]).toEqual([
      21.5,
      1234,
      12,
      null,
      null,
    ]);
    expect(parsePeriod("2018 t/m november 2019")).toEqual({ from: 2018 * 12, to: 2019 * 12 + 10 });
    expect(parsePeriod("december 2019")).toEqual({ from: 2019 * 12 + 11, to: 2019 * 12 + 11 });
    expect(parsePeriod("2017 (gepubliceerd)")).toEqual({ from: 2017 * 12, to: 2017 * 12 + 11 });
  });

  it("finds a number in the PDF that the HTML does not hold, and lets page numbers pass", () => {
    expect(numbersMissing("a.pdf", ["Totaal 29\n1", "Pesten 8\n2"], "Totaal 29 Pesten 8")).toEqual([]);
    expect(numbersMissing("a.pdf", ["Totaal 29\nOverige 4"], "Totaal 29 Overige x")).toEqual([
      'a.pdf pagina 1: "4" in "Overige 4" staat niet in de HTML',
    ]);
  });
});

describe("the attack", () => {
  const aard = (overige: string, notes: string[] = []) =>
    table(
      "Tabel: aard van de meldingen",
      ["2022"],
      [
        ["Pesten", "8"],
        ["Intimidatie, agressie en discriminatie", "9"],
        ["Werkrelatie en veiligheid", "8"],
        ["Overige", overige],
        ["Totaal", "29"],
      ],
      notes,
    );

  it("subtracts printed rows from the total: Overige = 29 − 8 − 9 − 8 = 4", async () => {
    const r = await attack([doc("jaarverslag-vpoo-2022", aard("x"))]);
    expect(r.targets.map((t) => [t.lo, t.hi])).toEqual([[4, 4]]);
    expect(disclosures(r)).toContain("Overige, 2022: 4..4");
  });

  it("keeps two hidden cells that only their sum links at ≥ k values", async () => {
    const t = table(
      "Tabel: meldingen naar herkomst van de melder",
      ["2022"],
      [
        ["Fracties", "x"],
        ["Ambtelijke organisatie", "x"],
        ["Extern", "20"],
        ["Totaal", "29"],
      ],
    );
    const r = await attack([doc("jaarverslag-vpoo-2022", t)], [], { insider: false });
    expect(r.targets.map((x) => [x.lo, x.hi])).toEqual([
      [0, 9],
      [0, 9],
    ]);
    expect(disclosures(r)).toBe("");
  });

  it("an insider in one of two hidden cells that sum to 4 narrows the other to 0..3 (fewer than 5 values)", async () => {
    const t = table(
      "Tabel: meldingen naar herkomst van de melder",
      ["2022"],
      [
        ["Fracties", "x"],
        ["Ambtelijke organisatie", "x"],
        ["Extern", "25"],
        ["Totaal", "29"],
      ],
    );
    const r = await attack([doc("jaarverslag-vpoo-2022", t)]);
    // As an outsider 0..4: five values, enough.
    expect(r.targets.map((x) => [x.lo, x.hi])).toEqual([
      [0, 4],
      [0, 4],
    ]);
    expect(r.findings.map((f) => [f.lo, f.hi, f.scenario.startsWith("melder in")])).toEqual([
      [0, 3, true],
      [0, 3, true],
    ]);
  });

  it("reads a herkomst row that counts extern with the ambtelijke organisatie as their sum", async () => {
    const merged = table(
      "Tabel: meldingen naar herkomst van de melder",
      ["2022"],
      [
        ["Fracties", "9"],
        ["Ambtelijke organisatie (met extern)", "22"],
        ["Totaal", "31"],
      ],
    );
    const apart = table(
      "Tabel: meldingen naar herkomst van de melder",
      ["2022"],
      [
        ["Fracties", "x"],
        ["Ambtelijke organisatie", "21"],
        ["Extern", "x"],
        ["Totaal", "31"],
      ],
    );
    // Alone, the older table leaves Fracties and Extern at 0..10 each.
    const alone = await attack([doc("jaarverslag-vpoo-2022", apart)], [], { insider: false });
    expect(alone.targets.map((x) => [x.lo, x.hi])).toEqual([
      [0, 10],
      [0, 10],
    ]);
    // With the merged table beside it Fracties is printed (9), so Extern = 31 − 9 − 21 = 1:
    // read as the ambtelijke organisatie alone, 22 would contradict 21 instead.
    const both = await attack([doc("jaarverslag-vpoo-2022", apart), doc("jaarverslag-vpoo-2022-herzien", merged)], [], { insider: false });
    expect(both.contradictions).toEqual([]);
    expect(both.targets.map((x) => [x.what.replace(/.* — /, ""), x.lo, x.hi])).toEqual([["Extern, 2022", 1, 1]]);
  });

  it("uses the stated merge rule: a row standing alone is 0 or ≥ k", async () => {
    const t = table(
      "Tabel: aard van de meldingen",
      ["2022"],
      [
        ["Pesten", "x"],
        ["Intimidatie", "5"],
        ["Overige", "x"],
        ["Totaal", "11"],
      ],
    );
    const without = await attack([doc("jaarverslag-vpoo-2022", t)], [], { insider: false });
    // Pesten is named, so it occurred: 1..6, and Overige 0..5 — six values each, enough.
    expect(without.targets.map((x) => [x.lo, x.hi])).toEqual([
      [1, 6],
      [0, 5],
    ]);
    expect(disclosures(without)).toBe("");
    // With the rule Pesten ∈ {5, 6}, so Overige ∈ {0, 1}.
    const withRule = await attack([doc("jaarverslag-vpoo-2022", MERGE, t)]);
    expect(withRule.findings.some((f) => f.what.includes("Overige") && f.hi <= 1)).toBe(true);
  });

  it("cuts periods at calendar years: historie 2018 = 10 and 2019 = 21 with 29 for 2018 t/m november 2019 give december 2019 = 2", async () => {
    const p1 = doc(
      "jaarverslag-vpoo-2018-01_2019-11",
      table(
        "Tabel: meldingen naar herkomst van de melder",
        ["2018 t/m november 2019"],
        [
          ["Fracties", "5"],
          ["Ambtelijke organisatie", "24"],
          ["Extern", "0"],
          ["Totaal", "29"],
        ],
      ),
    );
    const p2 = doc(
      "jaarverslag-vpoo-2019-12_2019-12",
      table(
        "Tabel: meldingen naar herkomst van de melder",
        ["december 2019"],
        [
          ["Fracties", "x"],
          ["Ambtelijke organisatie", "x"],
          ["Extern", "x"],
          ["Totaal", "x"],
        ],
      ),
    );
    const alone = await attack([p1, p2], [], { insider: false });
    expect(disclosures(alone)).toBe("");
    const known = await attack(
      [p1, p2],
      [
        { reeks: "meldingen_vpoo", jaar: 2018, waarde: 10 },
        { reeks: "meldingen_vpoo", jaar: 2019, waarde: 21 },
      ],
      { insider: false },
    );
    expect(known.targets.find((t) => t.what.includes("Totaal"))).toMatchObject({ lo: 2, hi: 2 });
  });

  it("meets two counting rules: 13 under the vocabulary's rule and 15 counting everything give corona = 2", async () => {
    const rule = (alles: boolean) =>
      `<p>Telregel: ${alles ? "alle geregistreerde meldingen tellen mee." : 'meldingen in de categorie "Corona" tellen niet mee in het totaal; ze worden apart vermeld.'}</p>`;
    const woordenlijst = doc(
      "jaarverslag-vpoo-2020",
      rule(false),
      table(
        "Tabel: aard van de meldingen",
        ["2020"],
        [
          ["Pesten", "13"],
          ["Totaal", "13"],
          ["Corona (telt niet mee)", "x"],
        ],
      ),
    );
    const alles = parseHtml(
      "jaarverslag-vpoo-2020",
      `<main>${RULE}${rule(true)}${table(
        "Tabel: meldingen naar herkomst van de melder",
        ["2020"],
        [
          ["Fracties", "x"],
          ["Ambtelijke organisatie", "x"],
          ["Extern", "0"],
          ["Totaal", "15"],
        ],
      )}</main>`,
    );
    const r = await attack([woordenlijst, alles], [], { insider: false });
    expect(r.targets.find((t) => t.what.includes("Corona"))).toMatchObject({ lo: 2, hi: 2 });
  });

  it("hours: an activity without a row is 0, so Afhandeling = Totaal − the rest (within the rounding)", async () => {
    const t = table(
      "Tabel: tijdsbesteding naar activiteit (uren)",
      ["2022"],
      [
        ["Training", "48"],
        ["Intervisie", "36"],
        ["Afhandeling meldingen", "x"],
        ["Totaal", "127,5"],
      ],
    );
    const r = await attack([doc("jaarverslag-vpoo-2022", t)]);
    const h = r.targets[0]!;
    expect(h.lo).toBeCloseTo(43.35, 6);
    expect(h.hi).toBeCloseTo(43.65, 6);
    expect(r.findings).toHaveLength(1);
  });

  it("a name one list gives and the other holds back is a count between the two thresholds", async () => {
    const list = (name: string, k: number, items: string[]) =>
      parseHtml(
        name,
        `<main><p>bevat dit verslag geen aantal kleiner dan ${k}</p><p>In 2022 hebben de vertrouwenspersonen in totaal 20 meldingen ontvangen.</p><section id="interventies"><ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul><p>Een interventie wordt hier alleen genoemd als ze bij voldoende meldingen is ingezet.</p></section></main>`,
      );
    const r = await attack([
      list("jaarverslag-vpoo-2022", 5, ["Hart luchten"]),
      list("jaarverslag-vpoo-2022-vertrouwelijk", 3, ["Hart luchten", "Doorverwezen"]),
    ]);
    expect(r.findings.map((f) => [f.what.startsWith('interventie "Doorverwezen"'), f.lo, f.hi])).toEqual([[true, 3, 4]]);
  });

  it("flags printed hours of a group of two counsellors", async () => {
    const t = table(
      "Tabel: tijdsbesteding naar groep vertrouwenspersonen, 2022 (uren)",
      ["2022"],
      [
        ["Vanuit de fracties", "90"],
        ["Vanuit de ambtelijke organisatie", "84"],
        ["Totaal", "174"],
      ],
    );
    const team = "<p>In 2022 bestond het team uit 5 vertrouwenspersonen: 3 vanuit de fracties en 2 vanuit de ambtelijke organisatie.</p>";
    const r = await attack([doc("jaarverslag-vpoo-2022", team, t)]);
    expect(r.groupHours).toEqual(["jaarverslag-vpoo-2022: Vanuit de ambtelijke organisatie 2022 = 84 uur, een groep van 2"]);
  });
});
