// present, for every document of a build: the VPOO jaarverslag, the VPI jaarverslag, the
// Sociaal Jaarverslag feed, the oplegnotitie and the klachtencommissie, from one protection.
import type { Problem } from "../ingest/problem.ts";
import { ledgerEntryFor, ledgerReportName, type LedgerEntry } from "../protect/ledger.ts";
import type { DocumentInput } from "./document.ts";
import type { FiguresFile } from "./figures.ts";
import { DOCUMENT_VPOO, present } from "./index.ts";
import { DOCUMENT_KLACHTEN, presentKlachtencommissie } from "./klachtencommissie.ts";
import type { ChartBlock, ReportModel } from "./model.ts";
import { DOCUMENT_OPLEGNOTITIE, OPLEGNOTITIE_STANDAARD, presentOplegnotitie } from "./oplegnotitie.ts";
import type { OplegnotitieInstellingen } from "../validate/oplegnotitie.ts";
import { DOCUMENT_SJV, presentSjv, type SjvFeed } from "./sjv.ts";
import { DOCUMENT_VPI, presentVpi } from "./vpi.ts";

export type DocumentKind = "vpoo" | "vpi" | "sjv" | "oplegnotitie" | "klachtencommissie";
export const ALL_DOCUMENTS: DocumentKind[] = ["vpoo", "vpi", "sjv", "oplegnotitie", "klachtencommissie"];

export const DOCUMENT_NAME: Record<DocumentKind, string> = {
  vpoo: DOCUMENT_VPOO,
  vpi: DOCUMENT_VPI,
  sjv: DOCUMENT_SJV,
  oplegnotitie: DOCUMENT_OPLEGNOTITIE,
  klachtencommissie: DOCUMENT_KLACHTEN,
};

export interface BuiltDocument {
  kind: DocumentKind;
  /** e.g. "jaarverslag-vpoo-2020-openbaar": the ledger's name for it. */
  report: string;
  /** null for the feed, which is no PDF. */
  model: ReportModel | null;
  figures: FiguresFile;
  sjv?: { feed: SjvFeed; chart: ChartBlock };
  ledgerEntry: LedgerEntry;
}

export function presentDocuments(
  input: DocumentInput & { warnings: Problem[] },
  kinds: DocumentKind[],
  oplegnotitie: Partial<OplegnotitieInstellingen> = {},
): BuiltDocument[] {
  const { jaar } = input.agg;
  return kinds.map((kind) => {
    const report = ledgerReportName(DOCUMENT_NAME[kind], jaar, input.audience);
    const built = (model: ReportModel | null, figures: FiguresFile, sjv?: BuiltDocument["sjv"]): BuiltDocument => ({
      kind,
      report,
      model,
      figures,
      ...(sjv ? { sjv } : {}),
      ledgerEntry: ledgerEntryFor(report, jaar, input.audience, figures.figures),
    });
    switch (kind) {
      case "vpoo": {
        const r = present(input);
        return built(r.model, r.figures);
      }
      case "vpi": {
        const r = presentVpi(input);
        return built(r.model, r.figures);
      }
      case "sjv": {
        const r = presentSjv(input);
        return built(null, r.figures, { feed: r.feed, chart: r.chart });
      }
      case "oplegnotitie": {
        const r = presentOplegnotitie({ ...input, instellingen: { ...OPLEGNOTITIE_STANDAARD, ...oplegnotitie } });
        return built(r.model, r.figures);
      }
      case "klachtencommissie": {
        const r = presentKlachtencommissie(input);
        return built(r.model, r.figures);
      }
    }
  });
}
