// The edge cases of the public csv-spectrum suite, recreated here (not copied): each case is the
// text and the records it must give. Read as counsellors' files are: bytes → decode → parseCsv,
// with `,` as in the suite and again written with `;` as Dutch Excel does.
import { describe, it, expect } from "vitest";
import { parseCsv } from "../../src/ingest/csv.ts";
import { decodeBytes } from "../../src/ingest/decode.ts";
import { csvText, utf8, type Rows } from "../fixtures/make-fixtures.ts";

interface Case {
  text: string;
  header: string[];
  rows: { regel: number; values: Record<string, string> }[];
}

const crlf = (s: string) => s.replace(/\n/g, "\r\n");

const SIMPLE: Case = { text: "a,b,c\n1,2,3\n", header: ["a", "b", "c"], rows: [{ regel: 2, values: { a: "1", b: "2", c: "3" } }] };
const EMPTY: Case = {
  text: 'a,b,c\n1,"",""\n2,3,4\n',
  header: ["a", "b", "c"],
  rows: [
    { regel: 2, values: { a: "1", b: "", c: "" } },
    { regel: 3, values: { a: "2", b: "3", c: "4" } },
  ],
};
const NEWLINES: Case = {
  text: 'a,b,c\n1,2,3\n"Once upon \na time",5,6\n7,8,9\n',
  header: ["a", "b", "c"],
  rows: [
    { regel: 2, values: { a: "1", b: "2", c: "3" } },
    { regel: 3, values: { a: "Once upon \na time", b: "5", c: "6" } },
    { regel: 5, values: { a: "7", b: "8", c: "9" } },
  ],
};

const CASES: Record<string, Case> = {
  comma_in_quotes: {
    text: 'first,last,address,city,zip\nJohn,Doe,120 any st.,"Anytown, WW",08123\n',
    header: ["first", "last", "address", "city", "zip"],
    rows: [{ regel: 2, values: { first: "John", last: "Doe", address: "120 any st.", city: "Anytown, WW", zip: "08123" } }],
  },
  empty: EMPTY,
  empty_crlf: { ...EMPTY, text: crlf(EMPTY.text) },
  escaped_quotes: {
    text: 'a,b\n1,"ha ""ha"" ha"\n3,4\n',
    header: ["a", "b"],
    rows: [
      { regel: 2, values: { a: "1", b: 'ha "ha" ha' } },
      { regel: 3, values: { a: "3", b: "4" } },
    ],
  },
  json: {
    text: 'key,val\n1,"{""type"": ""Point"", ""coordinates"": [102.0, 0.5]}"\n',
    header: ["key", "val"],
    rows: [{ regel: 2, values: { key: "1", val: '{"type": "Point", "coordinates": [102.0, 0.5]}' } }],
  },
  newlines: NEWLINES,
  // Every line end CRLF, also the one inside the quoted field: it stays in the value.
  newlines_crlf: {
    ...NEWLINES,
    text: crlf(NEWLINES.text),
    rows: NEWLINES.rows.map((r) => ({ ...r, values: { ...r.values, a: r.values.a!.replace("\n", "\r\n") } })),
  },
  quotes_and_newlines: {
    text: 'a,b\n1,"ha \n""ha"" \nha"\n3,4\n',
    header: ["a", "b"],
    rows: [
      { regel: 2, values: { a: "1", b: 'ha \n"ha" \nha' } },
      { regel: 5, values: { a: "3", b: "4" } },
    ],
  },
  simple: SIMPLE,
  simple_crlf: { ...SIMPLE, text: crlf(SIMPLE.text) },
  utf8: {
    text: "a,b,c\n1,2,3\n4,5,ʤ\n",
    header: ["a", "b", "c"],
    rows: [
      { regel: 2, values: { a: "1", b: "2", c: "3" } },
      { regel: 3, values: { a: "4", b: "5", c: "ʤ" } },
    ],
  },
};

describe("csv-spectrum, recreated", () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`${name} (as in the suite, with ',')`, () => {
      const r = parseCsv(`${name}.csv`, decodeBytes(utf8(c.text)).text);
      expect(r).toEqual({ ok: true, table: { bestand: `${name}.csv`, header: c.header, rows: c.rows } });
    });

    it(`${name} (without the final line end)`, () => {
      const r = parseCsv(`${name}.csv`, c.text.replace(/\r?\n$/, ""));
      expect(r).toEqual({ ok: true, table: { bestand: `${name}.csv`, header: c.header, rows: c.rows } });
    });

    it(`${name} (written with ';' and a BOM, as Dutch Excel saves it)`, () => {
      const eol = c.text.includes("\r\n") ? "\r\n" : "\n";
      const rows: Rows = [c.header, ...c.rows.map((r) => c.header.map((h) => r.values[h]!))];
      const bytes = utf8("\uFEFF" + csvText(rows, { sep: ";", eol }));
      const r = parseCsv(`${name}.csv`, decodeBytes(bytes).text);
      expect(r).toEqual({ ok: true, table: { bestand: `${name}.csv`, header: c.header, rows: c.rows } });
    });
  }
});
