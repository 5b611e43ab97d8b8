// A published figure named in the reader's words, for figures of an earlier report that this
// report has no table cell for (a pooled figure of an earlier span, a year no table shows any
// more): "Meldingen naar aard, Corona: thuiswerken, … (telt niet mee), 2018–2020 samen" rather
// than the scope the register keeps ("meldingen 2018, 2019, 2020 (aard: corona-gerelateerd)").
// The words are those of the report's own tables (protect/describe.ts) and the vocabulary.
import { periodLabel, periodById } from "../domain/periods.ts";
import type { Herkomst, Status, Term } from "../domain.ts";
import { ACTIVITEIT_LABEL, HERKOMST_LABEL, HERKOMST_RIJEN, STATUS_LABEL, VPGROEP_LABEL } from "../protect/labels.ts";
import { VPI_ADVIES } from "../protect/describe-vpi.ts";
import { labelInYear } from "../validate/vocabulaire.ts";

const MEASURE: Record<string, string> = {
  meldingen: "Meldingen",
  uren: "Tijdsbesteding (uren)",
  klachten: "Klachten bij de klachtencommissie",
  interventies: "Interventies",
  resultaten: "Resultaten",
  vpi: "Meldingen en adviesvragen bij de vertrouwenspersoon integriteit",
};

/** What each dimension is called before its values, as the report's table titles say it. */
const BY: Record<string, string> = {
  aard: "naar aard",
  herkomst: "naar herkomst van de melder",
  status: "naar stand van zaken",
  vpgroep: "naar groep vertrouwenspersonen",
  activiteit: "naar activiteit",
};

/** The years of a scope as a column of the report: "2020", or "2018–2020 samen" for a span. */
function yearsLabel(jaren: string[]): string {
  const keys = jaren.map((j) => (/^\d{4}$/.test(j) ? Number(j) : j));
  if (keys.length === 1) return periodLabel(keys[0]!);
  const first = periodById(keys[0]!);
  const last = periodById(keys.at(-1)!);
  return `${first.van.jaar}–${last.tot.jaar} samen`;
}

/** The label of one category value of a dimension, as the tables print it. */
function valueLabel(universe: string, dim: string, code: string, vocabulaire: Term[], jaar: number): string {
  const term = (soort: Term["soort"]) => vocabulaire.find((t) => t.soort === soort && t.code === code);
  if (universe === "vpi" && dim === "aard") return code === VPI_ADVIES ? "Adviesvragen" : "Meldingen van een vermoeden van een misstand";
  if (dim === "aard") {
    const t = term("aard");
    return t ? `${labelInYear(t, jaar)}${t.teltMee ? "" : " (telt niet mee)"}` : code;
  }
  if (dim === "code") {
    const t = term(universe === "interventies" ? "interventie" : "resultaat");
    return t ? labelInYear(t, jaar) : code;
  }
  if (dim === "herkomst") return HERKOMST_LABEL[code as Herkomst] ?? code;
  if (dim === "vpgroep") return VPGROEP_LABEL[code as Herkomst] ?? code;
  if (dim === "status") return STATUS_LABEL[code as Status] ?? code;
  if (dim === "activiteit") return (ACTIVITEIT_LABEL as Record<string, string>)[code] ?? code;
  return code;
}

/**
 * "Meldingen naar aard en naar herkomst van de melder, Pesten, Extern, 2020": the measure, what
 * it is split by, the categories, and the year (or span) last, as a table cell reads.
 */
export function figureLabel(universe: string, scope: Record<string, string[]>, vocabulaire: Term[]): string {
  const { jaar: jaren = [], ...rest } = scope;
  const lastYear =
    jaren.length > 0 ? periodById(/^\d{4}$/.test(jaren.at(-1)!) ? Number(jaren.at(-1)) : jaren.at(-1)!).tot.jaar : Number.POSITIVE_INFINITY;
  const dims = Object.entries(rest).filter(([, codes]) => codes.length > 0);
  const by = dims.map(([dim]) => BY[dim]).filter((x): x is string => x !== undefined);
  const title = `${MEASURE[universe] ?? universe}${by.length > 0 ? ` ${by.join(" en ")}` : ""}`;
  // (the VPI's meldingen are every aard but the advice question: one row of its table)
  const values = dims.map(
    ([dim, codes]) =>
      (dim === "herkomst" ? herkomstRowLabel(codes) : undefined) ??
      [...new Set(codes.map((c) => valueLabel(universe, dim, c, vocabulaire, lastYear)))].join(" + "),
  );
  return [title, ...values, ...(jaren.length > 0 ? [yearsLabel(jaren)] : [])].join(", ");
}

const DOCUMENT_TITLE: Record<string, string> = {
  "jaarverslag-vpoo": "jaarverslag van de vertrouwenspersonen ongewenste omgangsvormen",
  "jaarverslag-vpi": "jaarverslag van de vertrouwenspersoon integriteit",
  "sociaal-jaarverslag": "bijdrage aan het sociaal jaarverslag",
  "oplegnotitie-presidium": "oplegnotitie voor het Presidium",
  klachtencommissie: "verslag van de klachtencommissie",
};

/**
 * A report of the register in the reader's words: "jaarverslag-vpoo-2020-openbaar (versie 2)"
 * becomes "het openbare jaarverslag van de vertrouwenspersonen ongewenste omgangsvormen over
 * 2020 (versie 2)". A name it does not know stays as it is.
 */
export function reportLabel(report: string): string {
  const m = /^(.+)-(\d{4}|\d{4}-\d{2}_\d{4}-\d{2})-(openbaar|vertrouwelijk)((?: \(.*\))?)$/.exec(report);
  const title = m ? DOCUMENT_TITLE[m[1]!] : undefined;
  if (!m || !title) return report;
  const key = m[2]!.includes("_") ? m[2]!.replace("_", "..") : Number(m[2]);
  return `het ${m[3] === "openbaar" ? "openbare" : "vertrouwelijke"} ${title} over ${periodLabel(key)}${m[4]}`;
}

/** A herkomst row that counts several herkomsten together ("Ambtelijke organisatie (met extern)"). */
function herkomstRowLabel(codes: string[]): string | undefined {
  return HERKOMST_RIJEN.find((r) => r.herkomsten.length === codes.length && r.herkomsten.every((h) => codes.includes(h)))?.label;
}
