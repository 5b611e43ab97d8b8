// Random valid meldingen, written as Excel would (`;` or `,`, CRLF or LF, quoted where needed),
// must come back from ingest + validate with exactly the values that were written.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { fcParams } from "../helpers/fast-check.ts";
import type { Herkomst, Melding, Regeling, Status } from "../../src/domain.ts";
import { baseTables, check, MELDING_HEADER } from "../fixtures/make-fixtures.ts";

const AARD_LABELS: Record<string, string> = {
  pesten: "Pesten",
  intimidatie: "Intimidatie",
  "seksuele-intimidatie": "Seksuele intimidatie",
  fraude: "Fraude",
};
const VPS: Record<Regeling, string[]> = { "ongewenste-omgangsvormen": ["VP-A", "VP-C"], integriteit: ["VP-I"] };

interface Written {
  melding: Omit<Melding, "id">;
  cells: Omit<Record<(typeof MELDING_HEADER)[number], string>, "id">;
}

const pad = (n: number) => String(n).padStart(2, "0");
const jaNee = (b: boolean) => fc.constantFrom(...(b ? ["ja", "Ja", "JA"] : ["nee", "Nee", "NEE"]));

const written: fc.Arbitrary<Written> = fc
  .record({
    jaar: fc.integer({ min: 2018, max: 2021 }),
    maand: fc.integer({ min: 1, max: 12 }),
    dag: fc.integer({ min: 1, max: 28 }),
    datumVorm: fc.integer({ min: 0, max: 4 }),
    regeling: fc.constantFrom<Regeling>("ongewenste-omgangsvormen", "integriteit"),
    aard: fc.constantFrom(...Object.keys(AARD_LABELS)),
    aardVorm: fc.constantFrom("code", "label", "LABEL"),
    herkomst: fc.constantFrom<Herkomst>("fractie", "ambtelijk", "extern"),
    tienden: fc.integer({ min: 0, max: 400 }),
    komma: fc.boolean(),
    status: fc.constantFrom<Status>("afgerond-resultaat", "afgerond-onbekend", "in-behandeling"),
    geen: fc.boolean(),
    interventies: fc.shuffledSubarray(["adviesgesprek", "doorverwezen"], { minLength: 1 }),
    resultaten: fc.shuffledSubarray(["opgelost", "gesprek"], { minLength: 1 }),
    vpKeuze: fc.shuffledSubarray([0, 1], { minLength: 1 }),
  })
  .chain((g) =>
    jaNee(g.geen).map((geenText): Written => {
      const { jaar, maand, dag } = g;
      const datum = [
        `${jaar}-${pad(maand)}`,
        `${jaar}-${pad(maand)}-${pad(dag)}`,
        `${pad(dag)}-${pad(maand)}-${jaar}`,
        `${dag}-${maand}-${jaar}`,
        `${dag}/${maand}/${jaar}`,
      ][g.datumVorm]!;
      const pool = VPS[g.regeling];
      const vps = [...new Set(g.vpKeuze.map((i) => pool[i % pool.length]!))];
      const uren = g.tienden / 10;
      const urenText = g.tienden % 10 === 0 && !g.komma ? String(uren) : uren.toFixed(1).replace(".", g.komma ? "," : ".");
      const aardText = g.aardVorm === "code" ? g.aard : g.aardVorm === "label" ? AARD_LABELS[g.aard]! : AARD_LABELS[g.aard]!.toUpperCase();
      const interventies = g.geen ? [] : g.interventies;
      const resultaten = g.status === "afgerond-resultaat" ? g.resultaten : [];
      return {
        melding: {
          datum: { jaar, maand },
          regeling: g.regeling,
          aard: g.aard,
          herkomst: g.herkomst,
          vertrouwenspersonen: vps,
          uren,
          status: g.status,
          interventies,
          resultaten,
          geenInterventie: g.geen,
        },
        cells: {
          datum,
          regeling: g.regeling,
          aard: aardText,
          herkomst: g.herkomst,
          vertrouwenspersoon: vps.join("|"),
          uren: urenText,
          status: g.status,
          interventies: interventies.join("|"),
          resultaten: resultaten.join("|"),
          geen_interventie: geenText,
        },
      };
    }),
  );

describe("validate round trip", () => {
  it("gives back exactly the meldingen that were written, whatever the separator and line ending", () => {
    fc.assert(
      fc.property(
        fc.array(written, { minLength: 1, maxLength: 8 }),
        fc.constantFrom<";" | ",">(";", ","),
        fc.constantFrom<"\n" | "\r\n">("\n", "\r\n"),
        fc.boolean(),
        fc.shuffledSubarray([...MELDING_HEADER], { minLength: MELDING_HEADER.length }),
        (items, sep, eol, quoteAll, columnOrder) => {
          const rows = items.map((w, i) => {
            const cells: Record<string, string> = { id: `M${w.melding.datum.jaar}-${pad(i + 1)}`, ...w.cells };
            return columnOrder.map((c) => cells[c]!);
          });
          const expected: Melding[] = items.map((w, i) => ({ id: `M${w.melding.datum.jaar}-${pad(i + 1)}`, ...w.melding }));
          const r = check(
            { sep, eol, quoteAll, tables: { ...baseTables(), "meldingen.csv": [columnOrder, ...rows] } },
            { jaar: 2030, maand: 1 },
          );
          expect(r.problems).toEqual([]);
          expect(r.dataset?.meldingen).toEqual(expected);
        },
      ),
      fcParams(300),
    );
  });
});
