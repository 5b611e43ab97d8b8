// Counts a reader derives by subtracting two pooled tables (src/protect/derived.ts). The trap,
// met in the example data's chain: the 2019 report printed Pesten 2018–2019 = 9, the 2020 report
// Pesten 2018–2020 = 12, so Pesten 2020 = 3 — below the threshold, though no table prints it.
// A pooled table small enough to work by hand: codes p and r, no groups, one column 2018–2020;
// the earlier (2019) report is a ledger entry written by hand. Every expectation is worked out
// in its comment.
import { describe, expect, it } from "vitest";
import type { Term } from "../../src/domain.ts";
import { aardTable } from "../../src/protect/describe-aard.ts";
import { protect } from "../../src/protect/index.ts";
import type { LedgerEntry } from "../../src/protect/ledger.ts";
import type { AardTableSource, Description } from "../../src/protect/tables.ts";
import type { Scope } from "../../src/protect/universe.ts";
import { auditFigures } from "../../src/protect/audit.ts";
import type { FiguresFile } from "../../src/protect/figures.ts";

const YEARS = ["2018", "2019", "2020"];
const RULES = { k: 5, protectZeros: false, dominance: 0.85 };
const term = (code: string): Term => ({
  soort: "aard",
  code,
  label: code.toUpperCase(),
  geldigVan: 2011,
  geldigTot: null,
  eerdereLabels: [],
  groep: null,
  teltMee: true,
});

/** The 2020 report's pooled table over 2018–2020; `values`: per code, its count in each year. */
function pooled2020(values: Record<string, [number, number, number]>): Description {
  const count = (scope: Scope) =>
    Object.entries(values).reduce(
      (s, [code, v]) =>
        s + (scope["aard"]!.includes(code) ? YEARS.reduce((t, y, i) => t + (scope["jaar"]!.includes(y) ? v[i]! : 0), 0) : 0),
      0,
    );
  const codes = Object.keys(values);
  const src: AardTableSource = {
    id: "aard-periode",
    title: "Aard, 2018–2020 samen",
    columns: [{ key: "2018..2020", label: "2018–2020", jaren: YEARS }],
    codes,
    apart: [],
    counted: codes,
    terms: codes.map(term),
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
          { name: "aard", categories: codes },
        ],
      },
    ],
    tables: [t.table],
    recodings: t.recodings,
    trueValue: (_u, scope) => count(scope),
  };
}

/** An earlier public report that printed `rows` (codes → value) over the years `jaren`. */
function printed(report: string, jaren: string[], rows: Record<string, number>): LedgerEntry {
  return {
    report,
    jaar: Number(jaren.at(-1)),
    audience: "openbaar",
    versie: 1,
    telregel: "woordenlijst",
    figures: Object.entries(rows).map(([codes, value]) => ({
      universe: "meldingen" as const,
      scope: { jaar: jaren, aard: codes.split("+") },
      value,
    })),
  };
}

const REPORT_2019 = printed("jaarverslag-vpoo-2019-openbaar", ["2018", "2019"], { p: 9, r: 0, "p+r": 9 });
const key = (codes: string, jaren: string[]) => `meldingen:aard=${codes};jaar=${jaren.join("+")}`;

describe("a count that follows from two pooled tables", () => {
  it("is protected: the pooled cells that would give it away are hidden", async () => {
    // p 3|6|3, r 0|0|5. The pooled cells are p 12, r 5, total 17: none below 5, so by the primary
    // rule alone all are printed — and with the 2019 report's p 9, p 2020 = 12 − 9 = 3 (below 5).
    // p 2020 must keep 5 possible values. Hiding p alone: p = 17 − r = 12, still exact; so p and
    // one more: r (cost 500 + 5) before the total (100 000 + 17). Then p2020 + r2020 = 17 − 9 = 8,
    // p2020 anywhere in 0..8: wide enough. r 2020 = 5 is not small and needs no protection.
    const result = await protect(pooled2020({ p: [3, 6, 3], r: [0, 0, 5] }), RULES, [REPORT_2019]);
    expect([...result.suppressed].sort()).toEqual([key("p", YEARS), key("r", YEARS)]);
    expect(result.derived).toEqual([expect.objectContaining({ key: key("p", ["2020"]), value: 3, requiredWidth: 4 })]);
  });

  it("needs nothing hidden when the difference is not small", async () => {
    // p 3|6|7: p 2020 = 16 − 9 = 7, at least 5: every pooled cell is printed.
    const result = await protect(pooled2020({ p: [3, 6, 7], r: [0, 0, 5] }), RULES, [REPORT_2019]);
    expect([...result.suppressed]).toEqual([]);
    expect(result.derived).toEqual([]);
  });

  it("is only logged when the earlier reports already give it away, and does not stop the report", async () => {
    // A 2020 report was already sent with p 2018–2020 = 12 printed: p 2020 = 3 is known to every
    // reader, whatever this version prints. It is logged with width 0 (nothing to protect), and
    // this version prints the same figures (they are all known or safe).
    const sent2020 = printed("jaarverslag-vpoo-2020-openbaar", YEARS, { p: 12, r: 5, "p+r": 17 });
    const result = await protect(pooled2020({ p: [3, 6, 3], r: [0, 0, 5] }), RULES, [REPORT_2019, sent2020]);
    expect([...result.suppressed]).toEqual([]);
    expect(result.derived).toEqual([expect.objectContaining({ key: key("p", ["2020"]), value: 3, requiredWidth: 0 })]);
  });
});

// The audit of figures.json (src/protect/audit.ts) attacks a derived count when the internal log
// names it, with the log's width. The 2020 figures here print p 2018–2020 = 12 beside the 2019
// report's p 2018–2019 = 9: p 2020 = 3 exactly.
describe("the audit of a derived count", () => {
  const figure = (codes: string, value: number | null) => ({
    id: `aard-periode/${codes}`,
    table: "Aard, 2018–2020 samen",
    row: codes,
    column: "2018–2020",
    kind: "aantal" as const,
    universe: "meldingen" as const,
    scope: { jaar: YEARS, aard: codes.split("+") },
    value,
    display: value === null ? "x" : String(value),
  });
  const file = (p: number | null, r: number | null): FiguresFile => ({
    document: "jaarverslag-vpoo",
    titel: "Jaarverslag 2020",
    jaar: 2020,
    publiek: "openbaar",
    drempel: 5,
    markering: "x",
    afronding: { aantal: 0, uren: 1, aandeel: 0, gemiddelde: 1, constante: 0, grens: 0 },
    universes: pooled2020({ p: [3, 6, 3], r: [0, 0, 5] }).universes,
    figures: [figure("p", p), figure("r", r), figure("p+r", 17)],
  });
  const P2020 = "meldingen:aard=p;jaar=2020";

  it("fails when the log names it and the figures pin it; passes when the pooled cells are hidden", async () => {
    const pinned = await auditFigures(file(12, 5), [REPORT_2019], new Map([[P2020, 4]]));
    expect(pinned.ok).toBe(false);
    expect(pinned.intervals.find((iv) => iv.id === P2020)).toMatchObject({ lo: 3, hi: 3, ok: false });
    // p and r hidden: p2020 + r2020 = 17 − 9 = 8, so p 2020 lies anywhere in 0..8; a melder who
    // knows their melding is in the hidden r (r ≥ 1, and r 2018–2019 = 0) narrows it to 0..7.
    const hidden = await auditFigures(file(null, null), [REPORT_2019], new Map([[P2020, 4]]));
    expect(hidden.intervals.find((iv) => iv.id === P2020)).toMatchObject({ lo: 0, hi: 7, ok: true });
    expect(hidden.ok).toBe(true);
  });

  it("is not attacked without the log (only the log knows the true value is small)", async () => {
    const audit = await auditFigures(file(12, 5), [REPORT_2019]);
    expect(audit.intervals.some((iv) => iv.id === P2020)).toBe(false);
  });
});
