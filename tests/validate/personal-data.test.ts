import { describe, it, expect } from "vitest";
import { findName, isBsnLike, personalDataIn } from "../../src/validate/personal-data.ts";

const NAMES = ["Sjoerd", "Van Dalsum-Hoek"];

describe("personalDataIn", () => {
  it.each([
    ["mail naar j.jansen@tweedekamer.nl", "lijkt een e-mailadres"],
    ["a+b@example.org", "lijkt een e-mailadres"],
    ["0612345678", "lijkt een telefoonnummer"],
    ["06-12345678", "lijkt een telefoonnummer"],
    ["bel 070 318 2211", "lijkt een telefoonnummer"],
    ["+31 6 12345678", "lijkt een telefoonnummer"],
    ["0031612345678", "lijkt een telefoonnummer"],
    ["111222333", "lijkt een burgerservicenummer (BSN)"],
    ["bsn 111222333.", "lijkt een burgerservicenummer (BSN)"],
    ["gesprek met sjoerd", 'bevat de naam "Sjoerd" uit de namenlijst'],
    ["Sjoerd", 'bevat de naam "Sjoerd" uit de namenlijst'],
    ["familie van dalsum-hoek", 'bevat de naam "Van Dalsum-Hoek" uit de namenlijst'],
  ])("flags %j", (value, why) => {
    expect(personalDataIn(value, NAMES)).toBe(why);
  });

  it("flags a BSN that follows another nine-digit number", () => {
    // 123456789 fails the elfproef, 111222333 passes: the second one must still be found.
    expect(isBsnLike("123456789")).toBe(false);
    expect(personalDataIn("123456789 of 111222333", [])).toBe("lijkt een burgerservicenummer (BSN)");
  });

  it.each([
    "M2020-07",
    "M2021-01",
    "21,5",
    "21.5",
    "2021-06-30",
    "15-03-2021",
    "VP-A|VP-B",
    "seksuele-intimidatie",
    "Jaarverslag VPOO 2020, grafiek 'Aantal meldingen 2011-2020'",
    "123456789",
    "1234567890",
    "Sjoerdsma",
    "Ansjoerd",
    "",
  ])("raises no false alarm on %j", (value) => {
    expect(personalDataIn(value, NAMES)).toBeNull();
  });
});

describe("isBsnLike", () => {
  it("applies the elfproef", () => {
    expect(isBsnLike("111222333")).toBe(true);
    expect(isBsnLike("123456782")).toBe(true);
    expect(isBsnLike("111222334")).toBe(false);
    expect(isBsnLike("000000000")).toBe(false);
    expect(isBsnLike("11122233")).toBe(false);
    expect(isBsnLike("11122233a")).toBe(false);
  });
});

describe("findName", () => {
  it("matches whole names only, case-insensitively, with regex characters escaped", () => {
    expect(findName("Sjoerd zei", NAMES)).toBe("Sjoerd");
    expect(findName("(Sjoerd)", NAMES)).toBe("Sjoerd");
    expect(findName("Sjoerdje", NAMES)).toBeNull();
    expect(findName("Gesprek met A.B. Smit", ["A.B."])).toBe("A.B.");
    expect(findName("AxB", ["A.B"])).toBeNull();
    expect(findName("wie dan ook", ["", "  "])).toBeNull();
  });
  it("treats accented letters as part of a word", () => {
    expect(findName("Renéé", ["René"])).toBeNull();
    expect(findName("René.", ["René"])).toBe("René");
  });
});
