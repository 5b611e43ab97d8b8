// The report as the templates see it: numbered sections of blocks, all text final (Dutch).

import type { PeriodeId } from "../domain/periods.ts";

export interface PresentedTable {
  id: string;
  caption: string;
  headers: string[];
  rows: { label: string; cells: string[]; total: boolean }[];
  notes: string[];
}

export interface ChartBlock {
  id: string;
  title: string;
  spec: object;
  /** Text alternative, generated from the protected figures. */
  alt: string;
  /** The chart's figures as a table (printed in the appendix). */
  data: PresentedTable;
  /** Where the reader finds the figures as text; set when they are not in an appendix. */
  dataNote?: string;
}

export type Block =
  | { type: "paragraph"; html: string }
  | { type: "list"; items: string[] }
  | { type: "table"; table: PresentedTable }
  | { type: "chart"; chart: ChartBlock }
  | { type: "markdown"; html: string }
  /** A fixed form, label and content per row (the cover note). Content is HTML. */
  | { type: "form"; rows: { label: string; html: string }[] };

export interface Section {
  id: string;
  number: string;
  title: string;
  blocks: Block[];
  subsections: Section[];
}

export interface ReportModel {
  document: string;
  titel: string;
  ondertitel: string;
  organisatie: string;
  /** The reported period (see domain/periods.ts). */
  jaar: PeriodeId;
  vertrouwelijk: boolean;
  /** "Concept", "Concept — wijkt af …" or "Herziene versie N" on every page; null for an adopted first version. */
  paginaMarkering?: string | null;
  datum: string;
  auteurs: string;
  telregel: string;
  markering: string;
  sections: Section[];
  /** A short document (cover note): no title page and no table of contents. */
  kort?: boolean;
  toc: { number: string; title: string; id: string; level: number }[];
}
