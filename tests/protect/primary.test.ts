import { describe, expect, it } from "vitest";
import { primaryReason, requiredWidth, type PrimaryRules } from "../../src/protect/primary.ts";
import type { TableCell } from "../../src/protect/tables.ts";

const rules = (k = 5, protectZeros = false): PrimaryRules => ({ k, protectZeros, dominance: 0.85 });
/** The dominance rule alone (p%-rule off: p = 0 never fires, as the rest is never negative). */
const dominanceOnly = (): PrimaryRules => ({ ...rules(), pProcent: 0 });
const count = (value: number): TableCell => ({
  id: `t/2020/r`,
  row: "r",
  column: "2020",
  universe: "meldingen",
  scope: { jaar: ["2020"] },
  value,
  kind: "aantal",
  contributions: [],
  meldingenBehind: null,
});
const hours = (contributions: number[], meldingenBehind: number | null = null): TableCell => ({
  id: `u/2020/r`,
  row: "r",
  column: "2020",
  universe: "uren",
  scope: { jaar: ["2020"] },
  value: contributions.reduce((s, x) => s + x, 0),
  kind: "uren",
  contributions,
  meldingenBehind,
});

describe("primaire regel voor aantallen", () => {
  it("1 .. k−1 is onveilig, k en meer veilig (k = 5)", () => {
    for (const n of [1, 2, 3, 4]) expect(primaryReason(count(n), rules(5)), `n = ${n}`).toMatch(/kleiner dan de drempel 5/);
    for (const n of [5, 6, 21]) expect(primaryReason(count(n), rules(5)), `n = ${n}`).toBeNull();
  });

  it("k = 3 voor de vertrouwelijke versie", () => {
    expect(primaryReason(count(2), rules(3))).not.toBeNull();
    expect(primaryReason(count(3), rules(3))).toBeNull();
    expect(primaryReason(count(4), rules(3))).toBeNull();
  });

  it("0 is veilig, tenzij nullen beschermd worden", () => {
    expect(primaryReason(count(0), rules(5, false))).toBeNull();
    expect(primaryReason(count(0), rules(5, true))).toMatch(/nul/);
  });
});

describe("primaire regels voor uren", () => {
  it("dominantie: één vertrouwenspersoon met meer dan 85% is onveilig", () => {
    expect(primaryReason(hours([86, 14]), rules())).toMatch(/86%/);
    expect(primaryReason(hours([15.8]), rules())).toMatch(/100%/);
    expect(primaryReason(hours([85, 15]), dominanceOnly())).toBeNull();
    expect(primaryReason(hours([40, 30, 30]), rules())).toBeNull();
  });

  it("dominantie hangt niet af van de volgorde van de bijdragen", () => {
    expect(primaryReason(hours([5, 9, 90]), rules())).not.toBeNull();
  });

  it("uren over minder dan k meldingen zijn onveilig, ook zonder dominantie", () => {
    expect(primaryReason(hours([10, 10, 10], 4), rules(5))).toMatch(/4 meldingen/);
    expect(primaryReason(hours([10, 10, 10], 5), rules(5))).toBeNull();
    expect(primaryReason(hours([10, 10, 10], 2), rules(3))).not.toBeNull();
    expect(primaryReason(hours([10, 10, 10], null), rules(5))).toBeNull();
  });

  it("nul uren zijn veilig", () => {
    expect(primaryReason(hours([]), rules())).toBeNull();
  });
});

describe("p%-regel voor uren (p = 15, standaard)", () => {
  it("een groep van twee is altijd onveilig: elk kent de uren van de ander", () => {
    // rest = 0 < 0,15 · 42 whatever the split
    for (const split of [
      [42, 42],
      [50, 34],
      [70, 14],
      [1, 1],
    ])
      expect(primaryReason(hours(split), rules()), split.join("+")).toMatch(/twee vertrouwenspersonen.*p%-regel/);
  });

  it("drie met een kleine derde is onveilig; met een derde van minstens p% van de grootste veilig", () => {
    // 40 + 40 + 5: rest 5 < 0,15 · 40 = 6 → unsafe; 40 + 40 + 6: rest 6 = 6 → safe (not below)
    expect(primaryReason(hours([40, 40, 5]), rules())).toMatch(/p%-regel/);
    expect(primaryReason(hours([40, 40, 6]), rules())).toBeNull();
    // order does not matter: largest 50, second 30, rest 4 + 3 = 7 < 7,5 → unsafe
    expect(primaryReason(hours([4, 30, 3, 50]), rules())).toMatch(/p%-regel/);
    // rest 4 + 4 = 8 ≥ 7,5 → safe
    expect(primaryReason(hours([4, 30, 4, 50]), rules())).toBeNull();
  });

  it("de instelling pProcent verschuift de grens", () => {
    // 40 + 40 + 5: rest 5 ≥ 0,10 · 40 = 4 → safe at p = 10; 40 + 40 + 3 unsafe at p = 10
    expect(primaryReason(hours([40, 40, 5]), { ...rules(), pProcent: 10 })).toBeNull();
    expect(primaryReason(hours([40, 40, 3]), { ...rules(), pProcent: 10 })).toMatch(/p%-regel/);
  });

  it("de dominantieregel blijft gelden naast de p%-regel", () => {
    expect(primaryReason(hours([90, 5, 5]), rules())).toMatch(/90%/);
  });
});

describe("requiredWidth", () => {
  it("een verborgen aantal moet k mogelijke waarden houden; uren de helft van de waarde", () => {
    expect(requiredWidth(count(2), rules(5))).toBe(4);
    expect(requiredWidth(count(2), rules(3))).toBe(2);
    expect(requiredWidth(hours([15, 5]), rules())).toBe(10);
    expect(requiredWidth(hours([1]), rules())).toBe(1);
  });
});
