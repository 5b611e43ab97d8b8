// oplegnotitie.json: optional fields, one MT text or one per year; anything else is named.
import { describe, expect, it } from "vitest";
import { validateOplegnotitie } from "../../src/validate/oplegnotitie.ts";

describe("oplegnotitie.json", () => {
  it("takes the fields it knows, the MT's discussion as one text or per year", () => {
    expect(validateOplegnotitie("oplegnotitie.json", { status: "C", mtBespreking: { "2021": "Besproken." } })).toEqual({
      value: { status: "C", mtBespreking: { "2021": "Besproken." } },
      problems: [],
    });
    expect(validateOplegnotitie("oplegnotitie.json", { mtBespreking: "Besproken." }).value).toEqual({ mtBespreking: "Besproken." });
    expect(validateOplegnotitie("oplegnotitie.json", {}).value).toEqual({});
  });

  it("refuses an unknown status, a misspelt field and a year that is no year, naming the field", () => {
    const r = validateOplegnotitie("oplegnotitie.json", { status: "D", mtbespreking: "x", mtBespreking: { "21": "x" } });
    expect(r.value).toBeNull();
    const fields = r.problems.map((p) => p.kolom);
    expect(fields).toContain("status");
    expect(r.problems.every((p) => p.bestand === "oplegnotitie.json")).toBe(true);
    // Dutch, not zod's English: each mistake says what would be valid.
    expect(r.problems.find((p) => p.kolom === "status")?.melding).toBe("kies een van: A, B, C");
    expect(r.problems.find((p) => p.melding.startsWith("onbekend veld"))?.melding).toMatch(
      /^onbekend veld mtbespreking; bekend zijn .*mtBespreking/,
    );
    expect(r.problems.find((p) => p.kolom?.startsWith("mtBespreking"))?.melding).toBe(
      'hier hoort tekst, of per jaar een tekst: { "2021": "…" }',
    );
    expect(r.problems.length).toBeGreaterThanOrEqual(3);
  });
});
