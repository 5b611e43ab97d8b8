// oplegnotitie.json (optional): the fixed fields of the cover note for the Presidium.
import { z } from "zod";
import { problem, type Problem } from "../ingest/problem.ts";

const fields = z.object({
  opgesteldDoor: z.string().min(1),
  aardBespreking: z.enum(["ter besluitvorming", "opiniërend", "informerend"]),
  teNemenBesluit: z.string().min(1),
  /** A openbaar actief, B openbaar passief, C vertrouwelijk. */
  status: z.enum(["A", "B", "C"]),
  volgnummer: z.string(),
  vergaderdatum: z.string(),
  /**
   * How the MT discussed the report (e.g. "Het MT heeft het verslag met de vertrouwenspersonen
   * besproken en de aanbevelingen over … toegezegd."): one text, or one per year ("2021": …).
   */
  mtBespreking: z.union([z.string(), z.record(z.string().regex(/^\d{4}$/, "een jaartal van vier cijfers"), z.string())]).optional(),
});

/** The fixed fields of the cover note (present/oplegnotitie.ts fills in the defaults). */
export type OplegnotitieInstellingen = z.infer<typeof fields>;

const schema = fields.partial().strict();

export function validateOplegnotitie(
  bestand: string,
  json: unknown,
): { value: Partial<OplegnotitieInstellingen> | null; problems: Problem[] } {
  const result = schema.safeParse(json);
  if (result.success) return { value: result.data, problems: [] };
  return { value: null, problems: result.error.issues.map((issue) => issueProblem(bestand, issue)) };
}

/** zod's own messages are English: each kind of mistake gets a Dutch one, naming the field. */
function issueProblem(bestand: string, issue: z.core.$ZodIssue): Problem {
  const veld = issue.path.map(String).join(".");
  const detail =
    issue.code === "unrecognized_keys"
      ? `onbekend veld ${issue.keys.join(", ")}; bekend zijn ${Object.keys(schema.shape).join(", ")}`
      : issue.code === "invalid_value"
        ? `kies een van: ${issue.values.map(String).join(", ")}`
        : issue.code === "invalid_type" && issue.path.length === 0
          ? 'het bestand moet één object zijn: { "veld": "waarde", … }'
          : issue.code === "too_small"
            ? "vul hier tekst in, of laat het veld weg"
            : issue.path[0] === "mtBespreking"
              ? 'hier hoort tekst, of per jaar een tekst: { "2021": "…" }'
              : "hier hoort tekst tussen aanhalingstekens";
  return problem(bestand, null, veld === "" ? null : veld, null, detail);
}
