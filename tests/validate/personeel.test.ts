// personeel.csv: optional; one headcount per year; every problem names file, row and column.
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/ingest/csv.ts";
import type { Problem } from "../../src/ingest/problem.ts";
import { validatePersoneel } from "../../src/validate/personeel.ts";

function run(text: string): { rows: { jaar: number; aantal: number }[]; problems: Problem[] } {
  const parsed = parseCsv("personeel.csv", text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const problems: Problem[] = [];
  return { rows: validatePersoneel(parsed.table, problems, ["Sjoerd"]), problems };
}

describe("personeel.csv", () => {
  it("reads one headcount per year", () => {
    expect(run("jaar;aantal\n2019;2030\n2020;2080\n")).toEqual({
      rows: [
        { jaar: 2019, aantal: 2030 },
        { jaar: 2020, aantal: 2080 },
      ],
      problems: [],
    });
  });

  it("names file, row and column of a bad value, in Dutch", () => {
    const { rows, problems } = run("jaar;aantal\n2019;2030\n20x0;12\n2021;twee\n");
    expect(rows).toEqual([{ jaar: 2019, aantal: 2030 }]);
    expect(problems.map((p) => [p.bestand, p.regel, p.kolom])).toEqual([
      ["personeel.csv", 3, "jaar"],
      ["personeel.csv", 4, "aantal"],
    ]);
    expect(problems[0]!.melding).toContain("jaartal");
  });

  it("refuses a year given twice, a zero and an unknown column", () => {
    expect(run("jaar;aantal\n2019;2030\n2019;2040\n").problems).toMatchObject([
      { regel: 3, kolom: "jaar", melding: expect.stringContaining("regel 2") },
    ]);
    expect(run("jaar;aantal\n2019;0\n").problems).toMatchObject([{ regel: 2, kolom: "aantal" }]);
    expect(run("jaar;aantal;naam\n2019;2030;x\n").problems.length).toBeGreaterThan(0);
  });
});
