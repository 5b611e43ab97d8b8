// parseCsv reads a file without quotes by splitting lines itself (the fast path) and anything
// else through csv-parse. Both readings must give the same table, problems and line numbers.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { fcParams } from "../helpers/fast-check.ts";
import { parseCsv, plainLineEnd } from "../../src/ingest/csv.ts";

const both = (text: string, sep?: ";" | ",") => {
  const fast = parseCsv("t.csv", text, sep);
  const slow = parseCsv("t.csv", text, sep, { fastPath: false });
  expect(fast).toEqual(slow);
  // toEqual ignores key order; the order of a row's values is what validate reports in
  expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
};

// The csv-spectrum texts (see csv-spectrum.test.ts), plus the same written with ';'.
const SPECTRUM = [
  'first,last,address,city,zip\nJohn,Doe,120 any st.,"Anytown, WW",08123\n',
  'a,b,c\n1,"",""\n2,3,4\n',
  'a,b,c\r\n1,"",""\r\n2,3,4\r\n',
  'a,b\n1,"ha ""ha"" ha"\n3,4\n',
  'key,val\n1,"{""type"": ""Point"", ""coordinates"": [102.0, 0.5]}"\n',
  'a,b,c\n1,2,3\n"Once upon \na time",5,6\n7,8,9\n',
  'a,b,c\r\n1,2,3\r\n"Once upon \r\na time",5,6\r\n7,8,9\r\n',
  'a,b\n1,"ha \n""ha"" \nha"\n3,4\n',
  "a,b,c\n1,2,3\n",
  "a,b,c\r\n1,2,3\r\n",
  "a,b,c\n1,2,3\n4,5,ʤ\n",
];

describe("fast path = csv-parse", () => {
  it("on the csv-spectrum cases, with and without the last line end, with ',' and ';'", () => {
    for (const t of SPECTRUM) {
      for (const text of [t, t.replace(/\r?\n$/, ""), t.replace(/,/g, ";"), t.replace(/,/g, ";").replace(/\r?\n$/, "")]) {
        both(text);
        both(text, ";");
        both(text, ",");
      }
    }
  });

  it("takes the fast path only for files without quotes, BOM or mixed line ends", () => {
    expect(plainLineEnd("a,b\n1,2\n")).toBe("\n");
    expect(plainLineEnd("a,b\r\n1,2\r\n")).toBe("\r\n");
    expect(plainLineEnd("a,b\r\n1,2\n")).toBeNull();
    expect(plainLineEnd("a,b\n1,2\r\n")).toBeNull();
    expect(plainLineEnd("a,b\r1,2")).toBeNull();
    expect(plainLineEnd('a,b\n"1",2\n')).toBeNull();
    expect(plainLineEnd("\uFEFFa,b\n")).toBeNull();
  });

  it("on random texts", () => {
    const ch = fc.constantFrom("a", "b", "é", " ", "\t", ",", ";", "\n", "\r\n", "\r", '"', "\uFEFF", "x y", "");
    const text = fc.array(ch, { maxLength: 60 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, ";" as const, "," as const), (t, sep) => both(t, sep)),
      fcParams(5000),
    );
  });

  it("on random texts without quotes (the fast path)", () => {
    const cell = fc.array(fc.constantFrom("a", "B", "1", " ", "é", "\t", "|", "-"), { maxLength: 4 }).map((cs) => cs.join(""));
    const line = fc.array(cell, { maxLength: 5 });
    const file = fc
      .tuple(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom(",", ";"), fc.constantFrom("\n", "\r\n"), fc.boolean())
      .map(([lines, sep, eol, last]) => ({ text: lines.map((l) => l.join(sep)).join(eol) + (last ? eol : ""), sep: sep as ";" | "," }));
    fc.assert(
      fc.property(file, ({ text, sep }) => {
        if (text.trim() !== "") expect(plainLineEnd(text)).not.toBeNull();
        both(text, sep);
        both(text);
      }),
      fcParams(5000),
    );
  });
});
