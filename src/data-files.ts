// The JSON files of the data folder that are not tables: the register (DATA/gepubliceerd/) and
// the cover note's settings (DATA/oplegnotitie.json). Read here for `build` and `check` alike,
// so both refuse an unreadable one with the same message, naming the file.
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { z } from "zod";
import type { Problem } from "./ingest/problem.ts";
import { JsonFileError, readJsonFile, readLedger } from "./output.ts";
import type { LedgerEntry } from "./protect/ledger.ts";
import type { OplegnotitieInstellingen } from "./present/oplegnotitie.ts";

export const OPLEGNOTITIE_JSON = "oplegnotitie.json";

const Oplegnotitie = z
  .object({
    opgesteldDoor: z.string(),
    aardBespreking: z.enum(["ter besluitvorming", "opiniërend", "informerend"]),
    teNemenBesluit: z.string(),
    status: z.enum(["A", "B", "C"]),
    volgnummer: z.string(),
    vergaderdatum: z.string(),
  })
  .partial()
  .strict();

export interface DataFiles {
  ledger: LedgerEntry[];
  oplegnotitie: Partial<OplegnotitieInstellingen>;
  /** Unreadable files: reasons to refuse a build. */
  problems: Problem[];
}

export function readDataFiles(dataDir: string): DataFiles {
  const problems: Problem[] = [];
  let ledger: LedgerEntry[] = [];
  try {
    ledger = readLedger(dataDir);
  } catch (e) {
    if (!(e instanceof JsonFileError)) throw e;
    problems.push(jsonProblem(dataDir, e));
  }
  let oplegnotitie: Partial<OplegnotitieInstellingen> = {};
  const path = join(dataDir, OPLEGNOTITIE_JSON);
  if (existsSync(path)) {
    try {
      const parsed = Oplegnotitie.safeParse(readJsonFile(path));
      if (parsed.success) oplegnotitie = parsed.data;
      else for (const issue of parsed.error.issues) problems.push(oplegnotitieProblem(issue));
    } catch (e) {
      if (!(e instanceof JsonFileError)) throw e;
      problems.push(jsonProblem(dataDir, e));
    }
  }
  return { ledger, oplegnotitie, problems };
}

function jsonProblem(dataDir: string, e: JsonFileError): Problem {
  return { bestand: relative(dataDir, e.path), regel: e.regel, kolom: null, waarde: null, melding: `geen geldige JSON: ${e.detail}. Herstel het bestand of zet een eerdere versie terug` };
}

function oplegnotitieProblem(issue: z.core.$ZodIssue): Problem {
  const veld = issue.path.map(String).join(".");
  const melding =
    issue.code === "unrecognized_keys"
      ? `onbekend veld ${issue.keys.join(", ")}; bekend zijn opgesteldDoor, aardBespreking, teNemenBesluit, status, volgnummer, vergaderdatum`
      : issue.code === "invalid_value"
        ? `kies een van: ${issue.values.map(String).join(", ")}`
        : issue.code === "invalid_type" && issue.path.length === 0
          ? "het bestand moet één object zijn: { \"veld\": \"waarde\", … }"
          : "hier hoort tekst tussen aanhalingstekens";
  return { bestand: OPLEGNOTITIE_JSON, regel: null, kolom: veld === "" ? null : veld, waarde: null, melding };
}
