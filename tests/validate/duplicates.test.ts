import fc from "fast-check";
import { fcParams } from "../helpers/fast-check.ts";
import { describe, expect, it } from "vitest";
import { CsvColumn, DICTIONARY_LIMIT } from "../../src/ingest/column.ts";
import { firstOccurrences } from "../../src/validate/duplicates.ts";

/** What firstOccurrences must give: a plain Map from text to its first row. */
function naive(texts: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return texts.map((t, k) => {
    if (t === "") return -1;
    const first = seen.get(t);
    if (first === undefined) {
      seen.set(t, k);
      return -1;
    }
    return first;
  });
}

function columnOf(texts: readonly string[]): CsvColumn {
  const column = new CsvColumn();
  for (const t of texts) column.push(t);
  return column;
}

describe("firstOccurrences", () => {
  it("finds the first row of each repeated text and ignores empty cells", () => {
    expect([...firstOccurrences(columnOf(["a", "b", "a", "", "", "b", "a"]))]).toEqual([-1, -1, 0, -1, -1, 1, 0]);
  });

  it("agrees with a Map on random columns (coded: few distinct texts)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("", "M1", "M2", "m1", "M1 ", "é", "M10"), { maxLength: 60 }), (texts) => {
        const column = columnOf(texts);
        expect(column.coded).toBe(true);
        expect([...firstOccurrences(column)]).toEqual(naive(texts));
      }),
      fcParams(100),
    );
  });

  it("agrees with a Map on a column with more distinct texts than the dictionary keeps (the ids)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(DICTIONARY_LIMIT * 2), { minLength: 50, maxLength: 400 }),
        fc.integer({ min: 1, max: 1000 }),
        (picks, salt) => {
          // Distinct ids first, past the limit, then repeats of earlier ones (and a few empty cells).
          const distinct = Array.from({ length: DICTIONARY_LIMIT + 500 }, (_, i) => `M${salt}-${i}`);
          const texts = [
            ...distinct,
            ...picks.map((p) => (p % 97 === 0 ? "" : (distinct[p % distinct.length] as string))),
            "nieuw",
            "nieuw",
          ];
          const column = columnOf(texts);
          expect(column.coded).toBe(false);
          expect([...firstOccurrences(column)]).toEqual(naive(texts));
        },
      ),
      fcParams(20),
    );
  });
});
