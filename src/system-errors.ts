// Errors of the operating system and of unreadable files, in Dutch, naming the file: what a
// counsellor reads instead of "EROFS: read-only file system, open '…'" and a stack trace.
import { JsonFileError } from "./ingest/json-error.ts";
import { LockBusyError, LockLostError } from "./lock.ts";

const ERRNO: Record<string, (path: string) => string> = {
  EROFS: (p) =>
    `${p} kan niet worden geschreven: de map staat op een schijf die alleen gelezen kan worden. Kies een map waarin geschreven kan worden (voor de verslagen: --out MAP).`,
  EACCES: (p) => `geen toestemming voor ${p}. Vraag toegang tot deze map of kies een andere map.`,
  EPERM: (p) => `geen toestemming voor ${p}. Vraag toegang tot deze map of kies een andere map.`,
  ENOSPC: (p) => `de schijf is vol: ${p} kon niet worden geschreven. Maak ruimte vrij en probeer het opnieuw.`,
  EDQUOT: (p) => `uw schijfruimte is op: ${p} kon niet worden geschreven. Maak ruimte vrij en probeer het opnieuw.`,
  ENOENT: (p) => `${p} bestaat niet.`,
  EISDIR: (p) => `${p} is een map, geen bestand.`,
  ENOTDIR: (p) => `${p} kan niet worden gemaakt: een deel van dit pad is een bestand, geen map.`,
  EEXIST: (p) => `${p} bestaat al.`,
  EMFILE: (p) => `er staan te veel bestanden tegelijk open (bij ${p}). Sluit andere programma's en probeer het opnieuw.`,
  ENFILE: (p) => `er staan te veel bestanden tegelijk open (bij ${p}). Sluit andere programma's en probeer het opnieuw.`,
  EBUSY: (p) => `${p} is in gebruik door een ander programma. Sluit het (bijvoorbeeld de PDF-lezer) en probeer het opnieuw.`,
  ENOTEMPTY: (p) => `de map ${p} is niet leeg.`,
  EIO: (p) => `de schijf gaf een leesfout of schrijffout bij ${p}.`,
  EXDEV: (p) => `${p} kan niet worden verplaatst tussen twee schijven.`,
  ENAMETOOLONG: (p) => `de naam ${p} is te lang.`,
};

/** What went wrong, in Dutch; a message that is already ours is kept as it is. */
export function dutchMessage(e: unknown): string {
  if (e instanceof JsonFileError || e instanceof LockBusyError || e instanceof LockLostError) return e.message;
  const err = e as NodeJS.ErrnoException | undefined;
  const code = typeof err?.code === "string" ? err.code : undefined;
  if (code === "EEXIST" && err!.syscall === "mkdir")
    return `${errorPath(err!)} kan niet worden gemaakt: er staat een bestand met die naam waar een map moet komen.`;
  if (code && ERRNO[code]) return ERRNO[code]!(errorPath(err!));
  if (e instanceof SyntaxError) return `een bestand is geen geldige JSON (${e.message}).`;
  if (code) return `het besturingssysteem meldt fout ${code} bij ${errorPath(err!)}.`;
  const message = e instanceof Error ? e.message : String(e);
  return message;
}

function errorPath(err: NodeJS.ErrnoException): string {
  const dest = (err as { dest?: unknown }).dest;
  const path = err.syscall === "rename" && typeof dest === "string" ? dest : (err.path ?? (typeof dest === "string" ? dest : undefined));
  return path === undefined ? "(onbekend bestand)" : userPath(path);
}

/**
 * The name the user knows for a file the writers handle under another name: `NAME.<pid>.tmp`
 * is NAME (as is the lock's private `NAME.<pid>.<hex>.nieuw`), a file in the staging folder `OUT/.N.nieuw-<pid>/` is the one in `OUT/N/` (output.ts).
 */
export function userPath(path: string): string {
  return path
    .replace(/([\\/])\.([^\\/]+)\.(?:nieuw|oud)-\d+(?=[\\/]|$)/, "$1$2")
    .replace(/\.\d+\.tmp$/, "")
    .replace(/\.\d+\.[0-9a-f]+\.nieuw$/, "");
}

/** Is this a failure of the system (disk, rights, files) rather than a mistake in the program? */
export function isSystemError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return (
    e instanceof JsonFileError ||
    e instanceof LockBusyError ||
    e instanceof LockLostError ||
    (typeof code === "string" && /^E[A-Z]+$/.test(code))
  );
}
