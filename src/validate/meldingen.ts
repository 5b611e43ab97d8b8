// meldingen.csv: one row per melding, checked field by field and for contradictions.
import {
  HERKOMSTEN,
  REGELINGEN,
  STATUSSEN,
  type Herkomst,
  type Instellingen,
  type Maand,
  type Melding,
  type Regeling,
  type Status,
  type Term,
  type Vertrouwenspersoon,
} from "../domain.ts";
import { columnsOf, type CsvTable } from "../ingest/csv.ts";
import type { Problem } from "../ingest/problem.ts";
import { enumChoices, parseCode, parseJaNee, parseMaand, parseUren, splitList } from "./fields.ts";
import { firstOccurrences } from "./duplicates.ts";
import { readRows, type RowReader } from "./rows.ts";
import { choicesFor } from "./vocabulaire.ts";
import { activeInMonth } from "./vertrouwenspersonen.ts";

export const MELDING_COLUMNS = [
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
] as const;

export interface MeldingContext {
  vocabulaire: Term[];
  vertrouwenspersonen: Vertrouwenspersoon[];
  instellingen: Instellingen;
  /** The month of today: a first contact after it is a typing error. */
  vandaag: Maand;
}

export function validateMeldingen(table: CsvTable, problems: Problem[], ctx: MeldingContext): Melding[] {
  const aardChoices = choicesFor(ctx.vocabulaire, "aard");
  const interventieChoices = choicesFor(ctx.vocabulaire, "interventie");
  const resultaatChoices = choicesFor(ctx.vocabulaire, "resultaat");
  const vpByCode = new Map(ctx.vertrouwenspersonen.map((vp) => [vp.code, vp]));
  // Built once, not per row (a million rows made these lookups a visible part of validate).
  const regelingChoices = enumChoices(REGELINGEN);
  const herkomstChoices = enumChoices(HERKOMSTEN);
  const statusChoices = enumChoices(STATUSSEN);
  const aardTerms = new Map<string, Term>();
  for (const t of ctx.vocabulaire) if (t.soort === "aard" && !aardTerms.has(t.code)) aardTerms.set(t.code, t);
  const knownVps = [...vpByCode.keys()].join(", ");
  // The parses below depend on the cell's text alone: RowReader.cached parses each distinct text once.
  const parseRegeling = (t: string) => parseCode(t, regelingChoices);
  const parseAard = (t: string) => parseCode(t, aardChoices);
  const parseHerkomst = (t: string) => parseCode(t, herkomstChoices);
  const parseStatus = (t: string) => parseCode(t, statusChoices);
  const parseGeenInterventie = (t: string) => parseJaNee(t);
  const interventieCodes = (t: string) => parseCodes(t, interventieChoices);
  const resultaatCodes = (t: string) => parseCodes(t, resultaatChoices);
  const { columns, regels } = columnsOf(table);
  const idColumn = columns[table.header.lastIndexOf("id")];
  const firstOfId = idColumn ? firstOccurrences(idColumn) : new Int32Array(regels.length).fill(-1);
  return readRows(table, MELDING_COLUMNS, problems, ctx.instellingen.namenlijst, (r) => {
    const id = r.raw("id");
    const first = firstOfId[r.row] as number;
    if (id === "") r.report("id", "elke melding heeft een unieke code nodig, zoals M2021-01");
    else if (first >= 0) r.report("id", `deze id staat ook op regel ${regels[first]}; elke melding heeft een eigen id`);
    const datum = r.cached("datum", parseMaand);
    if (datum && datum.jaar * 12 + datum.maand > ctx.vandaag.jaar * 12 + ctx.vandaag.maand) {
      r.report("datum", "deze datum ligt in de toekomst");
    }
    const regeling = r.cached("regeling", parseRegeling) as Regeling | undefined;
    const aard = r.cached("aard", parseAard);
    if (aard && datum) checkValidInYear(r, "aard", aardTerms, aard, datum.jaar);
    const herkomst = r.cached("herkomst", parseHerkomst) as Herkomst | undefined;
    const vps = r.memo("vertrouwenspersoon", splitList);
    if (vps.length === 0) r.report("vertrouwenspersoon", "vul de code in van de vertrouwenspersoon die de melding ontving");
    checkVertrouwenspersonen(r, vps, vpByCode, knownVps, datum, regeling);
    const uren = r.cached("uren", parseUren);
    if (uren !== undefined && uren > ctx.instellingen.maxUrenPerMelding) {
      r.report(
        "uren",
        `meer dan ${ctx.instellingen.maxUrenPerMelding} uur aan één melding is niet aannemelijk (grens in instellingen.json: maxUrenPerMelding)`,
      );
    }
    const status = r.cached("status", parseStatus) as Status | undefined;
    const interventies = codes(r, "interventies", interventieCodes);
    const resultaten = codes(r, "resultaten", resultaatCodes);
    const geenInterventie = r.cached("geen_interventie", parseGeenInterventie);
    checkAfhandeling(r, status, interventies, resultaten, geenInterventie);
    if (
      !datum ||
      !regeling ||
      !aard ||
      !herkomst ||
      vps.length === 0 ||
      uren === undefined ||
      !status ||
      geenInterventie === undefined ||
      geenInterventie === null
    )
      return undefined;
    return { id, datum, regeling, aard, herkomst, vertrouwenspersonen: vps, uren, status, interventies, resultaten, geenInterventie };
  });
}

interface ParsedCodes {
  codes: string[];
  /** in list order, as they are reported */
  errors: { part: string; error: string }[];
}

function parseCodes(text: string, choices: { code: string; labels: string[] }[]): ParsedCodes {
  const out: ParsedCodes = { codes: [], errors: [] };
  for (const part of splitList(text)) {
    const parsed = parseCode(part, choices);
    if (parsed.ok) out.codes.push(parsed.value);
    else out.errors.push({ part, error: parsed.error });
  }
  return out;
}

/** The codes of a list cell (memoised per distinct text); each unknown part is reported. */
/** Each counsellor of a melding is known, active in its month and of its regeling, and named once. */
function checkVertrouwenspersonen(
  r: RowReader,
  vps: string[],
  vpByCode: Map<string, Vertrouwenspersoon>,
  knownVps: string,
  datum: Maand | undefined,
  regeling: Regeling | undefined,
): void {
  for (const code of vps) {
    const vp = vpByCode.get(code);
    if (!vp) r.report("vertrouwenspersoon", `onbekende vertrouwenspersoon; bekend zijn: ${knownVps}`, code);
    else if (datum && !activeInMonth(vp, datum))
      r.report("vertrouwenspersoon", `${code} was in ${datum.maand}-${datum.jaar} niet actief als vertrouwenspersoon`, code);
    else if (regeling && vp.regeling !== regeling)
      r.report("vertrouwenspersoon", `${code} is vertrouwenspersoon voor ${vp.regeling}, niet voor ${regeling}`, code);
  }
  if (vps.length > 1 && new Set(vps).size !== vps.length)
    r.report("vertrouwenspersoon", "dezelfde vertrouwenspersoon staat er twee keer in");
}

/** Interventies, resultaten, status and geen_interventie agree with each other. */
function checkAfhandeling(
  r: RowReader,
  status: Status | undefined,
  interventies: string[],
  resultaten: string[],
  geenInterventie: boolean | null | undefined,
): void {
  if (geenInterventie === true && interventies.length > 0) {
    r.report("geen_interventie", "er staat 'ja' (geen interventie op verzoek van de melder), maar er zijn wel interventies ingevuld");
  }
  if (geenInterventie === false && interventies.length === 0) {
    r.report("interventies", "geen interventies ingevuld; vul ze in, of zet geen_interventie op ja");
  }
  if (status === "afgerond-resultaat" && resultaten.length === 0) {
    r.report("resultaten", "de status is afgerond-resultaat, maar er is geen resultaat ingevuld");
  }
  if (status && status !== "afgerond-resultaat" && resultaten.length > 0) {
    r.report("status", `er zijn resultaten ingevuld, maar de status is ${status}; gebruik afgerond-resultaat of laat de resultaten leeg`);
  }
}

function codes(r: RowReader, kolom: string, parse: (text: string) => ParsedCodes): string[] {
  const parsed = r.memo(kolom, parse);
  for (const e of parsed.errors) r.report(kolom, e.error, e.part);
  return parsed.codes;
}

/** `aardTerms`: the first term of soort aard for each code (what vocabulaire.find returns). */
function checkValidInYear(r: RowReader, kolom: string, aardTerms: Map<string, Term>, code: string, jaar: number): void {
  const term = aardTerms.get(code);
  if (term && (jaar < term.geldigVan || (term.geldigTot !== null && jaar > term.geldigTot))) {
    r.report(kolom, `code "${code}" is alleen geldig van ${term.geldigVan} tot ${term.geldigTot ?? "nu"}, niet in ${jaar}`);
  }
}
