// Either order: the public set built after an adopted confidential set follows its aard rows
// and prints nothing its reader does not know already. One aard table small enough to work by
// hand (codes a and b in group g, c alone; columns 2020 and 2021; public k = 5). Every
// expected table below is worked out in its comment.
import { describe, expect, it } from "vitest";
import type { Term } from "../../src/domain.ts";
import { aardTable, type AardTableSource } from "../../src/protect/describe-aard.ts";
import { coordKey } from "../../src/protect/choose-presentation.ts";
import { confidentialLayouts, layoutOf, mustHide, sharingPeriods } from "../../src/protect/either-order.ts";
import { protect } from "../../src/protect/index.ts";
import type { LedgerEntry } from "../../src/protect/ledger.ts";
import type { Description } from "../../src/protect/tables.ts";
import type { Scope } from "../../src/protect/universe.ts";

const term = (code: string, groep: string | null): Term => ({
  soort: "aard",
  code,
  label: code.toUpperCase(),
  geldigVan: 2011,
  geldigTot: null,
  eerdereLabels: [],
  groep,
  teltMee: true,
});
const TERMS = [term("a", "g"), term("b", "g"), term("c", null), term("g", null)];
const YEARS = ["2020", "2021"];
const RULES = { k: 5, protectZeros: false, dominance: 0.85 };

function description(values: Record<string, [number, number]>): Description {
  const count = (scope: Scope) =>
    Object.entries(values).reduce(
      (s, [code, v]) =>
        s + (scope["aard"]!.includes(code) ? YEARS.reduce((t, y, i) => t + (scope["jaar"]!.includes(y) ? v[i]! : 0), 0) : 0),
      0,
    );
  const src: AardTableSource = {
    id: "aard",
    title: "Aard",
    columns: YEARS.map((y) => ({ key: y, label: y, jaren: [y] })),
    codes: ["a", "b", "c"],
    apart: [],
    counted: ["a", "b", "c"],
    terms: TERMS,
    labelOf: (c) => c.toUpperCase(),
    count,
  };
  const t = aardTable(src, new Map());
  return {
    universes: [
      {
        id: "meldingen",
        integer: true,
        dimensions: [
          { name: "jaar", categories: YEARS },
          { name: "aard", categories: ["a", "b", "c"] },
        ],
      },
    ],
    tables: [t.table],
    recodings: t.recodings,
    choice: { sources: [src] },
  };
}

/** A confidential entry written by hand: per year, the rows (codes → printed value or null). */
function confidential(rows: Record<string, [number | null, number | null]>, jaar = 2021): LedgerEntry {
  return {
    report: `jaarverslag-vpoo-${jaar}-vertrouwelijk`,
    jaar,
    audience: "vertrouwelijk",
    versie: 1,
    telregel: "woordenlijst",
    figures: Object.entries(rows).flatMap(([codes, v]) =>
      YEARS.map((y, i) => ({ universe: "meldingen" as const, scope: { jaar: [y], aard: codes.split("+") }, value: v[i]! })),
    ),
  };
}

const shown = (p: Awaited<ReturnType<typeof protect>>) =>
  p.description.tables[0]!.rows.map((r) => [
    r.label,
    ...YEARS.map((y) => {
      const c = p.description.tables[0]!.cells.find((x) => x.row === r.key && x.column === y)!;
      return p.suppressed.has(`meldingen:aard=${[...c.scope["aard"]!].sort().join("+")};jaar=${y}`) ? "x" : c.value;
    }),
  ]);

describe("the public set after the confidential one", () => {
  it("reads the confidential set's rows back from its figures", () => {
    const d = description({ a: [3, 3], b: [3, 3], c: [10, 12] });
    // Rows G (a+b), C, Totaal (a+b+c): the group g merged, c on its own row.
    const merged = confidential({ "a+b": [6, 6], c: [10, 12], "a+b+c": [16, 18] });
    expect(layoutOf(d.choice!, merged)).toEqual(
      new Map([
        [coordKey("aard", "g"), "groep"],
        [coordKey("aard", "c"), "apart"],
      ]),
    );
    // Rows A, B, C apart (hidden cells count as the set's cells too).
    const apart = confidential({ a: [null, 3], b: [null, 3], c: [10, 12], "a+b+c": [16, 18] });
    expect(layoutOf(d.choice!, apart)).toEqual(
      new Map([
        [coordKey("aard", "g"), "apart"],
        [coordKey("aard", "c"), "apart"],
      ]),
    );
    // A set whose rows fit no layout of today's table (b on its own, a missing): no restriction.
    expect(layoutOf(d.choice!, confidential({ b: [3, 3], c: [10, 12], "a+b+c": [16, 18] }))).toBeNull();
    expect(confidentialLayouts(d.choice!, [merged], "woordenlijst")).toEqual([layoutOf(d.choice!, merged)]);
  });

  it("takes the confidential rows even where merging would publish more", async () => {
    // a 3|3, b 3|3, c 10|12. Chosen freely the public set merges g (G 6|6, nothing hidden;
    // tests/protect/choose-presentation.test.ts). The confidential set (k = 3) printed a and b
    // apart, so the public set keeps them apart: a and b are below 5 and hidden in both columns.
    const d = description({ a: [3, 3], b: [3, 3], c: [10, 12] });
    const conf = confidential({ a: [3, 3], b: [3, 3], c: [10, 12], "a+b+c": [16, 18] });
    const restricted = {
      ...d,
      choice: {
        ...d.choice!,
        layouts: confidentialLayouts(d.choice!, [conf], "woordenlijst")!,
        mustHide: mustHide([conf], [conf], "openbaar"),
      },
    };
    const p = await protect(restricted, RULES, []);
    expect(shown(p)).toEqual([
      ["A", "x", "x"],
      ["B", "x", "x"],
      ["C", 10, 12],
      ["Totaal", 16, 18],
    ]);
    expect(p.presentatie!.map((e) => e.indeling)).toEqual([{}]);
  });

  it("keeps hidden what the confidential set hid, though the public rule alone would print it", async () => {
    // a 6|6, b 7|9, c 10|12: all at least 5, so alone the public set hides nothing. The
    // confidential set hid a 2021 and c 2021 (say, for a reason of its own): the public set
    // hides both as well; a + c = 27 − 9 = 18 leaves each a wide interval, nothing more is hidden.
    const d = description({ a: [6, 6], b: [7, 9], c: [10, 12] });
    const conf = confidential({ a: [6, null], b: [7, 9], c: [10, null], "a+b+c": [23, 27] });
    const restricted = {
      ...d,
      choice: {
        ...d.choice!,
        layouts: confidentialLayouts(d.choice!, [conf], "woordenlijst")!,
        mustHide: mustHide([conf], [conf], "openbaar"),
      },
    };
    expect(shown(await protect(restricted, RULES, []))).toEqual([
      ["A", 6, "x"],
      ["B", 7, 9],
      ["C", 10, "x"],
      ["Totaal", 23, 27],
    ]);
    // A cell the confidential reader knows from another set (here printed by a public one) is free.
    const printedElsewhere: LedgerEntry = {
      report: "jaarverslag-vpoo-2021-openbaar",
      jaar: 2021,
      audience: "openbaar",
      figures: [{ universe: "meldingen", scope: { jaar: ["2021"], aard: ["c"] }, value: 12 }],
    };
    const hide = mustHide([conf], [conf, printedElsewhere], "openbaar")(d);
    expect(hide.flatMap((e) => e.figures.map((f) => `${f.scope["aard"]!.join("+")} ${f.scope["jaar"]!.join("")}`))).toEqual(["a 2021"]);
  });

  it("prints no cell of a covered column that the confidential reader does not know", () => {
    // The confidential 2021 set covers only the column 2021 and printed G (a+b) there. The public
    // table with a and b apart: a 2021 and b 2021 are new to that reader and must stay hidden;
    // the column 2020 is not covered and is left to the public rules.
    const d = description({ a: [6, 6], b: [7, 9], c: [10, 12] });
    const conf: LedgerEntry = {
      report: "jaarverslag-vpoo-2021-vertrouwelijk",
      jaar: 2021,
      audience: "vertrouwelijk",
      figures: [
        { universe: "meldingen", scope: { jaar: ["2021"], aard: ["a", "b"] }, value: 15 },
        { universe: "meldingen", scope: { jaar: ["2021"], aard: ["c"] }, value: 12 },
        { universe: "meldingen", scope: { jaar: ["2021"], aard: ["a", "b", "c"] }, value: 27 },
      ],
    };
    const hide = mustHide([conf], [conf], "openbaar")(d);
    expect(hide.flatMap((e) => e.figures.map((f) => `${f.scope["aard"]!.join("+")} ${f.scope["jaar"]!.join("")}`)).sort()).toEqual([
      "a 2021",
      "b 2021",
    ]);
    expect(hide[0]!.audience).toBe("openbaar");
  });

  it("checks every confidential set that shares a period with the public one", () => {
    const c2019: LedgerEntry = {
      report: "c2019",
      jaar: 2019,
      audience: "vertrouwelijk",
      figures: [{ universe: "meldingen", scope: { jaar: ["2018"], aard: ["a"] }, value: null }],
    };
    const c2020: LedgerEntry = {
      report: "c2020",
      jaar: 2020,
      audience: "vertrouwelijk",
      figures: [{ universe: "meldingen", scope: { jaar: ["2020"], aard: ["a"] }, value: 4 }],
    };
    const klachten: LedgerEntry = {
      report: "k",
      jaar: 2020,
      audience: "vertrouwelijk",
      figures: [{ universe: "klachten", scope: { jaar: ["2021"] }, value: 0 }],
    };
    // The public 2021 set prints the columns 2020 and 2021 of meldingen: c2020 shares 2020; c2019
    // only 2018; the klachten set another measure.
    const printed = YEARS.map((y) => ({ universe: "meldingen" as const, scope: { jaar: [y], aard: ["a", "b", "c"] }, value: 20 }));
    expect(sharingPeriods([c2019, c2020, klachten], printed).map((e) => e.report)).toEqual(["c2020"]);
  });
});
