// A problem found in the input: always tied to a file, and where possible a row and column,
// so a counsellor can find it in Excel. Shared by ingest and validate.
import { excelCsv } from "../excel-csv.ts";

export interface Problem {
  bestand: string;
  /** Line number in the file as Excel shows it (header = 1); null for whole-file problems. */
  regel: number | null;
  kolom: string | null;
  waarde: string | null;
  melding: string;
}

export function problem(bestand: string, regel: number | null, kolom: string | null, waarde: string | null, melding: string): Problem {
  return { bestand, regel, kolom, waarde, melding };
}

/** One line per problem, in Dutch, in the order file → row → column. */
export function formatProblem(p: Problem): string {
  const where = [p.bestand, p.regel === null ? null : `regel ${p.regel}`, p.kolom === null ? null : `kolom ${p.kolom}`]
    .filter((x) => x !== null)
    .join(", ");
  const value = p.waarde === null ? "" : ` (waarde: "${p.waarde}")`;
  return `${where}: ${p.melding}${value}`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.bestand.localeCompare(b.bestand) || (a.regel ?? 0) - (b.regel ?? 0) || (a.kolom ?? "").localeCompare(b.kolom ?? ""),
  );
}

/** The problems as a CSV that Dutch Excel opens directly: `;`, UTF-8 with BOM, CRLF, every cell quoted. */
export function problemsCsv(problems: Problem[]): string {
  // Every cell quoted, so Excel never reads a code such as 06-2021 as a date.
  return excelCsv(
    ["bestand", "regel", "kolom", "waarde", "melding"],
    problems.map((p) => [p.bestand, p.regel, p.kolom, p.waarde, p.melding]),
    { quoteAll: true },
  );
}
