// oplegnotitie.json (optional): the fixed fields of the cover note for the Presidium.
import { z } from "zod";
import type { OplegnotitieInstellingen } from "../present/oplegnotitie.ts";
import { problem, type Problem } from "../ingest/problem.ts";

const schema = z
  .object({
    opgesteldDoor: z.string().min(1),
    aardBespreking: z.enum(["ter besluitvorming", "opiniërend", "informerend"]),
    teNemenBesluit: z.string().min(1),
    status: z.enum(["A", "B", "C"]),
    volgnummer: z.string(),
    vergaderdatum: z.string(),
    /** One text, or one per year: { "2021": "…" }. */
    mtBespreking: z.union([z.string(), z.record(z.string().regex(/^\d{4}$/, "een jaartal van vier cijfers"), z.string())]),
  })
  .partial()
  .strict();

export function validateOplegnotitie(bestand: string, json: unknown): { value: Partial<OplegnotitieInstellingen> | null; problems: Problem[] } {
  const result = schema.safeParse(json);
  if (result.success) return { value: result.data as Partial<OplegnotitieInstellingen>, problems: [] };
  return {
    value: null,
    problems: result.error.issues.map((issue) => problem(bestand, null, issue.path.join(".") || null, null, `ongeldige instelling in de oplegnotitie: ${issue.message}`)),
  };
}
