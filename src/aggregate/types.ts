// What `aggregate` produces: counts and hours at the finest level the report needs.
// Every total, share and average in the report is summed from these, so it cannot
// contradict itself.
import type { Herkomst, Status } from "../domain.ts";
import type { Periode, PeriodeId } from "../domain/periods.ts";

// Every `jaar` below is a period (PeriodeId): a calendar year as a number, or a period key
// such as "2018-01..2019-11" when periods are configured (see periods.ts).

/** One inner cell of the meldingen universe (regeling ongewenste omgangsvormen). */
export interface MeldingCel {
  jaar: PeriodeId;
  aard: string;
  herkomst: Herkomst;
  status: Status;
  /** Group of the counsellor who received the melding (the first one listed). */
  vpgroep: Herkomst;
  n: number;
}

export const UREN_ACTIVITEITEN = ["training", "intervisie", "voorlichting", "overleg", "supervisie", "afhandeling"] as const;
export type UrenActiviteit = (typeof UREN_ACTIVITEITEN)[number];

/** Hours of one counsellor on one activity in one year; a melding's hours are split over its VPs. */
export interface UrenCel {
  jaar: PeriodeId;
  activiteit: UrenActiviteit;
  vpgroep: Herkomst;
  vertrouwenspersoon: string;
  uren: number;
}

export interface CodeTelling {
  jaar: PeriodeId;
  code: string;
  n: number;
}

export interface TeamJaar {
  jaar: PeriodeId;
  groep: Herkomst;
  aantal: number;
  /** Counsellors in this group who received at least one melding. */
  metMelding: number;
}

/** One inner cell of the integriteit universe: what the vertrouwenspersoon integriteit saw. */
export interface VpiCel {
  jaar: PeriodeId;
  aard: string;
  herkomst: Herkomst;
  n: number;
}

interface VpiJaar {
  jaar: PeriodeId;
  meldingen: number;
  adviesvragen: number;
}

export interface SerieJaar {
  jaar: PeriodeId;
  waarde: number;
  bron: "registratie" | string;
}

export interface Aggregates {
  /** The reported period. */
  jaar: PeriodeId;
  periode: Periode;
  /** The timeline from the first record period to the reported one, in order. */
  perioden: Periode[];
  /** The period before the reported one on the timeline ("last year"), if recorded. */
  vorige: PeriodeId | null;
  recordYears: PeriodeId[];
  meldingCellen: MeldingCel[];
  /** Registered meldingen per year, counted or not (for hours per melding). */
  geregistreerd: { jaar: PeriodeId; n: number }[];
  urenCellen: UrenCel[];
  interventies: CodeTelling[];
  resultaten: CodeTelling[];
  geenInterventie: { jaar: PeriodeId; n: number }[];
  team: TeamJaar[];
  vpi: VpiJaar[];
  vpiCellen: VpiCel[];
  /** Hours of the integriteit counsellors per year and activity (meldingen as "afhandeling"). */
  vpiUren: { jaar: PeriodeId; activiteit: UrenActiviteit; uren: number }[];
  /** Totals per year from the first published year to N: historie where no records exist. */
  meldingenSerie: SerieJaar[];
  klachtenSerie: SerieJaar[];
  vpiSerie: SerieJaar[];
}
