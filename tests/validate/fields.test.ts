import { describe, it, expect } from "vitest";
import {
  enumChoices,
  levenshtein,
  normalise,
  parseCode,
  parseGeheel,
  parseJaar,
  parseJaNee,
  parseMaand,
  parseUren,
  splitList,
} from "../../src/validate/fields.ts";

describe("parseMaand", () => {
  it.each([
    ["2021-03", 2021, 3],
    ["2021-3", 2021, 3],
    ["2021-03-15", 2021, 3],
    ["15-03-2021", 2021, 3],
    ["5-3-2021", 2021, 3],
    ["1-12-2020", 2020, 12],
    ["31/12/2020", 2020, 12],
    ["29-02-2020", 2020, 2],
    [" 2021-07 ", 2021, 7],
  ])("reads %j as %i-%i", (text, jaar, maand) => {
    expect(parseMaand(text)).toEqual({ ok: true, value: { jaar, maand } });
  });

  it.each([
    ["31-02-2020", "dag 31 bestaat niet in deze maand"],
    ["29-02-2021", "dag 29 bestaat niet in deze maand"],
    ["2021-04-31", "dag 31 bestaat niet in deze maand"],
    ["0-01-2021", "dag 0 bestaat niet in deze maand"],
    ["2021-13", "maand 13 bestaat niet"],
    ["2021-00", "maand 0 bestaat niet"],
    ["1899-05", "jaartal 1899 is niet aannemelijk"],
  ])("refuses %j: %s", (text, error) => {
    expect(parseMaand(text)).toEqual({ ok: false, error });
  });

  it.each(["", "maart 2021", "2021", "21-03-21", "2021/03", "03-2021", "2021-03-15T10:00"])("refuses %j as no date", (text) => {
    expect(parseMaand(text)).toEqual({ ok: false, error: "geen datum; gebruik JJJJ-MM, JJJJ-MM-DD of DD-MM-JJJJ" });
  });
});

describe("parseUren", () => {
  it.each([
    ["21,5", 21.5],
    ["21.5", 21.5],
    ["3", 3],
    [" 0,25 ", 0.25],
    ["0", 0],
  ])("reads %j as %d", (text, value) => {
    expect(parseUren(text)).toEqual({ ok: true, value });
  });

  it("refuses negative hours", () => {
    expect(parseUren("-1")).toEqual({ ok: false, error: "uren kunnen niet negatief zijn" });
    expect(parseUren("-0,5")).toEqual({ ok: false, error: "uren kunnen niet negatief zijn" });
  });

  it.each(["abc", "", "2,5 uur", "1.000,5", "2,", ",5", "1e3", "2 5", "1 000"])("refuses %j as no number", (text) => {
    expect(parseUren(text)).toEqual({ ok: false, error: "geen getal; schrijf uren als 2 of 2,5" });
  });

  it("refuses -0 as negative", () => {
    expect(parseUren("-0")).toEqual({ ok: false, error: "uren kunnen niet negatief zijn" });
  });

  it.each([
    ["1.000", "1 of 1000"],
    ["1,250", "1,25 of 1250"],
    ["12.500", "12,5 of 12500"],
  ])("refuses %j: thousands separator or decimals are two readings", (text, readings) => {
    expect(parseUren(text)).toEqual({
      ok: false,
      error: `dubbelzinnig: ${text} kan ${readings} uur betekenen; schrijf uren zonder scheidingsteken voor duizendtallen en met hoogstens twee decimalen`,
    });
  });

  it("reads two decimals and four", () => {
    expect(parseUren("1,25")).toEqual({ ok: true, value: 1.25 });
    expect(parseUren("0.1250")).toEqual({ ok: true, value: 0.125 });
  });
});

describe("parseJaNee", () => {
  it.each([
    ["Ja", true],
    ["JA", true],
    ["ja", true],
    [" jA ", true],
    ["nee", false],
    ["Nee", false],
    ["NEE", false],
  ])("reads %j", (text, value) => {
    expect(parseJaNee(text)).toEqual({ ok: true, value });
  });
  it("refuses empty unless empty means undecided", () => {
    expect(parseJaNee("")).toEqual({ ok: false, error: "geldig is: ja of nee" });
    expect(parseJaNee("", "leeg")).toEqual({ ok: true, value: null });
  });
  it.each(["j", "yes", "1", "waar"])("refuses %j", (text) => {
    expect(parseJaNee(text)).toEqual({ ok: false, error: "geldig is: ja of nee" });
  });
});

describe("parseJaar, parseGeheel, splitList", () => {
  it("reads four-digit years only", () => {
    expect(parseJaar("2021")).toEqual({ ok: true, value: 2021 });
    expect(parseJaar("21").ok).toBe(false);
    expect(parseJaar("2021,0").ok).toBe(false);
  });
  it("reads whole numbers of 0 or more", () => {
    expect(parseGeheel("17")).toEqual({ ok: true, value: 17 });
    expect(parseGeheel("-1").ok).toBe(false);
    expect(parseGeheel("1,5").ok).toBe(false);
  });
  it("splits on | and drops empty parts", () => {
    expect(splitList(" a | b||c |")).toEqual(["a", "b", "c"]);
    expect(splitList("")).toEqual([]);
  });
});

describe("parseCode", () => {
  const AARD = [
    { code: "pesten", labels: ["Pesten"] },
    { code: "seksuele-intimidatie", labels: ["Seksuele intimidatie"] },
    { code: "intimidatie", labels: ["Intimidatie"] },
    { code: "onveilig-voelen", labels: ["Onveilig voelen", "Sociale onveiligheid"] },
  ];

  it("accepts the exact code", () => {
    expect(parseCode("seksuele-intimidatie", AARD)).toEqual({ ok: true, value: "seksuele-intimidatie" });
    expect(parseCode(" pesten ", AARD)).toEqual({ ok: true, value: "pesten" });
  });

  it("accepts the label in place of the code, in any case", () => {
    expect(parseCode("Seksuele intimidatie", AARD)).toEqual({ ok: true, value: "seksuele-intimidatie" });
    expect(parseCode("SEKSUELE INTIMIDATIE", AARD)).toEqual({ ok: true, value: "seksuele-intimidatie" });
    expect(parseCode("Sociale onveiligheid", AARD)).toEqual({ ok: true, value: "onveilig-voelen" });
  });

  it("suggests the nearest code for an unknown one", () => {
    const r = parseCode("pestn", AARD);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/^onbekende code; bedoelt u "pesten"\? geldig is: /);
      expect(r.error).toContain("pesten, seksuele-intimidatie, intimidatie, onveilig-voelen");
    }
    const r2 = parseCode("intimdatie", AARD);
    expect(!r2.ok && r2.error).toMatch(/bedoelt u "intimidatie"\?/);
  });

  it("refuses a label that fits two codes", () => {
    const choices = [
      { code: "gesprek", labels: ["Gesprek gevoerd"] },
      { code: "gesprek-vpi", labels: ["Gesprek gevoerd"] },
    ];
    expect(parseCode("gesprek gevoerd", choices)).toEqual({
      ok: false,
      error: "dubbelzinnig: past bij gesprek en gesprek-vpi; gebruik de code",
    });
  });

  it("refuses empty with the list of codes", () => {
    expect(parseCode("", enumChoices(["ja", "nee"]))).toEqual({ ok: false, error: "leeg; geldig is: ja, nee" });
  });

  it("normalises accents, spaces and underscores", () => {
    expect(normalise("  Café Overleg_X ")).toBe("cafe-overleg-x");
    expect(parseCode("in behandeling", enumChoices(["afgerond-resultaat", "in-behandeling"]))).toEqual({
      ok: true,
      value: "in-behandeling",
    });
  });

  it("computes edit distances", () => {
    expect(levenshtein("pestn", "pesten")).toBe(1);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("kitten", "sitting")).toBe(3);
  });
});
