// Either order: the public set built after an adopted confidential set is protected for two
// readers at once — the public reader (k = 5) and the confidential reader, who holds the
// confidential set too (k = 3). One aard table small enough to work by hand (codes a and b in
// group g, c alone; columns 2020 and 2021). Every expected table below is worked out in its
// comment; the insider (a melder who knows their own melding is in another hidden cell) is
// part of every attack.
import { describe, expect, it } from "vitest";
import type { Term } from "../../src/domain.ts";
import { aardTable } from "../../src/protect/describe-aard.ts";
import type { AardTableSource } from "../../src/protect/tables.ts";
import { protect } from "../../src/protect/index.ts";
import { sharingPeriods } from "../../src/protect/pair-audit.ts";
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
/** The confidential reader holding `known` (threshold 3). */
const reader = (...known: LedgerEntry[]) => ({ second: { audience: "vertrouwelijk", rules: { ...RULES, k: 3 }, known } });

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
    // (a figure an earlier report hid and this layout does not print is protected with its true value)
    trueValue: (_universe, scope) => count(scope),
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
  it("may merge rows the confidential set printed apart: the sum tells its reader nothing new", async () => {
    // a 3|3, b 3|3, c 10|12. Chosen freely the public set merges g (G 6|6, nothing hidden;
    // tests/protect/choose-presentation.test.ts). The confidential set (k = 3) printed a and b
    // apart: G = a + b is known to its reader already, so the merge is still the best choice.
    const d = description({ a: [3, 3], b: [3, 3], c: [10, 12] });
    const conf = confidential({ a: [3, 3], b: [3, 3], c: [10, 12], "a+b+c": [16, 18] });
    expect(shown(await protect(d, RULES, [], reader(conf)))).toEqual([
      ["G", 6, 6],
      ["C", 10, 12],
      ["Totaal", 16, 18],
    ]);
  });

  it("keeps hidden what the confidential set hid, though the public rule alone would print it", async () => {
    // a 6|6, b 7|9, c 10|12: all at least 5, so alone the public set hides nothing. The
    // confidential set hid a 2021 and c 2021 (say, for a reason of its own): the public set
    // hides both as well; a + c = 27 − 9 = 18 leaves each a wide interval, nothing more is hidden.
    // (Merging g would print G 2021 = 15, and with b = 9 give a away.)
    const d = description({ a: [6, 6], b: [7, 9], c: [10, 12] });
    expect(shown(await protect(d, RULES, []))).toEqual([
      ["A", 6, 6],
      ["B", 7, 9],
      ["C", 10, 12],
      ["Totaal", 23, 27],
    ]);
    const conf = confidential({ a: [6, null], b: [7, 9], c: [10, null], "a+b+c": [23, 27] });
    expect(shown(await protect(d, RULES, [], reader(conf)))).toEqual([
      ["A", 6, "x"],
      ["B", 7, 9],
      ["C", 10, "x"],
      ["Totaal", 23, 27],
    ]);
  });

  it("prints cells of a covered period the confidential set merged, when they are safe for both readers", async () => {
    // The confidential 2021 set printed G (a + b) 15, C 12, total 27. The public table with a
    // and b apart prints a 6 and b 9: new to that reader, but neither was hidden from them nor
    // is below their threshold, so nothing is hidden.
    const d = description({ a: [6, 6], b: [7, 9], c: [10, 12] });
    const conf = confidential({ "a+b": [13, 15], c: [10, 12], "a+b+c": [23, 27] });
    expect(shown(await protect(d, RULES, [], reader(conf)))).toEqual([
      ["A", 6, 6],
      ["B", 7, 9],
      ["C", 10, 12],
      ["Totaal", 23, 27],
    ]);
  });

  it("chooses another layout and other complements when the confidential reader knows a complement", async () => {
    // a 6|2, b 7|9, c 10|12 (totals 23|23). Alone the public set merges g: G 13|11, C 10|12,
    // nothing hidden (a 2021 = 2 is hidden inside G). The confidential set printed b 2021 = 9
    // and hid a 2021 (2) and c 2021: beside it G 2021 = 11 gives a = 2. So G 2021 must go, with
    // C 2021 (the total is printed) — then the apart layout publishes more: a 2021 and c 2021
    // hidden (a + c = 14 for both readers, an insider in c still 0..13 for a), b printed.
    const d = description({ a: [6, 2], b: [7, 9], c: [10, 12] });
    expect(shown(await protect(d, RULES, []))).toEqual([
      ["G", 13, 11],
      ["C", 10, 12],
      ["Totaal", 23, 23],
    ]);
    const conf = confidential({ a: [6, null], b: [7, 9], c: [10, null], "a+b+c": [23, 23] });
    expect(shown(await protect(d, RULES, [], reader(conf)))).toEqual([
      ["A", 6, "x"],
      ["B", 7, 9],
      ["C", 10, "x"],
      ["Totaal", 23, 23],
    ]);
  });

  it("hides the total when the confidential reader knows every other cell, and refuses when the total is known too", async () => {
    // The confidential set printed b 9 and c 12 for 2021 and hid a (2). Any printed 2021 figure
    // holding a, with b and c known, gives a away to that reader: so a and the 2021 total go
    // (apart layout: A 6|x; merging would hide G 2021 too and show less).
    const d = description({ a: [6, 2], b: [7, 9], c: [10, 12] });
    const conf = confidential({ b: [7, 9], c: [10, 12] });
    const hidden: LedgerEntry = {
      ...conf,
      figures: [...conf.figures, { universe: "meldingen", scope: { jaar: ["2021"], aard: ["a"] }, value: null }],
    };
    expect(shown(await protect(d, RULES, [], reader(hidden)))).toEqual([
      ["A", 6, "x"],
      ["B", 7, 9],
      ["C", 10, 12],
      ["Totaal", 23, "x"],
    ]);
    // When an earlier public report printed the 2021 total (both readers hold it), a = 23 − 9 − 12
    // for the confidential reader whatever this set hides: refused.
    const total: LedgerEntry = {
      report: "eerder-openbaar",
      jaar: 2021,
      audience: "openbaar",
      figures: [{ universe: "meldingen", scope: { jaar: ["2021"], aard: ["a", "b", "c"] }, value: 23 }],
    };
    await expect(protect(d, RULES, [total], reader(hidden, total))).rejects.toThrow(/kan niet beschermd worden/);
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
