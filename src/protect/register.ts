// The publication register: one entry per ADOPTED (vastgesteld) document set, kept with the
// data in DATA/gepubliceerd/. An entry is never rewritten or replaced: a revision is a new
// entry with the next version number, so the register holds every version a reader may hold.
//
// Pure: parsing and planning here; reading and writing the files is in src/output.ts.
import { z } from "zod";
import { fileKey, type PeriodeId } from "../domain/periods.ts";
import type { LedgerEntry, LedgerFigure } from "./ledger.ts";
import { UNIVERSE_IDS } from "./figures.ts";

export type Telregel = "woordenlijst" | "alles";

const figureSchema = z.object({
  universe: z.enum(UNIVERSE_IDS),
  scope: z.record(z.string(), z.array(z.string())),
  value: z.number().nullable(),
});

const documentSchema = z.object({
  /** e.g. "jaarverslag-vpoo-2021-openbaar": the document's name in messages. */
  report: z.string().min(1),
  figures: z.array(figureSchema),
});

const registerEntrySchema = z.object({
  soort: z.literal("vastgesteld"),
  /** The period key ("2021", "2018-01..2019-11"). */
  periode: z.string().min(1),
  audience: z.enum(["openbaar", "vertrouwelijk"]),
  telregel: z.enum(["woordenlijst", "alles"]),
  versie: z.number().int().min(1),
  /** YYYY-MM-DD: the day it was adopted (vastgesteld). */
  vastgesteld: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Only for a revision (versie ≥ 2): why. */
  reden: z.string().nullable(),
  /** Every file written for the set, relative to the output folder, with the SHA-256 of its bytes. */
  bestanden: z.array(z.object({ pad: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  documenten: z.array(documentSchema).min(1),
});

export type RegisterEntry = z.infer<typeof registerEntrySchema>;

/** The ledger format before the register (one file per document, no version): still read. */
const legacySchema = z.object({
  report: z.string().min(1),
  jaar: z.union([z.number(), z.string()]),
  audience: z.enum(["openbaar", "vertrouwelijk"]),
  figures: z.array(figureSchema),
});

export class RegisterError extends Error {}

/**
 * One file of DATA/gepubliceerd/ → a register entry. A file in the old ledger format becomes
 * version 1 of its period with the woordenlijst rule (the old ledger did not record the rule)
 * and no recorded files. A file that is neither is refused with its name.
 */
/** A register file's JSON (read, with its syntax checked, by output.ts) as an entry. */
export function parseRegisterEntry(name: string, json: unknown): RegisterEntry {
  const entry = registerEntrySchema.safeParse(json);
  if (entry.success) return entry.data;
  const legacy = legacySchema.safeParse(json);
  if (legacy.success) {
    const l = legacy.data;
    return {
      soort: "vastgesteld",
      periode: String(l.jaar),
      audience: l.audience,
      telregel: "woordenlijst",
      versie: 1,
      vastgesteld: "0000-01-01",
      reden: null,
      bestanden: [],
      documenten: [{ report: l.report, figures: l.figures as LedgerFigure[] }],
    };
  }
  const issue = entry.error.issues[0];
  const where = issue ? ` (veld ${issue.path.join(".") || "(het hele bestand)"}: ${issue.message})` : "";
  throw new RegisterError(
    `Het registerbestand gepubliceerd/${name} heeft niet de vorm van een registeritem${where}. Zet het terug uit de back-up; verwijder het niet.`,
  );
}

/** Old-format files of one period and audience were one set: merge them into one entry. */
export function mergeLegacy(entries: RegisterEntry[]): RegisterEntry[] {
  const out: RegisterEntry[] = [];
  for (const e of entries) {
    const same =
      e.vastgesteld === "0000-01-01"
        ? out.find((o) => o.vastgesteld === "0000-01-01" && o.periode === e.periode && o.audience === e.audience)
        : undefined;
    if (same) same.documenten.push(...e.documenten);
    else out.push({ ...e, documenten: [...e.documenten] });
  }
  return out;
}

/** The file name of an entry: never the name of an earlier entry. */
export function registerFileName(e: Pick<RegisterEntry, "periode" | "audience" | "telregel" | "versie">): string {
  return `${fileKey(periodeKey(e.periode))}-${e.audience}-${e.telregel}-versie-${e.versie}.json`;
}

function periodeKey(key: string): PeriodeId {
  return /^\d{4}$/.test(key) ? Number(key) : key;
}

/** A unique name for each document of each entry: what the attack and the messages call it. */
function documentLabel(e: RegisterEntry, report: string): string {
  const rule = e.telregel === "alles" ? " (telregel alles)" : "";
  const version = e.versie > 1 ? ` (versie ${e.versie})` : "";
  return `${report}${rule}${version}`;
}

/**
 * Everything a reader may know, as known reports for the protection and the attack: every
 * document of every entry, every version and counting rule. Never filtered by name.
 */
export function knownReports(register: RegisterEntry[]): (LedgerEntry & { versie: number; telregel: Telregel; vastgesteld: string })[] {
  return register.flatMap((e) =>
    e.documenten.map((doc) => ({
      report: documentLabel(e, doc.report),
      jaar: periodeKey(e.periode),
      audience: e.audience,
      figures: doc.figures as LedgerFigure[],
      versie: e.versie,
      telregel: e.telregel,
      vastgesteld: e.vastgesteld,
    })),
  );
}

export type AdoptionPlan =
  { ok: true; versie: number; vorige: { versie: number; vastgesteld: string } | null } | { ok: false; melding: string };

/**
 * May this set be adopted? A first adoption needs no earlier entry; adopting a published
 * period, audience and rule again is only possible as an explicit revision with a reason.
 * `earlier`: the versions already in the register for this period, audience and rule.
 */
export function planAdoption(
  earlier: { versie: number; vastgesteld: string }[],
  label: string,
  audience: string,
  telregel: Telregel,
  herziening: boolean,
  reden: string | undefined,
  cmd: string,
): AdoptionPlan {
  const last = [...earlier].sort((a, b) => a.versie - b.versie).at(-1) ?? null;
  if (!herziening) {
    if (!last) return { ok: true, versie: 1, vorige: null };
    return {
      ok: false,
      melding:
        `het ${audience === "openbaar" ? "openbare" : "vertrouwelijke"} verslag over ${label} (telregel ${telregel}) is al vastgesteld op ${formatDate(last.vastgesteld)} (versie ${last.versie}) en verzonden; een vastgesteld verslag wordt nooit overschreven. ` +
        `U kunt kiezen: (1) laat het verzonden verslag zoals het is — een nieuw concept mag altijd (zonder --vaststellen), en een later gevonden verschil noemt u in het verslag van volgend jaar; ` +
        `of (2) stel een herziening vast met een reden, die naast de eerdere versie in het register komt en een erratum bevat: ${cmd} --vaststellen --herziening --reden "waarom het verslag wordt herzien"`,
    };
  }
  if (!last)
    return {
      ok: false,
      melding: `er is nog geen verslag over ${label} (${audience}, telregel ${telregel}) vastgesteld, dus er valt niets te herzien; laat --herziening en --reden weg`,
    };
  if (!reden || reden.trim() === "")
    return {
      ok: false,
      melding: `een herziening heeft een reden nodig: geef --reden "…" op (de reden komt in het erratum van het herziene verslag)`,
    };
  return { ok: true, versie: last.versie + 1, vorige: last };
}

/** Where an adopted set is written, relative to the output folder: never where a concept goes. */
export function adoptedFolder(periodeFileKey: string, audience: string, telregel: Telregel, versie: number): string {
  return `${periodeFileKey}/vastgesteld/${audience}${telregel === "alles" ? "-telregel-alles" : ""}-versie-${versie}`;
}

export function formatDate(iso: string): string {
  if (iso === "0000-01-01") return "een onbekende datum (oud register)";
  const [y, m, d] = iso.split("-").map(Number);
  const maanden = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
  ];
  return `${d} ${maanden[(m ?? 1) - 1]} ${y}`;
}
