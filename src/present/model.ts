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

declare const ownTextHtml: unique symbol;

/**
 * The counsellors' own text (verslag/*.md) as HTML, made only by present/narrative.ts with
 * marked (which escapes the text; raw HTML in the Markdown is escaped too). The one piece of
 * the model the templates insert as markup.
 */
export type OwnTextHtml = string & { readonly [ownTextHtml]: true };

/** One paragraph of a form cell; `lead` is printed in bold before the text. */
export interface FormParagraph {
  lead?: string;
  text: string;
}

/** A row of a fixed form: lines (one below the other) or paragraphs. */
/** A form row: lines of text, paragraphs, or tick boxes (drawn in CSS: the shipped font has no ☐/☒). */
type FormRow =
  | { label: string; lines: string[] }
  | { label: string; paragraphs: FormParagraph[] }
  | { label: string; choices: { text: string; chosen: boolean }[] };

/**
 * Every string in a block is plain text: the templates escape it (`{{ }}`), so a label with
 * `<`, `&` or quotes is printed as written. Markup exists only in OwnTextHtml and charts' SVG.
 */
export type Block =
  | { type: "paragraph"; text: string }
  | { type: "list"; items: string[] }
  | { type: "table"; table: PresentedTable }
  | { type: "chart"; chart: ChartBlock }
  | { type: "markdown"; html: OwnTextHtml }
  /** In place of own text that was not supplied: "(… geen tekst aangeleverd.)". */
  | { type: "missing"; text: string }
  /** A fixed form, label and content per row (the cover note). */
  | { type: "form"; rows: FormRow[] };

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
