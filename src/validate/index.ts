// validate: rows → the typed Dataset, or every problem at once.
import type { Dataset, Maand } from "../domain.ts";
import type { Ingested } from "../ingest/index.ts";
import type { TableFile } from "../ingest/raw-input.ts";
import { problem, sortProblems, type Problem } from "../ingest/problem.ts";
import { columnsOf } from "../ingest/csv.ts";
import { validateInstellingen } from "./instellingen.ts";
import { validateMeldingen } from "./meldingen.ts";
import { validateActiviteiten, validateHistorie, validateKlachten } from "./other-tables.ts";
import { validateVertrouwenspersonen } from "./vertrouwenspersonen.ts";
import { validateVocabulaire } from "./vocabulaire.ts";
import { historieWarnings } from "./consistency.ts";
import { validatePersoneel } from "./personeel.ts";

export interface Validated {
  dataset: Dataset | null;
  problems: Problem[];
  /** Differences that do not stop the build but must be seen (historie vs records). */
  warnings: Problem[];
  /** Where each table came from ("meldingen.csv", "registratie.xlsx, tabblad meldingen"). */
  bestanden: Partial<Record<TableFile, string>>;
}

export function validate(input: Ingested, vandaag: Maand): Validated {
  const problems: Problem[] = [...input.problems];
  const inst = input.instellingen
    ? validateInstellingen(input.instellingen.bestand, input.instellingen.json)
    : { value: null, problems: [] };
  problems.push(...inst.problems);
  const names = inst.value?.namenlijst ?? [];
  const t = input.tables;
  const bestanden: Partial<Record<TableFile, string>> = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.bestand]));
  const vocabulaire = t["vocabulaire.csv"] ? validateVocabulaire(t["vocabulaire.csv"], problems) : [];
  const vertrouwenspersonen = t["vertrouwenspersonen.csv"]
    ? validateVertrouwenspersonen(t["vertrouwenspersonen.csv"], problems, names)
    : [];
  // Without the vocabulary or the counsellors (missing, or unreadable: already a problem),
  // every code would be "unknown": those rows are checked once the tables they refer to are there.
  const meldingen =
    t["meldingen.csv"] && inst.value && t["vocabulaire.csv"] && t["vertrouwenspersonen.csv"]
      ? validateMeldingen(t["meldingen.csv"], problems, { vocabulaire, vertrouwenspersonen, instellingen: inst.value, vandaag })
      : [];
  const activiteiten =
    t["activiteiten.csv"] && t["vertrouwenspersonen.csv"]
      ? validateActiviteiten(t["activiteiten.csv"], problems, vertrouwenspersonen, names)
      : [];
  const klachten = t["klachten.csv"] ? validateKlachten(t["klachten.csv"], problems, names, vandaag) : [];
  const historie = t["historie.csv"] ? validateHistorie(t["historie.csv"], problems) : [];
  if (t["meldingen.csv"] && columnsOf(t["meldingen.csv"]).regels.length === 0) {
    problems.push(problem(t["meldingen.csv"].bestand, null, null, null, "er staan geen meldingen in het bestand, alleen de kopregel"));
  }
  const personeel = input.personeel ? validatePersoneel(input.personeel, problems, names) : undefined;
  for (const v of input.verslagen) {
    if (v.secties.length === 0)
      problems.push(problem(v.bestand, null, null, null, "geen enkele sectie gevonden; begin elke sectie met '## Titel'"));
  }
  if (problems.length > 0 || !inst.value) return { dataset: null, problems: sortProblems(problems), warnings: [], bestanden };
  const dataset: Dataset = {
    meldingen,
    vertrouwenspersonen,
    activiteiten,
    klachten,
    historie,
    vocabulaire,
    verslagen: input.verslagen,
    instellingen: inst.value,
    ...(personeel ? { personeel } : {}),
  };
  return { dataset, problems: [], warnings: historieWarnings(dataset, bestanden["historie.csv"]), bestanden };
}
