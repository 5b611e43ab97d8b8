// Writes the SYNTHETIC example registration into data/ and checks it against the published
// figures of the real jaarverslagen 2018–2021 (see /work/shared/domain/gepubliceerde-cijfers.csv).
//
//   npx tsx scripts/make-example-data.ts
//
// Every melding here is invented. Only the marginal totals (counts per aard, herkomst and
// status, hours per year) follow what the real reports published, so that the example report
// can be compared with them. Counsellors are pseudonyms (VP-F1 …); no real names appear.
// The output is deterministic: one fixed seed, a PRNG written out below, no clock, no locale.
// The script ends by reading its own files back and recounting every target; it throws when
// one is missed.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { Activiteit, Herkomst, Regeling, Status } from "../src/domain.ts";
import { mulberry32 } from "./prng.ts";

const DATA = join(dirname(fileURLToPath(import.meta.url)), "..", "data");
const SEED = 20210302;

const VPOO: Regeling = "ongewenste-omgangsvormen";
const VPI: Regeling = "integriteit";

// ---------------------------------------------------------------------------------------
// PRNG: mulberry32, fixed seed.

const rnd = mulberry32(SEED);

function randInt(lo: number, hi: number): number {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}
function shuffle<T>(xs: T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}
function pick<T>(xs: readonly T[]): T {
  if (xs.length === 0) throw new Error("pick uit lege lijst");
  return xs[Math.floor(rnd() * xs.length)] as T;
}

// ---------------------------------------------------------------------------------------
// CSV writing: `,` separator, `\n` line ends, quotes only where needed.

function csvVeld(v: string | number): string {
  const s = String(v);
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function csv(kop: string[], rijen: (string | number)[][]): string {
  return [kop, ...rijen].map((r) => r.map(csvVeld).join(",")).join("\n") + "\n";
}
function schrijf(pad: string, tekst: string): void {
  const vol = join(DATA, pad);
  mkdirSync(dirname(vol), { recursive: true });
  writeFileSync(vol, tekst, "utf8");
}
function uur(x: number): string {
  // decimal point, at most one decimal
  return Number.isInteger(x) ? x.toFixed(1) : String(Math.round(x * 10) / 10);
}

// ---------------------------------------------------------------------------------------
// Vocabulary

interface VocRegel {
  soort: "aard" | "interventie" | "resultaat";
  code: string;
  label: string;
  geldigVan: number;
  geldigTot?: number;
  eerdereLabels?: string;
  groep?: string;
  teltMee?: boolean;
}

const AARD: VocRegel[] = [
  { soort: "aard", code: "pesten", label: "Pesten", geldigVan: 2011, groep: "pesten-en-roddelen" },
  { soort: "aard", code: "roddelen", label: "Roddelen/leugens verspreiden", geldigVan: 2011, groep: "pesten-en-roddelen" },
  { soort: "aard", code: "intimidatie", label: "Intimidatie", geldigVan: 2011, groep: "grensoverschrijdend-gedrag" },
  { soort: "aard", code: "seksuele-intimidatie", label: "Seksuele intimidatie", geldigVan: 2011, groep: "grensoverschrijdend-gedrag" },
  { soort: "aard", code: "agressie-geweld", label: "Agressie en geweld", geldigVan: 2011, groep: "grensoverschrijdend-gedrag" },
  { soort: "aard", code: "discriminatie", label: "Discriminatie", geldigVan: 2011, groep: "grensoverschrijdend-gedrag" },
  { soort: "aard", code: "stalken", label: "Stalken", geldigVan: 2011, groep: "grensoverschrijdend-gedrag" },
  {
    soort: "aard",
    code: "niet-gehoord-leidinggevende",
    label: "Niet gehoord voelen door leidinggevende",
    geldigVan: 2011,
    groep: "werkrelatie",
  },
  {
    soort: "aard",
    code: "onveilig-voelen",
    label: "Onveilig voelen",
    geldigVan: 2011,
    eerdereLabels: "2019=Sociale onveiligheid",
    groep: "werkrelatie",
  },
  { soort: "aard", code: "integriteitskwestie", label: "Integriteitskwestie", geldigVan: 2011, groep: "advies-en-integriteit" },
  { soort: "aard", code: "adviesvraag", label: "Adviesvraag", geldigVan: 2011, groep: "advies-en-integriteit" },
  { soort: "aard", code: "extremisme", label: "Extremisme", geldigVan: 2011, groep: "grensoverschrijdend-gedrag" },
  {
    soort: "aard",
    code: "corona-gerelateerd",
    label: "Corona: thuiswerken, eenzaamheid, niet verbonden voelen",
    geldigVan: 2020,
    teltMee: false,
  },
  { soort: "aard", code: "pesten-en-roddelen", label: "Pesten en roddelen", geldigVan: 2011 },
  { soort: "aard", code: "grensoverschrijdend-gedrag", label: "Intimidatie, agressie en discriminatie", geldigVan: 2011 },
  { soort: "aard", code: "werkrelatie", label: "Werkrelatie en veiligheid", geldigVan: 2011 },
  { soort: "aard", code: "advies-en-integriteit", label: "Adviesvraag of integriteitskwestie", geldigVan: 2011 },
];
const INTERVENTIE: VocRegel[] = [
  ["hart-luchten", "Gelegenheid gegeven het verhaal te doen / hart te luchten"],
  ["ondersteunende-gesprekken", "Ondersteunende gesprekken gevoerd"],
  ["situatie-geanalyseerd", "Situatie geanalyseerd en handvatten gegeven"],
  ["doorverwezen-bmw", "Doorverwezen naar bedrijfsmaatschappelijk werk"],
  ["doorverwezen-bedrijfsarts", "Doorverwezen naar de bedrijfsarts"],
  ["doorverwezen-vpi", "Doorverwezen naar de vertrouwenspersoon integriteit"],
  ["doorverwezen-jurist", "Doorverwezen naar een juridisch adviseur"],
  ["doorverwezen-extern", "Doorverwezen naar externe hulpverlening"],
  ["begeleid-gesprek-leidinggevende", "Voorbereid op en begeleid bij gesprek met leidinggevende"],
  ["adviesgesprek-leidinggevende", "Adviesgesprek met leidinggevende gevoerd"],
  ["bijstand-klachtenprocedure", "Bijgestaan in klachtenprocedure"],
].map(([code, label]) => ({ soort: "interventie" as const, code: code as string, label: label as string, geldigVan: 2011 }));
const RESULTAAT: VocRegel[] = [
  ["andere-werkplek", "Andere werkplek gekregen"],
  ["zelf-opgelost", "Zelf opgelost in gesprek"],
  ["gedrag-gestopt", "Ongewenst gedrag gestopt"],
  ["juridisch-advies", "Juridisch advies ingewonnen"],
  ["gesprek-vpi", "In gesprek gegaan met de vertrouwenspersoon integriteit"],
].map(([code, label]) => ({ soort: "resultaat" as const, code: code as string, label: label as string, geldigVan: 2011 }));
const VOCABULAIRE = [...AARD, ...INTERVENTIE, ...RESULTAAT];
const INTERVENTIE_VOLGORDE = INTERVENTIE.map((t) => t.code);
const RESULTAAT_VOLGORDE = RESULTAAT.map((t) => t.code);

// ---------------------------------------------------------------------------------------
// Counsellors

interface VpRegel {
  code: string;
  groep: Herkomst;
  regeling: Regeling;
  van: string; // YYYY-MM
  tot: string; // YYYY-MM or ""
}
const VERTROUWENSPERSONEN: VpRegel[] = [
  { code: "VP-F1", groep: "fractie", regeling: VPOO, van: "2016-01", tot: "" },
  { code: "VP-F2", groep: "fractie", regeling: VPOO, van: "2016-01", tot: "" },
  { code: "VP-F3", groep: "fractie", regeling: VPOO, van: "2016-01", tot: "2020-12" },
  { code: "VP-A1", groep: "ambtelijk", regeling: VPOO, van: "2016-01", tot: "" },
  { code: "VP-A2", groep: "ambtelijk", regeling: VPOO, van: "2016-01", tot: "" },
  { code: "VP-A3", groep: "ambtelijk", regeling: VPOO, van: "2021-01", tot: "" },
  { code: "VP-E1", groep: "extern", regeling: VPOO, van: "2016-01", tot: "" },
  { code: "VP-I1", groep: "ambtelijk", regeling: VPI, van: "2016-01", tot: "" },
  // The VPI report 2020 speaks of "de twee vertrouwenspersonen integriteit".
  { code: "VP-I2", groep: "ambtelijk", regeling: VPI, van: "2016-01", tot: "" },
];

function maandIndex(jjjjmm: string): number {
  const [j, m] = jjjjmm.split("-").map(Number);
  return (j as number) * 12 + ((m as number) - 1);
}
function actief(vp: VpRegel, jaar: number, maand: number): boolean {
  const i = jaar * 12 + (maand - 1);
  return i >= maandIndex(vp.van) && (vp.tot === "" || i <= maandIndex(vp.tot));
}
function actiefInJaar(vp: VpRegel, jaar: number): boolean {
  for (let m = 1; m <= 12; m++) if (actief(vp, jaar, m)) return true;
  return false;
}
function vpVan(code: string): VpRegel {
  const vp = VERTROUWENSPERSONEN.find((v) => v.code === code);
  if (!vp) throw new Error(`onbekende vertrouwenspersoon ${code}`);
  return vp;
}

// ---------------------------------------------------------------------------------------
// Meldingen: generated per block. A block fixes the exact counts of each attribute; the PRNG
// decides which row gets which value, the month, the split of hours, interventions and results.

interface Blok {
  regeling: Regeling;
  vp: Record<string, number>; // "VP-A1" or "VP-A1|VP-F2" (joint; the first received it)
  herkomst: Partial<Record<Herkomst, number>>;
  aard: Record<string, number>;
  status: Partial<Record<Status, number>>;
  uren: number; // exact sum over the block
  urenMin?: number;
  urenMax?: number;
  maanden?: [number, number];
}
interface JaarSpec {
  jaar: number;
  blokken: Blok[];
  geenInterventie: number;
  vereisteResultaten?: string[];
}

const JAREN: JaarSpec[] = [
  {
    jaar: 2018,
    geenInterventie: 1,
    vereisteResultaten: ["andere-werkplek", "andere-werkplek", "zelf-opgelost", "gesprek-vpi", "juridisch-advies"],
    blokken: [
      {
        regeling: VPOO,
        vp: { "VP-A1": 4, "VP-A1|VP-F2": 1, "VP-A2": 3, "VP-F2": 2 },
        herkomst: { ambtelijk: 9, fractie: 1 },
        aard: { pesten: 3, intimidatie: 3, "niet-gehoord-leidinggevende": 2, integriteitskwestie: 1, adviesvraag: 1 },
        status: { "afgerond-resultaat": 6, "afgerond-onbekend": 1, "in-behandeling": 3 },
        uren: 21.5,
      },
    ],
  },
  {
    jaar: 2019,
    geenInterventie: 2,
    blokken: [
      {
        regeling: VPOO,
        vp: { "VP-A1": 8, "VP-A2": 7, "VP-F1": 4, "VP-E1": 2 },
        herkomst: { ambtelijk: 17, fractie: 4 },
        aard: {
          pesten: 6,
          intimidatie: 5,
          "niet-gehoord-leidinggevende": 5,
          integriteitskwestie: 2,
          adviesvraag: 1,
          discriminatie: 1,
          "onveilig-voelen": 1,
        },
        status: { "afgerond-resultaat": 12, "afgerond-onbekend": 2, "in-behandeling": 7 },
        uren: 74,
      },
    ],
  },
  {
    jaar: 2020,
    geenInterventie: 1,
    blokken: [
      // counted, received by a fractie counsellor
      {
        regeling: VPOO,
        vp: { "VP-F1": 2 },
        herkomst: { fractie: 2 },
        aard: { pesten: 1, roddelen: 1 },
        status: { "afgerond-resultaat": 2 },
        uren: 6,
      },
      // counted, received by the external counsellor
      {
        regeling: VPOO,
        vp: { "VP-E1": 1 },
        herkomst: { ambtelijk: 1 },
        aard: { "onveilig-voelen": 1 },
        status: { "afgerond-resultaat": 1 },
        uren: 3,
      },
      // counted, received by the ambtelijke counsellors
      {
        regeling: VPOO,
        vp: { "VP-A1": 5, "VP-A2": 5 },
        herkomst: { ambtelijk: 10 },
        aard: {
          pesten: 2,
          "seksuele-intimidatie": 1,
          "niet-gehoord-leidinggevende": 1,
          integriteitskwestie: 1,
          adviesvraag: 3,
          roddelen: 1,
          "onveilig-voelen": 1,
        },
        status: { "afgerond-resultaat": 7, "afgerond-onbekend": 2, "in-behandeling": 1 },
        uren: 23,
      },
      // corona-related conversations (not counted), one hour each
      {
        regeling: VPOO,
        vp: { "VP-F1": 2 },
        herkomst: { fractie: 2 },
        aard: { "corona-gerelateerd": 2 },
        status: { "afgerond-resultaat": 2 },
        uren: 2,
        urenMin: 1,
        urenMax: 1,
        maanden: [4, 12],
      },
      {
        regeling: VPOO,
        vp: { "VP-A1": 2, "VP-A2": 1 },
        herkomst: { fractie: 3 },
        aard: { "corona-gerelateerd": 3 },
        status: { "afgerond-resultaat": 3 },
        uren: 3,
        urenMin: 1,
        urenMax: 1,
        maanden: [4, 12],
      },
      // the VPI: one advice question, not a melding of a misstand
      {
        regeling: VPI,
        vp: { "VP-I1": 1 },
        herkomst: { ambtelijk: 1 },
        aard: { adviesvraag: 1 },
        status: { "afgerond-onbekend": 1 },
        uren: 1.5,
      },
    ],
  },
  {
    jaar: 2021,
    geenInterventie: 2,
    blokken: [
      {
        regeling: VPOO,
        vp: { "VP-F1": 4, "VP-F2": 3 },
        herkomst: { fractie: 5, ambtelijk: 2 },
        aard: {
          pesten: 2,
          intimidatie: 1,
          "niet-gehoord-leidinggevende": 1,
          roddelen: 1,
          "seksuele-intimidatie": 1,
          adviesvraag: 1,
        },
        status: { "afgerond-resultaat": 5, "afgerond-onbekend": 1, "in-behandeling": 1 },
        uren: 21,
      },
      {
        regeling: VPOO,
        vp: { "VP-A1": 7, "VP-A2": 6, "VP-A3": 5 },
        herkomst: { ambtelijk: 15, fractie: 2, extern: 1 },
        aard: {
          pesten: 3,
          intimidatie: 3,
          "niet-gehoord-leidinggevende": 3,
          "onveilig-voelen": 3,
          roddelen: 1,
          discriminatie: 1,
          "agressie-geweld": 1,
          integriteitskwestie: 2,
          adviesvraag: 1,
        },
        status: { "afgerond-resultaat": 11, "afgerond-onbekend": 3, "in-behandeling": 4 },
        uren: 50,
      },
      {
        regeling: VPOO,
        vp: { "VP-E1": 1 },
        herkomst: { ambtelijk: 1 },
        aard: { adviesvraag: 1 },
        status: { "afgerond-resultaat": 1 },
        uren: 4,
      },
      {
        regeling: VPOO,
        vp: { "VP-F1": 2 },
        herkomst: { fractie: 2 },
        aard: { "corona-gerelateerd": 2 },
        status: { "afgerond-resultaat": 2 },
        uren: 2,
        urenMin: 1,
        urenMax: 1,
      },
      {
        regeling: VPOO,
        vp: { "VP-A1": 2, "VP-A3": 1 },
        herkomst: { ambtelijk: 3 },
        aard: { "corona-gerelateerd": 3 },
        status: { "afgerond-resultaat": 2, "afgerond-onbekend": 1 },
        uren: 3,
        urenMin: 1,
        urenMax: 1,
      },
      {
        regeling: VPI,
        vp: { "VP-I1": 2 },
        herkomst: { ambtelijk: 2 },
        aard: { integriteitskwestie: 2 },
        status: { "afgerond-onbekend": 1, "in-behandeling": 1 },
        uren: 9,
        urenMin: 2,
      },
    ],
  },
];

/** Interventions that fit a kind of melding. */
function interventiePool(aard: string, regeling: Regeling): string[] {
  const basis = ["hart-luchten", "ondersteunende-gesprekken", "situatie-geanalyseerd"];
  if (regeling === VPI) return ["ondersteunende-gesprekken", "situatie-geanalyseerd", "doorverwezen-jurist"];
  switch (aard) {
    case "pesten":
    case "roddelen":
    case "intimidatie":
    case "seksuele-intimidatie":
    case "agressie-geweld":
    case "discriminatie":
      return [...basis, "begeleid-gesprek-leidinggevende", "adviesgesprek-leidinggevende", "doorverwezen-bmw"];
    case "niet-gehoord-leidinggevende":
      return [...basis, "begeleid-gesprek-leidinggevende", "adviesgesprek-leidinggevende", "doorverwezen-bmw"];
    case "onveilig-voelen":
      return [...basis, "doorverwezen-bedrijfsarts", "doorverwezen-bmw"];
    case "integriteitskwestie":
      return ["hart-luchten", "situatie-geanalyseerd", "doorverwezen-vpi", "doorverwezen-jurist"];
    case "adviesvraag":
      return ["situatie-geanalyseerd", "doorverwezen-jurist", "doorverwezen-vpi"];
    case "corona-gerelateerd":
      return ["hart-luchten", "ondersteunende-gesprekken", "doorverwezen-bmw", "doorverwezen-bedrijfsarts", "doorverwezen-extern"];
    default:
      return basis;
  }
}
/** Results that fit a kind of melding. */
function resultaatPool(aard: string): string[] {
  switch (aard) {
    case "pesten":
    case "roddelen":
    case "intimidatie":
    case "seksuele-intimidatie":
    case "agressie-geweld":
    case "discriminatie":
      return ["gedrag-gestopt", "zelf-opgelost", "andere-werkplek"];
    case "niet-gehoord-leidinggevende":
      return ["zelf-opgelost", "andere-werkplek"];
    case "onveilig-voelen":
      return ["zelf-opgelost", "gedrag-gestopt"];
    case "integriteitskwestie":
      return ["gesprek-vpi", "juridisch-advies"];
    case "adviesvraag":
      return ["zelf-opgelost", "juridisch-advies"];
    default:
      return ["zelf-opgelost"];
  }
}
/** An intervention a result implies (you do not talk to the VPI without being referred). */
const RESULTAAT_VEREIST: Record<string, string> = {
  "gesprek-vpi": "doorverwezen-vpi",
  "juridisch-advies": "doorverwezen-jurist",
  "andere-werkplek": "adviesgesprek-leidinggevende",
};

interface MeldingRij {
  id: string;
  jaar: number;
  maand: number;
  regeling: Regeling;
  aard: string;
  herkomst: Herkomst;
  vps: string[];
  uren: number;
  status: Status;
  interventies: string[];
  resultaten: string[];
  geen: boolean;
  volgorde: number;
}

function uitvouwen<K extends string>(telling: Partial<Record<K, number>>, n: number, wat: string): K[] {
  const uit: K[] = [];
  for (const [k, v] of Object.entries(telling) as [K, number][]) for (let i = 0; i < v; i++) uit.push(k);
  if (uit.length !== n) throw new Error(`blok: ${wat} telt ${uit.length}, verwacht ${n}`);
  return shuffle(uit);
}

function verdeelUren(totaal: number, n: number, min: number, max: number): number[] {
  const eenheden = Math.round(totaal * 2);
  const lo = Math.round(min * 2);
  const hi = Math.round(max * 2);
  if (eenheden < n * lo || eenheden > n * hi) throw new Error(`uren ${totaal} niet te verdelen over ${n}`);
  const v = new Array<number>(n).fill(lo);
  const gewicht = v.map(() => 0.15 + rnd() ** 2);
  let rest = eenheden - n * lo;
  while (rest > 0) {
    const open = v.map((x, i) => (x < hi ? i : -1)).filter((i) => i >= 0);
    const som = open.reduce((s, i) => s + (gewicht[i] as number), 0);
    let r = rnd() * som;
    let gekozen = open[open.length - 1] as number;
    for (const i of open) {
      r -= gewicht[i] as number;
      if (r <= 0) {
        gekozen = i;
        break;
      }
    }
    v[gekozen] = (v[gekozen] as number) + 1;
    rest--;
  }
  return v.map((x) => x / 2);
}

function teltMee(aard: string): boolean {
  const t = AARD.find((a) => a.code === aard);
  if (!t) throw new Error(`onbekende aard ${aard}`);
  return t.teltMee !== false;
}

function maakJaar(spec: JaarSpec): MeldingRij[] {
  const rijen: MeldingRij[] = [];
  let volgorde = 0;
  // months come from a shuffled bag of the twelve months, refilled when empty, so that the
  // first contacts spread over the year instead of clustering
  let zak: number[] = [];
  const trekMaand = (mogelijk: number[]): number => {
    if (mogelijk.length === 0) throw new Error(`${spec.jaar}: geen maand mogelijk`);
    for (let poging = 0; poging < 2; poging++) {
      const i = zak.findIndex((m) => mogelijk.includes(m));
      if (i >= 0) return zak.splice(i, 1)[0] as number;
      zak = [...zak, ...shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])];
    }
    return pick(mogelijk);
  };
  for (const blok of spec.blokken) {
    const n = Object.values(blok.vp).reduce((s, x) => s + x, 0);
    const vps = uitvouwen(blok.vp, n, "vp");
    const herkomst = uitvouwen(blok.herkomst, n, "herkomst");
    const aard = uitvouwen(blok.aard, n, "aard");
    const status = uitvouwen(blok.status, n, "status");
    const uren = verdeelUren(blok.uren, n, blok.urenMin ?? 1, blok.urenMax ?? 12);
    // a jointly handled melding is the demanding kind: give it the block's most hours and,
    // where the block has one, a result
    for (let i = 0; i < n; i++) {
      if (!(vps[i] as string).includes("|")) continue;
      const meest = uren.indexOf(Math.max(...uren));
      [uren[i], uren[meest]] = [uren[meest] as number, uren[i] as number];
      const metResultaat = status.findIndex((s, k) => s === "afgerond-resultaat" && !(vps[k] as string).includes("|"));
      if (status[i] !== "afgerond-resultaat" && metResultaat >= 0) {
        [status[i], status[metResultaat]] = [status[metResultaat] as Status, status[i] as Status];
      }
    }
    for (let i = 0; i < n; i++) {
      const codes = (vps[i] as string).split("|");
      const st = status[i] as Status;
      let [lo, hi] = blok.maanden ?? [1, 12];
      // still open at 31 December: contact late in the year; closed: not in December
      if (st === "in-behandeling") lo = Math.max(lo, 8);
      else hi = Math.min(hi, 11);
      const mogelijk: number[] = [];
      for (let m = lo; m <= hi; m++) if (codes.every((c) => actief(vpVan(c), spec.jaar, m))) mogelijk.push(m);
      rijen.push({
        id: "",
        jaar: spec.jaar,
        maand: trekMaand(mogelijk),
        regeling: blok.regeling,
        aard: aard[i] as string,
        herkomst: herkomst[i] as Herkomst,
        vps: codes,
        uren: uren[i] as number,
        status: st,
        interventies: [],
        resultaten: [],
        geen: false,
        volgorde: volgorde++,
      });
    }
  }

  // geen interventie op verzoek van de melder: among counted meldingen handled by one VP
  // (preferably one that ended without known result; never a jointly handled one)
  const enkel = rijen.filter((r) => r.regeling === VPOO && teltMee(r.aard) && r.vps.length === 1);
  const kandidaten = [
    ...shuffle(enkel.filter((r) => r.status === "afgerond-onbekend")),
    ...shuffle(enkel.filter((r) => r.status === "in-behandeling")),
  ];
  if (kandidaten.length < spec.geenInterventie) throw new Error(`${spec.jaar}: te weinig kandidaten geen_interventie`);
  for (const r of kandidaten.slice(0, spec.geenInterventie)) r.geen = true;

  // results: first the required ones (to a fitting melding where possible), then the rest
  const metResultaat = shuffle(rijen.filter((r) => r.status === "afgerond-resultaat"));
  for (const vereist of spec.vereisteResultaten ?? []) {
    const leeg = metResultaat.filter((r) => r.resultaten.length === 0);
    const doel = leeg.find((r) => resultaatPool(r.aard).includes(vereist)) ?? leeg[0];
    if (!doel) throw new Error(`${spec.jaar}: geen melding over voor resultaat ${vereist}`);
    doel.resultaten.push(vereist);
  }
  for (const r of metResultaat) {
    if (r.resultaten.length > 0) continue;
    const pool = resultaatPool(r.aard);
    r.resultaten.push(pick(pool));
    if (pool.length > 1 && rnd() < 0.2) {
      const tweede = pick(pool.filter((x) => !r.resultaten.includes(x)));
      r.resultaten.push(tweede);
    }
  }

  // interventions
  for (const r of rijen) {
    if (r.geen) continue;
    const pool = shuffle(interventiePool(r.aard, r.regeling));
    const k = Math.min(pool.length, randInt(1, 3));
    const gekozen = new Set(pool.slice(0, k));
    for (const res of r.resultaten) {
      const nodig = RESULTAAT_VEREIST[res];
      if (nodig) gekozen.add(nodig);
    }
    r.interventies = INTERVENTIE_VOLGORDE.filter((c) => gekozen.has(c));
  }
  for (const r of rijen) r.resultaten = RESULTAAT_VOLGORDE.filter((c) => r.resultaten.includes(c));

  // ids in order of first contact, per regeling
  const sorteer = (a: MeldingRij, b: MeldingRij) => a.maand - b.maand || a.volgorde - b.volgorde;
  const oo = rijen.filter((r) => r.regeling === VPOO).sort(sorteer);
  const vi = rijen.filter((r) => r.regeling === VPI).sort(sorteer);
  oo.forEach((r, i) => (r.id = `M${spec.jaar}-${String(i + 1).padStart(2, "0")}`));
  vi.forEach((r, i) => (r.id = `I${spec.jaar}-${String(i + 1).padStart(2, "0")}`));
  return [...oo, ...vi];
}

// ---------------------------------------------------------------------------------------
// Activities (hours outside meldingen), per counsellor. Written out, no randomness needed.

type ActRegel = [number, string, Activiteit, number];
const ACTIVITEITEN: ActRegel[] = [
  // 2018: four dagdelen training (16 h) and four dagdelen intervisie (12 h) for the five
  // internal counsellors, two supervision sessions on a complex case
  ...(["VP-F1", "VP-F2", "VP-F3", "VP-A1", "VP-A2"] as const).flatMap((vp): ActRegel[] => [
    [2018, vp, "training", 16],
    [2018, vp, "intervisie", 12],
  ]),
  [2018, "VP-A1", "supervisie", 2],
  [2018, "VP-F2", "supervisie", 2],
  [2018, "VP-A1", "voorlichting", 3],
  [2018, "VP-A1", "overleg", 4],
  [2018, "VP-A2", "overleg", 4],
  [2018, "VP-F1", "overleg", 2],
  // 2019: certified basic training for the five internal counsellors
  ...(["VP-F1", "VP-F2", "VP-F3", "VP-A1", "VP-A2"] as const).flatMap((vp): ActRegel[] => [
    [2019, vp, "training", 24],
    [2019, vp, "intervisie", 8],
  ]),
  [2019, "VP-A1", "voorlichting", 4],
  [2019, "VP-A2", "voorlichting", 3],
  [2019, "VP-F1", "voorlichting", 3],
  [2019, "VP-A1", "overleg", 3],
  [2019, "VP-A2", "overleg", 3],
  [2019, "VP-F1", "overleg", 2],
  [2019, "VP-F2", "overleg", 1],
  [2019, "VP-F3", "overleg", 1],
  // 2020: 8 h virtual nascholing each, plus 4 h suicide prevention for the two ambtelijke VPs
  [2020, "VP-F1", "training", 8],
  [2020, "VP-F2", "training", 8],
  [2020, "VP-F3", "training", 8],
  [2020, "VP-A1", "training", 12],
  [2020, "VP-A2", "training", 12],
  ...(["VP-F1", "VP-F2", "VP-F3", "VP-A1", "VP-A2"] as const).map((vp): ActRegel => [2020, vp, "intervisie", 8]),
  [2020, "VP-A1", "voorlichting", 4],
  [2020, "VP-A2", "voorlichting", 4],
  [2020, "VP-F1", "voorlichting", 2],
  [2020, "VP-F1", "overleg", 4],
  [2020, "VP-F2", "overleg", 3],
  [2020, "VP-F3", "overleg", 3],
  [2020, "VP-A1", "overleg", 11],
  [2020, "VP-A2", "overleg", 11],
  // 2021: the new ambtelijke counsellor takes the basic training
  [2021, "VP-F1", "training", 8],
  [2021, "VP-F2", "training", 8],
  [2021, "VP-A1", "training", 8],
  [2021, "VP-A2", "training", 8],
  [2021, "VP-A3", "training", 32],
  ...(["VP-F1", "VP-F2", "VP-A1", "VP-A2", "VP-A3"] as const).map((vp): ActRegel => [2021, vp, "intervisie", 8]),
  [2021, "VP-E1", "intervisie", 4],
  [2021, "VP-A1", "voorlichting", 4],
  [2021, "VP-A2", "voorlichting", 4],
  [2021, "VP-A3", "voorlichting", 4],
  [2021, "VP-F1", "voorlichting", 2],
  [2021, "VP-F2", "voorlichting", 2],
  [2021, "VP-A1", "overleg", 8],
  [2021, "VP-A2", "overleg", 6],
  [2021, "VP-A3", "overleg", 4],
  [2021, "VP-F1", "overleg", 4],
  [2021, "VP-F2", "overleg", 2],
  [2021, "VP-E1", "overleg", 2],
];

// ---------------------------------------------------------------------------------------
// Published totals for years without records (and the published 2018–2020 totals, which the
// records overrule; 2020's 18 includes the corona conversations and shows as a difference).

const BRON_GRAFIEK = "Jaarverslag VPOO 2020, grafiek 'Aantal meldingen 2011-2020'";
const BRON_KLACHTEN = "Jaarverslag VPOO 2018, IV.3";
const BRON_SJV = "Sociaal Jaarverslag 2020, §14";
const HISTORIE: [number, string, number, string][] = [
  ...[21, 17, 22, 24, 24, 9, 13].map((w, i): [number, string, number, string] => [2011 + i, "meldingen_vpoo", w, BRON_GRAFIEK]),
  ...[2, 2, 0, 0, 0, 0].map((w, i): [number, string, number, string] => [2012 + i, "klachten", w, BRON_KLACHTEN]),
  [2018, "meldingen_vpoo", 10, "Jaarverslag VPOO 2018, II.1a"],
  [2019, "meldingen_vpoo", 21, "Jaarverslag VPOO 2019, II.1a"],
  [2020, "meldingen_vpoo", 18, "Jaarverslag VPOO 2020 (definitief), II.2a, inclusief corona-gerelateerde gesprekken"],
  [2018, "meldingen_vpi", 0, BRON_SJV],
  [2019, "meldingen_vpi", 0, BRON_SJV],
];

// ---------------------------------------------------------------------------------------
// Staff per year (personeel.csv, optional): invented headcounts, ambtelijke organisatie and
// fracties together, as HR would deliver them.

const PERSONEEL: [number, number][] = [
  [2011, 1850],
  [2012, 1840],
  [2013, 1860],
  [2014, 1880],
  [2015, 1900],
  [2016, 1930],
  [2017, 1960],
  [2018, 1990],
  [2019, 2030],
  [2020, 2080],
  [2021, 2120],
];

// ---------------------------------------------------------------------------------------
// Settings. The namenlijst holds invented names: none of them may appear in the VPs' text.

const INSTELLINGEN = {
  organisatie: "Tweede Kamer der Staten-Generaal",
  drempel: { openbaar: 5, vertrouwelijk: 3 },
  nullenPubliceren: true,
  dominantieAandeel: 0.85,
  maxUrenPerMelding: 40,
  namenlijst: [
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
  ],
  markering: "x",
};

// ---------------------------------------------------------------------------------------
// The counsellors' own text. Paraphrased in the manner of the real reports; deliberately free
// of counts of meldingen or melders, percentages, names of people and names of fracties:
// every figure in the report comes from the registration and passes the protection stage.

function voorwerk(jaar: number): string {
  return [
    "---",
    `titel: Jaarverslag vertrouwenspersonen ongewenste omgangsvormen ${jaar}`,
    // Adopted in the spring after the year it covers, as the real reports were.
    `vastgesteld: ${jaar + 1}-03-02`,
    "auteurs: De vertrouwenspersonen ongewenste omgangsvormen",
    "---",
    "",
    "",
  ].join("\n");
}

const VERSLAGEN: Record<number, string> = {
  2018: `## Voorwoord

Dit verslag is samengesteld door de vertrouwenspersonen ongewenste omgangsvormen van de Tweede Kamer. Hoe iemand zich op het werk voelt, bepaalt niet alleen hoe diegene functioneert, maar ook hoe gezond diegene blijft. De Arbeidsomstandighedenwet vraagt van de werkgever beleid dat psychosociale arbeidsbelasting voorkomt of zoveel mogelijk beperkt. Pesten, intimidatie, seksuele intimidatie, agressie, geweld en discriminatie horen daarbij. Wij bieden een luisterend oor, denken mee over een oplossing en verwijzen door waar dat nodig is. Alle gegevens in dit verslag zijn geanonimiseerd.

## Deskundigheidsbevordering

De interne vertrouwenspersonen volgden dit jaar vier dagdelen training en vier dagdelen intervisie. In de intervisie bespraken wij geanonimiseerde casuïstiek en bereidden wij de voorlichting binnen de Kamer voor. De training ging onder meer over gesprekstechnieken, het geven van voorlichting, omgaan met conflicten en mediation, de gevolgen van de nieuwe privacywetgeving en de samenhang tussen integriteit en ongewenste omgangsvormen. Voor complexe casuïstiek hebben wij extern advies ingewonnen in de vorm van supervisie.

## Voorlichting

Op verzoek van leidinggevenden gaven wij voorlichting in werkoverleggen. In het personeelsblad verscheen een artikel over ons werk. Sinds dit jaar hebben de vertrouwenspersonen een eigen pagina op het intranet, en bij de introductie van nieuwe medewerkers komt het beleid over ongewenste omgangsvormen aan bod.

## Team

In de loop van het jaar is de inrichting van het team herzien. Besloten is het aantal interne vertrouwenspersonen op termijn, door natuurlijk verloop, terug te brengen, met een evenwichtige vertegenwoordiging vanuit de fracties en de ambtelijke organisatie.

## Trends en aanbevelingen

### Trends

- Gezamenlijke begeleiding door twee vertrouwenspersonen is ons goed bevallen. Dat gebeurt uiteraard alleen na overleg en met instemming van de betrokkene.
- Het onderwerp ongewenste omgangsvormen lijkt beter bespreekbaar te worden.

### Aanbevelingen

- Zorg dat bij introductiedagen voor nieuwe medewerkers altijd een vertrouwenspersoon aanwezig is.
- Ontwikkel een werkwijze om het hogere management te informeren wanneer over dezelfde afdeling herhaaldelijk vergelijkbare signalen binnenkomen, met oog voor hoor en wederhoor.
- Benoem een voorzitter van de klachtencommissie.
- Publiceer ook het jaarverslag van de vertrouwenspersoon integriteit.
- Stel een werkkamer beschikbaar voor vertrouwelijke gesprekken.

## Klachtencommissie

De klachtencommissie doet jaarlijks geanonimiseerd verslag van haar werk; de cijfers staan in het overzicht van dit verslag. De samenstelling van de commissie bleef ongewijzigd. Met HR is afgesproken de regeling en de werking van de commissie te herzien, samen met de vernieuwing van het integriteitsbeleid.
`,
  2019: `## Voorwoord

Dit jaarverslag kwam tot stand met de inbreng van alle vertrouwenspersonen ongewenste omgangsvormen. Het wordt gepubliceerd op het intranet en besproken met het managementteam. Bij ons kan iedereen terecht die in of voor de Kamer werkt en op de werkvloer te maken krijgt met ongewenst gedrag, zoals pesten, agressie, verbaal of fysiek geweld, seksuele intimidatie of discriminatie. Wij bieden opvang, helpen bij het zoeken naar een oplossing en verwijzen zo nodig door. Alles wat ons wordt toevertrouwd, registreren wij zonder namen.

## Deskundigheidsbevordering

In het voorjaar volgden de interne vertrouwenspersonen de gecertificeerde basisopleiding voor vertrouwenspersonen en legden zij met succes het bijbehorende examen af. Daarmee voldoen zij aan de beroepseisen van de Landelijke Vereniging Vertrouwenspersonen. Een onafhankelijke certificerende instelling toetst elke vier jaar of wij onze kennis en vaardigheden bijhouden, onder meer met scholing en intervisie.

## Voorlichting

Wij gaven dit jaar in totaal zo'n 10 uur voorlichting. Naast het verspreiden van een flyer zijn wij uitgenodigd in werkoverleggen om onze rol toe te lichten; de reacties waren positief. Ook in de introductie voor nieuwe medewerkers wordt aandacht besteed aan de vertrouwenspersonen.

## Team

Het team bestaat uit interne vertrouwenspersonen vanuit de fracties en vanuit de ambtelijke organisatie, aangevuld met een externe vertrouwenspersoon. Dat verlaagt voor sommige collega's de drempel om aan te kloppen.

## Trends en aanbevelingen

### Trends

- Door de voorlichting is het onderwerp ongewenste omgangsvormen beter bespreekbaar geworden.
- In ons werkprotocol staat nu dat wij het bevoegd gezag inlichten wanneer over dezelfde afdeling of persoon herhaaldelijk vergelijkbare signalen binnenkomen.
- Pesten blijft aandacht vragen. Wij besteden daarom opnieuw aandacht aan de dag tegen het pesten op 19 april.

### Aanbevelingen

- Zet de voorlichting voort en laat bij de introductie van nieuwe medewerkers een vertrouwenspersoon zelf vertellen over de rol.
- Publiceer naast dit verslag ook een jaarverslag over integriteit.
- Besteed ruim aandacht aan de gedragscode voor sociale media.
- Neem de rol van de vertrouwenspersonen mee in het werkbelevingsonderzoek van 2020.
- Blijf aandacht geven aan themadagen over sociale veiligheid, zoals de internationale dag tegen racisme en discriminatie.

## Klachtencommissie

Wij hebben eerder gewezen op het onvoldoende functioneren van de klachtencommissie. Inmiddels werkt HR aan verbetering. De cijfers van de commissie staan in het overzicht van dit verslag.
`,
  2020: `## Voorwoord

Dit jaarverslag kwam tot stand met de inbreng van alle vertrouwenspersonen ongewenste omgangsvormen. Het verslag wordt elk jaar besproken met het managementteam en dit jaar voor het eerst ook met het Presidium; dat juichen wij toe. Het jaar stond in het teken van het coronavirus. Vrijwel iedereen werkte langdurig thuis, en dat heeft ook ons werk veranderd. Gesprekken die vooral over thuiswerken, eenzaamheid of gemis aan verbondenheid gingen, hebben wij apart geregistreerd.

## Deskundigheidsbevordering

De interne vertrouwenspersonen volgden virtuele nascholing over het bespreekmodel voor casuïstiek en over reflectie op de eigen vaardigheden. Daarnaast volgden de vertrouwenspersonen uit de ambtelijke organisatie op eigen initiatief een training van 4 uur over suïcidepreventie. In totaal besteedden wij 48 uur aan training en 40 uur aan intervisie.

## Voorlichting

Wij gaven in totaal zo'n 10 uur voorlichting, door de lockdown grotendeels virtueel. Naast de gewone voorlichting schoven wij aan bij werkoverleggen die helemaal gingen over hoe het met het team ging in coronatijd; daar werd ruim de tijd voor genomen en dat werd als waardevol ervaren. Op het intranet staan wij nu ook bij de informatie over gezond thuiswerken.

## Team

De samenstelling van het team bleef dit jaar gelijk. Aan het eind van het jaar nam een van de fractievertrouwenspersonen afscheid.

## Trends en aanbevelingen

### Trends

- Structureel thuiswerken heeft op sommige collega's een zware wissel getrokken: minder verbondenheid, eenzaamheid, of juist werk en privé die door elkaar lopen.
- Niet iedereen vindt het makkelijk om te vertellen dat het thuiswerken zwaar valt. Het lijkt soms een taboe; ook daarvoor bieden wij een luisterend oor.
- Ook leidinggevenden maken zich zorgen over hun medewerkers. Zij kunnen bij ons terecht om te sparren, of ons uitnodigen in een werkoverleg.
- Dat er werk wordt gemaakt van een goed functionerende klachtencommissie, vinden wij goed nieuws.

### Aanbevelingen

- Maak het jaarverslag weer toegankelijk op het intranet.
- Bespreek het verslag ook volgend jaar in het Presidium, in aanwezigheid van vertrouwenspersonen.
- Houd mentale gezondheid onder de aandacht, bijvoorbeeld via het werkbelevingsonderzoek, en neem daarin de rol van de vertrouwenspersonen mee.
- Blijf aandacht geven aan campagnes en themadagen over sociale veiligheid en eenzaamheid.
- Organiseer een kennismaking met het nieuwe College voor Integriteit.

## Opvolging aanbevelingen

- Vanaf volgend jaar schuift bij de introductiebijeenkomsten voor nieuwe medewerkers een vertrouwenspersoon aan.
- De vertrouwenspersonen integriteit brengen dit jaar voor het eerst een eigen jaarverslag uit.
- Het werkbelevingsonderzoek is uitgesteld; wij vragen opnieuw om onze rol erin op te nemen.

## Klachtencommissie

Er wordt gewerkt aan een nieuwe regeling en een versterking van de klachtencommissie. Wij stellen een kennismaking op prijs zodra de commissie op sterkte is. De cijfers staan in het overzicht van dit verslag.
`,
  2021: `## Voorwoord

Binnen de Tweede Kamer zijn er twee soorten vertrouwenspersonen: voor integriteit en voor ongewenste omgangsvormen. Dit verslag gaat over de laatste groep. Ambtenaren en fractiemedewerkers kunnen bij ons terecht voor zaken in de omgang, de communicatie en de wijze van leidinggeven waardoor zij zich op het werk niet veilig voelen. Sommige fracties hebben daarnaast eigen vertrouwenspersonen; hun werk valt buiten dit verslag, dat dus geen volledig beeld geeft. Ook dit jaar voerden wij gesprekken met collega's die het moeilijk hadden met de coronamaatregelen.

## Deskundigheidsbevordering

Onze nieuwe collega uit de ambtelijke organisatie volgde de gecertificeerde basisopleiding. De andere interne vertrouwenspersonen volgden nascholing om hun certificaat te behouden. Intervisie vond grotendeels online plaats, en de externe vertrouwenspersoon sloot daar een keer bij aan.

## Voorlichting

Sinds dit jaar is bij de introductiebijeenkomsten voor nieuwe medewerkers een vertrouwenspersoon aanwezig. Daarnaast gaven wij voorlichting in werkoverleggen van directies die wij nog niet eerder hadden bezocht, en werkten wij met de dienst Communicatie aan betere informatie op het intranet.

## Team

Per januari is het team versterkt met een vertrouwenspersoon uit de ambtelijke organisatie. Het team bestaat nu uit vertrouwenspersonen vanuit de fracties en de ambtelijke organisatie en een externe vertrouwenspersoon.

## Trends en aanbevelingen

### Trends

- Het hybride werken vraagt om nieuwe afspraken over bereikbaarheid en omgangsvormen.
- De mentale belasting van het tweede coronajaar is in veel gesprekken merkbaar.
- Leidinggevenden weten ons beter te vinden voor advies.

### Aanbevelingen

- Bied medewerkers en leidinggevenden trainingen aan over omgangsvormen en het bespreekbaar maken van ongewenst gedrag.
- Houd aandacht voor mentale gezondheid, ook na de coronaperiode.
- Verbeter de interne communicatie over de rol van de vertrouwenspersonen, zodat iedereen weet waar hij of zij terecht kan.

## Opvolging aanbevelingen

- Het jaarverslag staat weer op het intranet.
- Het vorige verslag is in het Presidium besproken, in aanwezigheid van vertrouwenspersonen.
- Het werkbelevingsonderzoek van maart vroeg naar mentale gezondheid en nam onze rol mee.
- De kennismaking met het College voor Integriteit heeft nog niet plaatsgevonden.

## Klachtencommissie

De klachtencommissie werkt sinds dit jaar met een vernieuwde regeling. De cijfers staan in het overzicht van dit verslag. Wij hebben kennisgemaakt met de leden en spraken af elkaar jaarlijks te treffen.
`,
};

// ---------------------------------------------------------------------------------------
// The texts of the vertrouwenspersonen integriteit (verslag-vpi/) and of the
// klachtencommissie (verslag-klachtencommissie/): same format as verslag/, their own authors
// and dates. The VPI text 2020 follows the real report of 2 March 2021 (six activities); the
// real 2018 and 2019 had no VPI report, so there is no text for those years.

function voorwerkVan(titel: string, jaar: number, auteurs: string): string {
  return ["---", `titel: ${titel} ${jaar}`, `vastgesteld: ${jaar + 1}-03-02`, `auteurs: ${auteurs}`, "---", "", ""].join("\n");
}

const VPI_INLEIDING = `## Inleiding

De vertrouwenspersonen integriteit (VPI) zijn er voor ambtenaren van de Kamer die een vermoeden van een misstand veilig willen bespreken: zaken die de organisatie schaden, zoals diefstal, machtsmisbruik, het schenden van regels of niet-integer gedrag. Ook wie advies wil over een integriteitsvraag, kan bij ons terecht. De fracties voeren een eigen integriteitsbeleid.
`;

const VERSLAGEN_VPI: Record<number, string> = {
  2020: `${VPI_INLEIDING}
## Activiteiten

Samen met de stafdienst HR en de dienst Communicatie:

- De rolomschrijving van de VPI is geactualiseerd.
- De tekst op het intranet over de rol van de vertrouwenspersoon integriteit en hoe die te bereiken is, is aangepast.
- Met een externe partij is een videopresentatie gemaakt die de rol van de VPI en van de vertrouwenspersonen ongewenste omgangsvormen uitlegt; het filmpje staat op het intranet.
- In november is via de diensthoofden aandacht gevraagd voor de Week van de Integriteit; door de coronamaatregelen kon het gesprek daarover alleen digitaal plaatsvinden.
- In december is een interview met de VPI's gehouden, aangekondigd in de Kamerbode van december en uitgewerkt in de Kamerbode van januari.
- Er is een flyer gemaakt die de ondersteuning door de VPI's onder de aandacht brengt; die wordt begin volgend jaar onder alle medewerkers verspreid.
`,
  2021: `${VPI_INLEIDING}
## Activiteiten

- De flyer over de ondersteuning door de VPI's is onder alle medewerkers verspreid.
- De VPI's hebben in werkoverleggen voorlichting gegeven over integriteit en over het Huis voor Klokkenluiders.
`,
};

const VERSLAGEN_KLACHTEN: Record<number, string> = {
  2018: `## Samenstelling

De commissie was dit jaar niet voltallig: de plaats van externe voorzitter was vacant.

- een lid namens de ambtelijke organisatie
- een lid namens de fracties

## Verslag

De commissie heeft dit jaar geen zittingen gehouden. Met HR is afgesproken de regeling en de werking van de commissie te herzien.
`,
  2019: `## Samenstelling

De commissie was ook dit jaar niet voltallig; de werving van een externe voorzitter is gestart.

- een lid namens de ambtelijke organisatie
- een lid namens de fracties

## Verslag

De commissie heeft dit jaar geen zittingen gehouden. Samen met HR is gewerkt aan een nieuwe klachtenregeling.
`,
  2020: `## Samenstelling

Sinds dit jaar is de commissie op sterkte volgens de nieuwe regeling:

- een externe voorzitter en een plaatsvervangend externe voorzitter
- een lid namens de ambtelijke organisatie en een plaatsvervangend lid
- een lid namens de fracties en een plaatsvervangend lid

## Verslag

De leden hebben zich ingewerkt in de nieuwe regeling. Met de vertrouwenspersonen is een kennismaking gepland.
`,
  2021: `## Samenstelling

- een externe voorzitter en een plaatsvervangend externe voorzitter
- een lid namens de ambtelijke organisatie en een plaatsvervangend lid
- een lid namens de fracties en een plaatsvervangend lid

## Verslag

De commissie heeft kennisgemaakt met de vertrouwenspersonen ongewenste omgangsvormen en integriteit; afgesproken is elkaar jaarlijks te treffen. Alle leden volgden scholing over de behandeling van klachten.
`,
};

// ---------------------------------------------------------------------------------------
// Write everything

const meldingen = JAREN.flatMap(maakJaar);

schrijf(
  "vocabulaire.csv",
  csv(
    ["soort", "code", "label", "geldig_van", "geldig_tot", "eerdere_labels", "groep", "telt_mee"],
    VOCABULAIRE.map((t) => [
      t.soort,
      t.code,
      t.label,
      t.geldigVan,
      t.geldigTot ?? "",
      t.eerdereLabels ?? "",
      t.groep ?? "",
      t.teltMee === false ? "nee" : "ja",
    ]),
  ),
);
schrijf(
  "vertrouwenspersonen.csv",
  csv(
    ["code", "groep", "regeling", "actief_van", "actief_tot"],
    VERTROUWENSPERSONEN.map((v) => [v.code, v.groep, v.regeling, v.van, v.tot]),
  ),
);
schrijf(
  "meldingen.csv",
  csv(
    [
      "id",
      "datum",
      "regeling",
      "aard",
      "herkomst",
      "vertrouwenspersoon",
      "uren",
      "status",
      "interventies",
      "resultaten",
      "geen_interventie",
    ],
    meldingen.map((m) => [
      m.id,
      `${m.jaar}-${String(m.maand).padStart(2, "0")}`,
      m.regeling,
      m.aard,
      m.herkomst,
      m.vps.join("|"),
      uur(m.uren),
      m.status,
      m.interventies.join("|"),
      m.resultaten.join("|"),
      m.geen ? "ja" : "nee",
    ]),
  ),
);
schrijf(
  "activiteiten.csv",
  csv(
    ["jaar", "vertrouwenspersoon", "activiteit", "uren"],
    ACTIVITEITEN.map(([j, v, a, u]) => [j, v, a, uur(u)]),
  ),
);
schrijf("klachten.csv", csv(["id", "datum", "ontvankelijk", "advies"], []));
schrijf("historie.csv", csv(["jaar", "reeks", "waarde", "bron"], HISTORIE));
schrijf("instellingen.json", JSON.stringify(INSTELLINGEN, null, 2) + "\n");
// Staff per year (invented, growing slowly): the optional input for meldingen per 100 staff.
schrijf("personeel.csv", csv(["jaar", "aantal"], PERSONEEL));
// The fixed fields of the cover note; the MT's discussion per year, as in the real notes.
schrijf(
  "oplegnotitie.json",
  JSON.stringify(
    {
      opgesteldDoor: "Vertrouwenspersonen ongewenste omgangsvormen",
      aardBespreking: "informerend",
      status: "C",
      mtBespreking: {
        "2020":
          "Het MT heeft het verslag met de vertrouwenspersonen besproken. Het verslag wordt dit jaar voor het eerst ook in het Presidium besproken, in aanwezigheid van vertrouwenspersonen.",
        "2021":
          "Het MT heeft het verslag tijdens een bijeenkomst met de vertrouwenspersonen ongewenste omgangsvormen en integriteit besproken. De aanbevelingen over trainingen voor medewerkers, aandacht voor mentale gezondheid en interne communicatie heeft het MT toegezegd. De verslagen worden besproken met de Ondernemingsraad en de diensthoofden en gepubliceerd op het intranet.",
      },
    },
    null,
    2,
  ) + "\n",
);
for (const [jaar, tekst] of Object.entries(VERSLAGEN)) schrijf(`verslag/${jaar}.md`, voorwerk(Number(jaar)) + tekst);
for (const [jaar, tekst] of Object.entries(VERSLAGEN_VPI)) {
  schrijf(
    `verslag-vpi/${jaar}.md`,
    voorwerkVan("Jaarverslag vertrouwenspersonen integriteit", Number(jaar), "De vertrouwenspersonen integriteit") + tekst,
  );
}
for (const [jaar, tekst] of Object.entries(VERSLAGEN_KLACHTEN)) {
  schrijf(
    `verslag-klachtencommissie/${jaar}.md`,
    voorwerkVan("Verslag klachtencommissie ongewenste omgangsvormen", Number(jaar), "De klachtencommissie ongewenste omgangsvormen") +
      tekst,
  );
}

// ---------------------------------------------------------------------------------------
// Self-check: read the files back and recount every target.

type Rij = Record<string, string>;
function lees(pad: string): Rij[] {
  return parse(readFileSync(join(DATA, pad), "utf8"), { columns: true, skip_empty_lines: true }) as Rij[];
}
const fouten: string[] = [];
function eis(ok: boolean, wat: string): void {
  if (!ok) fouten.push(wat);
}
function gelijk(gevonden: unknown, verwacht: unknown, wat: string): void {
  const a = JSON.stringify(gevonden);
  const b = JSON.stringify(verwacht);
  eis(a === b, `${wat}: ${a}, verwacht ${b}`);
}
function tel<T>(xs: T[], sleutel: (x: T) => string): Record<string, number> {
  const uit: Record<string, number> = {};
  for (const x of xs) uit[sleutel(x)] = (uit[sleutel(x)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(uit).sort(([a], [b]) => a.localeCompare(b)));
}
function gesorteerd(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(o)
      .filter(([, v]) => v !== 0)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
const som = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) * 10) / 10;

const voc = lees("vocabulaire.csv");
const vps = lees("vertrouwenspersonen.csv");
const mel = lees("meldingen.csv");
const act = lees("activiteiten.csv");
const his = lees("historie.csv");
const kla = lees("klachten.csv");

// vocabulary
const vocCode = (soort: string) => new Set(voc.filter((t) => t.soort === soort).map((t) => t.code));
const aardCodes = vocCode("aard");
const groepCodes = new Set(voc.map((t) => t.groep).filter((g): g is string => !!g));
for (const t of voc)
  if (t.groep) eis(aardCodes.has(t.groep) && !voc.find((g) => g.code === t.groep)?.groep, `groep ${t.groep} van ${t.code}`);
gelijk(voc.find((t) => t.code === "onveilig-voelen")?.eerdere_labels, "2019=Sociale onveiligheid", "eerdere_labels onveilig-voelen");
gelijk(
  voc.filter((t) => t.telt_mee === "nee").map((t) => t.code),
  ["corona-gerelateerd"],
  "telt_mee nee",
);
const telt = new Set(voc.filter((t) => t.soort === "aard" && t.telt_mee === "ja").map((t) => t.code));

// row rules
const ids = new Set<string>();
for (const m of mel) {
  const plek = `melding ${m.id}`;
  eis(!ids.has(m.id as string), `${plek}: dubbel id`);
  ids.add(m.id as string);
  const dm = /^(\d{4})-(\d{2})$/.exec(m.datum as string);
  eis(!!dm, `${plek}: datum`);
  const jaar = Number(dm?.[1]);
  const maand = Number(dm?.[2]);
  eis(aardCodes.has(m.aard as string) && !groepCodes.has(m.aard as string), `${plek}: aard ${m.aard}`);
  const term = voc.find((t) => t.code === m.aard);
  eis(
    !!term && Number(term.geldig_van) <= jaar && (!term.geldig_tot || jaar <= Number(term.geldig_tot)),
    `${plek}: aard niet geldig in ${jaar}`,
  );
  eis(["fractie", "ambtelijk", "extern"].includes(m.herkomst as string), `${plek}: herkomst`);
  for (const c of (m.vertrouwenspersoon as string).split("|")) {
    const vp = VERTROUWENSPERSONEN.find((v) => v.code === c);
    eis(!!vp && vps.some((v) => v.code === c) && vp.regeling === m.regeling && actief(vp, jaar, maand), `${plek}: vertrouwenspersoon ${c}`);
  }
  const u = Number(m.uren);
  eis(u >= 0.5 && u <= 12 && Number.isInteger(u * 2) && /^\d+(\.\d)?$/.test(m.uren as string), `${plek}: uren ${m.uren}`);
  const ints = m.interventies ? (m.interventies as string).split("|") : [];
  const ress = m.resultaten ? (m.resultaten as string).split("|") : [];
  for (const i of ints) eis(vocCode("interventie").has(i), `${plek}: interventie ${i}`);
  for (const r of ress) eis(vocCode("resultaat").has(r), `${plek}: resultaat ${r}`);
  eis((m.status === "afgerond-resultaat") === ress.length > 0, `${plek}: status en resultaten`);
  eis((m.geen_interventie === "ja") === (ints.length === 0), `${plek}: geen_interventie en interventies`);
  eis(["afgerond-resultaat", "afgerond-onbekend", "in-behandeling"].includes(m.status as string), `${plek}: status`);
}

const jaarVan = (m: Rij) => Number((m.datum as string).slice(0, 4));
const vpoo = (j: number) => mel.filter((m) => jaarVan(m) === j && m.regeling === VPOO);
const geteld = (j: number) => vpoo(j).filter((m) => telt.has(m.aard as string));
const corona = (j: number) => vpoo(j).filter((m) => m.aard === "corona-gerelateerd");
const ontvangers = (rs: Rij[]) => new Set(rs.map((m) => (m.vertrouwenspersoon as string).split("|")[0]));
const urenSom = (rs: Rij[]) => som(rs.map((m) => Number(m.uren)));
const resultatenVan = (rs: Rij[]) => rs.flatMap((m) => (m.resultaten ? (m.resultaten as string).split("|") : []));

for (const j of [2018, 2019, 2020, 2021]) {
  const g = vpoo(j).filter((m) => m.geen_interventie === "ja").length;
  eis(g >= 1 && g <= 2, `${j}: geen_interventie ja ${g}`);
}

// 2018
{
  const r = geteld(2018);
  gelijk(r.length, 10, "2018 aantal");
  gelijk(
    tel(r, (m) => m.herkomst as string),
    { ambtelijk: 9, fractie: 1 },
    "2018 herkomst",
  );
  gelijk(
    tel(r, (m) => m.status as string),
    { "afgerond-onbekend": 1, "afgerond-resultaat": 6, "in-behandeling": 3 },
    "2018 status",
  );
  gelijk(
    Object.keys(tel(r, (m) => m.aard as string)),
    ["adviesvraag", "integriteitskwestie", "intimidatie", "niet-gehoord-leidinggevende", "pesten"],
    "2018 aard",
  );
  gelijk(ontvangers(r).size, 3, "2018 ontvangende VPs");
  gelijk(
    r.filter((m) => (m.vertrouwenspersoon as string).includes("|")).map((m) => m.vertrouwenspersoon),
    ["VP-A1|VP-F2"],
    "2018 gezamenlijk",
  );
  gelijk(urenSom(r), 21.5, "2018 uren");
  const res = resultatenVan(r);
  eis(res.filter((x) => x === "andere-werkplek").length >= 2, "2018 andere-werkplek ≥ 2");
  for (const x of ["zelf-opgelost", "gesprek-vpi", "juridisch-advies"]) eis(res.includes(x), `2018 resultaat ${x}`);
  gelijk(vpoo(2018).length, 10, "2018 alle VPOO-rijen");
}
// 2019
{
  const r = geteld(2019);
  gelijk(r.length, 21, "2019 aantal");
  gelijk(vpoo(2019).length, 21, "2019 alle VPOO-rijen");
  gelijk(
    tel(r, (m) => m.herkomst as string),
    { ambtelijk: 17, fractie: 4 },
    "2019 herkomst",
  );
  gelijk(
    tel(r, (m) => m.status as string),
    { "afgerond-onbekend": 2, "afgerond-resultaat": 12, "in-behandeling": 7 },
    "2019 status",
  );
  gelijk(
    tel(r, (m) => m.aard as string),
    gesorteerd({
      pesten: 6,
      intimidatie: 5,
      "niet-gehoord-leidinggevende": 5,
      integriteitskwestie: 2,
      adviesvraag: 1,
      discriminatie: 1,
      "onveilig-voelen": 1,
    }),
    "2019 aard",
  );
  gelijk(ontvangers(r).size, 4, "2019 ontvangende VPs");
  gelijk(urenSom(r), 74, "2019 uren");
}
// 2020
{
  const r = geteld(2020);
  const c = corona(2020);
  const alle = vpoo(2020);
  gelijk(r.length, 13, "2020 aantal");
  gelijk(c.length, 5, "2020 corona");
  gelijk(alle.length, 18, "2020 alle VPOO-rijen");
  gelijk(
    tel(r, (m) => m.herkomst as string),
    { ambtelijk: 11, fractie: 2 },
    "2020 herkomst",
  );
  gelijk(
    tel(r, (m) => m.status as string),
    { "afgerond-onbekend": 2, "afgerond-resultaat": 10, "in-behandeling": 1 },
    "2020 status",
  );
  gelijk(
    tel(r, (m) => m.aard as string),
    gesorteerd({
      pesten: 3,
      "seksuele-intimidatie": 1,
      "niet-gehoord-leidinggevende": 1,
      integriteitskwestie: 1,
      adviesvraag: 3,
      roddelen: 2,
      "onveilig-voelen": 2,
    }),
    "2020 aard",
  );
  gelijk(
    tel(c, (m) => `${m.herkomst}/${m.status}`),
    { "fractie/afgerond-resultaat": 5 },
    "2020 corona herkomst/status",
  );
  const perGroep = tel(alle, (m) => vpVan((m.vertrouwenspersoon as string).split("|")[0] as string).groep);
  gelijk(perGroep, { ambtelijk: 13, extern: 1, fractie: 4 }, "2020 ontvangen per VP-groep");
  gelijk(
    ontvangers(alle.filter((m) => vpVan((m.vertrouwenspersoon as string).split("|")[0] as string).groep === "fractie")).size,
    1,
    "2020 één fractie-VP",
  );
  eis([...ontvangers(alle)].includes("VP-E1"), "2020 VP-E1 ontving");
  gelijk(urenSom(alle), 37, "2020 uren incl. corona");
  gelijk(urenSom(c), 5, "2020 uren corona");
}
// 2021
{
  const r = geteld(2021);
  gelijk(r.length, 26, "2021 aantal");
  gelijk(corona(2021).length, 5, "2021 corona");
  gelijk(
    tel(r, (m) => m.herkomst as string),
    { ambtelijk: 18, extern: 1, fractie: 7 },
    "2021 herkomst",
  );
  const u = urenSom(vpoo(2021));
  eis(u >= 75 && u <= 85, `2021 uren ${u}`);
  const st = tel(r, (m) => m.status as string);
  eis((st["afgerond-resultaat"] ?? 0) > r.length / 2, "2021 status grotendeels afgerond-resultaat");
}
// VPI
{
  const vi = (j: number) => mel.filter((m) => jaarVan(m) === j && m.regeling === VPI);
  gelijk(vi(2018).length + vi(2019).length, 0, "VPI 2018–2019");
  gelijk(
    vi(2020).map((m) => m.aard),
    ["adviesvraag"],
    "VPI 2020",
  );
  gelijk(
    vi(2021).map((m) => `${m.herkomst}/${m.aard}`),
    ["ambtelijk/integriteitskwestie", "ambtelijk/integriteitskwestie"],
    "VPI 2021",
  );
}
// activities
{
  for (const a of act) {
    const vp = VERTROUWENSPERSONEN.find((v) => v.code === a.vertrouwenspersoon);
    eis(!!vp && vp.regeling === VPOO && actiefInJaar(vp, Number(a.jaar)), `activiteit ${a.jaar} ${a.vertrouwenspersoon}`);
    eis(Number(a.uren) > 0, `activiteit ${a.jaar} ${a.vertrouwenspersoon} uren`);
  }
  const perAct = (j: number) => {
    const uit: Record<string, number> = {};
    for (const a of act.filter((x) => Number(x.jaar) === j))
      uit[a.activiteit as string] = som([uit[a.activiteit as string] ?? 0, Number(a.uren)]);
    return gesorteerd(uit);
  };
  gelijk(perAct(2019), gesorteerd({ training: 120, intervisie: 40, voorlichting: 10, overleg: 10 }), "2019 activiteiten");
  gelijk(perAct(2020), gesorteerd({ training: 48, intervisie: 40, voorlichting: 10, overleg: 32 }), "2020 activiteiten");
  gelijk(act.filter((a) => a.jaar === "2018" && a.activiteit === "supervisie").length, 2, "2018 supervisie-regels");
  eis(
    !act.some((a) => a.jaar === "2020" && a.vertrouwenspersoon === "VP-E1" && ["training", "intervisie"].includes(a.activiteit as string)),
    "2020 VP-E1 geen training/intervisie",
  );

  // 2020 hours per VP group: activities + the group's share of melding hours (split equally over the VPs)
  const groep: Record<string, number> = {};
  for (const a of act.filter((x) => x.jaar === "2020")) {
    const g = vpVan(a.vertrouwenspersoon as string).groep;
    groep[g] = (groep[g] ?? 0) + Number(a.uren);
  }
  for (const m of vpoo(2020)) {
    const cs = (m.vertrouwenspersoon as string).split("|");
    for (const c of cs) groep[vpVan(c).groep] = (groep[vpVan(c).groep] ?? 0) + Number(m.uren) / cs.length;
  }
  const afgerond = Object.fromEntries(Object.entries(groep).map(([k, v]) => [k, Math.round(v * 10) / 10]));
  gelijk(gesorteerd(afgerond), { ambtelijk: 96, extern: 3, fractie: 68 }, "2020 uren per VP-groep");
}
// historie, klachten, instellingen
{
  const h = (reeks: string) => his.filter((x) => x.reeks === reeks).map((x) => `${x.jaar}=${x.waarde}`);
  gelijk(
    h("meldingen_vpoo"),
    ["2011=21", "2012=17", "2013=22", "2014=24", "2015=24", "2016=9", "2017=13", "2018=10", "2019=21", "2020=18"],
    "historie meldingen_vpoo",
  );
  gelijk(h("klachten"), ["2012=2", "2013=2", "2014=0", "2015=0", "2016=0", "2017=0"], "historie klachten");
  gelijk(h("meldingen_vpi"), ["2018=0", "2019=0"], "historie meldingen_vpi");
  gelijk(kla.length, 0, "klachten");
  gelijk(readFileSync(join(DATA, "klachten.csv"), "utf8"), "id,datum,ontvankelijk,advies\n", "klachten.csv alleen kop");
  const inst = JSON.parse(readFileSync(join(DATA, "instellingen.json"), "utf8")) as typeof INSTELLINGEN;
  eis(inst.namenlijst.length >= 12, "namenlijst");
}
// the counsellors' text
{
  const GETAL = String.raw`(?:\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|twintig|enkele|meerdere|paar|kwart|helft|derde|procent)`;
  const MELD = String.raw`(?:meld\w*|melder\w*)`;
  const dichtbij = new RegExp(String.raw`\b${GETAL}\b(?:\W+\w+){0,3}?\W+${MELD}|\b${MELD}(?:\W+\w+){0,3}?\W+${GETAL}\b`, "iu");
  const FRACTIES = [
    "VVD",
    "PVV",
    "CDA",
    "D66",
    "GroenLinks",
    "PvdA",
    "SP",
    "ChristenUnie",
    "SGP",
    "DENK",
    "FvD",
    "JA21",
    "Volt",
    "BBB",
    "PvdD",
    "BIJ1",
    "50PLUS",
  ];
  const SECTIES = ["Voorwoord", "Deskundigheidsbevordering", "Voorlichting", "Team", "Trends en aanbevelingen", "Klachtencommissie"];
  for (const jaar of [2018, 2019, 2020, 2021]) {
    const tekst = readFileSync(join(DATA, "verslag", `${jaar}.md`), "utf8");
    const plek = `verslag/${jaar}.md`;
    eis(
      tekst.startsWith(`---\ntitel: `) &&
        tekst.includes(`\nvastgesteld: ${jaar + 1}-03-02\n`) &&
        tekst.includes("\nauteurs: De vertrouwenspersonen ongewenste omgangsvormen\n---\n"),
      `${plek}: voorwerk`,
    );
    // "Opvolging aanbevelingen" is optional (from the second year on), before "Klachtencommissie".
    const secties = [...tekst.matchAll(/^## (.+)$/gm)].map((x) => x[1]).filter((t) => t !== "Opvolging aanbevelingen");
    gelijk(secties, SECTIES, `${plek}: secties`);
    eis(jaar >= 2020 === tekst.includes("\n## Opvolging aanbevelingen\n"), `${plek}: opvolging aanbevelingen`);
    eis(/^### Trends$/m.test(tekst) && /^### Aanbevelingen$/m.test(tekst) && /^- /m.test(tekst), `${plek}: trends/aanbevelingen`);
    const body = tekst.replace(/^---[\s\S]*?---\n/, "").replace(/^#+ .*$/gm, "");
    const woorden = body.split(/\s+/).filter((w) => /\p{L}|\d/u.test(w)).length;
    eis(woorden >= 150 && woorden <= 450, `${plek}: ${woorden} woorden`);
    for (const zin of body.split(/(?<=[.;:!?])\s+|\n+/)) eis(!dichtbij.test(zin), `${plek}: getal bij meldingwoord: "${zin.trim()}"`);
    eis(!/%/.test(body), `${plek}: percentage`);
    const woord = (w: string, vlag: string) => new RegExp(String.raw`(?<![\p{L}\d])${w}(?![\p{L}\d])`, vlag);
    for (const naam of INSTELLINGEN.namenlijst) eis(!woord(naam, "iu").test(body), `${plek}: naam ${naam}`);
    for (const f of FRACTIES) eis(!woord(f, "u").test(body), `${plek}: fractienaam ${f}`);
  }
}

if (fouten.length > 0) {
  throw new Error(`Voorbeelddata voldoet niet aan de doelen:\n- ${fouten.join("\n- ")}`);
}
console.log(
  `data/ geschreven: ${mel.length} meldingen (${[2018, 2019, 2020, 2021].map((j) => `${j}: ${geteld(j).length}+${corona(j).length}`).join(", ")}), ` +
    `${act.length} activiteiten, ${his.length} historie-regels; alle doelen gehaald.`,
);
