// What the registration template says and checks for every column of every table, in the
// order of the data contract. The column lists come from validate, so the template can never
// ask for a column that `check` refuses, or leave one out.
import { ACTIVITEITEN, HERKOMSTEN, REEKSEN, REGELINGEN, SOORTEN, STATUSSEN } from "../domain.ts";
import { tableName, type TableFile } from "../ingest/raw-input.ts";
import { MELDING_COLUMNS } from "../validate/meldingen.ts";
import { ACTIVITEIT_COLUMNS, ADVIEZEN, HISTORIE_COLUMNS, KLACHT_COLUMNS } from "../validate/other-tables.ts";
import { VP_COLUMNS } from "../validate/vertrouwenspersonen.ts";
import { VOCABULAIRE_COLUMNS } from "../validate/vocabulaire.ts";

/** A list of codes on the sheet "Codes" (or the codes of the sheet vertrouwenspersonen). */
export type ListName =
  | "regeling"
  | "herkomst"
  | "status"
  | "janee"
  | "activiteit"
  | "advies"
  | "reeks"
  | "soort"
  | "aard"
  | "interventie"
  | "resultaat"
  | "vertrouwenspersoon";

export type Invoer =
  | { soort: "tekst" }
  | { soort: "datum" }
  | { soort: "maand" }
  | { soort: "jaar" }
  | { soort: "geheel" }
  | { soort: "uren"; max: "maxUrenPerMelding" | "maxActiviteit" }
  /** `streng`: only the codes of the list; otherwise Excel warns but lets a label or `a|b` through. */
  | { soort: "lijst"; lijst: ListName; streng: boolean; meer?: boolean };

export interface Veld {
  verplicht: boolean;
  uitleg: string;
  voorbeeld: string;
  invoer: Invoer;
}

const tekst: Invoer = { soort: "tekst" };
const lijst = (l: ListName, streng = true, meer = false): Invoer => ({ soort: "lijst", lijst: l, streng, meer });

export const TEMPLATE_TABLES: { file: TableFile; uitleg: string; velden: Record<string, Veld> }[] = [
  {
    file: "meldingen.csv",
    uitleg: "Eén regel per melding. Geen namen, geen verhaal: alleen codes, een datum en uren.",
    velden: {
      id: {
        verplicht: true,
        uitleg: "Een eigen code per melding, uniek in het hele bestand; zegt niets over de melder.",
        voorbeeld: "M2024-01",
        invoer: tekst,
      },
      datum: {
        verplicht: true,
        uitleg: "Datum van het eerste contact (DD-MM-JJJJ). Alleen de maand wordt bewaard. Niet in de toekomst.",
        voorbeeld: "15-03-2024",
        invoer: { soort: "datum" },
      },
      regeling: {
        verplicht: true,
        uitleg: "Voor welke regeling de melding kwam.",
        voorbeeld: "ongewenste-omgangsvormen",
        invoer: lijst("regeling"),
      },
      aard: {
        verplicht: true,
        uitleg: "De aard van de melding: een code uit de lijst (zie tabblad Codes). Het label mag ook.",
        voorbeeld: "pesten",
        invoer: lijst("aard", false),
      },
      herkomst: {
        verplicht: true,
        uitleg: "Waar de melder werkt: fractie, ambtelijke organisatie of extern.",
        voorbeeld: "ambtelijk",
        invoer: lijst("herkomst"),
      },
      vertrouwenspersoon: {
        verplicht: true,
        uitleg:
          "Code van de vertrouwenspersoon die de melding ontving (tabblad vertrouwenspersonen). Samen behandeld: meer codes, gescheiden door |, de ontvanger eerst; de uren worden gelijk verdeeld.",
        voorbeeld: "VP-A1 of VP-A1|VP-F2",
        invoer: lijst("vertrouwenspersoon", false, true),
      },
      uren: {
        verplicht: true,
        uitleg: "Uren aan deze melding besteed, met een decimale komma; 0 of meer en niet meer dan de grens uit instellingen.json.",
        voorbeeld: "2,5",
        invoer: { soort: "uren", max: "maxUrenPerMelding" },
      },
      status: {
        verplicht: true,
        uitleg: "De stand op 31 december: afgerond met resultaat, afgerond zonder bekend resultaat, of nog in behandeling.",
        voorbeeld: "afgerond-resultaat",
        invoer: lijst("status"),
      },
      interventies: {
        verplicht: false,
        uitleg:
          "Wat de vertrouwenspersoon deed: nul of meer codes (tabblad Codes), gescheiden door |. Leeg alleen als geen_interventie ja is.",
        voorbeeld: "hart-luchten|doorverwezen-bmw",
        invoer: lijst("interventie", false, true),
      },
      resultaten: {
        verplicht: false,
        uitleg: "Wat het opleverde: nul of meer codes, gescheiden door |. Alleen bij status afgerond-resultaat, en dan minstens één.",
        voorbeeld: "zelf-opgelost",
        invoer: lijst("resultaat", false, true),
      },
      geen_interventie: {
        verplicht: true,
        uitleg: "ja als de melder uitdrukkelijk geen interventie wilde, anders nee.",
        voorbeeld: "nee",
        invoer: lijst("janee"),
      },
    } satisfies Record<(typeof MELDING_COLUMNS)[number], Veld>,
  },
  {
    file: "vertrouwenspersonen.csv",
    uitleg: "Eén regel per vertrouwenspersoon, onder een pseudoniem: nooit een naam.",
    velden: {
      code: { verplicht: true, uitleg: "Pseudoniem: letters, cijfers en streepjes, uniek.", voorbeeld: "VP-A1", invoer: tekst },
      groep: { verplicht: true, uitleg: "Uit welke groep de vertrouwenspersoon komt.", voorbeeld: "ambtelijk", invoer: lijst("herkomst") },
      regeling: {
        verplicht: true,
        uitleg: "Voor welke regeling hij of zij vertrouwenspersoon is.",
        voorbeeld: "ongewenste-omgangsvormen",
        invoer: lijst("regeling"),
      },
      actief_van: {
        verplicht: true,
        uitleg: "Eerste maand als vertrouwenspersoon (een datum in die maand mag ook).",
        voorbeeld: "01-2016",
        invoer: { soort: "maand" },
      },
      actief_tot: {
        verplicht: false,
        uitleg: "Laatste maand; leeg zolang hij of zij actief is.",
        voorbeeld: "12-2020",
        invoer: { soort: "maand" },
      },
    } satisfies Record<(typeof VP_COLUMNS)[number], Veld>,
  },
  {
    file: "activiteiten.csv",
    uitleg:
      "Uren per jaar, per vertrouwenspersoon en activiteit (één regel per combinatie). Uren aan meldingen staan hier niet: die komen uit het tabblad meldingen.",
    velden: {
      jaar: { verplicht: true, uitleg: "Het jaar, vier cijfers.", voorbeeld: "2024", invoer: { soort: "jaar" } },
      vertrouwenspersoon: {
        verplicht: true,
        uitleg: "Code uit het tabblad vertrouwenspersonen; actief in dat jaar.",
        voorbeeld: "VP-A1",
        invoer: lijst("vertrouwenspersoon"),
      },
      activiteit: { verplicht: true, uitleg: "Soort activiteit.", voorbeeld: "training", invoer: lijst("activiteit") },
      uren: {
        verplicht: true,
        uitleg: "Uren in dat jaar, met een decimale komma.",
        voorbeeld: "16",
        invoer: { soort: "uren", max: "maxActiviteit" },
      },
    } satisfies Record<(typeof ACTIVITEIT_COLUMNS)[number], Veld>,
  },
  {
    file: "klachten.csv",
    uitleg: "Eén regel per klacht bij de klachtencommissie.",
    velden: {
      id: { verplicht: true, uitleg: "Een eigen code per klacht, uniek.", voorbeeld: "K2024-01", invoer: tekst },
      datum: { verplicht: true, uitleg: "Datum van ontvangst (DD-MM-JJJJ).", voorbeeld: "02-05-2024", invoer: { soort: "datum" } },
      ontvankelijk: {
        verplicht: false,
        uitleg: "ja of nee; leeg zolang de commissie nog niet besliste.",
        voorbeeld: "ja",
        invoer: lijst("janee"),
      },
      advies: {
        verplicht: false,
        uitleg: "Het advies van de commissie; leeg zolang er geen advies is.",
        voorbeeld: "ongegrond",
        invoer: lijst("advies"),
      },
    } satisfies Record<(typeof KLACHT_COLUMNS)[number], Veld>,
  },
  {
    file: "historie.csv",
    uitleg: "Gepubliceerde totalen van jaren zonder registratie, met de bron. Waar de registratie een jaar ook dekt, telt de registratie.",
    velden: {
      jaar: { verplicht: true, uitleg: "Het jaar, vier cijfers.", voorbeeld: "2015", invoer: { soort: "jaar" } },
      reeks: { verplicht: true, uitleg: "Welk totaal.", voorbeeld: "meldingen_vpoo", invoer: lijst("reeks") },
      waarde: { verplicht: true, uitleg: "Het gepubliceerde aantal, een geheel getal.", voorbeeld: "24", invoer: { soort: "geheel" } },
      bron: { verplicht: true, uitleg: "Waar het cijfer gepubliceerd is.", voorbeeld: "Jaarverslag 2015, tabel 1", invoer: tekst },
    } satisfies Record<(typeof HISTORIE_COLUMNS)[number], Veld>,
  },
  {
    file: "vocabulaire.csv",
    uitleg:
      "De woordenlijst: elke code met het Nederlandse label dat in het verslag komt. Alleen aanpassen in overleg; een nieuwe code staat pas na opnieuw maken van dit sjabloon in de keuzelijsten.",
    velden: {
      soort: { verplicht: true, uitleg: "aard, interventie of resultaat.", voorbeeld: "aard", invoer: lijst("soort") },
      code: { verplicht: true, uitleg: "Kleine letters, cijfers en streepjes.", voorbeeld: "seksuele-intimidatie", invoer: tekst },
      label: { verplicht: true, uitleg: "Zoals het in het verslag staat.", voorbeeld: "Seksuele intimidatie", invoer: tekst },
      geldig_van: { verplicht: true, uitleg: "Eerste jaar waarin de code geldt.", voorbeeld: "2011", invoer: { soort: "jaar" } },
      geldig_tot: { verplicht: false, uitleg: "Laatste jaar; leeg als de code nog geldt.", voorbeeld: "", invoer: { soort: "jaar" } },
      eerdere_labels: {
        verplicht: false,
        uitleg: "Eerdere labels als jaar=label (tot en met dat jaar), gescheiden door |.",
        voorbeeld: "2019=Sociale onveiligheid",
        invoer: tekst,
      },
      groep: {
        verplicht: false,
        uitleg: "Code van de grovere groep waarin deze code opgaat als het aantal te klein is.",
        voorbeeld: "pesten-en-roddelen",
        invoer: lijst("aard", false),
      },
      telt_mee: {
        verplicht: true,
        uitleg: "ja of nee: tellen meldingen van deze aard mee in het totaal van het jaar (de telregel)?",
        voorbeeld: "ja",
        invoer: lijst("janee"),
      },
    } satisfies Record<(typeof VOCABULAIRE_COLUMNS)[number], Veld>,
  },
];

export const sheetName = (file: TableFile): string => tableName(file);

/** Dutch labels of the codes the data contract fixes (the vocabulary brings its own). */
export const VASTE_LIJSTEN: Record<
  Exclude<ListName, "aard" | "interventie" | "resultaat" | "vertrouwenspersoon">,
  { code: string; label: string }[]
> = {
  regeling: labelled(REGELINGEN, { "ongewenste-omgangsvormen": "Ongewenste omgangsvormen", integriteit: "Integriteit" }),
  herkomst: labelled(HERKOMSTEN, {
    fractie: "Uit een fractie",
    ambtelijk: "Uit de ambtelijke organisatie",
    extern: "Extern (extern personeel, stagiairs)",
  }),
  status: labelled(STATUSSEN, {
    "afgerond-resultaat": "Afgerond, met resultaat",
    "afgerond-onbekend": "Afgerond, resultaat onbekend",
    "in-behandeling": "Op 31 december nog in behandeling",
  }),
  janee: [
    { code: "ja", label: "Ja" },
    { code: "nee", label: "Nee" },
  ],
  activiteit: labelled(ACTIVITEITEN, {
    training: "Training en opleiding",
    intervisie: "Intervisie",
    voorlichting: "Voorlichting",
    overleg: "Overleg",
    supervisie: "Supervisie",
  }),
  advies: labelled(ADVIEZEN, { gegrond: "Gegrond", ongegrond: "Ongegrond", "deels-gegrond": "Deels gegrond", ingetrokken: "Ingetrokken" }),
  reeks: labelled(REEKSEN, {
    meldingen_vpoo: "Meldingen bij de vertrouwenspersonen ongewenste omgangsvormen",
    meldingen_vpi: "Meldingen bij de vertrouwenspersoon integriteit",
    klachten: "Klachten bij de klachtencommissie",
  }),
  soort: labelled(SOORTEN, { aard: "Aard van de melding", interventie: "Interventie", resultaat: "Resultaat" }),
};

function labelled<T extends string>(codes: readonly T[], labels: Record<T, string>): { code: string; label: string }[] {
  return codes.map((code) => ({ code, label: labels[code] }));
}
