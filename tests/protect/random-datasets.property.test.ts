// Property: whatever small registration the counsellors bring, the public report never
// prints a count below k and always passes the audit.
import fc from "fast-check";
import { fcParams } from "../helpers/fast-check.ts";
import { describe, expect, it } from "vitest";
import { HERKOMSTEN, STATUSSEN, type Melding } from "../../src/domain.ts";
import { activiteiten, AARD_LEAVES, dataset, HISTORIE, melding } from "../fixtures/dataset.ts";
import { auditFigures } from "../../src/protect/audit.ts";
import { buildReport, hiddenElsewhere, keyOf, leaks } from "./report.ts";

const RECEIVERS = ["VP-A1", "VP-A2", "VP-F1", "VP-F2", "VP-F3", "VP-E1"];

const arbMelding = fc
  .record({
    jaar: fc.constantFrom(2019, 2020),
    maand: fc.integer({ min: 1, max: 12 }),
    aard: fc.constantFrom(...AARD_LEAVES, "corona-gerelateerd"),
    herkomst: fc.constantFrom(...HERKOMSTEN),
    status: fc.constantFrom(...STATUSSEN),
    vps: fc.uniqueArray(fc.constantFrom(...RECEIVERS), { minLength: 1, maxLength: 2 }),
    tienden: fc.integer({ min: 5, max: 100 }),
  })
  .map((r): Melding =>
    melding({
      jaar: r.jaar,
      maand: r.maand,
      // The corona category only exists from 2020 on.
      aard: r.aard === "corona-gerelateerd" && r.jaar === 2019 ? "pesten" : r.aard,
      herkomst: r.herkomst,
      status: r.status,
      vertrouwenspersonen: r.vps,
      uren: r.tienden / 10,
    }),
  );

const arbMeldingen = fc.array(arbMelding, { minLength: 5, maxLength: 30 }).filter((ms) => ms.some((m) => m.datum.jaar === 2020));

/** What every public report must hold: no count 1..k−1 printed, every hidden figure marked, the audit passed. */
function expectSafe(r: Awaited<ReturnType<typeof buildReport>>, markering: string): void {
  const k = r.k;
  expect(k).toBe(5);
  for (const f of r.figures.figures) {
    // A fact from the layout or historie is no printed number; a list's "grens" has no value.
    if (f.kind === "aantal" && f.value !== null && !f.layout) expect(f.value === 0 || f.value >= k, `${f.id} = ${f.value}`).toBe(true);
    if (f.value === null && f.kind !== "grens") expect(f.display).toBe(markering);
    const key = keyOf(f);
    if ((f.kind === "aantal" || f.kind === "uren") && key && r.protectedReport.suppressed.has(key)) expect(f.value).toBeNull();
    if (f.kind === "aandeel" && key) expect(r.protectedReport.suppressed.has(key)).toBe(false);
  }
  expect(r.audit.intervals.filter((i) => !i.ok)).toEqual([]);
  expect(r.audit.ok).toBe(true);
}

// Both properties hold every report they build to expectSafe: the second's two reports (2019
// alone, 2020 beside it) as well as the first's, so 22 random reports by default.
describe("willekeurige kleine registraties, openbaar verslag 2020 (k = 5)", () => {
  it("drukt nooit een aantal 1..k−1 af, markeert elk verborgen cijfer en doorstaat de audit", async () => {
    await fc.assert(
      fc.asyncProperty(arbMeldingen, async (meldingen) => {
        const d = dataset({ meldingen, activiteiten: [...activiteiten(2019), ...activiteiten(2020)], historie: HISTORIE });
        expectSafe(await buildReport(d, 2020, "openbaar"), d.instellingen.markering);
      }),
      fcParams(8),
    );
  }, 600_000);
});

describe("willekeurige registraties over twee verslagen: 2019, dan 2020 met 2019 in het grootboek", () => {
  it("2020 bouwt zonder fout, houdt 2019's verborgen cijfers verborgen en verraadt ze niet", async () => {
    const bothYears = arbMeldingen.filter((ms) => ms.some((m) => m.datum.jaar === 2019));
    await fc.assert(
      fc.asyncProperty(bothYears, async (meldingen) => {
        const d = dataset({ meldingen, activiteiten: [...activiteiten(2019), ...activiteiten(2020)], historie: HISTORIE });
        const r2019 = await buildReport(d, 2019, "openbaar");
        expectSafe(r2019, d.instellingen.markering);
        const r2020 = await buildReport(d, 2020, "openbaar", [r2019.ledgerEntry]);
        expectSafe(r2020, d.instellingen.markering);
        const { kept, elsewhere } = hiddenElsewhere(r2019, r2020);
        for (const key of kept) expect(r2020.protectedReport.suppressed.has(key), key).toBe(true);
        const file = { ...r2020.figures, figures: [...r2020.figures.figures, ...elsewhere] };
        const audit = await auditFigures(file, [r2019.ledgerEntry], new Map([...r2019.required, ...r2020.required]));
        expect(leaks(audit.intervals, elsewhere)).toEqual([]);
      }),
      fcParams(7),
    );
  }, 600_000);
});
