// The JSON files of the data folder that are not tables: the register (DATA/gepubliceerd/) and
// the cover note's settings (DATA/oplegnotitie.json). Read here for `build` and `check` alike,
// so both refuse an unreadable one with the same message, naming the file.
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import type { Problem } from "./ingest/problem.ts";
import { LEDGER_DIR, readJsonFile, readLedger } from "./output.ts";
import { JsonFileError } from "./ingest/json-error.ts";
import { RegisterError } from "./protect/register.ts";
import type { LedgerEntry } from "./protect/ledger.ts";
import type { OplegnotitieInstellingen } from "./validate/oplegnotitie.ts";
import { validateOplegnotitie } from "./validate/oplegnotitie.ts";

const OPLEGNOTITIE_JSON = "oplegnotitie.json";

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
    if (e instanceof RegisterError) problems.push({ bestand: LEDGER_DIR, regel: null, kolom: null, waarde: null, melding: e.message });
    else if (e instanceof JsonFileError) problems.push(jsonProblem(dataDir, e));
    else throw e;
  }
  let oplegnotitie: Partial<OplegnotitieInstellingen> = {};
  const path = join(dataDir, OPLEGNOTITIE_JSON);
  if (existsSync(path)) {
    try {
      const checked = validateOplegnotitie(OPLEGNOTITIE_JSON, readJsonFile(path));
      if (checked.value) oplegnotitie = checked.value;
      else problems.push(...checked.problems);
    } catch (e) {
      if (!(e instanceof JsonFileError)) throw e;
      problems.push(jsonProblem(dataDir, e));
    }
  }
  return { ledger, oplegnotitie, problems };
}

function jsonProblem(dataDir: string, e: JsonFileError): Problem {
  return {
    bestand: relative(dataDir, e.path),
    regel: e.regel,
    kolom: null,
    waarde: null,
    melding: `geen geldige JSON: ${e.detail}. Herstel het bestand of zet een eerdere versie terug`,
  };
}
