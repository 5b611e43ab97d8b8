// describe → protect → present → auditFigures on a registration whose 2019 and 2020 tables
// are the ones the real jaarverslagen published (gepubliceerde-cijfers.csv).
import { beforeAll, describe, expect, it } from "vitest";
import type { Figure, FiguresFile } from "../../src/present/figures.ts";
import { auditFigures } from "../../src/protect/audit.ts";
import { ProtectionError } from "../../src/protect/index.ts";
import type { LedgerEntry } from "../../src/protect/ledger.ts";
import { scopeKey } from "../../src/protect/universe.ts";
import { publishedDataset } from "../fixtures/dataset.ts";
import { buildReport, hiddenElsewhere, keyOf, leaks, type Report } from "./report.ts";

const d = publishedDataset();
const MARK = d.instellingen.markering;

let r2019: Report;
let r2020: Report;
beforeAll(async () => {
  r2019 = await buildReport(d, 2019, "openbaar");
  r2020 = await buildReport(d, 2020, "openbaar", [r2019.ledgerEntry]);
});

const printed = (r: Report) => r.figures.figures;
const trueValues = (r: Report) =>
  new Map(r.protectedReport.description.tables.flatMap((t) => t.cells.map((c) => [scopeKey(c.universe, c.scope), c.value] as const)));
const findFigure = (r: Report, cellId: string) => printed(r).filter((f) => f.id.endsWith(`|${cellId}`));

/** figures.json with the true value put back into every figure of these scope keys. */
function unsuppress(r: Report, keys: Set<string>): FiguresFile {
  const truth = trueValues(r);
  return {
    ...r.figures,
    figures: r.figures.figures.map((f): Figure => {
      const key = keyOf(f);
      if (key === null || !keys.has(key) || f.value !== null) return f;
      const v = truth.get(key)!;
      return { ...f, value: v, display: String(v) };
    }),
  };
}

describe.each([
  ["2019", () => r2019],
  ["2020", () => r2020],
])("openbaar jaarverslag %s (k = 5)", (_jaar, report) => {
  it("drukt geen aantal tussen 1 en 4 af", () => {
    const small = printed(report()).filter((f) => f.kind === "aantal" && f.value !== null && f.value >= 1 && f.value <= 4);
    expect(small.map((f) => `${f.id} = ${f.value}`)).toEqual([]);
  });

  it("er is iets te beschermen: de gepubliceerde tabellen hebben kleine cellen", () => {
    expect(report().protectedReport.log.some((l) => l.soort === "primair")).toBe(true);
  });

  it("elk onderdrukt cijfer staat er als de markering, elk ander niet", () => {
    const suppressed = report().protectedReport.suppressed;
    for (const f of printed(report())) {
      const key = keyOf(f);
      if (key !== null && (f.kind === "aantal" || f.kind === "uren") && suppressed.has(key)) {
        expect(f, f.id).toMatchObject({ value: null, display: MARK });
      }
      // A list's "grens" (at least / at most k) has no value and is no hidden number.
      if (f.kind === "grens") continue;
      if (f.value === null) expect(f.display, f.id).toBe(MARK);
      else expect(f.display, f.id).not.toBe(MARK);
    }
    // Every suppressed cell is printed somewhere (it is a figure of a table), always as the mark.
    const printedKeys = new Set(printed(report()).map(keyOf));
    for (const key of suppressed) expect(printedKeys.has(key), key).toBe(true);
  });

  it("drukt nooit een aandeel of gemiddelde af van een onderdrukt cijfer", () => {
    const suppressed = report().protectedReport.suppressed;
    const derived = printed(report()).filter((f) => f.kind === "aandeel" || f.kind === "gemiddelde");
    for (const f of derived) {
      expect(suppressed.has(keyOf(f)!), f.id).toBe(false);
      expect(suppressed.has(scopeKey(f.denominator!.universe, f.denominator!.scope)), f.id).toBe(false);
    }
  });

  it("doorstaat de audit", async () => {
    const r = report();
    expect(r.audit.ok).toBe(true);
    expect(r.audit.intervals.length).toBeGreaterThan(0);
    // Every primary cell is in the audit, with an interval at least k − 1 wide.
    for (const l of r.protectedReport.log.filter((x) => x.soort === "primair" && x.key.startsWith("meldingen:"))) {
      const iv = r.audit.intervals.find((i) => i.id === l.key)!;
      expect(iv, l.key).toBeDefined();
      expect(iv.hi - iv.lo, l.key).toBeGreaterThanOrEqual(4 - 1e-6);
    }
  });

  it("een figures.json waarin één primair cijfer terug is gezet, zakt voor de audit", async () => {
    const r = report();
    const known = r === r2020 ? [r2019.ledgerEntry] : [];
    const primaries = r.protectedReport.log.filter((l) => l.soort === "primair");
    expect(primaries.length).toBeGreaterThan(0);
    for (const l of primaries) {
      const tampered = unsuppress(r, new Set([l.key]));
      expect(tampered.figures.some((f) => keyOf(f) === l.key && f.value !== null)).toBe(true);
      expect((await auditFigures(tampered, known, r.required)).ok, l.key).toBe(false);
      // Also without the internal log, for a count (hours are then only reported).
      if (l.key.startsWith("meldingen:")) expect((await auditFigures(tampered, known)).ok, l.key).toBe(false);
    }
  });

  it("een tabel waarin alle verborgen cijfers terug zijn gezet, zakt voor de audit", async () => {
    const r = report();
    const status = r.protectedReport.description.tables.find((t) => t.id === "status")!;
    const keys = new Set(status.cells.map((c) => scopeKey(c.universe, c.scope)));
    expect([...keys].some((k) => r.protectedReport.suppressed.has(k))).toBe(true);
    expect((await auditFigures(unsuppress(r, keys), r === r2020 ? [r2019.ledgerEntry] : [], r.required)).ok).toBe(false);
  });
});

describe("de gepubliceerde totalen", () => {
  it("2019: 21 meldingen, in beide verslagen", () => {
    for (const r of [r2019, r2020]) {
      const totals = findFigure(r, "herkomst/2019/totaal");
      expect(totals.length).toBeGreaterThan(0);
      for (const f of totals) expect(f).toMatchObject({ value: 21, display: "21" });
    }
  });

  it("2020: 13 meldingen; de vijf corona-meldingen tellen niet mee maar worden apart vermeld", () => {
    const totals = findFigure(r2020, "herkomst/2020/totaal");
    expect(totals.length).toBeGreaterThan(0);
    for (const f of totals) expect(f).toMatchObject({ value: 13, display: "13" });
    for (const f of findFigure(r2020, "aard/2020/totaal")) expect(f.value).toBe(13);
    expect(findFigure(r2020, "aard/2020/corona-gerelateerd")[0]).toMatchObject({ value: 5 });
  });

  it("in 2019 staat de aard-tabel onder het label van toen ('Sociale onveiligheid' hoort bij werkrelatie)", () => {
    // (describe alone puts every category on its own row; which are merged is chosen in protect)
    const aard = r2019.protectedReport.description.tables.find((t) => t.id === "aard")!;
    expect(aard.rows.find((r) => r.key === "onveilig-voelen")?.label).toBe("Sociale onveiligheid");
    expect(aard.rows.find((r) => r.key === "niet-gehoord-leidinggevende")?.label).toBe("Niet gehoord voelen door leidinggevende");
  });

  it("de openbare versie bevat geen cijfers per groep vertrouwenspersonen voor meldingen", () => {
    for (const r of [r2019, r2020]) {
      expect(r.protectedReport.description.tables.some((t) => t.id === "vpgroep")).toBe(false);
      expect(printed(r).some((f) => f.kind === "aantal" && f.scope && "vpgroep" in f.scope)).toBe(false);
    }
  });
});

describe("vertrouwelijke versie (k = 3)", () => {
  it("drukt geen aantal 1 of 2 af en doorstaat de audit", async () => {
    const r = await buildReport(d, 2020, "vertrouwelijk");
    expect(printed(r).filter((f) => f.kind === "aantal" && f.value !== null && f.value >= 1 && f.value <= 2)).toEqual([]);
    expect(r.protectedReport.description.tables.some((t) => t.id === "vpgroep")).toBe(true);
    expect(r.audit.ok).toBe(true);
  });
});

describe("het grootboek (ledger)", () => {
  it("wat in 2019 onderdrukt was, blijft in 2020 onderdrukt of beschermd", async () => {
    const hidden2019 = r2019.ledgerEntry.figures.filter((f) => f.value === null);
    expect(hidden2019.length).toBeGreaterThan(0);
    const { kept, elsewhere } = hiddenElsewhere(r2019, r2020);
    for (const key of kept) expect(r2020.protectedReport.suppressed.has(key), key).toBe(true);
    expect(kept.length + elsewhere.length).toBe(hidden2019.length);
    // A 2019 figure that the 2020 report does not print must still not be derivable from
    // 2020's figures together with 2019's: attack it as if it were printed hidden.
    const file: FiguresFile = { ...r2020.figures, figures: [...r2020.figures.figures, ...elsewhere] };
    const required = new Map([...r2019.required, ...r2020.required]);
    const audit = await auditFigures(file, [r2019.ledgerEntry], required);
    expect(leaks(audit.intervals, elsewhere)).toEqual([]);
  });

  it("publiceert in 2020 niet opnieuw een ander getal voor een cijfer uit 2019", () => {
    const published2019 = new Map(
      r2019.ledgerEntry.figures.filter((f) => f.value !== null).map((f) => [scopeKey(f.universe, f.scope), f.value]),
    );
    for (const f of printed(r2020)) {
      const key = keyOf(f);
      if ((f.kind !== "aantal" && f.kind !== "uren") || key === null) continue;
      if (f.value !== null && published2019.has(key)) expect(f.value, key).toBeCloseTo(published2019.get(key)!, 1);
    }
  });

  it("een cijfer dat in een eerder verslag onderdrukt was, wordt onderdrukt, ook als het nu veilig is", async () => {
    const safeKey = keyOf(findFigure(r2019, "status/2019/afgerond-resultaat")[0]!)!;
    expect(r2020.protectedReport.suppressed.has(safeKey)).toBe(false);
    const forced: LedgerEntry = {
      ...r2019.ledgerEntry,
      figures: r2019.ledgerEntry.figures.map((f) => (scopeKey(f.universe, f.scope) === safeKey ? { ...f, value: null } : f)),
    };
    const r = await buildReport(d, 2020, "openbaar", [forced]);
    expect(r.protectedReport.suppressed.has(safeKey)).toBe(true);
    expect(r.protectedReport.log.find((l) => l.key === safeKey)?.soort).toBe("eerder onderdrukt");
    expect(r.audit.ok).toBe(true);
  });

  it("een grootboekwaarde die niet met de registratie klopt, geeft een ProtectionError", async () => {
    const totalKey = keyOf(findFigure(r2019, "herkomst/2019/totaal")[0]!)!;
    const wrong: LedgerEntry = {
      ...r2019.ledgerEntry,
      figures: r2019.ledgerEntry.figures.map((f) => (scopeKey(f.universe, f.scope) === totalKey ? { ...f, value: 22 } : f)),
    };
    await expect(buildReport(d, 2020, "openbaar", [wrong])).rejects.toThrow(ProtectionError);
    await expect(buildReport(d, 2020, "openbaar", [wrong])).rejects.toThrow(/publiceerde 22/);
    // named as its table prints it, not by its key
    await expect(buildReport(d, 2020, "openbaar", [wrong])).rejects.toThrow(/^Het cijfer "[^":=/]+, Totaal, 2019" is 21, maar/);
  });

  it("een eerder gepubliceerd cijfer dat nu onveilig is, geeft een ProtectionError", async () => {
    const smallKey = r2019.protectedReport.log.find((l) => l.soort === "primair" && l.key.startsWith("meldingen:"))!;
    const leaked: LedgerEntry = {
      ...r2019.ledgerEntry,
      figures: r2019.ledgerEntry.figures.map((f) => (scopeKey(f.universe, f.scope) === smallKey.key ? { ...f, value: smallKey.value } : f)),
    };
    await expect(buildReport(d, 2020, "openbaar", [leaked])).rejects.toThrow(ProtectionError);
    await expect(buildReport(d, 2020, "openbaar", [leaked])).rejects.toThrow(
      /^Het cijfer "[^":=/]+, 2019" is eerder gepubliceerd maar is nu onveilig/,
    );
  });
});
