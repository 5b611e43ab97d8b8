// A small count that the reports sent before give away together cannot be hidden by a new
// report: the build says so to the counsellors (src/pipeline.ts, knownDerivedWarnings). The
// register here is written by hand, as a report made before the tool protected such counts:
// the 2019 report printed Pesten 2018–2019 = 9 and the 2020 report Pesten 2019 = 6, so Pesten
// 2018 = 9 − 6 = 3 (the example data has 3 pesten-meldingen in 2018), below k = 5.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRawInput } from "../src/ingest/raw-input.ts";
import { build } from "../src/pipeline.ts";
import type { LedgerEntry } from "../src/protect/ledger.ts";

const DATA = join(import.meta.dirname, "..", "data");
const pooled: LedgerEntry = {
  report: "jaarverslag-vpoo-2019-openbaar",
  jaar: 2019,
  audience: "openbaar",
  figures: [{ universe: "meldingen", scope: { aard: ["pesten"], jaar: ["2018", "2019"] }, value: 9 }],
};
const yearly: LedgerEntry = {
  report: "jaarverslag-vpoo-2020-openbaar",
  jaar: 2020,
  audience: "openbaar",
  figures: [{ universe: "meldingen", scope: { aard: ["pesten"], jaar: ["2019"] }, value: 6 }],
};

async function warningsWith(ledger: LedgerEntry[]): Promise<string[]> {
  const r = await build(readRawInput(DATA), {
    jaar: 2021,
    audience: "openbaar",
    vandaag: { jaar: 2022, maand: 3 },
    ledger,
    documents: ["vpoo"],
  });
  expect(r.ok).toBe(true);
  return r.warnings.map((w) => w.melding);
}

describe("a count the earlier reports give away together", () => {
  it("is named to the counsellors in their words, with its value", async () => {
    const said = (await warningsWith([pooled, yearly])).filter((m) => m.includes("eerder verzonden verslagen samen"));
    expect(said).toEqual([expect.stringContaining('het cijfer "Meldingen naar aard, Pesten, 2018" 3 is, minder dan de drempel')]);
  }, 120_000);

  it("is not mentioned when one of the two reports is not in the register (the count is then protected)", async () => {
    expect((await warningsWith([pooled])).filter((m) => m.includes("eerder verzonden verslagen samen"))).toEqual([]);
  }, 120_000);
});
