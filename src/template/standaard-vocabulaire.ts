// The vocabulary the template offers when no data folder is given: the categories of the
// published VPOO reports (the same as the example data's vocabulaire.csv). Kept as CSV text
// and read by the same code as a counsellor's file, so it is valid by construction.
import type { Term } from "../domain.ts";
import { parseCsv } from "../ingest/csv.ts";
import { formatProblem, type Problem } from "../ingest/problem.ts";
import { validateVocabulaire } from "../validate/vocabulaire.ts";

const CSV = `
soort,code,label,geldig_van,geldig_tot,eerdere_labels,groep,telt_mee
aard,pesten,Pesten,2011,,,pesten-en-roddelen,ja
aard,roddelen,Roddelen/leugens verspreiden,2011,,,pesten-en-roddelen,ja
aard,intimidatie,Intimidatie,2011,,,grensoverschrijdend-gedrag,ja
aard,seksuele-intimidatie,Seksuele intimidatie,2011,,,grensoverschrijdend-gedrag,ja
aard,agressie-geweld,Agressie en geweld,2011,,,grensoverschrijdend-gedrag,ja
aard,discriminatie,Discriminatie,2011,,,grensoverschrijdend-gedrag,ja
aard,stalken,Stalken,2011,,,grensoverschrijdend-gedrag,ja
aard,niet-gehoord-leidinggevende,Niet gehoord voelen door leidinggevende,2011,,,werkrelatie,ja
aard,onveilig-voelen,Onveilig voelen,2011,,2019=Sociale onveiligheid,werkrelatie,ja
aard,integriteitskwestie,Integriteitskwestie,2011,,,advies-en-integriteit,ja
aard,adviesvraag,Adviesvraag,2011,,,advies-en-integriteit,ja
aard,extremisme,Extremisme,2011,,,grensoverschrijdend-gedrag,ja
aard,corona-gerelateerd,"Corona: thuiswerken, eenzaamheid, niet verbonden voelen",2020,,,,nee
aard,pesten-en-roddelen,Pesten en roddelen,2011,,,,ja
aard,grensoverschrijdend-gedrag,"Intimidatie, agressie en discriminatie",2011,,,,ja
aard,werkrelatie,Werkrelatie en veiligheid,2011,,,,ja
aard,advies-en-integriteit,Adviesvraag of integriteitskwestie,2011,,,,ja
interventie,hart-luchten,Gelegenheid gegeven het verhaal te doen / hart te luchten,2011,,,,ja
interventie,ondersteunende-gesprekken,Ondersteunende gesprekken gevoerd,2011,,,,ja
interventie,situatie-geanalyseerd,Situatie geanalyseerd en handvatten gegeven,2011,,,,ja
interventie,doorverwezen-bmw,Doorverwezen naar bedrijfsmaatschappelijk werk,2011,,,,ja
interventie,doorverwezen-bedrijfsarts,Doorverwezen naar de bedrijfsarts,2011,,,,ja
interventie,doorverwezen-vpi,Doorverwezen naar de vertrouwenspersoon integriteit,2011,,,,ja
interventie,doorverwezen-jurist,Doorverwezen naar een juridisch adviseur,2011,,,,ja
interventie,doorverwezen-extern,Doorverwezen naar externe hulpverlening,2011,,,,ja
interventie,begeleid-gesprek-leidinggevende,Voorbereid op en begeleid bij gesprek met leidinggevende,2011,,,,ja
interventie,adviesgesprek-leidinggevende,Adviesgesprek met leidinggevende gevoerd,2011,,,,ja
interventie,bijstand-klachtenprocedure,Bijgestaan in klachtenprocedure,2011,,,,ja
resultaat,andere-werkplek,Andere werkplek gekregen,2011,,,,ja
resultaat,zelf-opgelost,Zelf opgelost in gesprek,2011,,,,ja
resultaat,gedrag-gestopt,Ongewenst gedrag gestopt,2011,,,,ja
resultaat,juridisch-advies,Juridisch advies ingewonnen,2011,,,,ja
resultaat,gesprek-vpi,In gesprek gegaan met de vertrouwenspersoon integriteit,2011,,,,ja
`;

export function standaardVocabulaire(): Term[] {
  const parsed = parseCsv("standaard-vocabulaire", CSV.trimStart());
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join("\n"));
  const problems: Problem[] = [];
  const terms = validateVocabulaire(parsed.table, problems);
  if (problems.length > 0) throw new Error(problems.map(formatProblem).join("\n"));
  return terms;
}
