import { describe, expect, it } from "vitest";
import type { Verslagtekst } from "../../src/domain.ts";
import { scanVerslag } from "../../src/protect/text-scan.ts";
import { INSTELLINGEN } from "../fixtures/dataset.ts";

const NAMES = INSTELLINGEN.namenlijst;

/** A verslag with one section whose text starts on line `regel` of the file. */
function verslag(tekst: string, regel = 10, titel = "Trends en aanbevelingen"): Verslagtekst {
  return { jaar: 2020, bestand: "verslag/2020.md", voorwerk: {}, secties: [{ titel, tekst, regel }] };
}
const scan = (tekst: string, k = 5, regel = 10) => scanVerslag(verslag(tekst, regel), k, NAMES);

describe("scanVerslag: onthullende zinnen", () => {
  const cases: [string, RegExp][] = [
    ["Dit jaar kwamen er twee meldingen over pesten binnen.", /klein aantal \(2\)/],
    ["Er waren 3 melders uit dezelfde afdeling.", /klein aantal \(3\)/],
    ["Ongeveer 10% van de meldingen ging over roddelen.", /percentage/],
    ["Een melder heeft een andere werkplek gekregen.", /één melder/],
    ["We spraken hierover met Marjolein van HR.", /namenlijst/],
    ["Er waren drie nieuwe meldingen.", /klein aantal \(3\)/],
    ["Eén melding ging over discriminatie.", /klein aantal \(1\)/],
    ["Ook mevrouw van dalsum-hoek was erbij.", /Van Dalsum-Hoek/],
  ];
  for (const [zin, melding] of cases) {
    it(`vindt "${zin}" op de juiste regel`, () => {
      const tekst = ["Een eerste, onschuldige regel.", "", zin, "Nog een regel."].join("\n");
      const problems = scan(tekst, 5, 40);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ bestand: "verslag/2020.md", regel: 42, kolom: "Trends en aanbevelingen" });
      expect(problems[0]!.melding).toMatch(melding);
    });
  }

  it("geeft elke onthullende regel apart, met het regelnummer in het bestand", () => {
    const v: Verslagtekst = {
      jaar: 2020,
      bestand: "verslag/2020.md",
      voorwerk: {},
      secties: [
        { titel: "Voorwoord", tekst: "Het was een druk jaar.\nTwee meldingen gingen over pesten.", regel: 7 },
        { titel: "Team", tekst: "Rustig.\n\n\nWietske en Terpstrema namen afscheid.", regel: 20 },
      ],
    };
    const problems = scanVerslag(v, 5, [...NAMES, "Wietske"]);
    // One message per line is enough to stop the build.
    expect(problems.map((p) => [p.kolom, p.regel])).toEqual([
      ["Voorwoord", 8],
      ["Team", 23],
    ]);
  });

  it("de drempel telt: drie meldingen mag bij k = 3, niet bij k = 5", () => {
    expect(scan("Er waren drie meldingen.", 3)).toEqual([]);
    expect(scan("Er waren drie meldingen.", 5)).toHaveLength(1);
  });
});

describe("scanVerslag: onschuldige tekst", () => {
  const harmless = [
    "In 2020 werkte iedereen thuis.",
    "Wij besteedden 21,5 uur aan training.",
    "Een melding doen kan altijd, ook anoniem.",
    "Er kwamen dit jaar 12 meldingen binnen.",
    "Vijf meldingen gingen over de werkdruk.",
    "De vertrouwenspersonen volgden een training van 4 uur.",
    "Marjoleinstraat is geen naam uit de lijst.",
  ];
  for (const zin of harmless) {
    it(`laat "${zin}" staan`, () => {
      expect(scan(zin)).toEqual([]);
    });
  }
});
