// What the template is made from: the whole registration (meldingen, activiteiten, klachten,
// counsellors, historie, vocabulary) and the hours ceiling of a data folder when one is given,
// else the built-in vocabulary and empty sheets.
import type { Ingested } from "../ingest/index.ts";
import type { Problem } from "../ingest/problem.ts";
import { REGISTRATIE_XLSX, tableName } from "../ingest/raw-input.ts";
import { validateInstellingen } from "../validate/instellingen.ts";
import type { ActiviteitRegel, Klacht, Melding } from "../domain.ts";
import { validateMeldingen } from "../validate/meldingen.ts";
import { validateActiviteiten, validateHistorie, validateKlachten } from "../validate/other-tables.ts";
import { validateVertrouwenspersonen } from "../validate/vertrouwenspersonen.ts";
import { validateVocabulaire } from "../validate/vocabulaire.ts";
import type { TemplateInput } from "./index.ts";
import { standaardVocabulaire } from "./standaard-vocabulaire.ts";

const defaultMaxUren = (): number => validateInstellingen("standaard", { organisatie: "-" }).value!.maxUrenPerMelding;

export function standaardTemplateInput(): TemplateInput {
  return { vocabulaire: standaardVocabulaire(), vertrouwenspersonen: [], historie: [], maxUrenPerMelding: defaultMaxUren() };
}

/**
 * From an ingested data folder. Only the tables the template takes over count: problems in
 * them stop the template (a drop-down list of wrong codes helps nobody); missing ones fall back
 * to the built-in vocabulary or an empty sheet, with a note.
 */
export function templateInputFromData(ingested: Ingested): { input: TemplateInput | null; problems: Problem[]; notes: string[] } {
  const used = [
    "vocabulaire",
    "vertrouwenspersonen",
    "historie",
    "meldingen",
    "activiteiten",
    "klachten",
    "instellingen",
    REGISTRATIE_XLSX.replace(/\.xlsx$/, ""),
  ];
  const problems = ingested.problems.filter(
    (p) => used.some((u) => p.bestand.startsWith(u)) && !p.melding.startsWith("dit bestand ontbreekt"),
  );
  const notes: string[] = [];
  const inst = ingested.instellingen ? validateInstellingen(ingested.instellingen.bestand, ingested.instellingen.json) : null;
  if (inst) problems.push(...inst.problems);
  else notes.push(`geen instellingen.json in de gegevensmap: de standaardgrens van ${defaultMaxUren()} uur per melding is gebruikt`);
  const names = inst?.value?.namenlijst ?? [];
  const t = ingested.tables;
  let vocabulaire = t["vocabulaire.csv"] ? validateVocabulaire(t["vocabulaire.csv"], problems) : null;
  if (!vocabulaire) {
    notes.push(`geen woordenlijst (${tableName("vocabulaire.csv")}) in de gegevensmap: de standaardwoordenlijst is gebruikt`);
    vocabulaire = standaardVocabulaire();
  }
  const vertrouwenspersonen = t["vertrouwenspersonen.csv"]
    ? validateVertrouwenspersonen(t["vertrouwenspersonen.csv"], problems, names)
    : [];
  const historie = t["historie.csv"] ? validateHistorie(t["historie.csv"], problems) : [];
  // The registration of earlier years goes into the workbook too: once the CSV files are
  // removed (as its instructions say), nothing of it may be lost. Rows are copied, not judged
  // for their dates: a date in the future is check's to refuse, in the workbook as anywhere.
  // (Rows are only judged against a readable vocabulary and list of counsellors.)
  if (problems.length > 0) return { input: null, problems, notes };
  const records = { meldingen: [] as Melding[], activiteiten: [] as ActiviteitRegel[], klachten: [] as Klacht[] };
  if (t["meldingen.csv"] && inst?.value && t["vertrouwenspersonen.csv"]) {
    records.meldingen = validateMeldingen(t["meldingen.csv"], problems, {
      vocabulaire,
      vertrouwenspersonen,
      instellingen: inst.value,
      vandaag: { jaar: 9999, maand: 12 },
    });
  } else if (t["meldingen.csv"])
    notes.push(`de meldingen zijn niet overgenomen: daarvoor zijn instellingen.json en de vertrouwenspersonen nodig`);
  if (t["activiteiten.csv"]) records.activiteiten = validateActiviteiten(t["activiteiten.csv"], problems, vertrouwenspersonen, names);
  if (t["klachten.csv"]) records.klachten = validateKlachten(t["klachten.csv"], problems, names);
  if (problems.length > 0) return { input: null, problems, notes };
  if (records.meldingen.length > 0)
    notes.push(
      `de registratie van eerdere jaren staat in het werkboek: ${records.meldingen.length} meldingen, ${records.activiteiten.length} regels activiteiten, ${records.klachten.length} klachten`,
    );
  return {
    input: {
      vocabulaire,
      vertrouwenspersonen,
      historie,
      ...records,
      bron: "de gegevensmap",
      maxUrenPerMelding: inst?.value?.maxUrenPerMelding ?? defaultMaxUren(),
    },
    problems: [],
    notes,
  };
}
