// `jaarverslag template`: the registration workbook the counsellors fill in during the year.
// One sheet per input table with the columns in contract order, drop-down lists of the valid
// codes (their Dutch labels on the sheet "Codes"), input checks on hours, dates and years, and
// a sheet "Uitleg" explaining each field. A pure function from the vocabulary and settings to
// the bytes of an .xlsx; the CLI writes the file.
import ExcelJS from "exceljs";
import type { ActiviteitRegel, HistorieRegel, Klacht, Maand, Melding, Term, Vertrouwenspersoon } from "../domain.ts";
import { REGISTRATIE_XLSX } from "../ingest/raw-input.ts";
import { columnLetter } from "../ingest/xlsx.ts";
import { MAX_ACTIVITEIT_UREN } from "../validate/other-tables.ts";
import { sheetName, TEMPLATE_TABLES, VASTE_LIJSTEN, type Invoer, type ListName } from "./fields.ts";

export interface TemplateInput {
  vocabulaire: Term[];
  /** Prefilled on their sheets (from the data folder); empty for a new registration. */
  vertrouwenspersonen: Vertrouwenspersoon[];
  historie: HistorieRegel[];
  /**
   * The registration of earlier years (from the data folder), so that the workbook holds all of
   * it and its instructions can say to remove the CSV files: every report compares with the
   * years before it and shows the series from the first published year.
   */
  meldingen?: Melding[];
  activiteiten?: ActiviteitRegel[];
  klachten?: Klacht[];
  /** Where the rows came from, for the instructions ("data"); absent for a new registration. */
  bron?: string;
  maxUrenPerMelding: number;
  /** How many rows below the header get drop-down lists and input checks. */
  rijen?: number;
}

export const CODES_SHEET = "Codes";
export const UITLEG_SHEET = "Uitleg";

const utcDate = (m: Maand) => new Date(Date.UTC(m.jaar, m.maand - 1, 1));
const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

interface CodeRow {
  lijst: ListName;
  code: string;
  label: string;
  toelichting: string;
}

function codeRows(vocabulaire: Term[]): CodeRow[] {
  const rows: CodeRow[] = [];
  for (const [lijst, codes] of Object.entries(VASTE_LIJSTEN) as [ListName, { code: string; label: string }[]][]) {
    for (const c of codes) rows.push({ lijst, code: c.code, label: c.label, toelichting: "" });
  }
  for (const soort of ["aard", "interventie", "resultaat"] as const) {
    for (const t of vocabulaire.filter((x) => x.soort === soort)) {
      const notes = [
        `geldig ${t.geldigVan}–${t.geldigTot ?? "nu"}`,
        ...(t.eerdereLabels.length ? [`eerder: ${t.eerdereLabels.map((e) => `${e.label} (t/m ${e.totJaar})`).join(", ")}`] : []),
        ...(t.groep ? [`groep: ${t.groep}`] : []),
        ...(!t.teltMee ? ["telt niet mee in het totaal"] : []),
      ];
      rows.push({ lijst: soort, code: t.code, label: t.label, toelichting: notes.join("; ") });
    }
  }
  return rows;
}

type DataValidation = Record<string, unknown>;

function validationFor(invoer: Invoer, ranges: Map<ListName, string>, input: TemplateInput, rijen: number): DataValidation | null {
  const common = { allowBlank: true, showErrorMessage: true, showInputMessage: true };
  switch (invoer.soort) {
    case "tekst":
      return null;
    case "datum":
      return {
        ...common,
        type: "date",
        operator: "between",
        formulae: ["2000-01-01T00:00:00Z", "2100-12-31T00:00:00Z"],
        errorStyle: "stop",
        errorTitle: "Geen datum",
        error: "Vul een datum in als DD-MM-JJJJ, bijvoorbeeld 15-03-2024.",
      };
    case "maand":
      return {
        ...common,
        type: "date",
        operator: "between",
        formulae: ["2000-01-01T00:00:00Z", "2100-12-31T00:00:00Z"],
        errorStyle: "stop",
        errorTitle: "Geen datum",
        error: "Vul een datum in de maand in, bijvoorbeeld 01-03-2024; alleen de maand telt.",
      };
    case "jaar":
      return {
        ...common,
        type: "whole",
        operator: "between",
        formulae: [2000, 2100],
        errorStyle: "stop",
        errorTitle: "Geen jaartal",
        error: "Vul een jaartal van vier cijfers in, bijvoorbeeld 2024.",
      };
    case "geheel":
      return {
        ...common,
        type: "whole",
        operator: "greaterThanOrEqual",
        formulae: [0],
        errorStyle: "stop",
        errorTitle: "Geen aantal",
        error: "Vul een geheel getal van 0 of meer in.",
      };
    case "uren": {
      const max = invoer.max === "maxUrenPerMelding" ? input.maxUrenPerMelding : MAX_ACTIVITEIT_UREN;
      return {
        ...common,
        type: "decimal",
        operator: "between",
        formulae: [0, max],
        errorStyle: "stop",
        errorTitle: "Uren",
        error: `Vul een aantal uren in van 0 tot en met ${String(max).replace(".", ",")}, met een decimale komma (2,5).`,
      };
    }
    case "lijst":
      return listValidation(invoer, ranges, rijen, common);
  }
}

/** A code from a list: strict lists stop, the others warn (a label is allowed, `check` decides). */
function listValidation(
  invoer: Extract<Invoer, { soort: "lijst" }>,
  ranges: Map<ListName, string>,
  rijen: number,
  common: Pick<DataValidation, "allowBlank" | "showErrorMessage" | "showInputMessage">,
): DataValidation | null {
  const range = invoer.lijst === "vertrouwenspersoon" ? `vertrouwenspersonen!$A$2:$A$${rijen + 1}` : ranges.get(invoer.lijst);
  if (!range) return null;
  return invoer.streng
    ? {
        ...common,
        type: "list",
        formulae: [range],
        errorStyle: "stop",
        errorTitle: "Onbekende code",
        error: "Kies een code uit de keuzelijst (de labels staan op het tabblad Codes).",
      }
    : {
        ...common,
        type: "list",
        formulae: [range],
        errorStyle: "warning",
        errorTitle: "Niet in de keuzelijst",
        error: invoer.meer
          ? "Deze waarde staat niet in de keuzelijst. Meer codes in één cel scheidt u met | (bijvoorbeeld a|b). Doorgaan?"
          : "Deze waarde staat niet in de keuzelijst. Een label uit het tabblad Codes mag ook; jaarverslag check controleert het. Doorgaan?",
      };
}

function numFmt(invoer: Invoer): string | undefined {
  if (invoer.soort === "datum") return "dd-mm-yyyy";
  if (invoer.soort === "maand") return "mm-yyyy";
  if (invoer.soort === "tekst" || invoer.soort === "lijst") return "@";
  return undefined;
}

function prefill(file: string, input: TemplateInput): unknown[][] {
  if (file === "vertrouwenspersonen.csv") {
    return input.vertrouwenspersonen.map((v) => [
      v.code,
      v.groep,
      v.regeling,
      utcDate(v.actiefVan),
      v.actiefTot ? utcDate(v.actiefTot) : null,
    ]);
  }
  if (file === "historie.csv") return input.historie.map((h) => [h.jaar, h.reeks, h.waarde, h.bron]);
  // The columns in contract order (fields.ts); a month as the first day of that month.
  if (file === "meldingen.csv") {
    return (input.meldingen ?? []).map((m) => [
      m.id,
      utcDate(m.datum),
      m.regeling,
      m.aard,
      m.herkomst,
      m.vertrouwenspersonen.join("|"),
      m.uren,
      m.status,
      m.interventies.join("|"),
      m.resultaten.join("|"),
      m.geenInterventie ? "ja" : "nee",
    ]);
  }
  if (file === "activiteiten.csv") return (input.activiteiten ?? []).map((a) => [a.jaar, a.vertrouwenspersoon, a.activiteit, a.uren]);
  if (file === "klachten.csv")
    return (input.klachten ?? []).map((k) => [
      k.id,
      utcDate(k.datum),
      k.ontvankelijk === null ? null : k.ontvankelijk ? "ja" : "nee",
      k.advies,
    ]);
  if (file === "vocabulaire.csv") {
    return input.vocabulaire.map((t) => [
      t.soort,
      t.code,
      t.label,
      t.geldigVan,
      t.geldigTot,
      t.eerdereLabels.map((e) => `${e.totJaar}=${e.label}`).join("|"),
      t.groep,
      t.teltMee ? "ja" : "nee",
    ]);
  }
  return [];
}

export async function templateWorkbook(input: TemplateInput): Promise<Uint8Array> {
  const rijen = input.rijen ?? 1000;
  const wb = new ExcelJS.Workbook();
  wb.creator = "jaarverslag";

  // "Codes" first in the code, last in the workbook: the ranges of its lists feed the drop-downs.
  const codes = codeRows(input.vocabulaire);
  const ranges = new Map<ListName, string>();
  codes.forEach((c, i) => {
    const row = i + 2;
    const r = ranges.get(c.lijst);
    const start = r ? Number(/\$B\$(\d+):/.exec(r)![1]) : row;
    ranges.set(c.lijst, `${CODES_SHEET}!$B$${start}:$B$${row}`);
  });

  for (const t of TEMPLATE_TABLES) {
    const ws = wb.addWorksheet(sheetName(t.file), { views: [{ state: "frozen", ySplit: 1 }] });
    const kolommen = Object.entries(t.velden);
    ws.columns = kolommen.map(([naam, veld]) => ({
      header: naam,
      key: naam,
      width: Math.max(12, Math.min(40, naam.length + 4, veld.voorbeeld.length + 4)),
      style: numFmt(veld.invoer) ? { numFmt: numFmt(veld.invoer)! } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const values of prefill(t.file, input)) ws.addRow(values);
    const dv = (ws as unknown as { dataValidations: { add(address: string, v: DataValidation): void } }).dataValidations;
    kolommen.forEach(([naam, veld], i) => {
      const v = validationFor(veld.invoer, ranges, input, rijen);
      if (!v) return;
      const col = columnLetter(i + 1);
      dv.add(`${col}2:${col}${rijen + 1}`, { ...v, promptTitle: clip(naam, 32), prompt: clip(veld.uitleg, 250) });
    });
  }

  const cs = wb.addWorksheet(CODES_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  cs.columns = [
    { header: "lijst", key: "lijst", width: 14 },
    { header: "code", key: "code", width: 30 },
    { header: "label", key: "label", width: 60 },
    { header: "toelichting", key: "toelichting", width: 50 },
  ];
  cs.getRow(1).font = { bold: true };
  for (const c of codes) cs.addRow(c);

  const us = wb.addWorksheet(UITLEG_SHEET);
  us.columns = [{ width: 22 }, { width: 22 }, { width: 10 }, { width: 90 }, { width: 30 }];
  const intro = ["Registratie vertrouwenspersonen: uitleg", ...instructions(input)];
  intro.forEach((line, i) => {
    const row = us.addRow([line]);
    if (i === 0) row.font = { bold: true, size: 14 };
  });
  us.addRow([]);
  const head = us.addRow(["tabblad", "kolom", "verplicht", "uitleg", "voorbeeld"]);
  head.font = { bold: true };
  for (const t of TEMPLATE_TABLES) {
    us.addRow([sheetName(t.file), "", "", t.uitleg, ""]).font = { italic: true };
    for (const [naam, veld] of Object.entries(t.velden))
      us.addRow([sheetName(t.file), naam, veld.verplicht ? "ja" : "nee", veld.uitleg, veld.voorbeeld]);
  }
  us.getColumn(4).alignment = { wrapText: true, vertical: "top" };

  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The CSV files whose tables this workbook holds: they go once the workbook is in place. */
const TABLES_IN_WORKBOOK: string[] = TEMPLATE_TABLES.map((t) => t.file);

/**
 * What the sheet Uitleg says first, in plain Dutch: what to fill in, and — the point where
 * history used to get lost — that the workbook holds the earlier years and must keep them,
 * which files to remove once it is in place and which to leave.
 */
function instructions(input: TemplateInput): string[] {
  const meldingen = input.meldingen ?? [];
  const jaren = [...new Set(meldingen.map((m) => m.datum.jaar))].sort((a, b) => a - b);
  const eersteHistorie = Math.min(...input.historie.map((h) => h.jaar), jaren[0] ?? Infinity);
  const span = jaren.length === 0 ? "" : jaren.length === 1 ? `${jaren[0]}` : `${jaren[0]}–${jaren.at(-1)}`;
  const lines: string[] = [];
  if (input.bron !== undefined && meldingen.length > 0) {
    lines.push(
      `Dit werkboek bevat de hele registratie uit ${input.bron}, ook de eerdere jaren: ${meldingen.length} meldingen uit ${span}, de activiteiten, de klachten, de vertrouwenspersonen, de woordenlijst en (tabblad historie) de gepubliceerde totalen van de jaren vóór de registratie.`,
      `Het jaarverslag vergelijkt elk jaar met de jaren ervoor en toont het aantal meldingen per jaar${Number.isFinite(eersteHistorie) ? ` vanaf ${eersteHistorie}` : ""}. Laat daarom alle regels van eerdere jaren staan en verander ze niet.`,
      "Vul de tabbladen meldingen, activiteiten en klachten aan: elke nieuwe melding, activiteit of klacht als nieuwe regel onder de bestaande. Een nieuwe vertrouwenspersoon: een regel erbij op het tabblad vertrouwenspersonen. Laat de eerste regel (de kolomnamen) staan en voeg geen kolommen toe.",
    );
  } else {
    lines.push(
      "Vul de tabbladen meldingen, vertrouwenspersonen, activiteiten en klachten in: één regel per melding, vertrouwenspersoon, activiteit of klacht. Laat de eerste regel (de kolomnamen) staan en voeg geen kolommen toe.",
      "Is er al een registratie van eerdere jaren (CSV-bestanden in de gegevensmap)? Gebruik dan niet dit lege werkboek, maar maak het met: jaarverslag template --data MAP. Dan staan de eerdere jaren erin; zonder die jaren mist het verslag de vergelijking en de reeks van eerdere jaren.",
    );
  }
  lines.push(
    "Een late melding (over een jaar waarvan het verslag al is vastgesteld en verzonden): voeg haar toe met de echte datum. Wat verzonden is, blijft bewaard in het register (de map gepubliceerd in de gegevensmap). jaarverslag check --year JAAR laat zien wat er verandert; de handleiding (HANDLEIDING.md, 'Een late melding') zegt wat u dan kunt doen.",
    "Geen namen, e-mailadressen, telefoonnummers of verhalen: alleen codes, datums en uren. De registratie is anoniem.",
    `Keuzelijsten: de codes en hun labels staan op het tabblad ${CODES_SHEET}. Meer codes in één cel scheidt u met | (bijvoorbeeld VP-A1|VP-F2).`,
    `Uren met een decimale komma; hoogstens ${String(input.maxUrenPerMelding).replace(".", ",")} uur per melding (instellingen.json: maxUrenPerMelding).`,
    `Sla het werkboek op als ${REGISTRATIE_XLSX} in de gegevensmap. Verwijder daarna deze CSV-bestanden uit de gegevensmap, want het werkboek bevat alles wat erin stond (het programma weigert een tabel die op twee plaatsen staat): ${TABLES_IN_WORKBOOK.join(", ")}.`,
    "Laat al het andere in de gegevensmap staan: instellingen.json, personeel.csv, oplegnotitie.json, de mappen verslag, verslag-vpi en verslag-klachtencommissie, en de map gepubliceerd (het register van verzonden verslagen).",
    "Controleer daarna met: jaarverslag check --data MAP --year JAAR (het jaar van het verslag).",
    `De tabbladen ${CODES_SHEET} en ${UITLEG_SHEET} worden niet gelezen.`,
  );
  return lines;
}
