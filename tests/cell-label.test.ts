// Cells named in the counsellors' words for the console (src/cell-label.ts): every form of id
// the protection uses, on a description written by hand.
import { describe, expect, it } from "vitest";
import { cellLabel } from "../src/cell-label.ts";
import type { Term } from "../src/domain.ts";
import type { Description } from "../src/protect/tables.ts";

const term = (code: string, label: string, teltMee = true): Term => ({
  soort: "aard",
  code,
  label,
  geldigVan: 2016,
  geldigTot: null,
  eerdereLabels: [],
  groep: null,
  teltMee,
});
const vocabulaire = [term("pesten", "Pesten"), term("roddelen", "Roddelen"), term("corona-gerelateerd", "Corona", false)];

const description: Description = {
  universes: [
    {
      id: "meldingen",
      integer: true,
      dimensions: [
        { name: "jaar", categories: ["2019", "2020"] },
        { name: "aard", categories: ["pesten", "roddelen", "corona-gerelateerd"] },
      ],
    },
  ],
  tables: [
    {
      id: "aard",
      title: "Aard van de meldingen",
      rows: [{ key: "pesten", label: "Pesten" }],
      columns: [{ key: "2020", label: "2020" }],
      cells: [
        {
          id: "aard/2020/pesten",
          row: "pesten",
          column: "2020",
          universe: "meldingen",
          scope: { jaar: ["2020"], aard: ["pesten"] },
          value: 3,
          kind: "aantal",
          contributions: [],
          meldingenBehind: null,
        },
      ],
      kind: "aantal",
      totalRow: null,
    },
  ],
  recodings: [],
};

describe("cellLabel", () => {
  it("a cell of a table: as the table prints it, whatever the order of the key's parts", () => {
    expect(cellLabel("meldingen:aard=pesten;jaar=2020", description, vocabulaire)).toBe("Aard van de meldingen, Pesten, 2020");
  });

  it("a cell of no table: the measure, the category and the year", () => {
    expect(cellLabel("meldingen:aard=roddelen;jaar=2019", description, vocabulaire)).toBe("Meldingen naar aard, Roddelen, 2019");
  });

  it("every aard that counts is the total, not a list", () => {
    expect(cellLabel("meldingen:aard=pesten+roddelen;jaar=2019", description, vocabulaire)).toBe("Meldingen, 2019");
    // Without one of them it is a list.
    expect(cellLabel("meldingen:aard=pesten+corona-gerelateerd;jaar=2019", description, vocabulaire)).toBe(
      "Meldingen naar aard, Pesten + Corona (telt niet mee), 2019",
    );
  });

  it("a cell an earlier report hid names that report", () => {
    expect(cellLabel("jaarverslag-vpoo-2019-openbaar:meldingen:aard=roddelen;jaar=2019", description, vocabulaire)).toBe(
      "Meldingen naar aard, Roddelen, 2019 (verborgen in het openbare jaarverslag van de vertrouwenspersonen ongewenste omgangsvormen over 2019)",
    );
  });

  it("a total of historie.csv, and an id it does not know stays as it is", () => {
    expect(cellLabel("historie/meldingen_vpoo/2018+2019", description, vocabulaire)).toBe("historie.csv, meldingen_vpoo, 2018 en 2019");
    expect(cellLabel("iets-anders", description, vocabulaire)).toBe("iets-anders");
  });
});
