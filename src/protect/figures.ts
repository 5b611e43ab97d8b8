// figures.json: every number a document prints — tables, charts and sentences alike — with
// what it is the sum of, plus every fact the document states without a number (a table's
// missing rows are zero, a named intervention reached its threshold, the published historie).
// The contract between present (which writes it) and the audit (which attacks it): owned
// here, checked with zod wherever it is read, so what is audited is what is printed.
import { z } from "zod";
import type { PeriodeId } from "../domain/periods.ts";
import type { Scope, UniverseId, UniverseSpec } from "./universe.ts";
import { JsonFileError, parseJsonText } from "../ingest/json-error.ts";

export const UNIVERSE_IDS = ["meldingen", "uren", "klachten", "vpi", "interventies", "resultaten"] as const;

export type FigureKind = "aantal" | "uren" | "aandeel" | "gemiddelde" | "constante" | "grens";

/**
 * Why a figure is known although no number of it is printed:
 * - "ontbrekende rijen": a table lists every category that occurred; the rest is 0;
 * - "historie": a total published earlier (historie.csv), over the periods it covers;
 * - "genoemd in lijst" / "niet genoemd in lijst": the rule a list states (kind "grens").
 */
type Layout = "ontbrekende rijen" | "historie" | "genoemd in lijst" | "niet genoemd in lijst";

export interface Figure {
  id: string;
  /** The table, chart or sentence that prints it (or implies it). */
  table: string;
  row: string;
  column: string;
  kind: FigureKind;
  /** Null for constants that were published elsewhere (historie before the records). */
  universe: UniverseId | null;
  scope: Scope | null;
  /** For shares and averages: what the figure is divided by. */
  denominator?: { universe: UniverseId; scope: Scope };
  /** Null when suppressed. Shares in whole percents, hours and averages to one decimal. */
  value: number | null;
  /** For kind "grens": min ≤ the scope's sum ≤ max (max null: no upper bound). */
  bounds?: { min: number; max: number | null };
  /** Set when the figure is a fact the layout or a stated rule implies (see Layout). */
  layout?: Layout;
  display: string;
}

/** How much a report publishes (protect/information.ts computes it from the printed figures). */
export interface InformationMeasure {
  /** Share (0..1) of the report year's counted meldingen whose aard is printed at category or group level, in the yearly or the pooled table. */
  aardGroepOfFijner: number;
  /** Share of the same printed at category level. */
  aardCategorie: number;
  /** Herkomst and status parts of the report year (yearly and pooled columns): printed of all. */
  herkomstStatusGedrukt: number;
  herkomstStatusCellen: number;
  /** Fracties and ambtelijk both printed for the report year, yearly or pooled. */
  herkomstSplitsing: boolean;
  /** Distinct figures (counts, hours, shares, averages) printed that cover the report year. */
  cijfers: number;
}

export interface FiguresFile {
  document: string;
  titel: string;
  /** The reported period: a calendar year, or a period key such as "2018-01..2019-11". */
  jaar: PeriodeId;
  publiek: "openbaar" | "vertrouwelijk";
  drempel: number;
  markering: string;
  /** How precisely printed numbers are rounded, per kind (half of the last digit). */
  afronding: Record<FigureKind, number>;
  universes: UniverseSpec[];
  figures: Figure[];
  /** How much the documents of this build publish together (information.ts). */
  informatie?: InformationMeasure;
}

export const AFRONDING: Record<FigureKind, number> = { aantal: 0, uren: 0.05, aandeel: 0.5, gemiddelde: 0.05, constante: 0, grens: 0 };

const universeId = z.enum(UNIVERSE_IDS);
const informatie = z
  .object({
    aardGroepOfFijner: z.number(),
    aardCategorie: z.number(),
    herkomstStatusGedrukt: z.number(),
    herkomstStatusCellen: z.number(),
    herkomstSplitsing: z.boolean(),
    cijfers: z.number(),
  })
  .strict();
const scope = z.record(z.string(), z.array(z.string()));
const kind = z.enum(["aantal", "uren", "aandeel", "gemiddelde", "constante", "grens"]);

const figureSchema = z
  .object({
    id: z.string(),
    table: z.string(),
    row: z.string(),
    column: z.string(),
    kind,
    universe: universeId.nullable(),
    scope: scope.nullable(),
    denominator: z.object({ universe: universeId, scope }).strict().optional(),
    value: z.number().nullable(),
    bounds: z.object({ min: z.number(), max: z.number().nullable() }).strict().optional(),
    layout: z.enum(["ontbrekende rijen", "historie", "genoemd in lijst", "niet genoemd in lijst"]).optional(),
    display: z.string(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if ((f.universe === null) !== (f.scope === null))
      ctx.addIssue({ code: "custom", message: "universe en scope horen samen: allebei leeg of allebei gevuld" });
    if (f.kind === "grens" && (!f.bounds || f.universe === null))
      ctx.addIssue({ code: "custom", message: "een grens heeft bounds, een universum en een scope" });
    if ((f.kind === "aandeel" || f.kind === "gemiddelde") && f.value !== null && !f.denominator)
      ctx.addIssue({ code: "custom", message: `een ${f.kind} heeft een noemer (denominator)` });
  });

const figuresFileSchema = z
  .object({
    document: z.string(),
    titel: z.string(),
    jaar: z.union([z.number().int(), z.string()]),
    publiek: z.enum(["openbaar", "vertrouwelijk"]),
    drempel: z.number().int().min(1),
    markering: z.string(),
    afronding: z.record(z.string(), z.number()),
    universes: z.array(
      z
        .object({
          id: universeId,
          integer: z.boolean(),
          dimensions: z.array(z.object({ name: z.string(), categories: z.array(z.string()) }).strict()),
        })
        .strict(),
    ),
    figures: z.array(figureSchema),
    informatie: informatie.optional(),
  })
  .strict();

export class FiguresFileError extends Error {}

/** Reads a figures.json text; a file that breaks the contract is refused, naming the place. */
export function parseFiguresFile(text: string, bestand: string): FiguresFile {
  let json: unknown;
  try {
    json = parseJsonText(text, bestand);
  } catch (e) {
    throw e instanceof JsonFileError ? new FiguresFileError(e.message) : e;
  }
  const result = figuresFileSchema.safeParse(json);
  if (!result.success) {
    const first = result.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(bestand)"}: ${i.message}`);
    throw new FiguresFileError(`${bestand} is geen geldig cijferbestand (figures.json): ${first.join("; ")}`);
  }
  return result.data as FiguresFile;
}
