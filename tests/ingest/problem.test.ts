import { describe, it, expect } from "vitest";
import { formatProblem, problem, problemsCsv, sortProblems } from "../../src/ingest/problem.ts";
import { parseCsv } from "../../src/ingest/csv.ts";
import { decodeBytes } from "../../src/ingest/decode.ts";
import { utf8 } from "../fixtures/make-fixtures.ts";

const PROBLEMS = [
  problem("meldingen.csv", 4, "uren", "-1", "uren kunnen niet negatief zijn"),
  problem("registratie.xlsx, tabblad meldingen", 2, "aard", 'zei "ja"; dus', 'onbekende code; bedoelt u "pesten"?'),
  problem("klachten.csv", null, null, null, "dit bestand ontbreekt in de gegevensmap\nregel twee"),
];

describe("problemsCsv: the problems as a CSV for Dutch Excel", () => {
  const text = problemsCsv(PROBLEMS);

  it("starts with a BOM, separates with ';' and ends every line with CRLF", () => {
    expect(text.startsWith("\uFEFFbestand;regel;kolom;waarde;melding\r\n")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(
      text
        .replace(/"[^"]*(""[^"]*)*"/g, "")
        .split("\r\n")
        .every((l) => !l.includes("\n")),
    ).toBe(true);
    expect(text).toContain('"meldingen.csv";"4";"uren";"-1";"uren kunnen niet negatief zijn"\r\n');
    expect(text).toContain('"klachten.csv";"";"";"";');
  });

  it("is read back by our own CSV reader as exactly the problems (quotes, ';' and line breaks inside cells)", () => {
    const r = parseCsv("problemen.csv", decodeBytes(utf8(text)).text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.header).toEqual(["bestand", "regel", "kolom", "waarde", "melding"]);
    expect(r.table.rows.map((row) => row.values)).toEqual(
      PROBLEMS.map((p) => ({
        bestand: p.bestand,
        regel: p.regel === null ? "" : String(p.regel),
        kolom: p.kolom ?? "",
        waarde: p.waarde ?? "",
        melding: p.melding,
      })),
    );
  });

  it("has only the header for no problems", () => {
    expect(problemsCsv([])).toBe("\uFEFFbestand;regel;kolom;waarde;melding\r\n");
  });
});

describe("formatProblem and sortProblems", () => {
  it("puts file, line and column first, then the message and the value", () => {
    expect(formatProblem(PROBLEMS[0]!)).toBe('meldingen.csv, regel 4, kolom uren: uren kunnen niet negatief zijn (waarde: "-1")');
    expect(formatProblem(PROBLEMS[2]!)).toBe("klachten.csv: dit bestand ontbreekt in de gegevensmap\nregel twee");
  });
  it("sorts by file, line, column", () => {
    expect(sortProblems(PROBLEMS).map((p) => p.bestand)).toEqual(["klachten.csv", "meldingen.csv", "registratie.xlsx, tabblad meldingen"]);
  });
});
