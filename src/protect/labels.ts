// The readers' names of the categories the tables of a report show (herkomst, groep of
// counsellors, status, activity). Shared by describe (the tables) and present (the text).
import type { UrenActiviteit } from "../aggregate/types.ts";
import type { Herkomst, Status } from "../domain.ts";

export const HERKOMST_LABEL: Record<Herkomst, string> = { fractie: "Fracties", ambtelijk: "Ambtelijke organisatie", extern: "Extern" };
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
