// The publication register's file format and the adoption rules (src/protect/register.ts).
import { describe, expect, it } from "vitest";
import {
  knownReports,
  mergeLegacy,
  parseRegisterEntry,
  planAdoption,
  registerFileName,
  RegisterError,
  type RegisterEntry,
} from "../../src/protect/register.ts";

const figures = [{ universe: "meldingen", scope: { jaar: ["2021"] }, value: 26 }];
const entry = (over: Partial<RegisterEntry> = {}): RegisterEntry => ({
  soort: "vastgesteld",
  periode: "2021",
  audience: "openbaar",
  telregel: "woordenlijst",
  versie: 1,
  vastgesteld: "2022-03-01",
  reden: null,
  bestanden: [{ pad: "2021/vastgesteld/openbaar-versie-1/jaarverslag-vpoo-2021.pdf", sha256: "a".repeat(64) }],
  documenten: [{ report: "jaarverslag-vpoo-2021-openbaar", figures: figures as RegisterEntry["documenten"][0]["figures"] }],
  ...over,
});

describe("register file", () => {
  it("reads an entry back as written", () => {
    const e = entry();
    expect(parseRegisterEntry("x.json", JSON.parse(JSON.stringify(e)))).toEqual(e);
  });

  it("names the file when it is not JSON", () => {
    // (A file that is no JSON at all is refused by the reader in output.ts, naming its line.)
    expect(() => parseRegisterEntry("2021-openbaar-woordenlijst-versie-1.json", [1, 2])).toThrow(RegisterError);
  });

  it("names the file and the field when the shape is wrong", () => {
    const bad = { ...entry(), versie: 0 };
    expect(() => parseRegisterEntry("a.json", bad)).toThrow(/gepubliceerd\/a\.json .*veld versie/);
    const badHash = entry({ bestanden: [{ pad: "x.pdf", sha256: "niet-hex" }] });
    expect(() => parseRegisterEntry("b.json", badHash)).toThrow(/veld bestanden\.0\.sha256/);
  });

  it("still reads the old ledger format as version 1, and merges one period's documents into one set", () => {
    const old = (report: string) => JSON.stringify({ report, jaar: 2020, audience: "openbaar", figures });
    const merged = mergeLegacy([
      parseRegisterEntry("a.json", JSON.parse(old("jaarverslag-vpoo-2020-openbaar"))),
      parseRegisterEntry("b.json", JSON.parse(old("jaarverslag-vpi-2020-openbaar"))),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ periode: "2020", versie: 1, telregel: "woordenlijst", bestanden: [] });
    expect(merged[0]!.documenten.map((d) => d.report)).toEqual(["jaarverslag-vpoo-2020-openbaar", "jaarverslag-vpi-2020-openbaar"]);
  });

  it("gives every version and counting rule its own file name", () => {
    const names = new Set(
      [
        entry(),
        entry({ versie: 2 }),
        entry({ telregel: "alles" }),
        entry({ audience: "vertrouwelijk" }),
        entry({ periode: "2018-01..2019-11" }),
      ].map(registerFileName),
    );
    expect(names.size).toBe(5);
    expect(registerFileName(entry({ periode: "2018-01..2019-11" }))).toBe("2018-01_2019-11-openbaar-woordenlijst-versie-1.json");
  });
});

describe("what a reader knows", () => {
  it("keeps every entry, also two with the same report name under different rules and versions", () => {
    const known = knownReports([entry(), entry({ telregel: "alles" }), entry({ versie: 2, reden: "late melding" })]);
    expect(known.map((k) => k.report)).toEqual([
      "jaarverslag-vpoo-2021-openbaar",
      "jaarverslag-vpoo-2021-openbaar (telregel alles)",
      "jaarverslag-vpoo-2021-openbaar (versie 2)",
    ]);
  });
});

describe("adopting", () => {
  it("adopts a first version", () => {
    expect(planAdoption([], "2021", "openbaar", "woordenlijst", false, undefined, "jaarverslag build --year 2021")).toEqual({
      ok: true,
      versie: 1,
      vorige: null,
    });
  });

  it("refuses to adopt again and explains both choices", () => {
    const plan = planAdoption(
      [{ versie: 1, vastgesteld: "2022-03-01" }],
      "2021",
      "openbaar",
      "woordenlijst",
      false,
      undefined,
      "jaarverslag build --year 2021",
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.melding).toContain("al vastgesteld op 1 maart 2022 (versie 1)");
    expect(plan.melding).toContain("laat het verzonden verslag zoals het is");
    expect(plan.melding).toContain("jaarverslag build --year 2021 --vaststellen --herziening --reden");
    expect(plan.melding).not.toMatch(/verwijder/);
  });

  it("makes a revision the next version, only with a reason and only of something adopted", () => {
    const earlier = [
      { versie: 1, vastgesteld: "2022-03-01" },
      { versie: 2, vastgesteld: "2022-06-01" },
    ];
    expect(planAdoption(earlier, "2021", "openbaar", "woordenlijst", true, "late melding", "c")).toEqual({
      ok: true,
      versie: 3,
      vorige: earlier[1],
    });
    expect(planAdoption(earlier, "2021", "openbaar", "woordenlijst", true, " ", "c")).toMatchObject({
      ok: false,
      melding: expect.stringContaining("reden"),
    });
    expect(planAdoption([], "2021", "openbaar", "woordenlijst", true, "x", "c")).toMatchObject({
      ok: false,
      melding: expect.stringContaining("niets te herzien"),
    });
  });
});
