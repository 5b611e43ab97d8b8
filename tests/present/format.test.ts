import { describe, expect, it } from "vitest";
import { formatDatum, formatGetal, formatProcent, formatUren, meervoud } from "../../src/present/format.ts";

describe("Nederlandse notatie", () => {
  it("uren met decimale komma, afgerond op één decimaal", () => {
    expect(formatUren(21.5)).toBe("21,5");
    expect(formatUren(74)).toBe("74");
    expect(formatUren(2.06)).toBe("2,1");
    expect(formatUren(1250.25)).toBe("1.250,3");
  });

  it("procenten zonder spatie", () => {
    expect(formatProcent(39)).toBe("39%");
    expect(formatProcent(100)).toBe("100%");
  });

  it("datum voluit", () => {
    expect(formatDatum("2021-03-02")).toBe("2 maart 2021");
    expect(formatDatum("2020-12-31")).toBe("31 december 2020");
    expect(formatDatum("maart 2021")).toBe("maart 2021");
  });

  it("getallen met punt als duizendtalscheiding", () => {
    expect(formatGetal(1250)).toBe("1.250");
    expect(formatGetal(21)).toBe("21");
    expect(formatGetal(1234567)).toBe("1.234.567");
    expect(formatGetal(3.5, 1)).toBe("3,5");
  });

  it("meervoud", () => {
    expect(meervoud(1, "melding", "meldingen")).toBe("melding");
    expect(meervoud(0, "melding", "meldingen")).toBe("meldingen");
  });
});
