// Where an uploaded registration file goes, and which files it replaces. A table may come from
// one place only (README, data contract), so a workbook that brings the meldingen sheet takes
// the place of meldingen.csv; every file it replaces is kept in a backup folder first.
import { TABLE_FILES, tableName, REGISTRATIE_XLSX } from "../ingest/raw-input.ts";

export const BACKUP_DIR = "vorige-versies";
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The name the uploaded file gets in the data folder, or a Dutch reason to refuse it. */
export function targetName(uploaded: string): { ok: true; name: string } | { ok: false; reason: string } {
  const base = uploaded.split(/[\\/]/).pop()!.trim().toLowerCase();
  const known = new Set<string>([...TABLE_FILES, ...TABLE_FILES.map((t) => `${tableName(t)}.xlsx`), REGISTRATIE_XLSX]);
  if (known.has(base)) return { ok: true, name: base };
  if (base.endsWith(".xlsx")) return { ok: true, name: REGISTRATIE_XLSX };
  if (base.endsWith(".xls") || base.endsWith(".ods"))
    return {
      ok: false,
      reason: `${uploaded} is geen .xlsx-bestand: sla het in Excel op als "Excel-werkmap (.xlsx)" en probeer het opnieuw`,
    };
  return {
    ok: false,
    reason: `${uploaded} is geen bestand van de registratie. Kies een werkmap (.xlsx) of een van de tabellen: ${TABLE_FILES.join(", ")}`,
  };
}

/**
 * The files of the data folder that the new file replaces: itself, and the other places of
 * each table it brings (`sheets`: the table sheets of a registratie workbook).
 */
export function replacedFiles(name: string, existing: string[], sheets: string[] = []): string[] {
  const have = new Set(existing);
  const out = new Set<string>();
  if (have.has(name)) out.add(name);
  const tables = name === REGISTRATIE_XLSX ? sheets.map((s) => s.toLowerCase()) : [name.replace(/\.(csv|xlsx)$/, "")];
  for (const t of tables) {
    for (const candidate of [`${t}.csv`, `${t}.xlsx`]) if (candidate !== name && have.has(candidate)) out.add(candidate);
  }
  return [...out].sort();
}

/** A folder name for one moment, sortable, without characters Windows refuses. */
export function backupStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, "")
    .replace(/:/g, "-")
    .replace("T", "_");
}
