// Deterministic generator of valid data folders for the benchmarks (not a test, not a fixture).
//
//   npx tsx bench/gen-meldingen.ts [--out /tmp/jaarverslag-bench] [--sizes 10000,100000,1000000] [--seed 1]
//
// Each folder is a copy of data/ (without data/gepubliceerd) whose meldingen.csv is replaced by
// N synthetic rows spread over 2018–2021, valid against the vocabulary and the counsellors in
// data/: codes valid in their year, counsellors active in the month and of the right regeling,
// status and results consistent, interventions consistent with geen_interventie, hours within
// maxUrenPerMelding, ids that match none of the personal-data patterns. The same seed always
// gives the same bytes (mulberry32, no clock, no locale). Written under /tmp, never in the repo.

import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { mulberry32 } from "../scripts/prng.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DATA = join(ROOT, "data");
export const FIRST_YEAR = 2018;
export const LAST_YEAR = 2021;

export { mulberry32 };

interface Vp {
  code: string;
  regeling: string;
  from: number; // jaar * 12 + maand
  to: number;
}

interface Vocab {
  /** aard codes (leaves: with a group, or not counted) and their first/last valid year */
  aard: { code: string; van: number; tot: number }[];
  interventie: string[];
  resultaat: string[];
}

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, "utf8"), { columns: true, bom: true }) as Record<string, string>[];
}

function month(text: string): number {
  const [y, m] = text.split("-").map(Number);
  return y! * 12 + m!;
}

export function readVocabulary(dataDir = DATA): { vocab: Vocab; vps: Vp[] } {
  const terms = readCsv(join(dataDir, "vocabulaire.csv"));
  const vocab: Vocab = {
    aard: terms
      .filter((t) => t["soort"] === "aard" && (t["groep"] !== "" || t["telt_mee"] === "nee"))
      .map((t) => ({ code: t["code"]!, van: Number(t["geldig_van"]), tot: t["geldig_tot"] ? Number(t["geldig_tot"]) : 9999 })),
    interventie: terms.filter((t) => t["soort"] === "interventie").map((t) => t["code"]!),
    resultaat: terms.filter((t) => t["soort"] === "resultaat").map((t) => t["code"]!),
  };
  const vps = readCsv(join(dataDir, "vertrouwenspersonen.csv")).map((v) => ({
    code: v["code"]!,
    regeling: v["regeling"]!,
    from: month(v["actief_van"]!),
    to: v["actief_tot"] ? month(v["actief_tot"]!) : Infinity,
  }));
  return { vocab, vps };
}

const VPOO = "ongewenste-omgangsvormen";
const VPI = "integriteit";
const HERKOMST = ["fractie", "ambtelijk", "extern"] as const;

export interface GenOptions {
  seed: number;
  /** share of meldingen under the integrity regeling (default 0.08) */
  vpiShare?: number;
  /** share of jointly handled meldingen (default 0.15) */
  jointShare?: number;
  /** weights per herkomst, so that organisations differ (default 1,3,1) */
  herkomstWeights?: [number, number, number];
  firstYear?: number;
  lastYear?: number;
}

/**
 * Yields the CSV lines (header first, each with "\n") of `n` valid meldingen. A generator, so
 * that a million rows are written without holding them all.
 */
export function* meldingenLines(n: number, opts: GenOptions, dataDir = DATA): Generator<string> {
  const { vocab, vps } = readVocabulary(dataDir);
  const rnd = mulberry32(opts.seed);
  const vpiShare = opts.vpiShare ?? 0.08;
  const jointShare = opts.jointShare ?? 0.15;
  const hw = opts.herkomstWeights ?? [1, 3, 1];
  const hwTotal = hw[0] + hw[1] + hw[2];
  const first = opts.firstYear ?? FIRST_YEAR;
  const last = opts.lastYear ?? LAST_YEAR;
  const years = last - first + 1;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const pickDistinct = (xs: readonly string[], k: number): string[] => {
    const pool = [...xs];
    const out: string[] = [];
    for (let i = 0; i < k && pool.length > 0; i++) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]!);
    return out;
  };
  const vpiAard = ["integriteitskwestie", "adviesvraag"];
  yield "id,datum,regeling,aard,herkomst,vertrouwenspersoon,uren,status,interventies,resultaten,geen_interventie\n";
  for (let i = 0; i < n; i++) {
    // Years evenly spread (row i belongs to year first + floor(i * years / n)), months at random.
    const jaar = first + Math.floor((i * years) / n);
    const maand = 1 + Math.floor(rnd() * 12);
    const m = jaar * 12 + maand;
    const regeling = rnd() < vpiShare ? VPI : VPOO;
    const active = vps.filter((v) => v.regeling === regeling && v.from <= m && m <= v.to).map((v) => v.code);
    if (active.length === 0) throw new Error(`geen actieve vertrouwenspersoon voor ${regeling} in ${maand}-${jaar}`);
    const aard = regeling === VPI ? pick(vpiAard) : pick(vocab.aard.filter((a) => a.van <= jaar && jaar <= a.tot).map((a) => a.code));
    let r = rnd() * hwTotal;
    const herkomst = r < hw[0] ? HERKOMST[0] : (r -= hw[0]) < hw[1] ? HERKOMST[1] : HERKOMST[2];
    const nVp = active.length > 1 && rnd() < jointShare ? 2 : 1;
    const vp = pickDistinct(active, nVp);
    const uren = (1 + Math.floor(rnd() * 24)) / 2; // 0,5 … 12 hours, decimal point
    const s = rnd();
    const status = s < 0.5 ? "afgerond-resultaat" : s < 0.85 ? "afgerond-onbekend" : "in-behandeling";
    const geen = rnd() < 0.1;
    const interventies = geen ? [] : pickDistinct(vocab.interventie, 1 + Math.floor(rnd() * 3));
    const resultaten = status === "afgerond-resultaat" ? pickDistinct(vocab.resultaat, 1 + Math.floor(rnd() * 2)) : [];
    const id = `B${String(i + 1).padStart(7, "0")}`;
    const datum = `${jaar}-${String(maand).padStart(2, "0")}`;
    yield `${id},${datum},${regeling},${aard},${herkomst},${vp.join("|")},${uren.toFixed(1)},${status},${interventies.join("|")},${resultaten.join("|")},${geen ? "ja" : "nee"}\n`;
  }
}

/** Writes `text` chunks to `path`, buffering about 1 MB at a time. */
async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let buffer = "";
  const flush = async () => {
    if (!out.write(buffer)) await new Promise<void>((res) => out.once("drain", () => res()));
    buffer = "";
  };
  for (const line of lines) {
    buffer += line;
    if (buffer.length >= 1 << 20) await flush();
  }
  await flush();
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
}

/**
 * A copy of data/ (without gepubliceerd/) at `dir` whose meldingen.csv holds `n` generated rows.
 * `organisatie` replaces the organisation's name in instellingen.json when given.
 */
export async function makeDataFolder(dir: string, n: number, opts: GenOptions & { organisatie?: string }): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
  cpSync(DATA, dir, { recursive: true, filter: (src) => !src.includes("gepubliceerd") });
  if (opts.organisatie) {
    const path = join(dir, "instellingen.json");
    const inst = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
    inst["organisatie"] = opts.organisatie;
    writeFileSync(path, JSON.stringify(inst, null, 2) + "\n");
  }
  await writeLines(join(dir, "meldingen.csv"), meldingenLines(n, opts));
}

export const DEFAULT_OUT = "/tmp/jaarverslag-bench";
export const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];

export function sizeDir(out: string, n: number): string {
  return join(out, `data-${n}`);
}

/** Makes the folders that are missing (a folder is reused when its meldingen.csv exists). */
export async function ensureSizes(out: string, sizes: number[], seed = 1, log = true): Promise<string[]> {
  const dirs: string[] = [];
  for (const n of sizes) {
    const dir = sizeDir(out, n);
    if (!existsSync(join(dir, "meldingen.csv")) || !existsSync(join(dir, ".complete"))) {
      const t0 = performance.now();
      await makeDataFolder(dir, n, { seed });
      writeFileSync(join(dir, ".complete"), `${n} rows, seed ${seed}\n`);
      if (log) console.error(`gen: ${dir} (${n} rows) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    dirs.push(dir);
  }
  return dirs;
}

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const out = resolve(flag(argv, "out") ?? DEFAULT_OUT);
  if (out.startsWith(ROOT + "/") || out === ROOT) throw new Error(`schrijf niet in de repository: ${out}`);
  const sizes = (flag(argv, "sizes") ?? DEFAULT_SIZES.join(",")).split(",").map(Number);
  const seed = Number(flag(argv, "seed") ?? 1);
  for (const n of sizes) {
    const dir = sizeDir(out, n);
    rmSync(join(dir, ".complete"), { force: true });
  }
  await ensureSizes(out, sizes, seed);
}
