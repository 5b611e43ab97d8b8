// The validated registration: what every stage after `validate` works on.
// Domain nouns stay Dutch, as the counsellors say them.

export const REGELINGEN = ["ongewenste-omgangsvormen", "integriteit"] as const;
export type Regeling = (typeof REGELINGEN)[number];

export const HERKOMSTEN = ["fractie", "ambtelijk", "extern"] as const;
export type Herkomst = (typeof HERKOMSTEN)[number];

export const STATUSSEN = ["afgerond-resultaat", "afgerond-onbekend", "in-behandeling"] as const;
export type Status = (typeof STATUSSEN)[number];

export const ACTIVITEITEN = ["training", "intervisie", "voorlichting", "overleg", "supervisie"] as const;
export type Activiteit = (typeof ACTIVITEITEN)[number];

export const SOORTEN = ["aard", "interventie", "resultaat"] as const;
export type Soort = (typeof SOORTEN)[number];

/** A month, the precision the registration keeps of a date. */
export interface Maand {
  jaar: number;
  maand: number; // 1..12
}

export interface Melding {
  id: string;
  datum: Maand;
  regeling: Regeling;
  aard: string;
  herkomst: Herkomst;
  /** The first one received the melding; the others handled it jointly. */
  vertrouwenspersonen: string[];
  uren: number;
  status: Status;
  interventies: string[];
  resultaten: string[];
  geenInterventie: boolean;
}

export interface Vertrouwenspersoon {
  code: string;
  groep: Herkomst;
  regeling: Regeling;
  actiefVan: Maand;
  actiefTot: Maand | null;
}

export interface ActiviteitRegel {
  jaar: number;
  vertrouwenspersoon: string;
  activiteit: Activiteit;
  uren: number;
}

export interface Klacht {
  id: string;
  datum: Maand;
  ontvankelijk: boolean | null;
  advies: string | null;
}

export const REEKSEN = ["meldingen_vpoo", "meldingen_vpi", "klachten"] as const;
export type Reeks = (typeof REEKSEN)[number];

export interface HistorieRegel {
  jaar: number;
  reeks: Reeks;
  waarde: number;
  bron: string;
}

export interface Term {
  soort: Soort;
  code: string;
  label: string;
  geldigVan: number;
  geldigTot: number | null;
  /** Labels used before: each applies up to and including `totJaar`. */
  eerdereLabels: { totJaar: number; label: string }[];
  /** Code of the coarser group to merge into when the count is too small. */
  groep: string | null;
  teltMee: boolean;
}

export interface VerslagSectie {
  titel: string;
  tekst: string; // Markdown
  /** Line in the source file of the text's first line, for messages. */
  regel: number;
}

/** Whose text: absent for the VPOO jaarverslag (verslag/), else verslag-vpi/ or verslag-klachtencommissie/. */
export type VerslagSoort = "vpi" | "klachtencommissie";

export interface Verslagtekst {
  jaar: number;
  soort?: VerslagSoort;
  bestand: string;
  voorwerk: Record<string, string>;
  /** Line in the source file of each front-matter field, for messages. */
  voorwerkRegels?: Record<string, number>;
  secties: VerslagSectie[];
}

export interface Instellingen {
  organisatie: string;
  drempel: { openbaar: number; vertrouwelijk: number };
  nullenPubliceren: boolean;
  /** Hours by counsellor group are unsafe when one counsellor has more than this share. */
  dominantieAandeel: number;
  /** Hours are unsafe when the others in the cell could estimate the largest share to within this percentage (p%-rule). */
  pProcent: number;
  maxUrenPerMelding: number;
  namenlijst: string[];
  /** Mark for every suppressed figure, primary or secondary alike. */
  markering: string;
  /**
   * The counting rule: "woordenlijst" follows each aard's `telt_mee`; "alles" counts every
   * registered melding (the rule of the 2020 final report and Sociaal Jaarverslag: 18).
   */
  telregel: "woordenlijst" | "alles";
  /**
   * Reporting periods other than calendar years, e.g. [{ van: "2018-01", tot: "2019-11" }]
   * (months, inclusive; disjoint; each starts in January). Absent or empty: calendar years.
   */
  perioden?: { van: string; tot: string }[];
}

/** personeel.csv: staff per year (headcount, as HR has it). */
export interface PersoneelJaar {
  jaar: number;
  aantal: number;
}

export interface Dataset {
  meldingen: Melding[];
  vertrouwenspersonen: Vertrouwenspersoon[];
  activiteiten: ActiviteitRegel[];
  klachten: Klacht[];
  historie: HistorieRegel[];
  vocabulaire: Term[];
  verslagen: Verslagtekst[];
  instellingen: Instellingen;
  /** Optional (personeel.csv): for meldingen per 100 staff. */
  personeel?: PersoneelJaar[];
}

export type Audience = "openbaar" | "vertrouwelijk";
