// Benchmark: one `build --year 2021` (VPOO, openbaar) split by stage, cold and warm, beside the
// floor: Chromium printing the same final HTML with nothing else to do. Not a test.
//
//   npx tsx bench/build.ts [--year 2021] [--reps 7] [--data DIR]
//
// cold  a fresh process (`--child cold`): loading the modules, starting Chromium, one build.
//       The cold floor is a fresh process too (`--child floor-cold`): load puppeteer-core, start
//       Chromium with the same arguments, one page, one setContent + page.pdf.
// warm  one process, one renderer kept open, one build thrown away, then `reps` builds, each
//       followed by one floor print in a second browser that is also kept open (one page, reused:
//       setContent + page.pdf with the same options as src/render/pdf.ts). Alternating, so both
//       see the same noise of the shared machine. Medians.
// The data is a copy of data/ under /tmp without data/gepubliceerd (an empty ledger).

import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { machineLine } from "./machine.ts";
import { loadavg } from "node:os";
import { DATA, ROOT } from "./gen-meldingen.ts";
import type { TimedBuild, Stage } from "./build-stages.ts";
import type { RawInput } from "../src/ingest/raw-input.ts";

const OUT = "/tmp/jaarverslag-bench/build";
const VARIANTS: [string, FloorSteps][] = [
  ["+ a new page per print", { newPage: true }],
  ["+ request interception", { newPage: true, intercept: true }],
  ["+ document.fonts.ready (≈ print() in src/render/pdf.ts)", { newPage: true, intercept: true, fontsReady: true }],
];

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

const today = () => {
  const now = new Date();
  return { jaar: now.getFullYear(), maand: now.getMonth() + 1 };
};

export function copyData(from: string, to: string): string {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  cpSync(from, to, { recursive: true, filter: (src) => !src.includes("gepubliceerd") });
  return to;
}

// ------------------------------------------------------------------------------------------
// The floor

export interface FloorSteps {
  /** a new page for every print, closed after it (as src/render/pdf.ts does) */
  newPage?: boolean;
  /** request interception on that page, every request continued (data: URLs are requests too) */
  intercept?: boolean;
  /** wait for document.fonts.ready after setContent */
  fontsReady?: boolean;
}

export interface Floor {
  /** The floor: setContent + page.pdf on one page kept open. `steps` add what our renderer does. */
  print(html: string, meta: { runningHeader: string; confidential: boolean }, steps?: FloorSteps): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A bare Chromium: the same executable and arguments, one page kept open, nothing else. */
export async function openFloor(): Promise<Floor> {
  const { default: puppeteer } = await import("puppeteer-core");
  const { CHROMIUM_ARGS, pdfOptions } = await import("../src/render/pdf.ts");
  const { findChromium } = await import("../src/render/chromium.ts");
  const { mkdtemp } = await import("node:fs/promises");
  const userDataDir = await mkdtemp("/tmp/jaarverslag-bench-floor-");
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    pipe: true,
    args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`],
  });
  const kept = await browser.newPage();
  return {
    async print(html, meta, steps = {}) {
      const page = steps.newPage ? await browser.newPage() : kept;
      try {
        if (steps.intercept) {
          await page.setRequestInterception(true);
          page.on("request", (request) => void request.continue().catch(() => undefined));
        }
        await page.setContent(html, { waitUntil: "load" });
        if (steps.fontsReady) await page.evaluate(() => document.fonts.ready.then(() => undefined));
        return await page.pdf(pdfOptions(meta));
      } finally {
        if (steps.newPage) await page.close();
      }
    },
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// ------------------------------------------------------------------------------------------
// Children (cold)

interface ColdResult {
  /** process start → modules loaded */
  loadMs: number;
  browserMs: number;
  build?: Pick<TimedBuild, "ms" | "auditMs" | "totalMs">;
  floorMs?: number;
  /** process start → PDF in hand */
  wallMs: number;
  pages?: number;
}

async function childCold(dataDir: string, jaar: number): Promise<ColdResult> {
  const { readRawInput } = await import("../src/ingest/raw-input.ts");
  const { timedBuild } = await import("./build-stages.ts");
  const { openRenderer } = await import("../src/render/pdf.ts");
  const loadMs = performance.now(); // performance.now() counts from the start of the process
  const t = performance.now();
  const renderer = await openRenderer();
  const browserMs = performance.now() - t;
  try {
    const b = await timedBuild(readRawInput(dataDir), { jaar, audience: "openbaar", vandaag: today() }, renderer);
    const wallMs = performance.now();
    writeFileSync(join(OUT, "report.html"), b.html);
    writeFileSync(join(OUT, "meta.json"), JSON.stringify({ runningHeader: b.model.titel, confidential: b.model.vertrouwelijk }));
    return { loadMs, browserMs, build: { ms: b.ms, auditMs: b.auditMs, totalMs: b.totalMs }, wallMs };
  } finally {
    await renderer.close();
  }
}

async function childFloorCold(): Promise<ColdResult> {
  const html = readFileSync(join(OUT, "report.html"), "utf8");
  const meta = JSON.parse(readFileSync(join(OUT, "meta.json"), "utf8")) as { runningHeader: string; confidential: boolean };
  const { default: puppeteer } = await import("puppeteer-core");
  await import("../src/render/pdf.ts");
  const loadMs = performance.now();
  let t = performance.now();
  const floor = await openFloor();
  const browserMs = performance.now() - t;
  t = performance.now();
  await floor.print(html, meta);
  const floorMs = performance.now() - t;
  const wallMs = performance.now();
  await floor.close();
  void puppeteer;
  return { loadMs, browserMs, floorMs, wallMs };
}

function runChild(kind: string, args: string[]): ColdResult {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "bench", "build.ts"), "--child", kind, ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`${kind}: exit ${r.status}\n${r.stderr.slice(-3000)}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as ColdResult;
}

// ------------------------------------------------------------------------------------------

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const f0 = (ms: number) => ms.toFixed(0);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function parent(argv: string[]): Promise<void> {
  const jaar = Number(flag(argv, "year") ?? 2021);
  const reps = Number(flag(argv, "reps") ?? 7);
  const coldReps = Number(flag(argv, "cold-reps") ?? 3);
  const load0 = loadavg();
  mkdirSync(OUT, { recursive: true });
  const dataDir = copyData(flag(argv, "data") ?? DATA, join(OUT, "data"));

  // Cold: fresh processes, alternating build and floor.
  const cold: ColdResult[] = [];
  const coldFloor: ColdResult[] = [];
  for (let i = 0; i < coldReps; i++) {
    cold.push(runChild("cold", [dataDir, String(jaar)]));
    coldFloor.push(runChild("floor-cold", []));
    console.error(`cold ${i + 1}: build ${f0(cold.at(-1)!.wallMs)} ms from process start, floor ${f0(coldFloor.at(-1)!.wallMs)} ms`);
  }

  // Warm: one process.
  const { readRawInput } = await import("../src/ingest/raw-input.ts");
  const { timedBuild, STAGES, OWN_STAGES } = await import("./build-stages.ts");
  const { openRenderer } = await import("../src/render/pdf.ts");
  const { finishPdf } = await import("../src/render/pdf-finish.ts");
  const { build } = await import("../src/pipeline.ts");
  const raw = readRawInput(dataDir);
  const opts = { jaar, audience: "openbaar" as const, vandaag: today() };
  const renderer = await openRenderer();
  const floor = await openFloor();
  const warm: TimedBuild[] = [];
  const floorMs: number[] = [];
  // build --watch: the session's memo, and rebuilds after an edit of the text only.
  const { Memo } = await import("../src/memo.ts");
  const memo = new Memo();
  const watchBuilds: TimedBuild[] = [];
  const watchFloorMs: number[] = [];
  const finishMs: number[] = [];
  const pipelineMs: number[] = [];
  const variantMs = new Map<string, number[]>();
  let sameAsBuild = "not checked";
  try {
    const first = await timedBuild(raw, opts, renderer); // thrown away: JIT, caches, first page
    await timedBuild(raw, { ...opts, memo }, renderer); // the first build of a --watch session
    const meta = { runningHeader: first.model.titel, confidential: first.model.vertrouwelijk };
    await floor.print(first.html, meta);
    // The split runs what build() runs: the same figures.
    const real = await build(raw, { ...opts, ledger: [] });
    sameAsBuild = real.ok && JSON.stringify(real.figures) === JSON.stringify(first.figures) ? "yes" : "NO";
    for (let i = 0; i < reps; i++) {
      const b = await timedBuild(raw, opts, renderer);
      warm.push(b);
      let t = performance.now();
      const rawPdf = await floor.print(b.html, meta);
      floorMs.push(performance.now() - t);
      // What our renderer adds to the floor, one step at a time (same browser as the floor).
      for (const [name, steps] of VARIANTS) {
        t = performance.now();
        await floor.print(b.html, meta, steps);
        variantMs.set(name, [...(variantMs.get(name) ?? []), performance.now() - t]);
      }
      // finishPdf (metadata, deterministic ID) is part of renderer.pdf; timed apart on the floor's PDF.
      t = performance.now();
      await finishPdf(rawPdf, {
        title: b.model.titel,
        subject: b.model.titel,
        author: b.model.auteurs,
        keywords: [],
        lang: "nl-NL",
        runningHeader: b.model.titel,
        confidential: false,
        creationDate: b.creationDate,
      });
      finishMs.push(performance.now() - t);
      // build() itself (everything before render), for the record.
      t = performance.now();
      await build(raw, { ...opts, ledger: [] });
      pipelineMs.push(performance.now() - t);
      // --watch: the text edited (a sentence added), the figures the same.
      const wb = await timedBuild(withEditedText(raw, jaar, i), { ...opts, memo }, renderer);
      watchBuilds.push(wb);
      t = performance.now();
      await floor.print(wb.html, meta);
      watchFloorMs.push(performance.now() - t);
      console.error(
        `warm ${i + 1}: build ${f0(b.totalMs)} ms, floor ${f0(floorMs.at(-1)!)} ms; --watch after a text edit ${f0(wb.totalMs)} ms, its floor ${f0(watchFloorMs.at(-1)!)} ms`,
      );
    }
    const identical = warm.every((b) => Buffer.compare(Buffer.from(b.pdf), Buffer.from(warm[0]!.pdf)) === 0);

    const w = (s: Stage) => median(warm.map((b) => b.ms[s]));
    const c = (s: Stage) => median(cold.map((b) => b.build!.ms[s]));
    const warmTotal = median(warm.map((b) => b.totalMs));
    const coldBuild = median(cold.map((b) => b.build!.totalMs));
    const coldWall = median(cold.map((b) => b.wallMs));
    const floorWarm = median(floorMs);
    const floorColdPrint = median(coldFloor.map((x) => x.floorMs!));
    const floorColdWall = median(coldFloor.map((x) => x.wallMs));
    const own = (get: (s: Stage) => number) => OWN_STAGES.reduce((sum, s) => sum + get(s), 0);
    const pdfPages = (new TextDecoder("latin1").decode(warm[0]!.pdf).match(/\/Type\s*\/Page[^s]/g) ?? []).length;

    const lines: string[] = [];
    lines.push(machineLine(load0), "");
    lines.push(
      `Report: jaarverslag VPOO ${jaar}, openbaar, ${pdfPages} pages, HTML ${(warm[0]!.html.length / 1024).toFixed(0)} KB. Cold: median of ${coldReps} fresh processes. Warm: median of ${reps} builds in one process (renderer open), each followed by one floor print.`,
      "",
    );
    lines.push("| stage | cold (ms) | warm (ms) | share of warm build |");
    lines.push("| --- | ---: | ---: | ---: |");
    lines.push(`| (process start → modules loaded) | ${f0(median(cold.map((x) => x.loadMs)))} | – | – |`);
    lines.push(`| (Chromium start: openRenderer) | ${f0(median(cold.map((x) => x.browserMs)))} | – | – |`);
    for (const s of STAGES)
      lines.push(
        `| ${s}${s === "protect" ? ` (of which audit: cold ${f0(median(cold.map((b) => b.build!.auditMs)))}, warm ${f0(median(warm.map((b) => b.auditMs)))})` : ""} | ${f0(c(s))} | ${f0(w(s))} | ${pct(w(s) / warmTotal)} |`,
      );
    lines.push(`| **build (sum of the stages)** | ${f0(coldBuild)} | ${f0(warmTotal)} | 100% |`);
    lines.push(`| the tool's own stages (all but render: pdf) | ${f0(own(c))} | ${f0(own(w))} | ${pct(own(w) / warmTotal)} |`);
    lines.push(`| cold, process start → PDF | ${f0(coldWall)} | – | – |`);
    lines.push("");
    lines.push("| floor (bare Chromium, same HTML, setContent + page.pdf) | cold (ms) | warm (ms) |");
    lines.push("| --- | ---: | ---: |");
    lines.push(`| print only | ${f0(floorColdPrint)} | ${f0(floorWarm)} |`);
    lines.push(`| process start → PDF (load, Chromium start, print) | ${f0(floorColdWall)} | – |`);
    lines.push("");
    lines.push("What src/render/pdf.ts adds to the floor, warm (the floor browser, each step on top of the one above; medians):", "");
    lines.push("| print | warm (ms) |");
    lines.push("| --- | ---: |");
    lines.push(`| floor: one page kept open, setContent + page.pdf | ${f0(floorWarm)} |`);
    for (const [name] of VARIANTS) lines.push(`| ${name} | ${f0(median(variantMs.get(name)!))} |`);
    lines.push(`| finishPdf on the floor's PDF (pdf-lib: load, metadata, one save) | ${f0(median(finishMs))} |`);
    lines.push(`| our render: pdf (renderer.pdf: all of the above) | ${f0(w("render: pdf"))} |`);
    lines.push("");
    lines.push(`- warm build / warm floor: **${(warmTotal / floorWarm).toFixed(2)}×** (target ≤ 1.3×)`);
    lines.push(`- cold build (process start → PDF) / cold floor (process start → PDF): **${(coldWall / floorColdWall).toFixed(2)}×**`);
    lines.push(`- the tool's own stages, warm: **${pct(own(w) / warmTotal)}** of the build (target < 20%)`);
    lines.push(
      `- render: pdf − floor print, warm: ${f0(w("render: pdf") - floorWarm)} ms, of which finishPdf (pdf-lib, timed on the floor's PDF): ${f0(median(finishMs))} ms`,
    );
    lines.push(
      `- build() of src/pipeline.ts (ingest → audit, no render), warm: ${f0(median(pipelineMs))} ms; stage split gives the same figures as build(): ${sameAsBuild}; warm PDFs byte-identical: ${identical ? "yes" : "NO"}`,
    );
    const ww = (st: Stage) => median(watchBuilds.map((b) => b.ms[st]));
    const watchTotal = median(watchBuilds.map((b) => b.totalMs));
    const watchFloor = median(watchFloorMs);
    lines.push("");
    lines.push(
      `\`build --watch\`, a rebuild after an edit of the text (a sentence added to the verslag; the figures unchanged), in the same process: median of ${reps}, each followed by a floor print of its own HTML. The protection and the charts come from the session's memo; everything else, the audit included, runs again (memo: ${memo.hits} hits, ${memo.misses} misses).`,
      "",
    );
    lines.push("| stage | --watch rebuild (ms) | share |");
    lines.push("| --- | ---: | ---: |");
    for (const st of STAGES)
      lines.push(
        `| ${st}${st === "protect" ? ` (of which audit ${f0(median(watchBuilds.map((b) => b.auditMs)))})` : ""} | ${f0(ww(st))} | ${pct(ww(st) / watchTotal)} |`,
      );
    lines.push(`| **build (sum of the stages)** | ${f0(watchTotal)} | 100% |`);
    lines.push(`| the tool's own stages (all but render: pdf) | ${f0(own(ww))} | ${pct(own(ww) / watchTotal)} |`);
    lines.push(`| floor: print of the same HTML | ${f0(watchFloor)} | |`);
    lines.push("");
    lines.push(
      `- --watch rebuild / its floor: **${(watchTotal / watchFloor).toFixed(2)}×** (target ≤ 1.3×); the tool's own stages **${pct(own(ww) / watchTotal)}** (target < 20%)`,
    );
    console.log(lines.join("\n"));
  } finally {
    await renderer.close();
    await floor.close();
  }
}

/** The same input with a sentence added to the year's verslag: a text edit that changes no figure. */
function withEditedText(raw: RawInput, jaar: number, n: number): RawInput {
  return {
    ...raw,
    verslagen: raw.verslagen.map((v) =>
      v.jaar === jaar ? { ...v, bytes: Buffer.concat([Buffer.from(v.bytes), Buffer.from(`\n\nBewerking ${n + 1} van de tekst.\n`)]) } : v,
    ),
  };
}

const argv = process.argv.slice(2);
if (argv[0] === "--child") {
  const r = argv[1] === "cold" ? await childCold(argv[2]!, Number(argv[3])) : await childFloorCold();
  process.stdout.write(JSON.stringify(r) + "\n");
} else if (import.meta.url === `file://${process.argv[1]}`) {
  await parent(argv);
}
