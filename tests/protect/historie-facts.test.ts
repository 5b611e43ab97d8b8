// Mechanism 2 of issue 11: totals published before the records (historie.csv) are known to
// every reader. With the README's period chain, 2018 + 2019 = "2018 t/m november 2019" +
// "december 2019", so december = 10 + 21 − 29 = 2 once the first period's total is printed.
import { describe, expect, it } from "vitest";
import { aggregate } from "../../src/aggregate/index.ts";
import type { PeriodeId } from "../../src/domain/periods.ts";
import type { Dataset, HistorieRegel } from "../../src/domain.ts";
import { DOCUMENT_VPOO, present } from "../../src/present/index.ts";
import { auditFigures } from "../../src/protect/audit.ts";
import { describe as describeTables } from "../../src/protect/describe.ts";
import { calendarBlocks } from "../../src/protect/historie.ts";
import { protect, ProtectionError } from "../../src/protect/index.ts";
import { scopeKey } from "../../src/protect/universe.ts";
import { ledgerEntryFor, ledgerReportName, type LedgerEntry } from "../../src/protect/ledger.ts";
import { dataset, INSTELLINGEN, melding } from "../fixtures/dataset.ts";

const P1 = "2018-01..2019-11";
const DEC = "2019-12..2019-12";
const historie = (jaar: number, waarde: number): HistorieRegel => ({ jaar, reeks: "meldingen_vpoo", waarde, bron: `Jaarverslag ${jaar}` });

/** 29 counted meldingen from January 2018 to November 2019, and 2 in December 2019. */
function chain(h: HistorieRegel[]): Dataset {
  const aarden = ["pesten", "intimidatie", "niet-gehoord-leidinggevende"];
  const herkomsten = ["ambtelijk", "fractie"] as const;
  const p1 = Array.from({ length: 29 }, (_, i) =>
    melding({
      jaar: i < 10 ? 2018 : 2019,
      maand: 1 + (i % 11),
      aard: aarden[i % 3]!,
      herkomst: herkomsten[i % 2]!,
      status: "afgerond-resultaat",
      vertrouwenspersonen: [["VP-A1", "VP-F1", "VP-F2"][i % 3]!],
    }),
  );
  const dec = [1, 2].map(() =>
    melding({ jaar: 2019, maand: 12, aard: "pesten", herkomst: "ambtelijk", status: "afgerond-resultaat", vertrouwenspersonen: ["VP-F1"] }),
  );
  return dataset({
    meldingen: [...p1, ...dec],
    historie: h,
    instellingen: { ...INSTELLINGEN, perioden: [{ van: "2018-01", tot: "2019-11" }] },
  });
}

const rules = { k: 5, protectZeros: false, dominance: 0.85, pProcent: 15 };

async function report(d: Dataset, jaar: PeriodeId, known: LedgerEntry[]) {
  const agg = aggregate(d, jaar);
  const description = describeTables(agg, d, { audience: "openbaar", k: 5 });
  const protectedReport = await protect(description, rules, known);
  const { figures } = present({ d, agg, protectedReport, audience: "openbaar", k: 5, warnings: [] });
  return {
    description,
    figures,
    ledgerEntry: ledgerEntryFor(ledgerReportName(DOCUMENT_VPOO, jaar, "openbaar"), jaar, "openbaar", figures.figures),
  };
}

describe("historie als bekend feit", () => {
  it("de periodeketen: 2018-01..2019-11 plus december 2019 vormen samen de kalenderjaren 2018 en 2019", () => {
    const agg = aggregate(chain([]), DEC);
    expect(calendarBlocks(agg.perioden)).toEqual([{ years: [2018, 2019], periods: [P1, DEC] }]);
    // The first period alone does not end in December: no block yet.
    expect(calendarBlocks(aggregate(chain([]), P1).perioden)).toEqual([]);
  });

  it("december 2019 = 10 + 21 − 29 = 2: de audit ziet het, en de bescherming weigert het verslag", async () => {
    const d = chain([historie(2018, 10), historie(2019, 21)]);
    const first = await report(d, P1, []);
    expect(first.figures.figures.find((f) => f.id.endsWith(`herkomst/${P1}/totaal`))?.value).toBe(29);
    const agg = aggregate(d, DEC);
    const description = describeTables(agg, d, { audience: "openbaar", k: 5 });
    const fact = description.facts!.find((f) => f.layout === "historie")!;
    expect(fact.scope["jaar"]).toEqual([P1, DEC]);
    expect(fact.value).toBe(31);
    // The audit of a December report that hides its total: the reader holds 29 and 10 + 21.
    const protectedNothing = { description, suppressed: new Set<string>(), log: [], optimal: true };
    const { figures } = present({ d, agg, protectedReport: protectedNothing, audience: "openbaar", k: 5, warnings: [] });
    const totalKey = scopeKey(
      "meldingen",
      description.tables.find((t) => t.id === "herkomst")!.cells.find((c) => c.id === `herkomst/${DEC}/totaal`)!.scope,
    );
    const isTotal = (f: (typeof figures.figures)[number]) =>
      !f.layout && f.kind === "aantal" && f.scope !== null && scopeKey("meldingen", f.scope) === totalKey;
    // Only the counts: the shares and averages built on the total go with it.
    const hidden = {
      ...figures,
      figures: figures.figures
        .filter((f) => f.kind !== "aandeel" && f.kind !== "gemiddelde")
        .map((f) => (isTotal(f) ? { ...f, value: null, display: "x" } : f)),
    };
    expect(hidden.figures.some((f) => f.layout === "historie" && f.value === 31)).toBe(true);
    const audit = await auditFigures(hidden, [first.ledgerEntry]);
    const dec = audit.intervals.find((i) => i.figures.some((id) => id.endsWith(`herkomst/${DEC}/totaal`)))!;
    expect([dec.lo, dec.hi]).toEqual([2, 2]);
    // Protection knows it too: nothing can hide December any more.
    const refusal = await protect(description, rules, [first.ledgerEntry]).catch((e: unknown) => e);
    expect(String(refusal)).toContain("historie");
    expect(refusal).toBeInstanceOf(ProtectionError);
  });

  it("telregel: een gepubliceerd cijfer inclusief de meldingen die niet meetellen geldt voor alle meldingen; een cijfer dat bij geen telling past, telt niet mee", () => {
    const counted = Array.from({ length: 13 }, (_, i) =>
      melding({ jaar: 2020, aard: "pesten", herkomst: i % 2 ? "fractie" : "ambtelijk" }),
    );
    const corona = Array.from({ length: 5 }, () => melding({ jaar: 2020, aard: "corona-gerelateerd" }));
    const facts = (waarde: number) => {
      const d = dataset({
        meldingen: [...counted, ...corona],
        historie: [{ jaar: 2020, reeks: "meldingen_vpoo", waarde, bron: "Jaarverslag 2020" }],
      });
      return describeTables(aggregate(d, 2020), d, { audience: "openbaar", k: 5 }).facts!.filter((f) => f.layout === "historie");
    };
    expect(facts(18).map((f) => [f.scope, f.value])).toEqual([[{ jaar: ["2020"] }, 18]]);
    expect(facts(13).map((f) => f.value)).toEqual([13]);
    expect(facts(13)[0]!.scope["aard"]).not.toContain("corona-gerelateerd");
    expect(facts(15)).toEqual([]);
  });
});
