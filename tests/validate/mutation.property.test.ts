// Random bytes and random mutations of a valid registration. Each mutation class has its
// expected outcome: refused with a problem that points at the mutated line or column (or, for a
// counsellor code that goes, at every line that named it), or accepted with exactly what the file
// now says (read by a small reference reader of the contract, written independently of src/validate),
// never the old value. A harmless change (swapped columns, an empty row) must be accepted.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { fcParams } from "../helpers/fast-check.ts";
import { ingest, ingestAll } from "../../src/ingest/index.ts";
import type { TableFile } from "../../src/ingest/raw-input.ts";
import { validate } from "../../src/validate/index.ts";
import type { Dataset } from "../../src/domain.ts";
import type { Problem } from "../../src/ingest/problem.ts";
import { baseTables, check, makeRawInput, VANDAAG, type Rows } from "../fixtures/make-fixtures.ts";
import { workbookBytes } from "../ingest/xlsx-helpers.ts";
import { MUTABLE, refList, TABLES } from "../fixtures/mutation-corpus.ts";

// The reference reader of the data contract (written apart from src/validate) is shared with
// the check-versus-build property: tests/fixtures/mutation-corpus.ts.

// ---- mutations ----

const POOL = [
  "",
  " ",
  "ja",
  "JA",
  "Nee",
  "nee",
  "2021-02",
  "2021-2",
  "15-03-2021",
  "5/3/2021",
  "31-02-2021",
  "2021-13",
  "1-1-1999",
  "2022-04",
  "2020-07",
  "2014-12",
  "2,5",
  "2.5",
  "1.000",
  "1,250",
  "-1",
  "-0",
  "41",
  "40",
  "0",
  "3",
  "2 5",
  "VP-A",
  "VP-B",
  "VP-C",
  "VP-I",
  "VP-A|VP-C",
  "VP-A|VP-A",
  "vp-a",
  "VP-X",
  "pesten",
  "Pesten",
  "PESTEN",
  "seksuele intimidatie",
  "Seksuele_Intimidatie",
  "pestn",
  "fraude",
  "opgelost",
  "fractie",
  "Fractie",
  "ambtelijk",
  "extern",
  "integriteit",
  "ongewenste-omgangsvormen",
  "afgerond-resultaat",
  "in-behandeling",
  "afgerond-onbekend",
  "adviesgesprek",
  "adviesgesprek|doorverwezen",
  "Doorverwezen|",
  "gesprek",
  "Gesprek gevoerd",
  "training",
  "Training",
  "intervisie",
  "supervisie",
  "gegrond",
  "ingetrokken",
  "deels gegrond",
  "M2021-01",
  "M2021-09",
  "K2021-01",
  "K2021-02",
  "2020",
  "2021",
  "2022",
  "2014",
  "a@b.nl",
  "06 12345678",
  "123456782",
  "Sjoerd",
  "x;y",
  'zei "ja"',
  "a\nb",
];
/** Values worth trying per column: valid alternatives, other spellings, near misses. */
const COLUMN_POOL: Record<string, string[]> = {
  id: ["M2021-01", "M2021-02", "M2020-01", "K2021-01", "K2021-02", "M2021-99", " M9 ", "m2021-01", "x"],
  datum: [
    "2021-02",
    "2021-2",
    "15-03-2021",
    "5-3-2021",
    "5/3/2021",
    "2021-06-30",
    "31-02-2021",
    "2021-13",
    "2022-03",
    "2022-04",
    "2020-07",
    "2020-05",
    "1999-01",
    "01-01-2021",
    "2021-02-29",
  ],
  regeling: ["integriteit", "Integriteit", "ongewenste omgangsvormen", "ONGEWENSTE_OMGANGSVORMEN", "ongewenst", "fractie"],
  groep: ["fractie", "ambtelijk", "extern", "Extern", "intern"],
  herkomst: ["fractie", "ambtelijk", "extern", "Extern", "FRACTIE", "intern"],
  aard: [
    "pesten",
    "Pesten",
    "PESTEN",
    "intimidatie",
    "Seksuele intimidatie",
    "seksuele_intimidatie",
    "fraude",
    "Fraude",
    "pestn",
    "opgelost",
    "",
  ],
  vertrouwenspersoon: ["VP-A", "VP-B", "VP-C", "VP-I", "VP-A|VP-C", "VP-C|VP-A", "VP-A|VP-A", "vp-a", "VP-X", "VP-A|", "|VP-C", " VP-C "],
  uren: ["0", "1", "2,5", "2.5", "40", "40,5", "41", "1.000", "1,250", "0,25", "-1", "-0", "2 5", "abc", "3,0", "501"],
  status: ["afgerond-resultaat", "afgerond-onbekend", "in-behandeling", "In behandeling", "afgerond"],
  interventies: ["", "adviesgesprek", "Adviesgesprek", "adviesgesprek|doorverwezen", "Doorverwezen|", "opgelost", "x|adviesgesprek"],
  resultaten: ["", "opgelost", "Opgelost", "gesprek", "Gesprek gevoerd", "opgelost|gesprek", "adviesgesprek"],
  geen_interventie: ["ja", "Ja", "JA", "nee", "NEE", "", "j", "waar"],
  ontvankelijk: ["ja", "Ja", "nee", "NEE", "", "j"],
  code: ["VP-A", "VP-B", "VP-C", "VP-D", "VP I", "vp-a"],
  actief_van: ["2015-01", "2014-01", "2021-03", "2022-01", "", "2020-06", "01-2015", "2019-12"],
  actief_tot: ["", "2020-06", "2020-07", "2021-01", "2019-12", "2014-12", "2030-01"],
  jaar: ["2020", "2021", "2014", "2022", "2015", "21", "2021.0"],
  activiteit: ["training", "Training", "intervisie", "supervisie", "overleg", "voorlichting", "cursus"],
  advies: ["", "gegrond", "ongegrond", "deels-gegrond", "Deels gegrond", "ingetrokken", "onbekend"],
};
const CHARS = ["a", "Z", "1", "0", "2", "-", "|", " ", ",", ".", ";", '"', "\n", "é", "/", "@", "J"];

type Mutation =
  | { kind: "cell"; table: TableFile; row: number; col: number; source: "column" | "pool" | "random"; pick: number; random: string }
  | { kind: "variant"; table: TableFile; row: number; col: number; how: "upper" | "lower" | "pad" }
  | { kind: "deleteColumn"; table: TableFile; col: number }
  | { kind: "renameColumn"; table: TableFile; col: number; value: string }
  | { kind: "duplicateRow"; table: TableFile; row: number }
  | { kind: "deleteRow"; table: TableFile; row: number }
  | { kind: "swapColumns"; table: TableFile; a: number; b: number }
  | { kind: "emptyRow"; table: TableFile; row: number };

const table = fc.constantFrom(...MUTABLE);
const idx = fc.nat({ max: 20 });
const randomText = fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 10 });
const value = fc.oneof(fc.constantFrom(...POOL), randomText);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("cell" as const),
      table,
      row: idx,
      col: idx,
      source: fc.constantFrom("column" as const, "column" as const, "pool" as const, "random" as const),
      pick: fc.nat(),
      random: randomText,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("variant" as const),
      table,
      row: idx,
      col: idx,
      how: fc.constantFrom("upper" as const, "lower" as const, "pad" as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteColumn" as const), table, col: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("renameColumn" as const), table, col: idx, value }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("duplicateRow" as const), table, row: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteRow" as const), table, row: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("swapColumns" as const), table, a: idx, b: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("emptyRow" as const), table, row: idx }) },
);

const BASE = baseTables();
const BASE_DATASET = check().dataset!;

/**
 * What a mutated registration must give. `dataset`: it may be accepted, and then with exactly
 * this dataset. `refusal`: it may be refused, and then the problems must point at the mutation
 * (checked by the predicate, on problems whose file is given as the table's name: "meldingen.csv"
 * or "registratie.xlsx, tabblad meldingen"). At least one of the two is set.
 */
interface Expected {
  dataset?: Dataset;
  refusal?: { what: string; holds: (problems: Located[]) => boolean };
}
/** A problem with its file reduced to the table name ("meldingen"). */
type Located = Problem & { table: string };

const tableName = (file: string) => file.replace(/\.csv$/, "");
const located = (problems: Problem[]): Located[] =>
  problems.map((p) => ({ ...p, table: /tabblad (\w+)/.exec(p.bestand)?.[1] ?? tableName(p.bestand) }));

/** Some problem in the table at one of these lines, or naming one of these columns. */
const pointsAt = (table: TableFile, lines: number[], columns: string[]) => ({
  what: `een probleem in ${table} op regel ${lines.join(" of ")}${columns.length ? ` of in kolom ${columns.join(" of ")}` : ""}`,
  holds: (ps: Located[]) =>
    ps.some(
      (p) =>
        p.table === tableName(table) && ((p.regel !== null && lines.includes(p.regel)) || (p.kolom !== null && columns.includes(p.kolom))),
    ),
});

/** The lines of meldingen and activiteiten that name a counsellor code: they lose it when it goes. */
function referencesTo(code: string): { table: string; regel: number }[] {
  const refs: { table: string; regel: number }[] = [];
  BASE["meldingen.csv"].forEach((r, i) => {
    if (i > 0 && refList(r[5]!).includes(code)) refs.push({ table: "meldingen", regel: i + 1 });
  });
  BASE["activiteiten.csv"].forEach((r, i) => {
    if (i > 0 && r[1]!.trim() === code) refs.push({ table: "activiteiten", regel: i + 1 });
  });
  return refs;
}
/** Refused with an "onbekende vertrouwenspersoon" problem on every line that named the code. */
const lostCounsellor = (code: string) => ({
  what: `een probleem op elke regel die ${code} noemt`,
  holds: (ps: Located[]) =>
    referencesTo(code).every((ref) =>
      ps.some(
        (p) =>
          p.table === ref.table &&
          p.regel === ref.regel &&
          p.kolom === "vertrouwenspersoon" &&
          /onbekende vertrouwenspersoon/.test(p.melding),
      ),
    ),
});

/** Applies a mutation; returns the mutated tables and what the file must give. */
function apply(m: Mutation): { tables: Record<TableFile, Rows>; expected: Expected } {
  const tables = Object.fromEntries(Object.entries(BASE).map(([k, rows]) => [k, rows.map((r) => [...r])])) as Record<TableFile, Rows>;
  const rows = tables[m.table];
  const header = rows[0]!;
  const n = rows.length - 1;
  const spec = TABLES[m.table]!;
  const list = () => [...(BASE_DATASET[spec.key] as unknown[])];
  const withList = (l: unknown[]): Dataset => ({ ...BASE_DATASET, [spec.key]: l });
  switch (m.kind) {
    case "cell":
    case "variant": {
      const r = 1 + (m.row % n);
      const c = m.col % header.length;
      const old = rows[r]![c]!;
      const pool = COLUMN_POOL[header[c]!] ?? POOL;
      const v =
        m.kind === "cell"
          ? m.source === "random"
            ? m.random
            : m.source === "pool"
              ? POOL[m.pick % POOL.length]!
              : pool[m.pick % pool.length]!
          : m.how === "upper"
            ? old.toUpperCase()
            : m.how === "lower"
              ? old.toLowerCase()
              : `  ${old} `;
      rows[r]![c] = v;
      const [prop, read] = spec.columns[header[c]!]!;
      const reading = read(v);
      // The mutated line, and in a CSV the next ones when the value holds line breaks.
      const lines = [r + 1, r + 2, r + 3].slice(0, 1 + (v.match(/\n/g)?.length ?? 0));
      const cell = pointsAt(m.table, lines, [header[c]!]);
      // A counsellor's regeling or dates are checked where they are used: on the lines naming them.
      const code = m.table === "vertrouwenspersonen.csv" ? rows[r]![0]!.trim() : "";
      const users = referencesTo(m.table === "vertrouwenspersonen.csv" && c === 0 ? old.trim() : code);
      const here =
        m.table !== "vertrouwenspersonen.csv"
          ? cell
          : {
              what: `${cell.what}, of op een regel die ${code} noemt`,
              holds: (ps: Located[]) => cell.holds(ps) || ps.some((p) => users.some((u) => p.table === u.table && p.regel === u.regel)),
            };
      if (reading === undefined) return { tables, expected: { refusal: here } };
      const l = list();
      l[r - 1] = { ...(l[r - 1] as object), [prop]: reading };
      // A new counsellor code leaves the lines that named the old one without their counsellor.
      const renamed =
        m.table === "vertrouwenspersonen.csv" && header[c] === "code" && reading !== old.trim() && referencesTo(old.trim()).length > 0;
      // Other rules span rows (a repeated id, a date after today, a melding before its counsellor
      // was active, too many hours): a value the cell reader accepts may still be refused, on its line.
      return { tables, expected: renamed ? { refusal: lostCounsellor(old.trim()) } : { dataset: withList(l), refusal: here } };
    }
    case "deleteColumn": {
      const c = m.col % header.length;
      tables[m.table] = rows.map((r) => r.filter((_, j) => j !== c));
      return { tables, expected: { refusal: pointsAt(m.table, [], [header[c]!]) } };
    }
    case "renameColumn": {
      const c = m.col % header.length;
      const same = m.value.trim() === header[c];
      const old = header[c]!;
      header[c] = m.value;
      // A header cell with a line break or both separators makes the header itself unreadable (line 1 or 2).
      // An empty last header cell is trailing, and then a row is longer than the header: that
      // problem names the header ("de kopregel") on the first longer row.
      const header1 = pointsAt(m.table, [1, 2], [old, m.value.trim()]);
      const refusal = {
        what: `${header1.what}, of over de kopregel`,
        holds: (ps: Located[]) => header1.holds(ps) || ps.some((p) => p.table === tableName(m.table) && /kopregel/.test(p.melding)),
      };
      return { tables, expected: same ? { dataset: BASE_DATASET } : { refusal } };
    }
    case "duplicateRow": {
      const r = 1 + (m.row % n);
      rows.splice(r, 0, [...rows[r]!]);
      // Every table with ids or keys refuses a copied row, on one of the two copies.
      return { tables, expected: { refusal: pointsAt(m.table, [r + 1, r + 2], []) } };
    }
    case "deleteRow": {
      const r = 1 + (m.row % n);
      const code = rows[r]![0]!.trim();
      rows.splice(r, 1);
      const l = list();
      l.splice(r - 1, 1);
      // A counsellor removed from the list leaves the lines that named them without a counsellor.
      if (m.table === "vertrouwenspersonen.csv" && referencesTo(code).length > 0)
        return { tables, expected: { refusal: lostCounsellor(code) } };
      return { tables, expected: { dataset: withList(l) } };
    }
    case "swapColumns": {
      const a = m.a % header.length;
      const b = m.b % header.length;
      tables[m.table] = rows.map((r) => r.map((x, j) => (j === a ? r[b]! : j === b ? r[a]! : x)));
      return { tables, expected: { dataset: BASE_DATASET } };
    }
    case "emptyRow": {
      rows.splice(
        1 + (m.row % (n + 1)),
        0,
        header.map(() => ""),
      );
      return { tables, expected: { dataset: BASE_DATASET } };
    }
  }
}

/** Judge a result against what the mutation must give. */
function judge(m: Mutation, expected: Expected, dataset: Dataset | null, problems: Problem[]): void {
  expect(dataset === null).toBe(problems.length > 0);
  if (dataset === null) {
    if (!expected.refusal)
      throw new Error(
        `refused a change that means ${expected.dataset === BASE_DATASET ? "exactly the same" : "a readable value"}: ${JSON.stringify(m)}: ${JSON.stringify(problems)}`,
      );
    if (!expected.refusal.holds(located(problems)))
      throw new Error(`refused ${JSON.stringify(m)}, but without ${expected.refusal.what}: ${JSON.stringify(problems)}`);
    return;
  }
  if (!expected.dataset) throw new Error(`accepted ${JSON.stringify(m)}, which must be refused (${expected.refusal?.what})`);
  expect(dataset).toEqual(expected.dataset);
}

describe("mutations of a valid registration", () => {
  it("are refused with a problem that points at the mutation, or accepted with exactly the mutated value", () => {
    fc.assert(
      fc.property(
        mutation,
        fc.constantFrom<";" | ",">(";", ","),
        fc.constantFrom<"\n" | "\r\n">("\n", "\r\n"),
        fc.boolean(),
        (m, sep, eol, quoteAll) => {
          const { tables, expected } = apply(m);
          const r = check({ tables, sep, eol, quoteAll });
          judge(m, expected, r.dataset, r.problems);
        },
      ),
      fcParams(1500),
    );
  });

  it("hold for a workbook too (registratie.xlsx, cells as text): the same outcome per mutation", async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const { tables, expected } = apply(m);
        const raw = makeRawInput({ tables: Object.fromEntries(Object.keys(tables).map((k) => [k, null])) });
        raw.registratie = {
          bestand: "registratie.xlsx",
          bytes: await workbookBytes(
            Object.entries(tables).map(([file, rows]) => ({ name: file.replace(".csv", ""), rows, typed: false })),
          ),
        };
        const r = validate(await ingestAll(raw), VANDAAG);
        judge(m, expected, r.dataset, r.problems);
      }),
      fcParams(150),
    );
  });

  it("a change to a cell that is read the same way (case, spaces) is accepted with the same dataset", () => {
    const tables = {
      ...BASE,
      "meldingen.csv": BASE["meldingen.csv"].map((r, i) => (i === 0 ? r : r.map((c) => (c === "" ? c : `  ${c} `)))),
    };
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
      fcParams(1000),
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
        // A refusal names the damaged file (or a file whose rows refer to it: a damaged list of counsellors).
        if (r.dataset === null)
          expect(
            r.problems.some(
              (p) =>
                p.bestand === file ||
                (file === "vertrouwenspersonen.csv" && /onbekende vertrouwenspersoon/.test(p.melding)) ||
                (file === "vocabulaire.csv" && p.bestand === "meldingen.csv"),
            ),
            JSON.stringify(r.problems),
          ).toBe(true);
      }),
      fcParams(1000),
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
      fcParams(150),
    );
  });
});
