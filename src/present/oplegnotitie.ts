// The cover note for the Presidium: a fixed form (titel, opgesteld door, aard van de
// bespreking, beknopte samenvatting, te nemen besluit, status, fields for the secretariat),
// filled from the same protected figures and a small settings file.
import { periodLabel, type PeriodeId } from "../domain/periods.ts";
import { countingRuleText } from "../domain/counting.ts";
import type { FigureBook, FiguresFile } from "./figures.ts";
import { finishDocument, startDocument, type DocumentInput } from "./document.ts";
import { formatGetal } from "./format.ts";
import type { FormParagraph, ReportModel } from "./model.ts";
import type { OplegnotitieInstellingen } from "../validate/oplegnotitie.ts";
import { present } from "./index.ts";
import { walk } from "./document.ts";
import type { ProtectedCells } from "./cells.ts";

export const DOCUMENT_OPLEGNOTITIE = "oplegnotitie-presidium";

export const OPLEGNOTITIE_STANDAARD: OplegnotitieInstellingen = {
  opgesteldDoor: "Vertrouwenspersonen ongewenste omgangsvormen",
  aardBespreking: "informerend",
  teNemenBesluit:
    "Kennisnemen van het jaarverslag van de vertrouwenspersonen ongewenste omgangsvormen en van de vertrouwenspersonen integriteit.",
  // Both real cover notes (2020 and 2021) carry status C: the report goes to the Presidium
  // before it is published.
  status: "C",
  volgnummer: "",
  vergaderdatum: "",
};

const STATUS_LABEL = { A: "A — openbaar, actief", B: "B — openbaar, passief", C: "C — vertrouwelijk" } as const;

export function presentOplegnotitie(input: DocumentInput & { instellingen: OplegnotitieInstellingen }): {
  model: ReportModel;
  figures: FiguresFile;
} {
  const { audience } = input;
  const { book, cells, N, L } = startDocument(input);
  const inst = {
    ...input.instellingen,
    status: audience === "vertrouwelijk" ? "C" : input.instellingen.status,
  } as OplegnotitieInstellingen;
  const samenvatting = samenvattingParagraphs(input, inst, book, cells, N, L);
  return finishDocument(input, book, {
    document: DOCUMENT_OPLEGNOTITIE,
    titel: "Oplegnotitie Presidium",
    ondertitel: "",
    datum: "",
    auteurs: inst.opgesteldDoor,
    kort: true,
    sections: [
      {
        id: "oplegnotitie",
        number: "",
        title: "",
        subsections: [],
        blocks: [
          {
            type: "form",
            rows: [
              {
                label: "Titel/onderwerp",
                lines: [`Jaarverslag ${L} vertrouwenspersonen ongewenste omgangsvormen en vertrouwenspersonen integriteit`],
              },
              { label: "Opgesteld door", lines: [inst.opgesteldDoor] },
              {
                label: "Aard van de bespreking",
                choices: (["ter besluitvorming", "opiniërend", "informerend"] as const).map((a) => ({
                  text: a,
                  chosen: a === inst.aardBespreking,
                })),
              },
              { label: "Beknopte samenvatting", paragraphs: samenvatting },
              { label: "Te nemen besluit", lines: [inst.teNemenBesluit] },
              { label: "Status", lines: [STATUS_LABEL[inst.status]] },
              { label: "Volgnummer Presidium", lines: [inst.volgnummer || "(in te vullen door secretariaat Presidium)"] },
              { label: "Datum vergadering", lines: [inst.vergaderdatum || "(in te vullen door secretariaat Presidium)"] },
            ],
          },
        ],
      },
    ],
  });
}

const WHERE = "Oplegnotitie: beknopte samenvatting";

// The summary: the counts (when printed), the team, the other reports, the MT's discussion.
function samenvattingParagraphs(
  input: DocumentInput,
  inst: OplegnotitieInstellingen,
  book: FigureBook,
  cells: ProtectedCells,
  N: PeriodeId,
  L: string,
): FormParagraph[] {
  const { d, agg } = input;
  const V = agg.vorige;
  const figure = (table: string, row: string, y: PeriodeId | null) => {
    if (y === null) return null;
    const c = cells.cell(table, row, String(y));
    if (!c || cells.isSuppressed(c)) return null;
    return cells.print(c, WHERE, row, String(y), { zeroAsWord: true });
  };
  const vpoo = figure("herkomst", "totaal", N);
  const vpooPrev = figure("herkomst", "totaal", V);
  const vpi = figure("vpi-jaren", "meldingen", N);
  const klachten = figure("klachten", "klachten", N);
  const { meldingenRef, trends } = chapterReferences(input);
  const apart = registeredApart(cells, N);
  const mt = typeof inst.mtBespreking === "string" ? inst.mtBespreking : inst.mtBespreking?.[String(N)];
  return [
    `De vertrouwenspersonen ongewenste omgangsvormen (VPOO) hebben een jaarverslag over ${L} opgesteld. ` +
      (vpoo
        ? `Zij ontvingen ${vpoo} meldingen${vpooPrev ? ` (${periodLabel(V!)}: ${vpooPrev})` : ""}${meldingenRef}. `
        : `Het aantal meldingen wordt om redenen van anonimiteit niet vermeld${meldingenRef}. `) +
      (apart.length
        ? `Daarnaast registreerden zij apart ${apart.join(" en ")}; die tellen volgens de telregel niet mee in het totaal. `
        : "") +
      countingRuleText(d, agg.periode.tot.jaar) +
      (trends ? ` In hoofdstuk ${trends.number} staan de trends en aanbevelingen van de vertrouwenspersonen.` : ""),
    teamSentence(agg, book, N),
    (vpi
      ? `Bij de vertrouwenspersonen integriteit zijn ${vpi} meldingen van een vermoeden van een misstand gedaan (zie hun jaarverslag). `
      : "Het aantal meldingen bij de vertrouwenspersonen integriteit wordt om redenen van anonimiteit niet vermeld; hun jaarverslag is bijgevoegd. ") +
      (klachten
        ? `Bij de klachtencommissie kwamen ${klachten} klachten binnen.`
        : "Het aantal klachten bij de klachtencommissie wordt om redenen van anonimiteit niet vermeld."),
    ...(mt ? [{ lead: "Bespreking in het MT.", text: mt }] : []),
    "Alle cijfers zijn beschermd tegen herleiding tot personen; kleine aantallen zijn niet vermeld. De jaarverslagen zijn bijgevoegd.",
  ].map((p) => (typeof p === "string" ? { text: p } : p));
}

// Chapter references from the jaarverslag model itself, so they match its headings.
function chapterReferences(input: DocumentInput) {
  const vpooModel = present({ ...input, warnings: [] }).model;
  const nummer = (id: string) => [...walk(vpooModel.sections)].find((s) => s.id === id);
  const meldingen = nummer("meldingen");
  const trends = nummer("trends");
  const subs = meldingen?.subsections ?? [];
  const meldingenRef = meldingen
    ? `; hoofdstuk ${meldingen.number}${subs.length > 1 ? ` (${subs[0]!.number} t/m ${subs[subs.length - 1]!.number})` : ""} beschrijft het aantal, de aard, de interventies, de afwikkeling en de tijdsbesteding`
    : "";
  return { meldingenRef, trends };
}

// Conversations registered apart (e.g. corona-related), printed when published.
function registeredApart(cells: ProtectedCells, N: PeriodeId): string[] {
  return cells
    .table("aard")
    .rows.filter((r) => r.label.endsWith("(telt niet mee)"))
    .flatMap((r) => {
      const c = cells.cell("aard", r.key, String(N));
      if (!c || cells.isSuppressed(c) || c.value === 0) return [];
      return [`${cells.print(c, WHERE, r.label, String(N))} gesprekken in de categorie "${r.label.replace(" (telt niet mee)", "")}"`];
    });
}

// The team by group: counsellors are known by role, so their numbers are printed as constants.
function teamSentence(agg: DocumentInput["agg"], book: FigureBook, N: PeriodeId): string {
  const team = agg.team.filter((t) => t.jaar === N);
  const n = (g: string) => team.find((t) => t.groep === g)?.aantal ?? 0;
  const teamFig = (value: number, row: string) =>
    book.add({
      id: `team/${N}/${row}`,
      table: "Oplegnotitie: team",
      row,
      column: String(N),
      kind: "constante",
      universe: null,
      scope: null,
      value,
      display: formatGetal(value),
    });
  return `Er zijn ${teamFig(
    team.reduce((s, t) => s + t.aantal, 0),
    "totaal",
  )} vertrouwenspersonen ongewenste omgangsvormen: ${teamFig(n("fractie"), "fractie")} vanuit de fracties, ${teamFig(n("ambtelijk"), "ambtelijk")} vanuit de ambtelijke organisatie en ${teamFig(n("extern"), "extern")} extern.`;
}
