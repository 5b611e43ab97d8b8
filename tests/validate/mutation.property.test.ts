// Random bytes and random mutations of a valid registration: no crash, and no silent
// acceptance of a changed value. When validate accepts a mutated file, the dataset must hold
// what the file now says (read by the small reference reader of the contract in
// tests/fixtures/mutation-corpus.ts, written independently), never the old value.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { ingest, ingestAll } from "../../src/ingest/index.ts";
import type { TableFile } from "../../src/ingest/raw-input.ts";
import { validate } from "../../src/validate/index.ts";
import { check, makeRawInput, VANDAAG } from "../fixtures/make-fixtures.ts";
import { workbookBytes } from "../ingest/xlsx-helpers.ts";
import { apply, BASE, BASE_DATASET, mutation } from "../fixtures/mutation-corpus.ts";

describe("mutations of a valid registration", () => {
  it("are refused, or accepted with exactly the mutated value (never the old one); nothing throws", () => {
    fc.assert(
      fc.property(mutation, fc.constantFrom<";" | ",">(";", ","), fc.constantFrom<"\n" | "\r\n">("\n", "\r\n"), fc.boolean(), (m, sep, eol, quoteAll) => {
        const { tables, expected } = apply(m);
        const r = check({ tables, sep, eol, quoteAll });
        expect(r.dataset === null).toBe(r.problems.length > 0);
        if (r.dataset === null) {
          // Refusing is always safe, except where the file means exactly the same as before.
          if (expected !== "refused" && expected !== "any" && m.kind !== "cell" && m.kind !== "variant") {
            throw new Error(`refused a harmless change ${JSON.stringify(m)}: ${JSON.stringify(r.problems)}`);
          }
          return;
        }
        if (expected === "refused") throw new Error(`accepted ${JSON.stringify(m)}, which the contract cannot read`);
        if (expected === "any") return;
        expect(r.dataset).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it("hold for a workbook too (registratie.xlsx, cells as text): refused, or accepted with the mutated value", async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const { tables, expected } = apply(m);
        const raw = makeRawInput({ tables: Object.fromEntries(Object.keys(tables).map((k) => [k, null])) });
        raw.registratie = { bestand: "registratie.xlsx", bytes: await workbookBytes(Object.entries(tables).map(([file, rows]) => ({ name: file.replace(".csv", ""), rows, typed: false }))) };
        const r = validate(await ingestAll(raw), VANDAAG);
        expect(r.dataset === null).toBe(r.problems.length > 0);
        if (r.dataset === null || expected === "any") return;
        if (expected === "refused") throw new Error(`accepted ${JSON.stringify(m)}, which the contract cannot read`);
        expect(r.dataset).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it("a change to a cell that is read the same way (case, spaces) is accepted with the same dataset", () => {
    const tables = { ...BASE, "meldingen.csv": BASE["meldingen.csv"].map((r, i) => (i === 0 ? r : r.map((c) => (c === "" ? c : `  ${c} `)))) };
    expect(check({ tables }).dataset).toEqual(BASE_DATASET);
  });
});

describe("random bytes", () => {
  const anyTable = fc.constantFrom(...(Object.keys(BASE) as TableFile[]));

  it("as a CSV file: refused with problems, never a crash", () => {
    fc.assert(
      fc.property(anyTable, fc.uint8Array({ maxLength: 400 }), (file, bytes) => {
        const raw = makeRawInput();
        raw.tables[file] = { bestand: file, bytes };
        const r = validate(ingest(raw), VANDAAG);
        expect(r.dataset).toBeNull();
        expect(r.problems.length).toBeGreaterThan(0);
        for (const p of r.problems) expect(p.melding).not.toBe("");
      }),
      { numRuns: 1000 },
    );
  });

  it("spliced into a valid CSV file: a problem or a dataset, never a crash", () => {
    fc.assert(
      fc.property(anyTable, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 }), (file, at, bytes) => {
        const raw = makeRawInput();
        const valid = raw.tables[file]!.bytes;
        const pos = at % (valid.length + 1);
        raw.tables[file] = { bestand: file, bytes: new Uint8Array([...valid.subarray(0, pos), ...bytes, ...valid.subarray(pos)]) };
        const r = validate(ingest(raw), VANDAAG);
        expect(r.dataset === null).toBe(r.problems.length > 0);
      }),
      { numRuns: 1000 },
    );
  });

  it("as a workbook, and as a valid workbook with bytes changed or cut off: problems, never a crash", async () => {
    const valid = await workbookBytes([{ name: "klachten", rows: BASE["klachten.csv"] }]);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }).map((b) => ({ bytes: b, fromValid: false })),
          fc.uint8Array({ maxLength: 300 }).map((b) => ({ bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b]), fromValid: false })),
          fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([at, x]) => {
            const b = valid.slice();
            const i = at % b.length;
            b[i] = b[i]! ^ x;
            return { bytes: b, fromValid: true };
          }),
          fc.nat().map((at) => ({ bytes: valid.slice(0, at % valid.length), fromValid: true })),
        ),
        async ({ bytes, fromValid }) => {
          const raw = makeRawInput({ tables: { "klachten.csv": null } });
          raw.werkboeken = { "klachten.csv": { bestand: "klachten.xlsx", bytes } };
          const r = validate(await ingestAll(raw), VANDAAG);
          expect(r.dataset === null).toBe(r.problems.length > 0);
          if (!fromValid) expect(r.dataset).toBeNull();
        },
      ),
      { numRuns: 150 },
    );
  });
});
