// The cover note for the Presidium: a fixed form (titel, opgesteld door, aard van de
// bespreking, beknopte samenvatting, te nemen besluit, status, fields for the secretariat),
// filled from the same protected figures and a small settings file.
import { periodLabel, type PeriodeId } from "../aggregate/periods.ts";
import { countingRuleText } from "../aggregate/counting.ts";
import type { FiguresFile } from "./figures.ts";
import { finishDocument, startDocument, type DocumentInput } from "./document.ts";
import { escapeHtml, formatGetal } from "./format.ts";
import type { ReportModel } from "./model.ts";

export const DOCUMENT_OPLEGNOTITIE = "oplegnotitie-presidium";

export interface OplegnotitieInstellingen {
  opgesteldDoor: string;
  aardBespreking: "ter besluitvorming" | "opiniërend" | "informerend";
  teNemenBesluit: string;
  /** A openbaar actief, B openbaar passief, C vertrouwelijk. */
  status: "A" | "B" | "C";
  volgnummer: string;
  vergaderdatum: string;
}

export const OPLEGNOTITIE_STANDAARD: OplegnotitieInstellingen = {
  opgesteldDoor: "Vertrouwenspersonen ongewenste omgangsvormen",
  aardBespreking: "informerend",
  teNemenBesluit: "Kennisnemen van het jaarverslag van de vertrouwenspersonen ongewenste omgangsvormen en van de vertrouwenspersoon integriteit.",
  status: "B",
  volgnummer: "",
  vergaderdatum: "",
};

const STATUS_LABEL = { A: "A — openbaar, actief", B: "B — openbaar, passief", C: "C — vertrouwelijk" } as const;

export function presentOplegnotitie(input: DocumentInput & { instellingen: OplegnotitieInstellingen }): { model: ReportModel; figures: FiguresFile } {
  const { d, agg, audience } = input;
  const { book, cells, N, L } = startDocument(input);
  const V = agg.vorige;
  const inst = { ...input.instellingen, status: audience === "vertrouwelijk" ? "C" : input.instellingen.status } as OplegnotitieInstellingen;
  const where = "Oplegnotitie: beknopte samenvatting";
  const figure = (table: string, row: string, y: PeriodeId | null) => {
    if (y === null) return null;
    const c = cells.cell(table, row, String(y));
    if (!c || cells.isSuppressed(c)) return null;
    return cells.print(c, where, row, String(y), { zeroAsWord: true });
  };
  const vpoo = figure("herkomst", "totaal", N);
  const vpooPrev = figure("herkomst", "totaal", V);
  const vpi = figure("vpi-jaren", "meldingen", N);
  const klachten = figure("klachten", "klachten", N);
  const team = agg.team.filter((t) => t.jaar === N);
  const n = (g: string) => team.find((t) => t.groep === g)?.aantal ?? 0;
  const teamFig = (value: number, row: string) => book.add({ id: `team/${N}/${row}`, table: "Oplegnotitie: team", row, column: String(N), kind: "constante", universe: null, scope: null, value, display: formatGetal(value) });
  const samenvatting = [
    `De vertrouwenspersonen ongewenste omgangsvormen (VPOO) hebben een jaarverslag over ${L} opgesteld. ` +
      (vpoo ? `Zij ontvingen ${vpoo} meldingen${vpooPrev ? ` (${periodLabel(V!)}: ${vpooPrev})` : ""}. ` : "Het aantal meldingen wordt om redenen van anonimiteit niet vermeld. ") +
      escapeHtml(countingRuleText(d, agg.periode.tot.jaar)),
    `Er zijn ${teamFig(team.reduce((s, t) => s + t.aantal, 0), "totaal")} vertrouwenspersonen ongewenste omgangsvormen: ${teamFig(n("fractie"), "fractie")} vanuit de fracties, ${teamFig(n("ambtelijk"), "ambtelijk")} vanuit de ambtelijke organisatie en ${teamFig(n("extern"), "extern")} extern.`,
    (vpi ? `Bij de vertrouwenspersoon integriteit zijn ${vpi} meldingen gedaan. ` : "Het aantal meldingen bij de vertrouwenspersoon integriteit wordt om redenen van anonimiteit niet vermeld. ") +
      (klachten ? `Bij de klachtencommissie kwamen ${klachten} klachten binnen.` : "Het aantal klachten bij de klachtencommissie wordt om redenen van anonimiteit niet vermeld."),
    "Alle cijfers zijn beschermd tegen herleiding tot personen; kleine aantallen zijn niet vermeld. De jaarverslagen zijn bijgevoegd.",
  ];
  return finishDocument(input, book, {
    document: DOCUMENT_OPLEGNOTITIE,
    titel: "Oplegnotitie Presidium",
    ondertitel: "",
    datum: "",
    auteurs: inst.opgesteldDoor,
    kort: true,
    sections: [
      {
        id: "oplegnotitie", number: "", title: "", subsections: [],
        blocks: [
          {
            type: "form",
            rows: [
              { label: "Titel/onderwerp", html: `Jaarverslag ${L} vertrouwenspersonen ongewenste omgangsvormen en vertrouwenspersoon integriteit` },
              { label: "Opgesteld door", html: escapeHtml(inst.opgesteldDoor) },
              { label: "Aard van de bespreking", html: (["ter besluitvorming", "opiniërend", "informerend"] as const).map((a) => `${a === inst.aardBespreking ? "☒" : "☐"} ${a}`).join("<br>") },
              { label: "Beknopte samenvatting", html: samenvatting.map((p) => `<p>${p}</p>`).join("") },
              { label: "Te nemen besluit", html: escapeHtml(inst.teNemenBesluit) },
              { label: "Status", html: STATUS_LABEL[inst.status] },
              { label: "Volgnummer Presidium", html: escapeHtml(inst.volgnummer) || "(in te vullen door secretariaat Presidium)" },
              { label: "Datum vergadering", html: escapeHtml(inst.vergaderdatum) || "(in te vullen door secretariaat Presidium)" },
            ],
          },
        ],
      },
    ],
  });
}
