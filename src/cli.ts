// The command line: the only place that reads arguments, files and the clock, and the only
// place that prints. Everything the user reads is Dutch.
import { fileKey, parseMaand, periodLabel, periodeOf, type PeriodeId } from "./aggregate/periods.ts";
import { adoptedFolder, formatDate, type RegisterEntry } from "./protect/register.ts";
import { scopeKey } from "./protect/universe.ts";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { Audience, Maand } from "./domain.ts";
import { formatProblem, problemsCsv, type Problem } from "./ingest/problem.ts";
import { readRawInput, REGISTRATIE_XLSX } from "./ingest/raw-input.ts";
import { ALL_DOCUMENTS, build, check } from "./pipeline.ts";
import type { OplegnotitieInstellingen } from "./present/oplegnotitie.ts";
import { auditFigures } from "./protect/audit.ts";
import type { FiguresFile } from "./present/figures.ts";
import { readLedger, readRegister, registerPath, writeAllOrNothing } from "./output.ts";
import { Memo } from "./memo.ts";
import type { Renderer } from "./render/pdf.ts";

const USAGE = `Gebruik:
  jaarverslag build (--year JAAR | --periode JJJJ-MM..JJJJ-MM) [--all] [--watch] [--data MAP] [--out MAP] [--audience openbaar|vertrouwelijk] [--telregel woordenlijst|alles] [--scheidingsteken ';'|','] [--vaststellen [--herziening --reden TEKST]]
  jaarverslag register [--data MAP] [--out MAP]
  jaarverslag check [--data MAP] [--year JAAR | --periode JJJJ-MM..JJJJ-MM] [--problemen-csv BESTAND] [--scheidingsteken ';'|',']
  jaarverslag audit FIGURES.json [--data MAP]
  jaarverslag template [--out BESTAND.xlsx] [--data MAP]`;

class UsageError extends Error {}

interface Args {
  command: string;
  positional: string[];
  flags: Map<string, string>;
  /** Flags without a value, such as --all. */
  switches: Set<string>;
}

const SWITCHES = new Set(["all", "watch", "vaststellen", "herziening"]);

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError("geen opdracht opgegeven");
  const flags = new Map<string, string>();
  const switches = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a.startsWith("--") && SWITCHES.has(a.slice(2))) switches.add(a.slice(2));
    else if (a.startsWith("--")) {
      const [name, inline] = a.slice(2).split("=", 2);
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(`optie --${name} heeft een waarde nodig`);
      flags.set(name!, value);
    } else positional.push(a);
  }
  return { command, positional, flags, switches };
}

function today(): Maand {
  const now = new Date();
  return { jaar: now.getFullYear(), maand: now.getMonth() + 1 };
}

function printProblems(problems: Problem[], warnings: Problem[]): void {
  for (const w of warnings) console.error(`Let op: ${formatProblem(w)}`);
  if (problems.length > 0) {
    console.error(`${problems.length} ${problems.length === 1 ? "probleem" : "problemen"} gevonden:`);
    for (const p of problems) console.error(`- ${formatProblem(p)}`);
  }
}

function separator(args: Args): ";" | "," | undefined {
  const s = args.flags.get("scheidingsteken");
  if (s === undefined) return undefined;
  if (s !== ";" && s !== ",") throw new UsageError("--scheidingsteken is ';' of ','");
  return s;
}

/** The reporting year (--year) or period (--periode); undefined when neither is given. */
function reportPeriod(args: Args): PeriodeId | undefined {
  const yearText = args.flags.get("year") ?? args.flags.get("jaar");
  const periodText = args.flags.get("periode");
  if (yearText !== undefined && periodText !== undefined) throw new UsageError("geef --year of --periode op, niet allebei");
  if (periodText !== undefined) {
    const m = /^(\d{4}-\d{2})\.\.(\d{4}-\d{2})$/.exec(periodText);
    if (!m || !parseMaand(m[1]!) || !parseMaand(m[2]!)) throw new UsageError("--periode is VAN..TOT in maanden, bijvoorbeeld --periode 2018-01..2019-11");
    return periodeOf(periodText).id;
  }
  if (yearText === undefined) return undefined;
  if (!/^\d{4}$/.test(yearText)) throw new UsageError("--year is een jaartal van vier cijfers, bijvoorbeeld --year 2021");
  return Number(yearText);
}

interface BuildRequest {
  jaar: PeriodeId;
  audience: Audience;
  telregel: "woordenlijst" | "alles" | undefined;
  dataDir: string;
  outDir: string;
  all: boolean;
  separator: ";" | "," | undefined;
  /** `--vaststellen`: adopt the set (enter it in the register); otherwise a concept. */
  vaststellen: { herziening: boolean; reden?: string; opdracht: string } | null;
}

/** What a `build` session keeps between builds (`--watch`): the browser and the memo. */
interface BuildSession {
  renderer?: Renderer;
  memo?: Memo;
}

function buildRequest(args: Args): BuildRequest {
  const jaar = reportPeriod(args);
  if (jaar === undefined) throw new UsageError("geef het verslagjaar op met --year JAAR, bijvoorbeeld --year 2021 (of een verslagperiode met --periode 2018-01..2019-11)");
  const audience = (args.flags.get("audience") ?? args.flags.get("publiek") ?? "openbaar") as Audience;
  if (audience !== "openbaar" && audience !== "vertrouwelijk") throw new UsageError("--audience is openbaar of vertrouwelijk");
  const telregel = args.flags.get("telregel");
  if (telregel !== undefined && telregel !== "alles" && telregel !== "woordenlijst") throw new UsageError("--telregel is alles of woordenlijst");
  const dataDir = resolve(args.flags.get("data") ?? "data");
  const outDir = resolve(args.flags.get("out") ?? "reports");
  if (!existsSync(dataDir)) throw new UsageError(`gegevensmap ${dataDir} bestaat niet`);
  const herziening = args.switches.has("herziening");
  const reden = args.flags.get("reden");
  if (!args.switches.has("vaststellen") && (herziening || reden !== undefined)) throw new UsageError("--herziening en --reden horen bij --vaststellen: een herziening wordt vastgesteld");
  if (args.switches.has("vaststellen") && args.switches.has("watch")) throw new UsageError("--vaststellen kan niet met --watch: stel één keer vast, na het laatste concept");
  if (reden !== undefined && !herziening) throw new UsageError("--reden hoort bij --herziening");
  const period = typeof jaar === "number" ? `--year ${jaar}` : `--periode ${jaar}`;
  const opdracht = `jaarverslag build ${period}${args.switches.has("all") ? " --all" : ""}${audience === "vertrouwelijk" ? " --audience vertrouwelijk" : ""}${telregel ? ` --telregel ${telregel}` : ""}`;
  const vaststellen = args.switches.has("vaststellen") ? { herziening, ...(reden !== undefined ? { reden } : {}), opdracht } : null;
  return { jaar, audience, telregel, dataDir, outDir, all: args.switches.has("all"), separator: separator(args), vaststellen };
}

/** Today as YYYY-MM-DD: the date an adopted set gets. */
function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

function sha256(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

async function runBuild(args: Args): Promise<number> {
  const request = buildRequest(args);
  if (args.switches.has("watch")) return watchBuild(request);
  console.error(`Jaarverslag ${periodLabel(request.jaar)} (${request.audience}) maken uit ${request.dataDir} …`);
  return buildOnce(request, {});
}

async function buildOnce(request: BuildRequest, session: BuildSession): Promise<number> {
  const { jaar, audience, telregel, dataDir, outDir, all } = request;
  const oplegPath = join(dataDir, "oplegnotitie.json");
  const oplegnotitie = existsSync(oplegPath) ? (JSON.parse(readFileSync(oplegPath, "utf8")) as Partial<OplegnotitieInstellingen>) : {};
  const result = await build(readRawInput(dataDir), {
    jaar, audience, vandaag: today(), ledger: readLedger(dataDir), separator: request.separator,
    documents: all ? ALL_DOCUMENTS : ["vpoo"],
    ...(telregel ? { telregel } : {}),
    oplegnotitie,
    ...(session.memo ? { memo: session.memo } : {}),
    ...(request.vaststellen ? { vaststellen: { ...request.vaststellen, datum: todayIso() } } : {}),
  });
  if (!result.ok) {
    printProblems(result.problems, result.warnings);
    console.error("Er is niets geschreven; eerdere verslagen zijn ongewijzigd.");
    return 1;
  }
  printProblems([], result.warnings);
  if (!result.audit.ok) {
    console.error("De controle (audit) keurt het verslag af: een verborgen cijfer is te nauwkeurig terug te rekenen.");
    for (const iv of result.audit.intervals.filter((x) => !x.ok)) console.error(`- ${iv.figures[0] ?? iv.id}: tussen ${iv.lo} en ${iv.hi} (${iv.scenario})`);
    console.error("Er is niets geschreven; eerdere verslagen zijn ongewijzigd.");
    return 1;
  }
  const { renderOutputs } = await import("./render/outputs.ts");
  // A concept goes to OUT/<period>/ and may be rebuilt freely; an adopted set goes to its own
  // folder, which is never written again (see protect/register.ts).
  const adoptie = result.adoptie;
  const dir = adoptie ? join(outDir, adoptedFolder(fileKey(jaar), audience, adoptie.telregel, adoptie.versie)) : join(outDir, fileKey(jaar));
  let entry: RegisterEntry | null = null;
  if (adoptie) {
    entry = {
      soort: "vastgesteld", periode: periodeOf(jaar).key, audience, telregel: adoptie.telregel, versie: adoptie.versie, vastgesteld: request.vaststellen ? todayIso() : "",
      reden: request.vaststellen?.herziening ? (request.vaststellen.reden ?? null) : null, bestanden: [],
      documenten: result.documents.map((doc) => ({ report: doc.report, figures: doc.ledgerEntry.figures })),
    };
    for (const path of [registerPath(dataDir, entry), dir]) {
      if (existsSync(path)) {
        console.error(`Fout: ${path} bestaat al. Een vastgesteld verslag wordt nooit overschreven; controleer het register met: jaarverslag register --data ${dataDir}`);
        console.error("Er is niets geschreven; eerdere verslagen zijn ongewijzigd.");
        return 1;
      }
    }
  }
  const files = await renderOutputs(result.documents, {
    dir, jaar, vertrouwelijk: audience === "vertrouwelijk", creationDate: result.creationDate, bundle: all,
    progress: (message) => console.error(`  klaar: ${message}`),
    ...(session.renderer ? { renderer: session.renderer } : {}),
    ...(session.memo ? { memo: session.memo } : {}),
    ...(result.documents[0]?.model?.paginaMarkering ? { markering: result.documents[0].model.paginaMarkering } : {}),
  });
  if (entry) {
    entry.bestanden = files.map((f) => ({ pad: relative(outDir, f.path).split(sep).join("/"), sha256: sha256(f.content) }));
    files.push({ path: registerPath(dataDir, entry), content: JSON.stringify(entry, null, 2) + "\n" });
  }
  // The internal log lives with the data, outside the report folder that is copied to the intranet.
  const internal = join(dataDir, "intern", fileKey(jaar), `${fileKey(jaar)}-${audience}${telregel === "alles" ? "-telregel-alles" : ""}.onderdrukkingslog.json`);
  files.push({ path: internal, content: JSON.stringify({ waarschuwing: "Alleen voor de vertrouwenspersonen. Nooit publiceren.", optimaal: result.optimal, onderdrukt: result.log }, null, 2) + "\n" });
  writeAllOrNothing(files);
  const printed = result.documents.reduce((s, doc) => s + doc.figures.figures.length, 0);
  console.error(`Geschreven in ${dir}: ${result.documents.length} ${result.documents.length === 1 ? "document" : "documenten"}, ${printed} cijfers, ${result.log.length} beschermd, audit geslaagd.`);
  if (entry) console.error(`Vastgesteld als versie ${entry.versie} en opgenomen in het register (${registerPath(dataDir, entry)}). Deze bestanden worden nooit meer overschreven.`);
  else console.error(`Dit is een concept ("Concept" op elke pagina); het staat niet in het register. Vaststellen: ${describeRequest(request)} --vaststellen`);
  console.error(`  intern logboek (niet publiceren): ${internal}`);
  return 0;
}

function describeRequest(r: BuildRequest): string {
  const period = typeof r.jaar === "number" ? `--year ${r.jaar}` : `--periode ${r.jaar}`;
  return `jaarverslag build ${period}${r.all ? " --all" : ""}${r.audience === "vertrouwelijk" ? " --audience vertrouwelijk" : ""}${r.telregel ? ` --telregel ${r.telregel}` : ""}`;
}

/**
 * `jaarverslag register`: every adopted set in plain Dutch, and whether the files in the output
 * folder still have the bytes that were adopted (SHA-256).
 */
async function runRegister(args: Args): Promise<number> {
  const dataDir = resolve(args.flags.get("data") ?? "data");
  const outDir = resolve(args.flags.get("out") ?? "reports");
  if (!existsSync(dataDir)) throw new UsageError(`gegevensmap ${dataDir} bestaat niet`);
  const register = [...readRegister(dataDir)].sort((a, b) => a.periode.localeCompare(b.periode) || a.audience.localeCompare(b.audience) || a.telregel.localeCompare(b.telregel) || a.versie - b.versie);
  if (register.length === 0) {
    console.log(`Het register in ${join(dataDir, "gepubliceerd")} is leeg: er is nog niets vastgesteld.`);
    return 0;
  }
  let bad = 0;
  console.log(`Register van vastgestelde verslagen (${join(dataDir, "gepubliceerd")}), bestanden in ${outDir}:`);
  for (const e of register) {
    const label = periodLabel(/^\d{4}$/.test(e.periode) ? Number(e.periode) : e.periode);
    console.log(`${label}, ${e.audience}, telregel ${e.telregel}, versie ${e.versie}, vastgesteld op ${formatDate(e.vastgesteld)}${e.reden ? ` — herziening, reden: ${e.reden}` : ""}`);
    console.log(`  documenten: ${e.documenten.map((d) => d.report).join(", ")}`);
    if (e.bestanden.length === 0) console.log("  (oud register: de bestanden zijn niet vastgelegd en kunnen niet worden gecontroleerd)");
    for (const f of e.bestanden) {
      const path = join(outDir, ...f.pad.split("/"));
      if (!existsSync(path)) {
        bad++;
        console.log(`  ONTBREEKT: ${path}`);
      } else if (sha256(readFileSync(path)) !== f.sha256) {
        bad++;
        console.log(`  GEWIJZIGD: ${path} is niet meer het bestand dat is vastgesteld`);
      } else console.log(`  in orde: ${f.pad}`);
    }
  }
  if (bad > 0) {
    console.error(`${bad} ${bad === 1 ? "bestand is" : "bestanden zijn"} gewijzigd of ontbreken. Een vastgesteld verslag hoort ongewijzigd te blijven: zet het terug uit de back-up of van de verzonden versie (de vingerafdruk in het register hoort bij het verzonden bestand).`);
    return 1;
  }
  console.log("Alle vastgelegde bestanden zijn ongewijzigd.");
  return 0;
}

/**
 * `build --watch`: build, then build again after every change in the data folder, with one
 * browser and the memo of the session (a text edit reuses the protection and the charts; the
 * audit runs every time). Stops on Ctrl+C with exit code 0.
 */
async function watchBuild(request: BuildRequest): Promise<number> {
  const { watch } = await import("node:fs");
  const { openRenderer } = await import("./render/pdf.ts");
  const session: Required<BuildSession> = { renderer: await openRenderer(), memo: new Memo() };
  // Our own writes into the data folder (the ledger, and the output when it lies inside it)
  // are no reason to build again.
  const own = [join(request.dataDir, "gepubliceerd"), join(request.dataDir, "intern"), request.outDir];
  const ignored = (name: string): boolean => {
    const path = join(request.dataDir, name);
    return own.some((dir) => path === dir || path.startsWith(dir + sep)) || /(^|[\\/])(\.|~\$)|~$|\.tmp$|\.swp$/.test(name);
  };
  let running: Promise<void> | null = null;
  let again = false;
  const once = async (): Promise<void> => {
    do {
      again = false;
      const t0 = performance.now();
      console.error(`Jaarverslag ${periodLabel(request.jaar)} (${request.audience}) maken uit ${request.dataDir} …`);
      try {
        await buildOnce(request, session);
      } catch (e) {
        console.error(`Fout: ${(e as Error).message}`);
      }
      console.error(`  (${((performance.now() - t0) / 1000).toFixed(1).replace(".", ",")} s) Wacht op wijzigingen in ${request.dataDir}; stoppen met Ctrl+C.`);
    } while (again);
  };
  const rebuild = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = once().finally(() => {
      running = null;
    });
  };
  rebuild();
  return new Promise<number>((done) => {
    let timer: NodeJS.Timeout | undefined;
    const watcher = watch(request.dataDir, { recursive: true }, (_event, name) => {
      if (!name || ignored(String(name))) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        console.error(`Gewijzigd: ${String(name)}`);
        rebuild();
      }, WATCH_QUIET_MS);
    });
    const stop = (): void => {
      watcher.close();
      clearTimeout(timer);
      void (async () => {
        while (running) await running;
        await session.renderer.close();
        console.error("Gestopt.");
        done(0);
      })();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/** Editors save in several steps: build once the folder has been quiet this long. */
const WATCH_QUIET_MS = 250;

async function runCheck(args: Args): Promise<number> {
  const dataDir = resolve(args.flags.get("data") ?? "data");
  if (!existsSync(dataDir)) throw new UsageError(`gegevensmap ${dataDir} bestaat niet`);
  const { problems, warnings } = await check(readRawInput(dataDir), today(), separator(args), reportPeriod(args));
  printProblems(problems, warnings);
  const csvOut = args.flags.get("problemen-csv");
  if (csvOut) writeAllOrNothing([{ path: resolve(csvOut), content: problemsCsv(problems) }]);
  if (problems.length === 0) console.error("De gegevens zijn in orde.");
  return problems.length === 0 ? 0 : 1;
}

async function runTemplate(args: Args): Promise<number> {
  const out = resolve(args.flags.get("out") ?? REGISTRATIE_XLSX);
  if (!out.toLowerCase().endsWith(".xlsx")) throw new UsageError("--out is de naam van een .xlsx-bestand, bijvoorbeeld --out registratie.xlsx");
  if (existsSync(out)) {
    console.error(`Fout: ${out} bestaat al. Het sjabloon overschrijft nooit een bestaand bestand (het kan een ingevulde registratie zijn); kies een andere naam met --out.`);
    return 1;
  }
  const { ingestAll } = await import("./ingest/index.ts");
  const { templateWorkbook } = await import("./template/index.ts");
  const { standaardTemplateInput, templateInputFromData } = await import("./template/from-data.ts");
  const dataFlag = args.flags.get("data");
  let input = standaardTemplateInput();
  if (dataFlag !== undefined) {
    const dataDir = resolve(dataFlag);
    if (!existsSync(dataDir)) throw new UsageError(`gegevensmap ${dataDir} bestaat niet`);
    const fromData = templateInputFromData(await ingestAll(readRawInput(dataDir), { separator: separator(args) }));
    for (const n of fromData.notes) console.error(`Let op: ${n}`);
    if (!fromData.input) {
      printProblems(fromData.problems, []);
      console.error("Er is geen sjabloon geschreven.");
      return 1;
    }
    input = fromData.input;
  }
  writeAllOrNothing([{ path: out, content: await templateWorkbook(input) }]);
  console.error(`Geschreven: ${out} (tabbladen per tabel, keuzelijsten, tabblad Codes en Uitleg).`);
  return 0;
}

async function runAudit(args: Args): Promise<number> {
  const path = args.positional[0];
  if (!path) throw new UsageError("geef het figures.json-bestand op");
  if (!existsSync(path)) throw new UsageError(`${path} bestaat niet`);
  const file = JSON.parse(readFileSync(path, "utf8")) as FiguresFile;
  const dataDir = args.flags.get("data");
  // Everything the reader of this file may know (never filtered by name), except versions that
  // describe the data as it was before a change (they contradict this file; see protect/revision.ts).
  const printed = new Map(file.figures.filter((f) => f.value !== null && f.universe && f.scope && (f.kind === "aantal" || f.kind === "uren")).map((f) => [scopeKey(f.universe!, f.scope!), f.value!]));
  const known = dataDir
    ? readLedger(resolve(dataDir))
        .filter((e) => file.publiek === "vertrouwelijk" || e.audience === "openbaar")
        .filter((e) => e.figures.every((g) => g.value === null || !printed.has(scopeKey(g.universe, g.scope)) || Math.abs(printed.get(scopeKey(g.universe, g.scope))! - g.value) <= 0.05 + 1e-6))
    : [];
  const logName = `${fileKey(file.jaar)}-${file.publiek}.onderdrukkingslog.json`;
  const logPath = [dataDir ? join(resolve(dataDir), "intern", fileKey(file.jaar), logName) : "", join(path, "..", "intern", logName)].find((p) => p !== "" && existsSync(p)) ?? "";
  const required = logPath !== ""
    ? new Map((JSON.parse(readFileSync(logPath, "utf8")) as { onderdrukt: { key: string; requiredWidth: number }[] }).onderdrukt.map((l) => [l.key, l.requiredWidth]))
    : undefined;
  const result = await auditFigures(file, known, required);
  console.log(`Audit van ${path}${required ? " (met het interne logboek)" : " (zonder intern logboek: uren worden alleen getoond)"}:`);
  for (const iv of result.intervals) {
    const fmt = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 100) / 100).replace(".", ",") : "onbegrensd");
    console.log(`${iv.ok ? "veilig  " : "ONVEILIG"} ${iv.figures[0] ?? iv.id}: tussen ${fmt(iv.lo)} en ${fmt(iv.hi)} (nodig: breedte ${fmt(iv.requiredWidth)}; ${iv.scenario})`);
  }
  console.log(result.ok ? `Alle ${result.intervals.length} verborgen cijfers zijn voldoende beschermd.` : "Niet alle verborgen cijfers zijn voldoende beschermd.");
  return result.ok ? 0 : 1;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === "build") return await runBuild(args);
    if (args.command === "check") return await runCheck(args);
    if (args.command === "audit") return await runAudit(args);
    if (args.command === "template") return await runTemplate(args);
    if (args.command === "register") return await runRegister(args);
    if (args.command === "help" || args.command === "--help") {
      console.log(USAGE);
      return 0;
    }
    throw new UsageError(`onbekende opdracht "${args.command}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`Fout: ${e.message}\n${USAGE}`);
      return 2;
    }
    console.error(`Fout: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
