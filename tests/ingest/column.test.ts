import { describe, expect, it } from "vitest";
import { CsvColumn, DICTIONARY_LIMIT } from "../../src/ingest/column.ts";

describe("CsvColumn", () => {
  it("keeps few distinct texts as a dictionary with a code per row", () => {
    const c = new CsvColumn();
    for (const t of ["2021-01", "2021-02", "2021-01", ""]) c.push(t);
    expect(c.coded).toBe(true);
    expect(c.dictionary).toEqual(["2021-01", "2021-02", ""]);
    expect([0, 1, 2, 3].map((k) => c.code(k))).toEqual([0, 1, 0, 2]);
    expect([0, 1, 2, 3].map((k) => c.text(k))).toEqual(["2021-01", "2021-02", "2021-01", ""]);
    expect(c.length).toBe(4);
  });

  it("turns into plain texts past the dictionary limit, keeping every earlier row's text", () => {
    const c = new CsvColumn();
    const texts = Array.from({ length: DICTIONARY_LIMIT + 10 }, (_, i) => `id${i % (DICTIONARY_LIMIT + 5)}`);
    for (const t of texts) c.push(t);
    expect(c.coded).toBe(false);
    expect(c.code(0)).toBe(-1);
    expect(c.length).toBe(texts.length);
    expect(texts.every((t, k) => c.text(k) === t)).toBe(true);
  });
});
