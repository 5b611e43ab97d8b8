import { describe, expect, it } from "vitest";
import { AFRONDING } from "../../src/present/figures.ts";
import type { LedgerEntry } from "../../src/protect/ledger.ts";
import { exposedConfidential } from "../../src/protect/pair-audit.ts";
import type { Scope, UniverseSpec } from "../../src/protect/universe.ts";

// Klachten per herkomst in one year: a total and three parts, all counts.
const universes: UniverseSpec[] = [{ id: "klachten", integer: true, dimensions: [{ name: "jaar", categories: ["2020", "2021"] }] }];
const envelope = { document: "jaarverslag-vpoo", titel: "t", jaar: 2021, markering: "x", afronding: AFRONDING, universes };
const entry = (report: string, audience: string, values: Record<string, number | null>): LedgerEntry => ({
  report,
  jaar: 2021,
  audience,
  figures: Object.entries(values).map(([jaar, value]) => ({ universe: "klachten", scope: { jaar: [jaar] }, value })),
});

describe("the public version written after the confidential one", () => {
  const confidential = entry("jaarverslag-vpoo-2021-vertrouwelijk", "vertrouwelijk", { "2020": null, "2021": 7 });

  it("may not print a cell the confidential version hid", async () => {
    const publicNow = entry("jaarverslag-vpoo-2021-openbaar", "openbaar", { "2020": 2, "2021": 7 });
    expect(await exposedConfidential([confidential], [publicNow], [], envelope, 3)).toEqual([{ report: confidential.report, cells: 1 }]);
  });

  it("is fine when it hides the same cell", async () => {
    const publicNow = entry("jaarverslag-vpoo-2021-openbaar", "openbaar", { "2020": null, "2021": 7 });
    expect(await exposedConfidential([confidential], [publicNow], [], envelope, 3)).toEqual([]);
  });

  it("does not count a cell the confidential version prints and the public one hides (either order)", async () => {
    // The confidential version printed 2020 = 4 (its threshold is 3); the public version hides
    // it. The reader of both knew 4 already: nothing of the confidential version is exposed.
    const printedInConfidential = entry("jaarverslag-vpoo-2021-vertrouwelijk", "vertrouwelijk", { "2020": 4, "2021": 7 });
    const publicNow = entry("jaarverslag-vpoo-2021-openbaar", "openbaar", { "2020": null, "2021": 7 });
    expect(await exposedConfidential([printedInConfidential], [publicNow], [], envelope, 3)).toEqual([]);
  });

  it("does not count a cell that another set the reader holds printed (the chain: an earlier confidential report)", async () => {
    // The confidential 2021 version hid 2020; the confidential 2020 report printed it (4). The
    // reader of all of them knew 4 before the public version printed anything.
    const earlier = entry("jaarverslag-vpoo-2020-vertrouwelijk", "vertrouwelijk", { "2020": 4 });
    const publicNow = entry("jaarverslag-vpoo-2021-openbaar", "openbaar", { "2020": null, "2021": 7 });
    expect(await exposedConfidential([confidential], [publicNow], [earlier], envelope, 3)).toEqual([]);
    // Without that report, the same public version beside a 2020 printed as 4 does expose it.
    const printing = entry("jaarverslag-vpoo-2021-openbaar", "openbaar", { "2020": 4, "2021": 7 });
    expect(await exposedConfidential([confidential], [printing], [], envelope, 3)).toEqual([{ report: confidential.report, cells: 1 }]);
  });
});

describe("several confidential reports the reader holds, attacked together", () => {
  // Two years: klachten per jaar and herkomst (a, b), true values 2020 a=1 b=4, 2021 a=2 b=6.
  const grid: UniverseSpec[] = [
    {
      id: "klachten",
      integer: true,
      dimensions: [
        { name: "jaar", categories: ["2020", "2021"] },
        { name: "herkomst", categories: ["a", "b"] },
      ],
    },
  ];
  const env = { ...envelope, universes: grid };
  const report = (name: string, audience: string, figures: [string, string | null, number | null][]): LedgerEntry => ({
    report: name,
    jaar: 2021,
    audience,
    figures: figures.map(([jaar, herkomst, value]) => ({
      universe: "klachten",
      scope: (herkomst ? { jaar: [jaar], herkomst: [herkomst] } : { jaar: [jaar] }) as Scope,
      value,
    })),
  });
  // The 2020 report hid 2020 a (total 5 printed); the 2021 report hid 2021 a (total 8 printed).
  const c2020 = report("vpoo-2020-vertrouwelijk", "vertrouwelijk", [
    ["2020", null, 5],
    ["2020", "a", null],
    ["2020", "b", null],
  ]);
  const c2021 = report("vpoo-2021-vertrouwelijk", "vertrouwelijk", [
    ["2021", null, 8],
    ["2021", "a", null],
    ["2021", "b", null],
  ]);

  it("names only the report whose hidden cell the public version exposes, with its own count", async () => {
    // The public 2021 set prints 2021 b = 6: the 2021 report's two hidden cells are then known
    // (b printed, a = 8 − 6 = 2); the 2020 report's cells keep 0..5.
    const publicNow = report("vpoo-2021-openbaar", "openbaar", [
      ["2021", null, 8],
      ["2021", "b", 6],
    ]);
    expect(await exposedConfidential([c2020, c2021], [publicNow], [c2020, c2021], env, 3)).toEqual([{ report: c2021.report, cells: 2 }]);
  });

  it("counts a cell both reports hid for each of them", async () => {
    const both = report("vpoo-2021-vertrouwelijk-herzien", "vertrouwelijk", [["2020", "a", null]]);
    const publicNow = report("vpoo-2021-openbaar", "openbaar", [["2020", "b", 4]]);
    expect(await exposedConfidential([c2020, both], [publicNow], [c2020, both], env, 3)).toEqual([
      { report: c2020.report, cells: 2 },
      { report: both.report, cells: 1 },
    ]);
  });

  it("finds nothing when the public version prints only the totals", async () => {
    const publicNow = report("vpoo-2021-openbaar", "openbaar", [
      ["2020", null, 5],
      ["2021", null, 8],
    ]);
    expect(await exposedConfidential([c2020, c2021], [publicNow], [c2020, c2021], env, 3)).toEqual([]);
  });
});
