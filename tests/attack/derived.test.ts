// Derived figures: a single year no document prints, got by subtracting two pooled tables
// ("2018–2020 samen" minus "2018–2019 samen" is 2020 alone). Every answer below is worked out
// by hand in the comments; the documents are written here, read as the attacker reads a report.
import { describe, expect, it } from "vitest";
import { attack, derivedDisclosed, disclosures, parsePeriod } from "./model.ts";
import { parseHtml } from "./read-documents.ts";
import { countsTruth, VPS, type CaseMelding } from "./case.ts";

const RULE = "<p>Om te voorkomen dat een melder herkenbaar wordt, bevat dit verslag geen aantal kleiner dan 5 (openbare versie).</p>";

function table(caption: string, header: string, rows: [string, string][], notes: string[] = []): string {
  const tr = rows
    .map(
      ([label, cell]) =>
        `<tr${label === "Totaal" ? ' class="totaal"' : ""}><th scope="row">${label}</th><td class="getal">${cell}</td></tr>`,
    )
    .join("\n");
  return `<div class="tabel"><table class="cijfers" id="t"><caption>${caption}</caption><thead><tr><th scope="col">Aard van de melding</th><th scope="col">${header}</th></tr></thead><tbody>${tr}</tbody></table>${notes.map((n) => `<p class="tabelnoot">${n}</p>`).join("")}</div>`;
}

// As the tool says it: a category on a row (or in an "omvat" note) may have had no meldingen.
const NAMES_ALL = "<p>De tabel noemt alle categorieën van de woordenlijst, ook die zonder meldingen.</p>";

const doc = (name: string, ...parts: string[]) =>
  parseHtml(name, `<html><body><main><section id="s">${RULE}${NAMES_ALL}${parts.join("\n")}</section></main></body></html>`);

/** A pooled aard table: Pesten printed, Roddelen and Intimidatie hidden, the total printed. */
const pooled = (span: string, pesten: string, totaal: string, roddelen = "x", intimidatie = "x") =>
  table(`Tabel: aard van de meldingen, ${span} samen`, span, [
    ["Pesten", pesten],
    ["Roddelen", roddelen],
    ["Intimidatie", intimidatie],
    ["Totaal", totaal],
  ]);

/** The yearly aard table of 2020: the group "Pesten en roddelen" hidden, so no cell is "Pesten, 2020". */
const yearly2020 = (totaal: string, groep = "x", intimidatie = "x") =>
  table(
    "Tabel: aard van de meldingen",
    "2020",
    [
      ["Pesten en roddelen", groep],
      ["Intimidatie", intimidatie],
      ["Totaal", totaal],
    ],
    ['"Pesten en roddelen" omvat: Pesten, Roddelen.'],
  );

const PESTEN_2020 = "afgeleid: aard Pesten, 2020";

describe("reading a pooled span", () => {
  it("reads '2018–2020' and '2018–2020 samen' as one period from january 2018 to december 2020", () => {
    expect(parsePeriod("2018–2020")).toEqual({ from: 2018 * 12, to: 2020 * 12 + 11 });
    expect(parsePeriod("2019–2021 samen")).toEqual({ from: 2019 * 12, to: 2021 * 12 + 11 });
    expect(parsePeriod("2018 t/m november 2019–2020")).toEqual({ from: 2018 * 12, to: 2020 * 12 + 11 });
    expect(parsePeriod("2021–2019")).toBeNull();
  });

  it("attacks a hidden cell of a pooled table: Roddelen 2018–2020 = 35 − 12 − 19 = 4", async () => {
    // (Before pooled spans were read, the attacker passed over this table without a target.)
    const r = await attack([doc("jaarverslag-vpoo-2020", pooled("2018–2020", "12", "35", "x", "19"))], [], { insider: false });
    expect(r.targets.map((t) => [t.what, t.lo, t.hi])).toEqual([
      ["jaarverslag-vpoo-2020: Tabel: aard van de meldingen, 2018–2020 samen — Roddelen, 2018–2020", 4, 4],
    ]);
  });
});

describe("derived single years", () => {
  it("finds Pesten 2020 = 12 − 9 = 3 from the pooled tables 2018–2019 and 2018–2020", async () => {
    // Pesten(2018–2019) = 9 and Pesten(2018–2020) = 12, so Pesten(2020) = 3 exactly: a count of
    // 1..4 that no table prints (the yearly table shows "Pesten en roddelen", hidden).
    // Nothing else is narrowed below 5 values: Roddelen(2020) + Intimidatie(2020) = (35 − 25) − 3
    // = 7, and the yearly table says the same ((3 + R) + I = 10), so R and I are 0..7 each,
    // the hidden group 3 + R is 3..10, and the pooled Roddelen and Intimidatie share 16 and 23.
    const r = await attack(
      [
        doc("jaarverslag-vpoo-2019", pooled("2018–2019", "9", "25")),
        doc("jaarverslag-vpoo-2020", yearly2020("10"), pooled("2018–2020", "12", "35")),
      ],
      [],
      { insider: false },
    );
    expect(r.derived.find((d) => d.what === PESTEN_2020)).toMatchObject({ lo: 3, hi: 3 });
    expect(disclosures(r)).toBe(`${PESTEN_2020}: 3..3 (k = 5; buitenstaander)`);
    // Each calendar year inside a span is a target of its own: 2018 and 2019 split the 9 of
    // 2018–2019 in any way (0..9 each), nothing pins either.
    expect(r.derived.filter((d) => /aard Pesten, 201[89]$/.test(d.what)).map((d) => [d.what, d.lo, d.hi])).toEqual([
      ["afgeleid: aard Pesten, 2018", 0, 9],
      ["afgeleid: aard Pesten, 2019", 0, 9],
    ]);
    // The printed figures themselves keep their ranges (the finding is the derived one alone).
    expect(r.targets.find((t) => t.what.includes("Pesten en roddelen, 2020"))).toMatchObject({ lo: 3, hi: 10 });
  });

  it("does not find Pesten 2020 when the second span is 2019–2020 and nothing pins 2018", async () => {
    // Pesten(2018) + Pesten(2019) = 9 and Pesten(2019) + Pesten(2020) = 12: Pesten(2020) =
    // 3 + Pesten(2018), and Pesten(2018) is free within what the totals allow. The totals give
    // 2020 = 10, 2019 = 22 − 10 = 12, 2018 = 25 − 12 = 13. Pesten(2020) ≤ 10 makes
    // Pesten(2019) ≥ 2, so Pesten(2018) = 9 − Pesten(2019) ≤ 7; Pesten(2018) ≥ 0. So
    // Pesten(2020) is 3..10: eight values, never certainly below 5 — and with the truth 3,
    // 10 − 3 = 7 ≥ 4 is wide enough too.
    const docs = [
      doc("jaarverslag-vpoo-2019", pooled("2018–2019", "9", "25")),
      doc("jaarverslag-vpoo-2020", yearly2020("10"), pooled("2019–2020", "12", "22")),
    ];
    const r = await attack(docs, [], { insider: false });
    expect(r.derived.find((d) => d.what === PESTEN_2020)).toMatchObject({ lo: 3, hi: 10 });
    expect(disclosures(r)).toBe("");
    const withTruth = await attack(docs, [], { insider: false, countsTruth: (what) => (what === PESTEN_2020 ? 3 : undefined) });
    expect(disclosures(withTruth)).toBe("");
  });

  it("a derived 0 and a derived 7 are no findings (k = 5)", async () => {
    // 9 − 9 = 0: no meldingen of Pesten in 2020, and a 0 may be published.
    const zero = await attack(
      [
        doc("jaarverslag-vpoo-2019", pooled("2018–2019", "9", "25")),
        doc("jaarverslag-vpoo-2020", yearly2020("10"), pooled("2018–2020", "9", "35")),
      ],
      [],
      { insider: false },
    );
    expect(zero.derived.find((d) => d.what === PESTEN_2020)).toMatchObject({ lo: 0, hi: 0 });
    expect(disclosures(zero)).toBe("");
    // 16 − 9 = 7 ≥ 5: no small count. (Roddelen + Intimidatie in 2020 = 35 − 25 − 7 = 3, so the
    // hidden group 7 + Roddelen is 7..10 and the hidden Intimidatie 0..3: those are findings of
    // printed hidden cells, judged as such; this test asks about the derived Pesten alone.)
    const seven = await attack(
      [
        doc("jaarverslag-vpoo-2019", pooled("2018–2019", "9", "25")),
        doc("jaarverslag-vpoo-2020", yearly2020("10"), pooled("2018–2020", "16", "35")),
      ],
      [],
      { insider: false },
    );
    expect(seven.derived.find((d) => d.what === PESTEN_2020)).toMatchObject({ lo: 7, hi: 7 });
    expect(seven.findings.map((f) => f.what)).not.toContain(PESTEN_2020);
  });

  it("an interval 0..2 is a finding only with a truth of 1..4 behind it", async () => {
    // 2018–2019: Pesten 9, Roddelen 5, Intimidatie 11 (25), all printed. 2018–2020: Pesten and
    // Roddelen hidden, Intimidatie 16, total 32, so Pesten + Roddelen over 2018–2020 = 16 and in
    // 2020 alone 16 − 9 − 5 = 2: Pesten(2020) is 0..2 (Roddelen takes the rest). Three values:
    // without the truth 0 is among them, so not certainly small; with the truth 2 a finding,
    // with the truth 0 not (a 0 may be published).
    const docs = [
      doc("jaarverslag-vpoo-2019", pooled("2018–2019", "9", "25", "5", "11")),
      doc("jaarverslag-vpoo-2020", yearly2020("7", "x", "5"), pooled("2018–2020", "x", "32", "x", "16")),
    ];
    const truth = (n: number) => (what: string) => (what === PESTEN_2020 ? n : undefined);
    const without = await attack(docs, [], { insider: false });
    expect(without.derived.find((d) => d.what === PESTEN_2020)).toMatchObject({ lo: 0, hi: 2 });
    expect(without.findings.map((f) => f.what)).not.toContain(PESTEN_2020);
    const two = await attack(docs, [], { insider: false, countsTruth: truth(2) });
    expect(two.findings.filter((f) => f.what === PESTEN_2020).map((f) => [f.lo, f.hi])).toEqual([[0, 2]]);
    const zero = await attack(docs, [], { insider: false, countsTruth: truth(0) });
    expect(zero.findings.map((f) => f.what)).not.toContain(PESTEN_2020);
  });

  it("the verdict: certain small counts without the truth, fewer than k values with it", () => {
    const k = 5;
    expect(derivedDisclosed([0, 0], k)).toBe(false);
    expect(derivedDisclosed([7, 7], k)).toBe(false);
    expect(derivedDisclosed([3, 3], k)).toBe(true);
    expect(derivedDisclosed([1, 3], k)).toBe(true);
    expect(derivedDisclosed([1, 4], k)).toBe(true);
    expect(derivedDisclosed([1, 5], k)).toBe(false);
    expect(derivedDisclosed([0, 2], k)).toBe(false);
    expect(derivedDisclosed([0, 2], k, 2)).toBe(true);
    expect(derivedDisclosed([0, 2], k, 0)).toBe(false);
    // With the truth: k values are enough even when all of them are small.
    expect(derivedDisclosed([0, 4], k, 2)).toBe(false);
    expect(derivedDisclosed([1, Infinity], k)).toBe(false);
  });
});

describe("countsTruth: the true single year from the registration", () => {
  it("counts as the documents do: corona only in its own row, VPI apart, the group of the first counsellor", () => {
    const m = (
      datum: string,
      aard: string,
      herkomst: CaseMelding["herkomst"],
      vp: string[],
      extra: Partial<CaseMelding> = {},
    ): CaseMelding => ({
      datum,
      aard,
      herkomst,
      vp,
      uren: 1,
      status: "afgerond-resultaat",
      ...extra,
    });
    const truth = countsTruth({
      vps: VPS,
      activiteiten: [],
      meldingen: [
        m("2020-02", "pesten", "fractie", ["VP-F1"]),
        m("2020-03", "roddelen", "extern", ["VP-A1", "VP-F1"], { status: "in-behandeling" }),
        m("2020-04", "corona-gerelateerd", "fractie", ["VP-F2"]),
        m("2020-05", "adviesvraag", "ambtelijk", ["VP-I1"], { regeling: "integriteit" }),
        m("2020-06", "integriteitskwestie", "ambtelijk", ["VP-I1"], { regeling: "integriteit" }),
        m("2021-01", "pesten", "ambtelijk", ["VP-A1"]),
      ],
    });
    // By hand, 2020: VPOO pesten 1, roddelen 1, corona 1 (not counted); counted herkomst
    // fractie 1 (pesten), ambtelijk+extern 1 (roddelen); in behandeling 1; first counsellors
    // VP-F1 (fractie) and VP-A1 (ambtelijk); VPI one melding and one adviesvraag. A renamed
    // category has no truth under either name (the attack may take them for two).
    expect(
      [
        "afgeleid: aard Pesten, 2020",
        "afgeleid: aard Pesten en roddelen, 2020",
        "afgeleid: aard Corona: thuiswerken, eenzaamheid, niet verbonden voelen, 2020",
        "afgeleid: aard Integriteitskwestie, 2020",
        "afgeleid: herkomst Fracties, 2020",
        "afgeleid: herkomst Ambtelijke organisatie (met extern), 2020",
        "afgeleid: herkomst Extern, 2020",
        "afgeleid: stand van zaken Nog in behandeling, 2020",
        "afgeleid: groep fractie, 2020",
        "afgeleid: groep ambtelijk, 2020",
        "afgeleid: VPI meldingen, 2020",
        "afgeleid: VPI adviesvragen, 2020",
        "afgeleid: VPI-herkomst Ambtelijke organisatie, 2020",
        "afgeleid: aard Pesten, 2021",
        "afgeleid: aard Onbekend, 2020",
        "afgeleid: aard Onveilig voelen, 2020",
        "afgeleid: aard Sociale onveiligheid, 2020",
        "Overige, 2020",
      ].map(truth),
    ).toEqual([1, 2, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, undefined, undefined, undefined, undefined]);
  });
});
