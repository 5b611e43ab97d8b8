// The readers' names of the categories the tables of a report show (herkomst, groep of
// counsellors, status, activity). Shared by describe (the tables) and present (the text).
import type { UrenActiviteit } from "../aggregate/types.ts";
import type { Herkomst, Status } from "../domain.ts";
import type { TableCell, TableSpec } from "./tables.ts";

export const HERKOMST_LABEL: Record<Herkomst, string> = { fractie: "Fracties", ambtelijk: "Ambtelijke organisatie", extern: "Extern" };
/**
 * The herkomst rows a report prints. As in the real reports, extern personeel and stagiairs
 * count with the ambtelijke organisatie: the registration keeps "extern" apart, but one or two
 * external melders a year would need a hidden complement in every column they occur in, and the
 * split the reports open with (fracties against the ambtelijke organisatie) would be lost each
 * such year. A fixed rule, stated in the report, so the rows themselves say nothing about the data.
 */
export const HERKOMST_RIJEN: readonly { key: Herkomst; label: string; herkomsten: readonly Herkomst[] }[] = [
  { key: "fractie", label: HERKOMST_LABEL.fractie, herkomsten: ["fractie"] },
  { key: "ambtelijk", label: "Ambtelijke organisatie (met extern)", herkomsten: ["ambtelijk", "extern"] },
];
export const VPGROEP_LABEL: Record<Herkomst, string> = {
  fractie: "Vanuit de fracties",
  ambtelijk: "Vanuit de ambtelijke organisatie",
  extern: "Externe vertrouwenspersoon",
};
export const STATUS_LABEL: Record<Status, string> = {
  "afgerond-resultaat": "Geëindigd met (door melder gewenst) resultaat",
  "afgerond-onbekend": "Geëindigd met onbekend resultaat",
  "in-behandeling": "Nog in behandeling",
};
export const ACTIVITEIT_LABEL: Record<UrenActiviteit, string> = {
  training: "Training",
  intervisie: "Intervisie",
  voorlichting: "Voorlichting",
  overleg: "Overleg (HR, BMW en andere)",
  supervisie: "Supervisie",
  afhandeling: "Afhandeling meldingen",
};

/** A cell as its table prints it: "Aard van de meldingen, Pesten, 2020" (title, row, column). */
export function cellInTable(t: TableSpec, c: Pick<TableCell, "row" | "column">): string {
  return `${t.title}, ${t.rows.find((r) => r.key === c.row)?.label ?? c.row}, ${t.columns.find((x) => x.key === c.column)?.label ?? c.column}`;
}
