// The command line: the only place that reads arguments, files and the clock, and the only
// place that prints. Everything the user reads is Dutch.
import { fileKey, parseMaand, periodLabel, periodeOf, type PeriodeId } from "./aggregate/periods.ts";
import { ledgerReportName } from "./protect/ledger.ts";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import type { Audience, Maand } from "./domain.ts";
import { formatProblem, problemsCsv, type Problem } from "./ingest/problem.ts";
import { readRawInput, REGISTRATIE_XLSX } from "./ingest/raw-input.ts";
import { ALL_DOCUMENTS, build, check } from "./pipeline.ts";
import type { OplegnotitieInstellingen } from "./present/oplegnotitie.ts";
import { auditFigures } from "./protect/audit.ts";
import type { FiguresFile } from "./present/figures.ts";
import { ledgerPath, readLedger, writeAllOrNothing } from "./output.ts";
import { Memo } from "./memo.ts";
import { informationLine } from "./protect/information.ts";
import type { Renderer } from "./render/pdf.ts";

const USAGE = `Gebruik:
  jaarverslag build (--year JAAR | --periode JJJJ-MM..JJJJ-MM) [--all] [--watch] [--data MAP] [--out MAP] [--audience openbaar|vertrouwelijk] [--telregel woordenlijst|alles] [--scheidingsteken ';'|',']
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

const SWITCHES = new Set(["all", "watch"]);

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
  return { jaar, audience, telregel, dataDir, outDir, all: args.switches.has("all"), separator: separator(args) };
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
  const dir = join(outDir, fileKey(jaar));
  const files = await renderOutputs(result.documents, {
    dir, jaar, vertrouwelijk: audience === "vertrouwelijk", creationDate: result.creationDate, bundle: all,
    progress: (message) => console.error(`  klaar: ${message}`),
    ...(session.renderer ? { renderer: session.renderer } : {}),
    ...(session.memo ? { memo: session.memo } : {}),
  });
  for (const doc of result.documents) files.push({ path: ledgerPath(dataDir, doc.ledgerEntry), content: JSON.stringify(doc.ledgerEntry, null, 2) + "\n" });
  const internal = join(dir, "intern", `${fileKey(jaar)}-${audience}.onderdrukkingslog.json`);
  files.push({ path: internal, content: JSON.stringify({ waarschuwing: "Alleen voor de vertrouwenspersonen. Nooit publiceren.", optimaal: result.optimal, onderdrukt: result.log, indeling: result.presentatie ?? [] }, null, 2) + "\n" });
  writeAllOrNothing(files);
  const printed = result.documents.reduce((s, doc) => s + doc.figures.figures.length, 0);
  console.error(`Geschreven in ${dir}: ${result.documents.length} ${result.documents.length === 1 ? "document" : "documenten"}, ${printed} cijfers, ${result.log.length} beschermd, audit geslaagd.`);
  console.error(`  intern logboek (niet publiceren): ${internal}`);
  if (result.figures.informatie) console.error(`  ${informationLine(result.figures.informatie)}`);
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
  const own = [join(request.dataDir, "gepubliceerd"), request.outDir];
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
  const report = ledgerReportName(file.document, file.jaar, file.publiek);
  const known = dataDir ? readLedger(resolve(dataDir)).filter((e) => e.report !== report) : [];
  const logPath = join(path, "..", "intern", `${fileKey(file.jaar)}-${file.publiek}.onderdrukkingslog.json`);
  const required = existsSync(logPath)
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
