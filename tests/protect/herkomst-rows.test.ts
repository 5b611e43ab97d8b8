// The herkomst rows a report prints: fracties, and the ambtelijke organisatie with extern
// personeel and stagiairs counted in (as the real reports did), and the pooled herkomst table
// over the last two periods. Expected values counted by hand from data/meldingen.csv (the
// ongewenste-omgangsvormen rows, corona-gerelateerd outside the count as the vocabulary says):
//   2019: fractie 4, ambtelijk 17, extern 0
//   2020: fractie 7 − 5 corona = 2, ambtelijk 11, extern 0
//   2021: fractie 9 − 2 corona = 7, ambtelijk 21 − 3 corona = 18, extern 1
import { resolve } from "node:path";
import { describe as group, expect, it } from "vitest";
import { aggregate } from "../../src/aggregate/index.ts";
import { ingestAll } from "../../src/ingest/index.ts";
import { readRawInput } from "../../src/ingest/raw-input.ts";
import { validate } from "../../src/validate/index.ts";
import { describe } from "../../src/protect/describe.ts";
import { describePooled } from "../../src/protect/describe-pooled.ts";
import type { TableSpec } from "../../src/protect/tables.ts";

const dataset = async () => validate(await ingestAll(readRawInput(resolve("data")), {}), { jaar: 2026, maand: 12 }).dataset!;

function column(t: TableSpec, key: string): Record<string, number> {
  return Object.fromEntries(t.cells.filter((c) => c.column === key).map((c) => [c.row, c.value]));
}

group("herkomst rows", () => {
  it("print two rows, extern counted with the ambtelijke organisatie (2021: 7 and 18 + 1)", async () => {
    const d = await dataset();
    const t = describe(aggregate(d, 2021), d, { audience: "openbaar", k: 5 }).tables.find((x) => x.id === "herkomst")!;
    expect(t.rows.map((r) => r.key)).toEqual(["fractie", "ambtelijk", "totaal"]);
    expect(column(t, "2021")).toEqual({ fractie: 7, ambtelijk: 19, totaal: 26 });
    expect(column(t, "2020")).toEqual({ fractie: 2, ambtelijk: 11, totaal: 13 });
  });

  it("pool the last two periods for herkomst, three for status (the 2020 report: 2019–2020 and 2018–2020)", async () => {
    const d = await dataset();
    const tables = describePooled(aggregate(d, 2020), d, () => 0);
    const herkomst = tables.find((t) => t.id === "herkomst-periode")!;
    const status = tables.find((t) => t.id === "status-periode")!;
    expect(herkomst.columns.map((c) => c.label)).toEqual(["2019–2020"]);
    expect(column(herkomst, herkomst.columns[0]!.key)).toEqual({ fractie: 6, ambtelijk: 28, totaal: 34 });
    expect(status.columns.map((c) => c.label)).toEqual(["2018–2020"]);
    expect(column(status, status.columns[0]!.key)["totaal"]).toBe(10 + 21 + 13);
  });
});
