// The command line: the only place that reads arguments, files and the clock, and the only
// place that prints. Everything the user reads is Dutch. `src/cli.ts` runs `main` with the
// console; the tests run it in their own process with an output of their own (CliOutput).
import { AsyncLocalStorage } from "node:async_hooks";
import { fileKey, maandFromKey, periodLabel, periodById, type PeriodeId } from "./domain/periods.ts";
import { formatDate } from "./protect/register.ts";
import { scopeKey } from "./protect/universe.ts";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import type { Audience, Maand } from "./domain.ts";
import { formatProblem, problemsCsv, type Problem } from "./ingest/problem.ts";
import { readRawInput, REGISTRATIE_XLSX } from "./ingest/raw-input.ts";
import { ALL_DOCUMENTS, check } from "./pipeline.ts";
import { decideSet, publishSet, sha256, type PublishRequest, type PublishSession } from "./publish.ts";
import { auditFigures } from "./protect/audit.ts";
import { requiredWidths } from "./protect/log-file.ts";
import { parseFiguresFile } from "./protect/figures.ts";
import { JOURNAL_FILE, readJsonFile, readLedger, readRegister, writeAllOrNothing } from "./output.ts";
import { dutchMessage, isSystemError } from "./system-errors.ts";
import { readDataFiles } from "./data-files.ts";
import { Memo } from "./memo.ts";
import { runCaches } from "./run-caches.ts";
import { cachedPrinting } from "./print-cache.ts";
import { informationLine } from "./protect/information.ts";
import type { Renderer } from "./render/pdf.ts";
import { parseCommandLine, UsageError, type Args } from "./cli-args.ts";

/**
 * Where a command prints: stdout (`out`) and stderr (`err`), a line per call. `renderer`: an
 * open browser session for `build` to print with (and leave open), as `build --watch` keeps
 * one; without it a build starts Chromium and closes it.
 */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
  renderer?: Renderer;
}

const CONSOLE: CliOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

// Per call of `main`, so that two commands running at once in one process (the tests) each
// print to their own output.
const current = new AsyncLocalStorage<CliOutput>();
const out = (line: string) => (current.getStore() ?? CONSOLE).out(line);
const err = (line: string) => (current.getStore() ?? CONSOLE).err(line);

const USAGE = `Gebruik:
  jaarverslag build (--year JAAR | --periode JJJJ-MM..JJJJ-MM) [--all] [--watch] [--data MAP] [--out MAP] [--audience openbaar|vertrouwelijk] [--telregel woordenlijst|alles] [--scheidingsteken ';'|','] [--vaststellen [--herziening --reden TEKST]]
  jaarverslag register [--data MAP] [--out MAP]
  jaarverslag check [--data MAP] [--year JAAR | --periode JJJJ-MM..JJJJ-MM] [--all] [--out MAP] [--audience openbaar|vertrouwelijk] [--telregel woordenlijst|alles] [--vaststellen [--herziening --reden TEKST]] [--problemen-csv BESTAND] [--scheidingsteken ';'|',']
  jaarverslag audit FIGURES.json [--data MAP]
  jaarverslag template [--out BESTAND.xlsx] [--data MAP]
  jaarverslag werkplaats [--data MAP] [--port N] [--no-open]`;

function today(): Maand {
  const now = new Date();
  return { jaar: now.getFullYear(), maand: now.getMonth() + 1 };
}

function printProblems(problems: Problem[], warnings: Problem[]): void {
  for (const w of warnings) err(`Let op: ${formatProblem(w)}`);
  if (problems.length > 0) {
    err(`${problems.length} ${problems.length === 1 ? "probleem" : "problemen"} gevonden:`);
    for (const p of problems) err(`- ${formatProblem(p)}`);
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
    if (!m || !maandFromKey(m[1]!) || !maandFromKey(m[2]!))
      throw new UsageError("--periode is VAN..TOT in maanden, bijvoorbeeld --periode 2018-01..2019-11");
    return periodById(periodText).id;
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
  protection?: PublishSession["protection"];
}

function buildRequest(args: Args): BuildRequest {
  const jaar = reportPeriod(args);
  if (jaar === undefined)
    throw new UsageError(
      "geef het verslagjaar op met --year JAAR, bijvoorbeeld --year 2021 (of een verslagperiode met --periode 2018-01..2019-11)",
    );
  const audience = (args.flags.get("audience") ?? args.flags.get("publiek") ?? "openbaar") as Audience;
  if (audience !== "openbaar" && audience !== "vertrouwelijk") throw new UsageError("--audience is openbaar of vertrouwelijk");
  const telregel = args.flags.get("telregel");
  if (telregel !== undefined && telregel !== "alles" && telregel !== "woordenlijst")
    throw new UsageError("--telregel is alles of woordenlijst");
  const dataDir = resolve(args.flags.get("data") ?? "data");
  const outDir = resolve(args.flags.get("out") ?? "reports");
  if (!existsSync(dataDir)) throw new UsageError(`gegevensmap ${dataDir} bestaat niet`);
  const herziening = args.switches.has("herziening");
  const reden = args.flags.get("reden");
  if (!args.switches.has("vaststellen") && (herziening || reden !== undefined))
    throw new UsageError("--herziening en --reden horen bij --vaststellen: een herziening wordt vastgesteld");
  if (args.switches.has("vaststellen") && args.switches.has("watch"))
    throw new UsageError("--vaststellen kan niet met --watch: stel één keer vast, na het laatste concept");
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

async function runBuild(args: Args, renderer: Renderer | undefined): Promise<number> {
  const request = buildRequest(args);
  if (args.switches.has("watch")) return watchBuild(request);
  err(`Jaarverslag ${periodLabel(request.jaar)} (${request.audience}) maken uit ${request.dataDir} …`);
  // The test run's prints (src/print-cache.ts), when the environment names their folder.
  const own = renderer ? undefined : cachedPrinting(process.env, () => import("./render/pdf.ts").then((m) => m.openRenderer()));
  const printing = renderer ?? own;
  try {
    return await buildOnce(request, { protection: runCaches(process.env), ...(printing ? { renderer: printing } : {}) });
  } finally {
    await own?.close();
  }
}

async function buildOnce(request: BuildRequest, session: BuildSession): Promise<number> {
  const result = await publishSet(publishRequest(request), session, {
    recovered: (message) => err(`Let op: ${message}`),
    made: (message) => err(`  opgemaakt: ${message}`),
  });
  if (!result.ok) {
    if (result.reason === "audit") {
      printProblems([], result.warnings);
      err("De controle (audit) keurt het verslag af: een verborgen cijfer is te nauwkeurig terug te rekenen.");
      for (const p of result.problems) err(`- ${p.melding}`);
    } else printProblems(result.problems, result.warnings);
    err("Er is niets geschreven; eerdere verslagen zijn ongewijzigd.");
    return 1;
  }
  printProblems([], result.warnings);
  // "klaar" is said only now that the files are in place; while rendering it was "opgemaakt".
  for (const message of result.made) err(`  klaar: ${message}`);
  const n = result.documents.length;
  err(
    `Geschreven in ${result.dir}: ${n} ${n === 1 ? "document" : "documenten"}, ${result.printed} cijfers, ${result.hidden} beschermd, audit geslaagd.`,
  );
  if (result.entry)
    err(
      `Vastgesteld als versie ${result.entry.versie} en opgenomen in het register (${result.registerFile}). Deze bestanden worden nooit meer overschreven.`,
    );
  else
    err(
      `Dit is een concept ("Concept" op elke pagina); het staat niet in het register. Vaststellen: ${describeRequest(request)} --vaststellen`,
    );
  err(`  intern logboek (niet publiceren): ${result.internal}`);
  if (result.informatie) err(`  ${informationLine(result.informatie)}`);
  return 0;
}

/** What build and check ask of publish.ts: the same request, so both reach the same decision. */
function publishRequest(request: BuildRequest): PublishRequest {
  return {
    jaar: request.jaar,
    audience: request.audience,
    telregel: request.telregel,
    dataDir: request.dataDir,
    outDir: request.outDir,
    documents: request.all ? ALL_DOCUMENTS : ["vpoo"],
    bundle: request.all,
    separator: request.separator,
    vaststellen: request.vaststellen,
    vandaag: today(),
    vandaagIso: todayIso(),
  };
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
  const register = [...readRegister(dataDir)].sort(
    (a, b) =>
      a.periode.localeCompare(b.periode) ||
      a.audience.localeCompare(b.audience) ||
      a.telregel.localeCompare(b.telregel) ||
      a.versie - b.versie,
  );
  if (register.length === 0) {
    out(`Het register in ${join(dataDir, "gepubliceerd")} is leeg: er is nog niets vastgesteld.`);
    return 0;
  }
  let bad = 0;
  out(`Register van vastgestelde verslagen (${join(dataDir, "gepubliceerd")}), bestanden in ${outDir}:`);
  for (const e of register) {
    const label = periodLabel(/^\d{4}$/.test(e.periode) ? Number(e.periode) : e.periode);
    out(
      `${label}, ${e.audience}, telregel ${e.telregel}, versie ${e.versie}, vastgesteld op ${formatDate(e.vastgesteld)}${e.reden ? ` — herziening, reden: ${e.reden}` : ""}`,
    );
    out(`  documenten: ${e.documenten.map((d) => d.report).join(", ")}`);
    if (e.bestanden.length === 0) out("  (oud register: de bestanden zijn niet vastgelegd en kunnen niet worden gecontroleerd)");
    for (const f of e.bestanden) {
      const path = join(outDir, ...f.pad.split("/"));
      if (!existsSync(path)) {
        bad++;
        out(`  ONTBREEKT: ${path}`);
      } else if (sha256(readFileSync(path)) !== f.sha256) {
        bad++;
        out(`  GEWIJZIGD: ${path} is niet meer het bestand dat is vastgesteld`);
      } else out(`  in orde: ${f.pad}`);
    }
  }
  if (bad > 0) {
    err(
      `${bad} ${bad === 1 ? "bestand is" : "bestanden zijn"} gewijzigd of ontbreken. Een vastgesteld verslag hoort ongewijzigd te blijven: zet het terug uit de back-up of van de verzonden versie (de vingerafdruk in het register hoort bij het verzonden bestand).`,
    );
    return 1;
  }
  out("Alle vastgelegde bestanden zijn ongewijzigd.");
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
  const session: Required<BuildSession> = {
    renderer: await openRenderer(),
    memo: new Memo(),
    protection: runCaches(process.env),
  };
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
      err(`Jaarverslag ${periodLabel(request.jaar)} (${request.audience}) maken uit ${request.dataDir} …`);
      try {
        await buildOnce(request, session);
      } catch (e) {
        reportError(e);
      }
      err(
        `  (${((performance.now() - t0) / 1000).toFixed(1).replace(".", ",")} s) Wacht op wijzigingen in ${request.dataDir}; stoppen met Ctrl+C.`,
      );
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
        err(`Gewijzigd: ${String(name)}`);
        rebuild();
      }, WATCH_QUIET_MS);
    });
    const stop = (): void => {
      watcher.close();
      clearTimeout(timer);
      void (async () => {
        while (running) await running;
        await session.renderer.close();
        err("Gestopt.");
        done(0);
      })();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/** Editors save in several steps: build once the folder has been quiet this long. */
const WATCH_QUIET_MS = 250;

/**
 * `jaarverslag check`: with a period (--year or --periode) it is `build` without writing: the
 * same options, and build's own decision (publish.ts, decideSet) — the data, the register
 * (adopting twice, a revision that would expose a melder, a late melding, the public set beside
 * the confidential one), the protection and the attack — without rendering or writing. It exits
 * 1 exactly when `build` with these options would refuse, with the same messages. Without a
 * period it validates the registration and scans every text.
 */
async function runCheck(args: Args): Promise<number> {
  const dataDir = resolve(args.flags.get("data") ?? "data");
  if (!existsSync(dataDir)) throw new UsageError(`gegevensmap ${dataDir} bestaat niet`);
  const jaar = reportPeriod(args);
  let problems: Problem[];
  let warnings: Problem[];
  let refusal: "audit" | "anders" | null = null;
  let plan: Awaited<ReturnType<typeof decideSet>> | null = null;
  if (jaar === undefined) {
    // What build reads besides the tables (the register, oplegnotitie.json) is checked the same way.
    const inputs = readDataFiles(dataDir);
    const checked = await check(readRawInput(dataDir), today(), separator(args), undefined, inputs.ledger);
    problems = [...inputs.problems, ...checked.problems];
    warnings = checked.warnings;
  } else {
    const request = buildRequest(args);
    // Not under the lock: check writes nothing. An unfinished write of a killed build is
    // finished (or undone) by the next build before it reads the register; check says so.
    if (existsSync(join(dataDir, JOURNAL_FILE)))
      err(
        `Let op: een eerdere build is tijdens het schrijven afgebroken; de volgende build maakt dat eerst af of ruimt het op, en kan daarna anders beslissen dan deze controle.`,
      );
    plan = await decideSet(publishRequest(request), { protection: runCaches(process.env) });
    problems = plan.ok ? [] : plan.problems;
    if (!plan.ok) refusal = plan.reason === "audit" ? "audit" : "anders";
    // The other years' texts are scanned too (warnings only: they do not stop this build).
    const others = await check(readRawInput(dataDir), today(), request.separator, jaar, []);
    const lines = new Map<string, Problem>();
    for (const w of [...plan.warnings, ...others.warnings]) if (!lines.has(formatProblem(w))) lines.set(formatProblem(w), w);
    warnings = [...lines.values()];
  }
  if (refusal === "audit") {
    printProblems([], warnings);
    err("De controle (audit) keurt het verslag af: een verborgen cijfer is te nauwkeurig terug te rekenen.");
    for (const p of problems) err(`- ${p.melding}`);
  } else printProblems(problems, warnings);
  const csvOut = args.flags.get("problemen-csv");
  if (csvOut) writeAllOrNothing([{ path: resolve(csvOut), content: problemsCsv(problems) }]);
  if (problems.length > 0) {
    if (jaar !== undefined) err("jaarverslag build zou met deze opties weigeren. Er is niets geschreven.");
    return 1;
  }
  err("De gegevens zijn in orde.");
  if (plan?.ok) {
    const n = plan.result.documents.length;
    err(
      plan.entry
        ? `jaarverslag build zou ${n === 1 ? "dit document" : `deze ${n} documenten`} vaststellen als versie ${plan.entry.versie} (${plan.dir}); de controle (audit) slaagt.`
        : `jaarverslag build zou een concept maken in ${plan.dir} (${n} ${n === 1 ? "document" : "documenten"}); de controle (audit) slaagt.`,
    );
  }
  return 0;
}

async function runTemplate(args: Args): Promise<number> {
  const out = resolve(args.flags.get("out") ?? REGISTRATIE_XLSX);
  if (!out.toLowerCase().endsWith(".xlsx"))
    throw new UsageError("--out is de naam van een .xlsx-bestand, bijvoorbeeld --out registratie.xlsx");
  if (existsSync(out)) {
    err(
      `Fout: ${out} bestaat al. Het sjabloon overschrijft nooit een bestaand bestand (het kan een ingevulde registratie zijn); kies een andere naam met --out.`,
    );
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
    for (const n of fromData.notes) err(`Let op: ${n}`);
    if (!fromData.input) {
      printProblems(fromData.problems, []);
      err("Er is geen sjabloon geschreven.");
      return 1;
    }
    input = fromData.input;
  }
  writeAllOrNothing([{ path: out, content: await templateWorkbook(input) }]);
  err(`Geschreven: ${out} (tabbladen per tabel, keuzelijsten, tabblad Codes en Uitleg).`);
  return 0;
}

async function runAudit(args: Args): Promise<number> {
  const path = args.positional[0];
  if (!path) throw new UsageError("geef het figures.json-bestand op");
  if (!existsSync(path)) throw new UsageError(`${path} bestaat niet`);
  const file = parseFiguresFile(readFileSync(path, "utf8"), path);
  const dataDir = args.flags.get("data");
  // Everything the reader of this file may know (never filtered by name), except versions that
  // describe the data as it was before a change (they contradict this file; see protect/revision.ts).
  const printed = new Map(
    file.figures
      .filter((f) => f.value !== null && f.universe && f.scope && (f.kind === "aantal" || f.kind === "uren"))
      .map((f) => [scopeKey(f.universe!, f.scope!), f.value!]),
  );
  const known = dataDir
    ? readLedger(resolve(dataDir))
        .filter((e) => file.publiek === "vertrouwelijk" || e.audience === "openbaar")
        .filter((e) =>
          e.figures.every(
            (g) =>
              g.value === null ||
              !printed.has(scopeKey(g.universe, g.scope)) ||
              Math.abs(printed.get(scopeKey(g.universe, g.scope))! - g.value) <= 0.05 + 1e-6,
          ),
        )
    : [];
  const logName = `${fileKey(file.jaar)}-${file.publiek}.onderdrukkingslog.json`;
  const logPath =
    [dataDir ? join(resolve(dataDir), "intern", fileKey(file.jaar), logName) : "", join(path, "..", "intern", logName)].find(
      (p) => p !== "" && existsSync(p),
    ) ?? "";
  const required = logPath !== "" ? requiredWidths(readJsonFile(logPath), logPath) : undefined;
  const result = await auditFigures(file, known, required, runCaches(process.env).attack);
  out(`Audit van ${path}${required ? " (met het interne logboek)" : " (zonder intern logboek: uren worden alleen getoond)"}:`);
  for (const iv of result.intervals) {
    const fmt = (x: number) => (Number.isFinite(x) ? String(Math.round(x * 100) / 100).replace(".", ",") : "onbegrensd");
    out(
      `${iv.ok ? "veilig  " : "ONVEILIG"} ${iv.figures[0] ?? iv.id}: tussen ${fmt(iv.lo)} en ${fmt(iv.hi)} (nodig: breedte ${fmt(iv.requiredWidth)}; ${iv.scenario})`,
    );
  }
  out(
    result.ok
      ? `Alle ${result.intervals.length} verborgen cijfers zijn voldoende beschermd.`
      : "Niet alle verborgen cijfers zijn voldoende beschermd.",
  );
  return result.ok ? 0 : 1;
}

/** Runs `jaarverslag ARGV`, printing to `output`; the exit code: 0 done, 1 refused or failed, 2 usage. */
export function main(argv: string[], output: CliOutput = CONSOLE): Promise<number> {
  return current.run(output, () => dispatch(argv, output.renderer));
}

async function dispatch(argv: string[], renderer: Renderer | undefined): Promise<number> {
  try {
    const args = parseCommandLine(argv);
    if (args.command === "build") return await runBuild(args, renderer);
    if (args.command === "check") return await runCheck(args);
    if (args.command === "audit") return await runAudit(args);
    if (args.command === "template") return await runTemplate(args);
    if (args.command === "werkplaats") {
      const { runWerkplaats, WerkplaatsUsage } = await import("./werkplaats/index.ts");
      return await runWerkplaats({
        data: args.flags.get("data"),
        out: args.flags.get("out"),
        port: args.flags.get("port"),
        open: !args.switches.has("no-open"),
      }).catch((e: unknown) => {
        throw e instanceof WerkplaatsUsage ? new UsageError(e.message) : e;
      });
    }
    if (args.command === "register") return await runRegister(args);
    if (args.command === "help") {
      out(USAGE);
      return 0;
    }
    throw new UsageError(`onbekende opdracht "${args.command}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`Fout: ${e.message}\n${USAGE}`);
      return 2;
    }
    reportError(e);
    return 1;
  }
}

/**
 * Every error reaches the user in Dutch, naming the file (system-errors.ts); the technical
 * details (the stack) only with JAARVERSLAG_DEBUG=1.
 */
function reportError(e: unknown): void {
  err(`Fout: ${dutchMessage(e)}`);
  if (process.env["JAARVERSLAG_DEBUG"] === "1") err((e instanceof Error ? e.stack : undefined) ?? String(e));
  else if (!isSystemError(e))
    err("(Dit is een fout in het programma. Zet JAARVERSLAG_DEBUG=1 voor de technische details en meld ze aan de beheerder.)");
}
