import { describe, expect, it } from "vitest";
import { primaryReason, requiredWidth, type PrimaryRules } from "../../src/protect/primary.ts";
import type { TableCell } from "../../src/protect/tables.ts";

const rules = (k = 5, protectZeros = false): PrimaryRules => ({ k, protectZeros, dominance: 0.85 });
const count = (value: number): TableCell => ({
  id: `t/2020/r`, row: "r", column: "2020", universe: "meldingen", scope: { jaar: ["2020"] }, value, kind: "aantal", contributions: [], meldingenBehind: null,
});
const hours = (contributions: number[], meldingenBehind: number | null = null): TableCell => ({
  id: `u/2020/r`, row: "r", column: "2020", universe: "uren", scope: { jaar: ["2020"] },
  value: contributions.reduce((s, x) => s + x, 0), kind: "uren", contributions, meldingenBehind,
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
    expect(primaryReason(hours([85, 15]), rules())).toBeNull();
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

describe("requiredWidth", () => {
  it("een verborgen aantal moet k mogelijke waarden houden; uren de helft van de waarde", () => {
    expect(requiredWidth(count(2), rules(5))).toBe(4);
    expect(requiredWidth(count(2), rules(3))).toBe(2);
    expect(requiredWidth(hours([15, 5]), rules())).toBe(10);
    expect(requiredWidth(hours([1]), rules())).toBe(1);
  });
});
