import { describe, expect, it } from "vitest";
import { yearsInWords } from "../../src/present/span-words.ts";

const table = (jaren: string[]) => ({
  cells: [
    { column: "p", scope: { jaar: jaren } },
    { column: "q", scope: { jaar: ["2021"] } },
  ] as never,
});

describe("yearsInWords: the years of a pooled column, in words", () => {
  it("counts the periods the column's cells cover", () => {
    expect(yearsInWords(table(["2018", "2019"]), "p")).toBe("twee jaar");
    expect(yearsInWords(table(["2019", "2020", "2021"]), "p")).toBe("drie jaar");
    expect(yearsInWords(table(["2019", "2020", "2021"]), "q")).toBe("één jaar");
  });
});
