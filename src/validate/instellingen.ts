// instellingen.json: the settings a counsellor may change, with defaults for the rest.
import { z } from "zod";
import type { Instellingen } from "../domain.ts";
import { problem, type Problem } from "../ingest/problem.ts";
import { periodProblems } from "../domain/periods.ts";

const schema = z.object({
  organisatie: z.string().min(1),
  drempel: z
    .object({ openbaar: z.number().int().min(2).max(20), vertrouwelijk: z.number().int().min(2).max(20) })
    .default({ openbaar: 5, vertrouwelijk: 3 }),
  nullenPubliceren: z.boolean().default(true),
  dominantieAandeel: z.number().gt(0.5).max(1).default(0.85),
  /** The p%-rule for hours (src/protect/primary.ts): 0 switches it off. */
  pProcent: z.number().min(0).max(100).default(15),
  maxUrenPerMelding: z.number().positive().default(40),
  namenlijst: z.array(z.string()).default([]),
  markering: z.string().min(1).max(3).default("x"),
  telregel: z.enum(["woordenlijst", "alles"]).default("woordenlijst"),
  /** Reporting periods other than calendar years (months, inclusive); see src/domain/periods.ts. */
  perioden: z
    .array(z.object({ van: z.string(), tot: z.string() }).strict())
    .default([])
    .superRefine((ps, ctx) => {
      for (const message of periodProblems(ps)) ctx.addIssue({ code: "custom", message });
    }),
});

export function validateInstellingen(bestand: string, json: unknown): { value: Instellingen | null; problems: Problem[] } {
  const result = schema.safeParse(json);
  if (result.success) return { value: result.data, problems: [] };
  return {
    value: null,
    problems: result.error.issues.map((issue) =>
      problem(bestand, null, issue.path.join("."), null, `ongeldige instelling: ${issue.message}`),
    ),
  };
}
