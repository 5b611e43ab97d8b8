// The internal log of a build (data/intern/…onderdrukkingslog.json), as `jaarverslag audit` reads
// it back: what the protection kept hidden, and how wide each interval must be. Checked with zod,
// like every file that crosses a boundary; only the parts the audit uses are required.
import { z } from "zod";

const width = z.object({ key: z.string(), requiredWidth: z.number().nonnegative() });
const LogFile = z.object({
  onderdrukt: z.array(width),
  // Older logs have no derived counts (protect/derived.ts).
  afgeleid: z.array(width).optional(),
});

/** Scope key → required width of every hidden figure and derived count in the log; a Dutch error naming the file otherwise. */
export function requiredWidths(json: unknown, path: string): Map<string, number> {
  const parsed = LogFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: dit is geen intern logboek van een build (${issue.path.join(".") || "bestand"}: ${issue.message})`);
  }
  return new Map([...parsed.data.onderdrukt, ...(parsed.data.afgeleid ?? [])].map((l) => [l.key, l.requiredWidth]));
}
