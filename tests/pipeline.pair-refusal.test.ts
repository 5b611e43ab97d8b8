// The pair audit's refusal as a build says it (src/pipeline.ts, pairAudit). With protect's
// second reader the public set after a confidential one passes it (tests/attack/either-order.test.ts
// attacks that set), so the refusal is forced here: the public 2021 set is protected by a
// suppression that leaves out the confidential reader, as the tool did before it protected for
// both (issue 11). The pair audit, which that suppression does not see, must then find the
// confidential figure the public set gives away and refuse, with the counsellors' advice. The
// finding itself is tested in tests/protect/pair-audit.test.ts.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRawInput } from "../src/ingest/raw-input.ts";
import { build } from "../src/pipeline.ts";
import { suppress } from "../src/protect/engine/index.ts";
import { runCaches } from "../src/run-caches.ts";

const raw = readRawInput(join(import.meta.dirname, "..", "data"));
const vandaag = { jaar: 2026, maand: 12 };
// The run's suppression and audit results, as the suite's commands use them; the suppression
// that leaves out the second reader is this test's own and is not cached.
const caches = runCaches(process.env);

describe("a public set that gives away a figure of the confidential set adopted before it", () => {
  it("is refused by the pair audit, naming the confidential report, with what to do instead", async () => {
    const confidential = await build(raw, { jaar: 2021, audience: "vertrouwelijk", vandaag, ledger: [], protection: caches });
    if (!confidential.ok) throw new Error(confidential.problems.map((p) => p.melding).join("; "));
    const forOneReader: typeof suppress = (problem, options) => suppress({ ...problem, readers: [] }, options);
    const refused = await build(raw, {
      jaar: 2021,
      audience: "openbaar",
      vandaag,
      ledger: [confidential.ledgerEntry],
      protection: { ...caches, suppress: forOneReader },
    });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems).toHaveLength(1);
    const [problem] = refused.problems;
    expect(problem!.bestand).toBe("(bescherming)");
    expect(problem!.melding).toMatch(
      /^dit openbare verslag zou samen met jaarverslag-vpoo-2021-vertrouwelijk \(\d+ cijfer\(s\)\) een verborgen cijfer van dat vertrouwelijke verslag prijsgeven/,
    );
    expect(problem!.melding).toContain("Verstuur over deze periode alleen het vertrouwelijke verslag");
    // The same public set, protected for both readers, is built.
    const both = await build(raw, { jaar: 2021, audience: "openbaar", vandaag, ledger: [confidential.ledgerEntry], protection: caches });
    expect(both.ok).toBe(true);
  }, 300_000);
});
