// The two things a result cache on disk needs, for src/audit-cache.ts, src/suppression-cache.ts
// and src/print-cache.ts: a file name from the hash of the whole input, and a write that readers
// in other processes see whole or not at all.
// A cache built on these is exact only if its key holds everything the result depends on.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";

/** The file in `dir` for the input whose exact text is `key`. */
export function cacheFile(dir: string, key: string): string {
  return join(dir, `${createHash("sha256").update(key).digest("hex")}.json`);
}

/** What `file` holds, if it is there and fits `schema`; else undefined (computed again). */
export function readCached<S extends z.ZodType>(file: string, schema: S): z.output<S> | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined; // not there yet
  }
  try {
    const found = schema.safeParse(JSON.parse(text));
    return found.success ? found.data : undefined;
  } catch {
    return undefined; // not JSON: a file that is not a result
  }
}

/** Writes `text` to `file` whole, then renames it into place: a reader sees all of it or nothing. */
export function writeAtomically(file: string, text: string | Uint8Array): void {
  mkdirSync(join(file, ".."), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
