// The text scan judged against hand-written tables: sentences that must stop the build (with the
// rule that fires and the text it names) and sentences the counsellors write every year that
// must pass. The passing ones are taken from the published reports 2018–2019 and from data/verslag.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Verslagtekst } from "../../src/domain.ts";
import { parseVerslag } from "../../src/ingest/front-matter.ts";
import { check } from "../../src/pipeline.ts";
import { scanVerslag } from "../../src/protect/text-scan.ts";
import { makeRawInput, VANDAAG } from "../fixtures/make-fixtures.ts";

const DATA = join(import.meta.dirname, "..", "..", "data");
// The example data's list, written out here so that a change there does not change the test.
const NAMES = [
  "Terpstrema",
  "Van Dalsum-Hoek",
  "Oudeboer",
  "Kampinga",
  "Vermeulenbos",
  "Zwanenburgh",
  "Marjolein",
  "Sjoerd",
  "Anneloes",
  "Gijsbert",
  "Wietske",
  "Rutger",
];

/** A verslag with one section whose text starts on line `regel` of the file. */
function verslag(tekst: string, regel = 10, titel = "Trends en aanbevelingen"): Verslagtekst {
  return { jaar: 2020, bestand: "verslag/2020.md", voorwerk: {}, secties: [{ titel, tekst, regel }] };
}
const scan = (tekst: string, k = 5, regel = 10) => scanVerslag(verslag(tekst, regel), k, NAMES);

const COUNT = (n: number) => new RegExp(`klein aantal \\(${n}\\)`);
const NAME = /uit de namenlijst; haal de naam weg/;

// sentence → what the finding's message says, and the text it names (waarde)
const MUST_STOP: [string, RegExp, string][] = [
  // issue 11, item 8: each of these was printed
  ["Het aantal meldingen uit de fracties was 2.", COUNT(2), "meldingen uit de fracties was 2"],
  ["In twee gevallen ging het om pesten.", COUNT(2), "twee gevallen"],
  ["Meldingen van externen: 1", COUNT(1), "externen: 1"],
  ["Een melding kwam van een stagiair.", /aan een groep of persoon wordt toegeschreven/, "Een melding kwam van een stagiair"],
  ["Eén fractiemedewerker heeft zich bij ons gemeld.", COUNT(1), "Eén fractiemedewerker"],
  ["Ook Van Dalsum Hoek was erbij.", NAME, "Van Dalsum Hoek"],
  ["Ook VanDalsum-Hoek was erbij.", NAME, "VanDalsum-Hoek"],
  ["Het was Terpstrema's laatste jaar.", NAME, "Terpstrema's"],
  ["Kampinga's team groeide.", NAME, "Kampinga's"],
  ["Kampinga’s team groeide.", NAME, "Kampinga’s"],
  ["Het afscheid van TERPSTRÉMA was mooi.", NAME, "TERPSTRÉMA"],
  ["Mail gerust naar vp.oo@tweedekamer.nl voor een afspraak.", /e-mailadres/, "vp.oo@tweedekamer.nl"],
  ["Wij spraken met de heer Bakker over de werkplek.", /noemt een persoon bij naam/, "de heer Bakker"],
  // more of the same kinds
  ["Dit jaar kwamen er twee meldingen over pesten binnen.", COUNT(2), "twee meldingen"],
  ["Er waren 3 melders uit dezelfde afdeling.", COUNT(3), "3 melders"],
  ["Er waren drie nieuwe meldingen.", COUNT(3), "drie nieuwe meldingen"],
  ["Eén melding ging over discriminatie.", COUNT(1), "Eén melding"],
  ["In één geval was een leidinggevende betrokken.", COUNT(1), "één geval"],
  ["Twee medewerkers van de beveiliging meldden zich.", COUNT(2), "Twee medewerkers"],
  ["Van de stagiairs meldden zich er drie.", COUNT(3), "stagiairs meldden zich er drie"],
  ["Meldingen van extern: 1", COUNT(1), "extern: 1"],
  ["Er kwamen 12 meldingen binnen, waarvan 2 van buiten.", COUNT(2), "waarvan 2"],
  ["Melders uit de ambtelijke organisatie: vier.", COUNT(4), "Melders uit de ambtelijke organisatie: vier"],
  ["Een van deze meldingen is door twee vertrouwenspersonen gezamenlijk behandeld.", /één van de/, "Een van deze meldingen"],
  ["Een melder heeft een andere werkplek gekregen.", /één melder/, "Een melder heeft"],
  ["Een externe meldde zich bij ons.", /één melder of één persoon/, "Een externe meldde"],
  ["Een melding betrof een leidinggevende.", /toegeschreven/, "Een melding betrof een leidinggevende"],
  ["Ongeveer 10% van de meldingen ging over roddelen.", /percentage/, "10%"],
  ["Van de meldingen was 10 procent afkomstig van de fracties.", /percentage/, "10 procent"],
  ["Een kwart van de meldingen had te maken met pesten.", /een deel van de meldingen/, "kwart van de meldingen"],
  ["De helft van de melders kwam uit de fracties.", /een deel van de meldingen/, "helft van de melders"],
  ["We spraken hierover met Marjolein van HR.", NAME, "Marjolein"],
  ["Ook mevrouw van dalsum-hoek was erbij.", NAME, "van dalsum-hoek"],
  ["Het team van Oudeboers afdeling.", NAME, "Oudeboers"],
  ["Bel ons op 06-12345678.", /telefoonnummer/, "06-12345678"],
  ["Bel ons op 070 318 2211.", /telefoonnummer/, "070 318 2211"],
  ["Bel ons op 0703182211.", /telefoonnummer/, "0703182211"],
  ["Bel ons op +31 6 12345678.", /telefoonnummer/, "+31 6 12345678"],
  ["Bel ons op +31 (0)70 318 2211.", /telefoonnummer/, "+31 (0)70 318 2211"],
  ["Het gesprek met mw. De Vries verliep goed.", /noemt een persoon/, "mw. De Vries"],
  ["Dhr. Jansen stapte op.", /noemt een persoon/, "Dhr. Jansen"],
  ["Daarna sprak mevrouw van Dam met de afdeling.", /noemt een persoon/, "mevrouw van Dam"],
];

describe("scanVerslag: zinnen die de build stoppen", () => {
  for (const [zin, melding, waarde] of MUST_STOP) {
    it(`vindt "${zin}" op de juiste regel`, () => {
      const tekst = ["Een eerste, onschuldige regel.", "", zin, "Nog een regel."].join("\n");
      const problems = scan(tekst, 5, 40);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ bestand: "verslag/2020.md", regel: 42, kolom: "Trends en aanbevelingen", waarde });
      expect(problems[0]!.melding).toMatch(melding);
    });
  }

  it("geeft elke vondst apart, met het regelnummer in het bestand", () => {
    const v: Verslagtekst = {
      jaar: 2020,
      bestand: "verslag/2020.md",
      voorwerk: {},
      secties: [
        { titel: "Voorwoord", tekst: "Het was een druk jaar.\nTwee meldingen gingen over pesten.", regel: 7 },
        { titel: "Team", tekst: "Rustig.\n\n\nWietske en Terpstrema namen afscheid.", regel: 20 },
      ],
    };
    const problems = scanVerslag(v, 5, [...NAMES]);
    expect(problems.map((p) => [p.kolom, p.regel, p.waarde])).toEqual([
      ["Voorwoord", 8, "Twee meldingen"],
      ["Team", 23, "Wietske"],
      ["Team", 23, "Terpstrema"],
    ]);
  });

  it("een zin over twee regels: de vondst staat op de regel van het aantal", () => {
    const problems = scan("Het aantal meldingen uit de\nfracties was 2.", 5, 30);
    expect(problems.map((p) => [p.regel, p.waarde])).toEqual([[31, "meldingen uit de\nfracties was 2"]]);
  });

  it("de drempel telt: drie meldingen mag bij k = 3, niet bij k = 5", () => {
    expect(scan("Er waren drie meldingen.", 3)).toEqual([]);
    expect(scan("Er waren drie meldingen.", 5)).toHaveLength(1);
    expect(scan("Er waren vier meldingen.", 5)).toHaveLength(1);
    expect(scan("Er waren vijf meldingen.", 5)).toEqual([]);
  });
});

// Sentences of the published reports (2018, 2019) and of the kind the counsellors write.
const MUST_PASS = [
  "Drie vertrouwenspersonen hebben in totaal tien meldingen ontvangen.",
  "Drie vertrouwenspersonen hebben geen melding ontvangen.",
  "De vertrouwenspersonen hebben vier dagdelen intervisie gevolgd.",
  "Ook hebben de vertrouwenspersonen vier dagdelen training gevolgd.",
  "Tevens is er twee keer een beroep gedaan op extern advies in de vorm van supervisie bij een complexe melding.",
  "In de loop van 2018 is de organisatie van onder andere de vertrouwenspersonen herzien, en is besloten tot een maximum van vier interne vertrouwenspersonen, twee vanuit de ambtelijke organisatie en twee vanuit de fracties.",
  "Op dit moment zijn nog vijf (in 2018 zijn er 6 vertrouwenspersonen) vertrouwenspersonen actief.",
  "De twee vertrouwenspersonen die samen een melding hebben behandeld, zijn zeer positief over deze manier van samenwerken.",
  "In de Kamerbode van 3 december 2018 is een artikel verschenen over het werk van de vertrouwenspersonen.",
  "Op 7 oktober 2019 hebben de huidige (plv) leden van de klachtencommissie en HR overleg gevoerd over de huidige regeling.",
  "Er zijn momenteel 5 vertrouwenspersonen actief (2 vanuit de Kamerorganisatie en 3 vanuit de fracties) en 1 externe vertrouwenspersoon.",
  "In totaal hebben 4 vertrouwenspersonen 21 meldingen ontvangen en 2 vertrouwenspersonen hebben geen melding ontvangen.",
  "Het aantal meldingen is in 2019 verdubbeld ten opzichte van 2018 (10 meldingen).",
  "De 4 vertrouwenspersonen die meldingen (21) hebben gekregen, hebben hieraan in totaal 74 uur besteed, gemiddeld zo’n 3,5 uur per melding.",
  "In 2018 werden aan de 10 meldingen in totaal 21,5 uur besteed, gemiddeld ruim 2 uur per melding.",
  "Een onafhankelijke certificatie instelling (CRP) controleert elke vier jaar of de vertrouwenspersoon aan de eisen voldoet.",
  "De vertrouwenspersonen hebben in hun werkprotocol opgenomen dat er bij 3 of meer vergelijkbare signalen over één afdeling of één persoon, dit gemeld wordt bij het bevoegd gezag.",
  "In een paar gevallen was er op verzoek van de melder geen interventie nodig.",
  "Ook dit jaar willen de vertrouwenspersonen aandacht besteden aan de ‘dag tegen het pesten’ op 19 april.",
  "Meerdere melders hebben een andere werkplek gekregen.",
  "De vertrouwenspersoon registreert elke melding (geanonimiseerd).",
  "Om de melder te kunnen bijstaan, staat de vertrouwenspersoon verschillende interventies ter beschikking.",
  "Dhr.\n\nen mw. komen in dit artikel ook aan het woord.",
  "Daarmee komt de huidige bezetting op zes personen.",
  "Afgelopen jaar zijn zes interventies afgesloten.",
  // of the same kind, written for this test
  "In 2020 werkte iedereen thuis.",
  "Wij besteedden 21,5 uur aan training.",
  "Een melding doen kan altijd, ook anoniem.",
  "Een melding van een collega wordt altijd vertrouwelijk behandeld.",
  "Er kwamen dit jaar 12 meldingen binnen.",
  "Vijf meldingen gingen over de werkdruk.",
  "De vertrouwenspersonen volgden een training van 4 uur.",
  "Een melding wordt binnen 24 uur bevestigd.",
  "Marjoleinstraat is geen naam uit de lijst.",
  "Ongeveer 30% van de uren ging naar training.",
  "De helft van de uren ging naar training.",
  "Het merendeel van de meldingen kwam uit de ambtelijke organisatie.",
  "Wij besteedden 40% van onze uren aan meldingen.",
  "Artikel 14 van de regeling geeft de melder recht op bijstand.",
  "Volgens artikel 3 lid 2 mag een melder anoniem blijven.",
  "Sinds 1 januari 2021 zijn wij met 5 vertrouwenspersonen.",
  "Zie hoofdstuk 3 voor de meldingen per aard.",
  "Tabel 2 toont de meldingen per herkomst.",
  "In paragraaf 3.2 staan de meldingen per aard, in § 4 de uren.",
  "Uit het werkbelevingsonderzoek blijkt dat 1 op de 4 medewerkers werkdruk ervaart.",
  "De externe vertrouwenspersoon sloot een keer aan.",
  "Met 2 collega-vertrouwenspersonen van andere organisaties hielden wij intervisie.",
  "De vertrouwenspersonen volgden 2 trainingen over gesprekstechnieken voor melders.",
  "Het 2e kwartaal was rustig voor de melders.",
  "In week 3 gaven wij voorlichting aan nieuwe medewerkers.",
  "Vastgesteld op 2 maart 2022 door de vertrouwenspersonen.",
  "Bel ons via het algemene nummer op het intranet.",
];

describe("scanVerslag: tekst die moet blijven staan", () => {
  for (const zin of MUST_PASS) {
    it(`laat "${zin}" staan`, () => {
      expect(scan(zin)).toEqual([]);
    });
  }

  it("de voorbeeldverslagen in data/verslag komen erdoor, bij k = 5 en k = 3", () => {
    const instellingen = JSON.parse(readFileSync(join(DATA, "instellingen.json"), "utf8")) as { namenlijst: string[] };
    const files = readdirSync(join(DATA, "verslag")).filter((f) => f.endsWith(".md"));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const parsed = parseVerslag(`verslag/${file}`, Number(file.slice(0, 4)), readFileSync(join(DATA, "verslag", file), "utf8"));
      if (!parsed.ok) throw new Error(file);
      expect(parsed.verslag.secties.length, file).toBeGreaterThan(3);
      for (const k of [5, 3]) expect(scanVerslag(parsed.verslag, k, instellingen.namenlijst), file).toEqual([]);
    }
  });
});

describe("scanVerslag: het voorwerk (gaat op de omslag)", () => {
  const front = (lines: string[]) => {
    const r = parseVerslag("verslag/2021.md", 2021, ["---", ...lines, "---", "", "## Voorwoord", "", "Een rustig jaar.", ""].join("\n"));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return scanVerslag(r.verslag, 5, NAMES);
  };

  it("noemt veld en regel van een naam uit de namenlijst, ook in auteurs", () => {
    expect(front(["titel: Jaarverslag 2021", "", "auteurs: Sjoerd en de anderen"])).toEqual([
      {
        bestand: "verslag/2021.md",
        regel: 4,
        kolom: "voorwerk auteurs",
        waarde: "Sjoerd",
        melding: expect.stringMatching(NAME) as unknown as string,
      },
    ]);
  });

  it("scant de titel met dezelfde regels", () => {
    const problems = front(["titel: Jaarverslag 2021: twee meldingen van stagiairs", "vastgesteld: 2022-03-02"]);
    expect(problems.map((p) => [p.regel, p.kolom, p.waarde])).toEqual([[2, "voorwerk titel", "twee meldingen"]]);
  });

  it("laat auteurs met aanhef staan (de vertrouwenspersonen zelf), maar geen e-mailadres", () => {
    expect(front(["auteurs: mw. J. de Vries en dhr. P. Bakker", "vastgesteld: 2022-03-02"])).toEqual([]);
    expect(front(["titel: Verslag over mw. De Vries"]).map((p) => p.kolom)).toEqual(["voorwerk titel"]);
    expect(front(["auteurs: J. de Vries (j.devries@tweedekamer.nl)"]).map((p) => p.waarde)).toEqual(["j.devries@tweedekamer.nl"]);
  });
});

describe("jaarverslag check: the leaks of issue 11 (item 8) in a verslag file", () => {
  it("stops on every one, naming file, line and text", async () => {
    const text = [
      "---", //                                                            1
      "titel: Jaarverslag 2021", //                                         2
      "vastgesteld: 2022-03-02", //                                         3
      "auteurs: De vertrouwenspersonen en Sjoerd", //                      4
      "---", //                                                            5
      "", //                                                               6
      "## Voorwoord", //                                                   7
      "", //                                                               8
      "Het aantal meldingen uit de fracties was 2.", //                     9
      "In twee gevallen ging het om roddelen.", //                         10
      "Meldingen van externen: 1", //                                      11
      "", //                                                              12
      "## Team", //                                                       13
      "Een melding kwam van een stagiair. Eén fractiemedewerker heeft ons bedankt.", // 14
      "Mail ons: vp@example.nl. Wij spraken met de heer Bakker.", //      15
      "", //                                                              16
    ].join("\n");
    const raw = makeRawInput({ verslagen: [{ jaar: 2021, text }] });
    const { problems } = await check(raw, VANDAAG);
    const ours = problems.filter((p) => p.bestand === "verslag/2021.md").map((p) => [p.regel, p.kolom, p.waarde]);
    expect(ours).toEqual([
      [4, "voorwerk auteurs", "Sjoerd"],
      [9, "Voorwoord", "meldingen uit de fracties was 2"],
      [10, "Voorwoord", "twee gevallen"],
      [11, "Voorwoord", "externen: 1"],
      [14, "Team", "Een melding kwam van een stagiair"],
      [14, "Team", "Eén fractiemedewerker"],
      [15, "Team", "vp@example.nl"],
      [15, "Team", "de heer Bakker"],
    ]);
  });
});
