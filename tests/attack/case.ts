// A registration written as the data contract's files (README "Data contract"), the real
// command run on it, and the documents each build writes kept as the readers keep them: a
// rebuilt report does not take the earlier version out of their hands.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, ROOT, type CliResult } from "../helpers/cli.ts";
import { readFolder, type ReadDocument } from "./read-documents.ts";
import type { OutsideFigure } from "./model.ts";

export interface CaseMelding {
  id?: string;
  datum: string;
  regeling?: "ongewenste-omgangsvormen" | "integriteit";
  aard: string;
  herkomst: "fractie" | "ambtelijk" | "extern";
  vp: string[];
  uren: number;
  status: "afgerond-resultaat" | "afgerond-onbekend" | "in-behandeling";
  interventies?: string[];
  resultaten?: string[];
}

export interface CaseVp {
  code: string;
  groep: "fractie" | "ambtelijk" | "extern";
  regeling?: "ongewenste-omgangsvormen" | "integriteit";
  van?: string;
  tot?: string;
}

export interface CaseActiviteit {
  jaar: number;
  vp: string;
  activiteit: "training" | "intervisie" | "voorlichting" | "overleg" | "supervisie";
  uren: number;
}

export interface CaseData {
  meldingen: CaseMelding[];
  vps: CaseVp[];
  activiteiten: CaseActiviteit[];
  historie?: { jaar: number; reeks: OutsideFigure["reeks"]; waarde: number; bron: string }[];
  instellingen?: Record<string, unknown>;
  /** Counsellors' own text per year; a neutral text by default. */
  verslagen?: Record<number, string>;
}

export const VPS: CaseVp[] = [
  { code: "VP-F1", groep: "fractie" },
  { code: "VP-F2", groep: "fractie" },
  { code: "VP-F3", groep: "fractie" },
  { code: "VP-A1", groep: "ambtelijk" },
  { code: "VP-A2", groep: "ambtelijk" },
  { code: "VP-A3", groep: "ambtelijk" },
  { code: "VP-E1", groep: "extern" },
  { code: "VP-I1", groep: "ambtelijk", regeling: "integriteit" },
];

export function verslag(jaar: number, extra = ""): string {
  return `---\ntitel: Jaarverslag ${jaar}\nvastgesteld: ${jaar + 1}-03-01\nauteurs: De vertrouwenspersonen\n---\n\n## Voorwoord\n\nEen jaar met gewone gesprekken.${extra ? `\n\n${extra}` : ""}\n\n## Deskundigheidsbevordering\n\nWij volgden nascholing.\n\n## Voorlichting\n\nWij gaven voorlichting.\n\n## Team\n\nHet team bleef gelijk.\n\n## Trends en aanbevelingen\n\n- Blijf aandacht geven aan sociale veiligheid.\n\n## Klachtencommissie\n\nGeen bijzonderheden.\n`;
}

const csv = (rows: (string | number)[][]) =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(",")).join("\n") + "\n";
const dec = (n: number) => String(Math.round(n * 10) / 10);

/** Writes the registration into DIR/data; returns that folder. */
function writeData(dir: string, data: CaseData): string {
  const d = join(dir, "data");
  mkdirSync(join(d, "verslag"), { recursive: true });
  copyFileSync(join(ROOT, "data", "vocabulaire.csv"), join(d, "vocabulaire.csv"));
  let n = 0;
  writeFileSync(
    join(d, "meldingen.csv"),
    csv([
      [
        "id",
        "datum",
        "regeling",
        "aard",
        "herkomst",
        "vertrouwenspersoon",
        "uren",
        "status",
        "interventies",
        "resultaten",
        "geen_interventie",
      ],
      ...data.meldingen.map((m) => [
        m.id ?? `M${m.datum.slice(0, 4)}-${String(++n).padStart(3, "0")}`,
        m.datum,
        m.regeling ?? "ongewenste-omgangsvormen",
        m.aard,
        m.herkomst,
        m.vp.join("|"),
        dec(m.uren),
        m.status,
        (m.interventies ?? []).join("|"),
        (m.resultaten ?? (m.status === "afgerond-resultaat" ? ["zelf-opgelost"] : [])).join("|"),
        m.interventies?.length ? "nee" : "ja",
      ]),
    ]),
  );
  writeFileSync(
    join(d, "vertrouwenspersonen.csv"),
    csv([
      ["code", "groep", "regeling", "actief_van", "actief_tot"],
      ...data.vps.map((v) => [v.code, v.groep, v.regeling ?? "ongewenste-omgangsvormen", v.van ?? "2016-01", v.tot ?? ""]),
    ]),
  );
  writeFileSync(
    join(d, "activiteiten.csv"),
    csv([["jaar", "vertrouwenspersoon", "activiteit", "uren"], ...data.activiteiten.map((a) => [a.jaar, a.vp, a.activiteit, dec(a.uren)])]),
  );
  writeFileSync(join(d, "klachten.csv"), csv([["id", "datum", "ontvankelijk", "advies"]]));
  writeFileSync(
    join(d, "historie.csv"),
    csv([["jaar", "reeks", "waarde", "bron"], ...(data.historie ?? []).map((h) => [h.jaar, h.reeks, h.waarde, h.bron])]),
  );
  const instellingen = {
    organisatie: "Testorganisatie",
    drempel: { openbaar: 5, vertrouwelijk: 3 },
    nullenPubliceren: true,
    dominantieAandeel: 0.85,
    maxUrenPerMelding: 40,
    namenlijst: ["Terpstrema", "Van Dalsum-Hoek", "Bakker"],
    markering: "x",
    ...data.instellingen,
  };
  writeFileSync(join(d, "instellingen.json"), JSON.stringify(instellingen, null, 2));
  const years = new Set([...data.meldingen.map((m) => Number(m.datum.slice(0, 4))), ...data.activiteiten.map((a) => a.jaar)]);
  for (const y of years) writeFileSync(join(d, "verslag", `${y}.md`), data.verslagen?.[y] ?? verslag(y));
  for (const [y, text] of Object.entries(data.verslagen ?? {})) writeFileSync(join(d, "verslag", `${y}.md`), text);
  return d;
}

/** What the readers hold: every document ever written, per audience, in the order received. */
class Readers {
  readonly openbaar: ReadDocument[] = [];
  readonly vertrouwelijk: ReadDocument[] = [];

  /** The confidential reader also holds the public version. */
  of(audience: "openbaar" | "vertrouwelijk"): ReadDocument[] {
    return audience === "openbaar" ? this.openbaar : [...this.openbaar, ...this.vertrouwelijk];
  }
}

export class Case {
  readonly dir: string;
  readonly data: string;
  readonly out: string;
  readonly readers = new Readers();

  /** A registration written here, or the path of an existing data folder (used as it is). */
  constructor(registration: CaseData | string, prefix = "jaarverslag-attack-") {
    if (typeof registration === "string") {
      this.data = registration;
      this.dir = join(registration, "..");
    } else {
      this.dir = mkdtempSync(join(tmpdir(), prefix));
      this.data = writeData(this.dir, registration);
    }
    this.out = join(this.dir, "reports");
  }

  /** Every folder of adopted documents so far, per audience (for the PDF/HTML cross-check). */
  readonly folders: Record<"openbaar" | "vertrouwelijk", string[]> = { openbaar: [], vertrouwelijk: [] };

  rewrite(registration: CaseData): void {
    writeData(this.dir, registration);
  }

  /**
   * Runs `jaarverslag build ARGS --vaststellen`: what readers hold is what was adopted (a
   * concept never leaves the team). On success the adopted documents join the readers' hands,
   * read from the folder the build names.
   */
  async build(args: string[]): Promise<CliResult> {
    const adopt = args.includes("--vaststellen") ? args : [...args, "--vaststellen"];
    const result = await cli(["build", ...adopt, "--data", this.data, "--out", this.out]);
    if (result.code === 0) this.received(result, args.includes("vertrouwelijk") ? "vertrouwelijk" : "openbaar");
    return result;
  }

  /** The documents of an adopted build join the readers' hands: read from the folder its "Geschreven in" line names. */
  received(result: CliResult, audience: "openbaar" | "vertrouwelijk"): void {
    const dir = /Geschreven in (.+?): \d+ document/.exec(result.stderr)?.[1];
    if (!dir) throw new Error(`de build noemt geen map met documenten:\n${result.stderr}`);
    const docs = readFolder(dir, audience);
    if (docs.length === 0) throw new Error(`geen documenten voor ${audience} in ${dir}`);
    this.readers[audience].push(...docs);
    this.folders[audience].push(dir);
  }

  /** historie.csv as the published figures it records (the reports it names are in readers' hands). */
  outside(): OutsideFigure[] {
    const lines = readFileSync(join(this.data, "historie.csv"), "utf8").trim().split(/\r?\n/).slice(1);
    return lines.map((l) => l.split(",")).map((c) => ({ jaar: Number(c[0]), reeks: c[1] as OutsideFigure["reeks"], waarde: Number(c[2]) }));
  }
}

/** n meldingen of one month with the given fields; spread over the counsellors in `vp`. */
export function many(
  n: number,
  m: Omit<CaseMelding, "vp"> & { vp?: string[] },
  vps: string[] = ["VP-A1", "VP-F1", "VP-A2", "VP-F2"],
): CaseMelding[] {
  return Array.from({ length: n }, (_, i) => ({ ...m, vp: m.vp ?? [vps[i % vps.length]!] }));
}

/** Training and intervisie for the interne counsellors, equal shares (no one dominates). */
export function activities(jaar: number, vps = ["VP-F1", "VP-F2", "VP-F3", "VP-A1", "VP-A2", "VP-A3"]): CaseActiviteit[] {
  return vps.flatMap((vp) => [
    { jaar, vp, activiteit: "training" as const, uren: 8 },
    { jaar, vp, activiteit: "intervisie" as const, uren: 6 },
  ]);
}

const ACTIVITEIT: Record<string, string> = {
  training: "training",
  intervisie: "intervisie",
  voorlichting: "voorlichting",
  "overleg (hr, bmw en andere)": "overleg",
  overleg: "overleg",
  supervisie: "supervisie",
};
const GROEP_LABEL: Record<string, CaseVp["groep"]> = {
  "vanuit de fracties": "fractie",
  "vanuit de ambtelijke organisatie": "ambtelijk",
  "externe vertrouwenspersoon": "extern",
};

/**
 * The true value of a hidden hours figure, for the verdict (an interval of at least half of
 * it): from the registration the test wrote. Targets name "… — ROW, YEAR".
 */
export function hoursTruth(data: CaseData): (what: string) => number | undefined {
  return (what) => {
    const m = / — (.+), (\d{4})$/.exec(what);
    if (!m) return undefined;
    const label = m[1]!.toLowerCase();
    const jaar = Number(m[2]);
    const groepOf = new Map(data.vps.map((v) => [v.code, v.groep]));
    const meldingen = data.meldingen.filter(
      (x) => Number(x.datum.slice(0, 4)) === jaar && (x.regeling ?? "ongewenste-omgangsvormen") === "ongewenste-omgangsvormen",
    );
    const acts = data.activiteiten.filter(
      (a) =>
        a.jaar === jaar && (data.vps.find((v) => v.code === a.vp)?.regeling ?? "ongewenste-omgangsvormen") === "ongewenste-omgangsvormen",
    );
    const afhandeling = meldingen.reduce((s, x) => s + x.uren, 0);
    if (label === "afhandeling meldingen") return afhandeling;
    if (ACTIVITEIT[label]) return acts.filter((a) => a.activiteit === ACTIVITEIT[label]).reduce((s, a) => s + a.uren, 0);
    const g = GROEP_LABEL[label];
    if (g) {
      const own = acts.filter((a) => groepOf.get(a.vp) === g).reduce((s, a) => s + a.uren, 0);
      const handled = meldingen.reduce((s, x) => s + (x.uren * x.vp.filter((v) => groepOf.get(v) === g).length) / x.vp.length, 0);
      return own + handled;
    }
    if (label === "totaal") return afhandeling + acts.reduce((s, a) => s + a.uren, 0);
    return undefined;
  };
}

/**
 * The vocabulary's aard labels (today's and group labels) → the codes they count; and the codes
 * that do not count. A renamed category ("Sociale onveiligheid" until 2019, "Onveilig voelen"
 * after) has no truth under either name: an attack without `aliases` takes the two names for two
 * categories (the old one 0 after the rename), which is not the registration's count per code.
 */
function aardVocabulary(): { codes: Map<string, string[]>; notCounted: Set<string> } {
  const codes = new Map<string, string[]>();
  const notCounted = new Set<string>();
  const lines = readFileSync(join(ROOT, "data", "vocabulaire.csv"), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1);
  const rows = lines.map((l) =>
    [...l.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, "").replace(/""/g, '"')),
  );
  const aard = rows.filter((c) => c[0] === "aard");
  for (const [, code, label, , , eerdere, , teltMee] of aard) {
    const members = aard.filter((c) => c[6] === code).map((c) => c[1]!);
    const counted = members.length > 0 ? members : [code!];
    codes.set(label!, counted);
    codes.set(code!, counted);
    if (eerdere) {
      codes.delete(label!);
      codes.delete(code!);
    }
    if (teltMee === "nee") notCounted.add(code!);
  }
  return { codes, notCounted };
}

const HERKOMST_LABEL: Record<string, CaseMelding["herkomst"]> = {
  fracties: "fractie",
  fractie: "fractie",
  "ambtelijke organisatie": "ambtelijk",
  ambtelijk: "ambtelijk",
  extern: "extern",
};
/** "Ambtelijke organisatie (met extern)" counts both. */
const herkomstenOfLabel = (label: string): string[] =>
  (/^(.+?) \(met (.+)\)$/.exec(label.toLowerCase())?.slice(1) ?? [label.toLowerCase()]).map((h) => HERKOMST_LABEL[h] ?? h);
const STATUS_OF_LABEL: Record<string, CaseMelding["status"]> = {
  "geëindigd met (door melder gewenst) resultaat": "afgerond-resultaat",
  "geëindigd met onbekend resultaat": "afgerond-onbekend",
  "nog in behandeling": "in-behandeling",
};

/**
 * The true value of a derived single-year count ("afgeleid: aard Pesten, 2020"), for the
 * verdict on it: from the registration the test wrote. Counted as the documents count: in the
 * VPOO rows, meldingen of a category that does not count (corona) only in their own aard row;
 * VPI meldingen (regeling integriteit) are their own universe; a melding's group is that of its
 * first counsellor (who received it). Undefined for a name it does not know.
 */
export function countsTruth(data: CaseData): (what: string) => number | undefined {
  const { codes, notCounted } = aardVocabulary();
  const groepOf = new Map(data.vps.map((v) => [v.code, v.groep]));
  return (what) => {
    const m = /^afgeleid: (aard|herkomst|stand van zaken|groep|VPI-herkomst|VPI) (.+), (\d{4})$/.exec(what);
    if (!m) return undefined;
    const [, dim, label, year] = m as unknown as [string, string, string, string];
    const ofYear = data.meldingen.filter((x) => x.datum.slice(0, 4) === year);
    const vpoo = ofYear.filter((x) => (x.regeling ?? "ongewenste-omgangsvormen") === "ongewenste-omgangsvormen");
    const counted = vpoo.filter((x) => !notCounted.has(x.aard));
    const vpi = ofYear.filter((x) => x.regeling === "integriteit");
    const count = (xs: CaseMelding[], keep: (x: CaseMelding) => boolean) => xs.filter(keep).length;
    switch (dim) {
      case "aard": {
        const members = codes.get(label);
        return members ? count(vpoo, (x) => members.includes(x.aard)) : undefined;
      }
      case "herkomst":
        return count(counted, (x) => herkomstenOfLabel(label).includes(x.herkomst));
      case "stand van zaken": {
        const status = STATUS_OF_LABEL[label.toLowerCase()];
        return status ? count(counted, (x) => x.status === status) : undefined;
      }
      case "groep":
        return count(counted, (x) => groepOf.get(x.vp[0]!) === label);
      case "VPI":
        return label === "adviesvragen"
          ? count(vpi, (x) => x.aard === "adviesvraag")
          : label === "meldingen"
            ? count(vpi, (x) => x.aard !== "adviesvraag")
            : undefined;
      case "VPI-herkomst":
        return count(vpi, (x) => x.aard !== "adviesvraag" && herkomstenOfLabel(label).includes(x.herkomst));
    }
    return undefined;
  };
}
