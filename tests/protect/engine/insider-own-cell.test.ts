import { describe, expect, it } from "vitest";
import { attack } from "../../../src/protect/engine/index.ts";

// The 2020 report's "Overige 2019" (pesten + onveilig voelen) contains the cell "pesten 2019"
// that the 2019 report hid. A melder in "pesten 2019" is a contributor to "Overige 2019": that
// they know their own melding is there narrows nothing they did not know, so it is no attack on
// "Overige 2019" (found by the ledger property test, seed -1698897587).
describe("an insider inside the attacked cell", () => {
  it("does not count as an attacker of that cell", async () => {
    // What is published bounds "Overige 2019" to 0..4 (k = 5 possible values).
    const result = await attack({
      vars: [{ integer: true }, { integer: true }],
      published: [],
      suppressed: [
        { id: "overige", terms: [0, 1], requiredWidth: 4 },
        { id: "pesten", terms: [0], requiredWidth: 0 },
      ],
      facts: [
        {
          id: "bovengrens",
          terms: [
            { index: 0, coef: 1 },
            { index: 1, coef: 1 },
          ],
          lo: 0,
          hi: 4,
        },
      ],
      insider: true,
    });
    const overige = result.find((r) => r.id === "overige")!;
    // Counting the melder in "pesten" as an attacker would give 1..4: too narrow, wrongly.
    expect([overige.lo, overige.hi, overige.ok, overige.scenario]).toEqual([0, 4, true, "publiek"]);
  });
});
