// The command line: the only place that reads arguments, files and the clock, and the only
// place that prints. Everything the user reads is Dutch.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Audience, Maand } from "./domain.ts";
import { formatProblem, type Problem } from "./ingest/problem.ts";
import { readRawInput } from "./ingest/raw-input.ts";
import { build, check } from "./pipeline.ts";
import { auditFigures } from "./protect/audit.ts";
import type { FiguresFile } from "./present/figures.ts";
import { ledgerPath, readLedger, writeAllOrNothing } from "./output.ts";

const USAGE = `Gebruik:
  jaarverslag build --year JAAR [--data MAP] [--out MAP] [--audience openbaar|vertrouwelijk] [--scheidingsteken ';'|',']
  jaarverslag check [--data MAP] [--problemen-csv BESTAND]
  jaarverslag audit FIGURES.json [--data MAP]`;

class UsageError extends Error {}

interface Args {
  command: string;
  positional: string[];
  flags: Map<string, string>;
}

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError("geen opdracht opgegeven");
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a.startsWith("--")) {
      const [name, inline] = a.slice(2).split("=", 2);
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(`optie --${name} heeft een waarde nodig`);
      flags.set(name!, value);
    } else positional.push(a);
  }
  return { command, positional, flags };
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

async function runBuild(args: Args): Promise<number> {
  const yearText = args.flags.get("year") ?? args.flags.get("jaar");
  if (!yearText || !/^\d{4}$/.test(yearText)) throw new UsageError("geef het verslagjaar op met --year JAAR, bijvoorbeeld --year 2021");
  const jaar = Number(yearText);
  const audience = (args.flags.get("audience") ?? args.flags.get("publiek") ?? "openbaar") as Audience;
  if (audience !== "openbaar" && audience !== "vertrouwelijk") throw new UsageError("--audience is openbaar of vertrouwelijk");
  const dataDir = resolve(args.flags.get("data") ?? "data");
  const outDir = resolve(args.flags.get("out") ?? "reports");
  if (!existsSync(dataDir)) throw new UsageError(`gegevensmap ${dataDir} bestaat niet`);

  console.error(`Jaarverslag ${jaar} (${audience}) maken uit ${dataDir} …`);
  const result = await build(readRawInput(dataDir), { jaar, audience, vandaag: today(), ledger: readLedger(dataDir), separator: separator(args) });
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
  const { openRenderer } = await import("./render/pdf.ts");
  const { reportHtml, reportPdf } = await import("./render/document.ts");
  const html = await reportHtml(result.model);
  const renderer = await openRenderer();
  let pdf: Uint8Array;
  try {
    pdf = await reportPdf(renderer, result.model, html, result.creationDate);
  } finally {
    await renderer.close();
  }
  const base = join(outDir, String(jaar), `jaarverslag-vpoo-${jaar}${audience === "vertrouwelijk" ? "-vertrouwelijk" : ""}`);
  const internal = join(outDir, String(jaar), "intern", `jaarverslag-vpoo-${jaar}-${audience}.onderdrukkingslog.json`);
  writeAllOrNothing([
    { path: `${base}.pdf`, content: pdf },
    { path: `${base}.html`, content: html },
    { path: `${base}.figures.json`, content: JSON.stringify(result.figures, null, 2) + "\n" },
    { path: internal, content: JSON.stringify({ waarschuwing: "Alleen voor de vertrouwenspersonen. Nooit publiceren.", optimaal: result.optimal, onderdrukt: result.log }, null, 2) + "\n" },
    { path: ledgerPath(dataDir, result.ledgerEntry), content: JSON.stringify(result.ledgerEntry, null, 2) + "\n" },
  ]);
  const suppressed = result.log.length;
  console.error(`Geschreven: ${base}.pdf`);
  console.error(`  cijfers: ${base}.figures.json (${result.figures.figures.length} cijfers, ${suppressed} beschermd, audit geslaagd)`);
  console.error(`  intern logboek (niet publiceren): ${internal}`);
  return 0;
}

async function runCheck(args: Args): Promise<number> {
  const dataDir = resolve(args.flags.get("data") ?? "data");
  if (!existsSync(dataDir)) throw new UsageError(`gegevensmap ${dataDir} bestaat niet`);
  const { problems, warnings } = check(readRawInput(dataDir), today(), separator(args));
  printProblems(problems, warnings);
  const csvOut = args.flags.get("problemen-csv");
  if (csvOut) {
    const q = (s: string | number | null) => `"${String(s ?? "").replace(/"/g, '""')}"`;
    const lines = ["bestand;regel;kolom;waarde;melding", ...problems.map((p) => [p.bestand, p.regel, p.kolom, p.waarde, p.melding].map(q).join(";"))];
    writeAllOrNothing([{ path: resolve(csvOut), content: "\uFEFF" + lines.join("\r\n") + "\r\n" }]);
  }
  if (problems.length === 0) console.error("De gegevens zijn in orde.");
  return problems.length === 0 ? 0 : 1;
}

async function runAudit(args: Args): Promise<number> {
  const path = args.positional[0];
  if (!path) throw new UsageError("geef het figures.json-bestand op");
  if (!existsSync(path)) throw new UsageError(`${path} bestaat niet`);
  const file = JSON.parse(readFileSync(path, "utf8")) as FiguresFile;
  const dataDir = args.flags.get("data");
  const report = `${file.document}-${file.jaar}-${file.publiek}`;
  const known = dataDir ? readLedger(resolve(dataDir)).filter((e) => e.report !== report) : [];
  const logPath = join(path, "..", "intern", `${report}.onderdrukkingslog.json`);
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
