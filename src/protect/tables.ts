// The tables a report publishes, described before protection (sdcTable's "describe" step).
import type { Audience, Term } from "../domain.ts";
import type { Scope, UniverseId, UniverseSpec } from "./universe.ts";

type CellKind = "aantal" | "uren";

export interface TableCell {
  /** Stable id within the report, e.g. "aard/2020/pesten-en-roddelen". */
  id: string;
  row: string;
  column: string;
  universe: UniverseId;
  scope: Scope;
  value: number;
  kind: CellKind;
  /** Hours of each contributing counsellor (for the dominance rule); counts leave it empty. */
  contributions: number[];
  /** For hours: the number of meldingen behind the figure, where that applies. */
  meldingenBehind: number | null;
}

export interface TableSpec {
  id: string;
  title: string;
  rows: { key: string; label: string }[];
  columns: { key: string; label: string }[];
  cells: TableCell[];
  kind: CellKind;
  /** A row whose cells are sums of the rows above it. */
  totalRow: string | null;
}

export interface Recoding {
  table: string;
  /** Label of the merged row and the labels of the categories in it (names only, no counts). */
  label: string;
  members: string[];
}

export interface Description {
  universes: UniverseSpec[];
  tables: TableSpec[];
  recodings: Recoding[];
  /** Facts implied by the layout or published elsewhere (see KnownFact); none when absent. */
  facts?: KnownFact[];
  /**
   * The true value of any scope (known to the protector only): needed to protect a figure
   * that an earlier report hid and this report does not print.
   */
  trueValue?: (universe: UniverseId, scope: Scope) => number;
  /** The aard tables whose rows `protect` chooses together with the suppression. */
  choice?: PresentationChoice;
  /** Whose report: a figure hidden in the other audience's report is not forced hidden here. */
  audience?: Audience;
}

/**
 * A fact the reader holds without a printed number of its own: the layout of a table (every
 * category that occurred has a row, so the rest is 0) or a total published earlier
 * (historie.csv). Protect takes it as known; present writes it to figures.json, so the
 * audit takes it as known too.
 */
export interface KnownFact {
  id: string;
  /** The table whose layout implies it, or "historie.csv". */
  table: string;
  row: string;
  column: string;
  universe: UniverseId;
  scope: Scope;
  value: number;
  layout: "ontbrekende rijen" | "historie";
}

export interface AardColumn {
  key: string;
  label: string;
  /** The record periods the column sums over (one for a yearly column). */
  jaren: string[];
}

export interface AardTableSource {
  id: string;
  title: string;
  columns: AardColumn[];
  /** Counted codes with a melding in some column, in vocabulary order. */
  codes: string[];
  /** Codes that do not count (the counting rule), shown below the total. */
  apart: string[];
  /** All counted codes: the total's scope (a count of zero has no row but is in the total). */
  counted: string[];
  terms: Term[];
  labelOf: (code: string) => string;
  count: (scope: Scope) => number;
}

/** The aard tables whose rows are chosen with the suppression. */
export interface PresentationChoice {
  sources: AardTableSource[];
}
