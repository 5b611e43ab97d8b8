// The p%-rule's setting in instellingen.json: default 15, a percentage, 0 switches it off.
import { describe, expect, it } from "vitest";
import { validateInstellingen } from "../../src/validate/instellingen.ts";

describe("instellingen.json: pProcent", () => {
  it("is 15 when left out, and kept as given", () => {
    expect(validateInstellingen("instellingen.json", { organisatie: "O" }).value?.pProcent).toBe(15);
    expect(validateInstellingen("instellingen.json", { organisatie: "O", pProcent: 0 }).value?.pProcent).toBe(0);
    expect(validateInstellingen("instellingen.json", { organisatie: "O", pProcent: 25 }).value?.pProcent).toBe(25);
  });

  it("outside 0..100, or not a number, is refused naming the setting", () => {
    for (const bad of [-1, 101, "15"]) {
      const r = validateInstellingen("instellingen.json", { organisatie: "O", pProcent: bad });
      expect(r.value).toBeNull();
      expect(r.problems[0]).toMatchObject({ bestand: "instellingen.json", kolom: "pProcent" });
    }
  });
});
