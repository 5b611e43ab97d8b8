// Checks across files. Where records and published historie both cover a year, the records
// win; the difference is reported so that nobody is surprised by a changed figure.
import type { Dataset } from "../domain.ts";
import { problem, type Problem } from "../ingest/problem.ts";
import { countedMeldingen, recordYears } from "../aggregate/counting.ts";

export function historieWarnings(d: Dataset): Problem[] {
  const out: Problem[] = [];
  const years = new Set(recordYears(d));
  for (const h of d.historie) {
    if (!years.has(h.jaar)) continue;
    let fromRecords: number;
    if (h.reeks === "meldingen_vpoo") fromRecords = countedMeldingen(d, h.jaar, "ongewenste-omgangsvormen").length;
    else if (h.reeks === "meldingen_vpi") fromRecords = countedMeldingen(d, h.jaar, "integriteit").length;
    else fromRecords = d.klachten.filter((k) => k.datum.jaar === h.jaar).length;
    if (fromRecords !== h.waarde) {
      out.push(
        problem(
          "historie.csv",
          null,
          "waarde",
          String(h.waarde),
          `${h.reeks} ${h.jaar}: gepubliceerd ${h.waarde} (${h.bron}), de registratie telt ${fromRecords} volgens de telregel; het verslag gebruikt ${fromRecords}`,
        ),
      );
    }
  }
  return out;
}
