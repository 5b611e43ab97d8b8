// Benchmark: many organisations × the VPOO jaarverslag in one process, one browser, pages
// rendered in parallel. Not a test.
//
//   npx tsx bench/many.ts [--orgs 100] [--parallel 1,2,3,4] [--year 2021]
//
// The organisations are copies of data/ with their own synthetic meldingen.csv (bench/gen-
// meldingen.ts: 60–160 meldingen over 2018–2021, each with its own seed, herkomst mix and share
// of joint handling) and their own name, under /tmp/jaarverslag-bench/orgs.
//
// For each level of parallelism P, every organisation's report is built (ingest → … → render,
// the stages of bench/build-stages.ts) by P concurrent tasks sharing one renderer (one
// Chromium); Node's own work interleaves on its single thread while Chromium prints other pages.
// P = 1 is the warm sequential baseline of the same run (bench/build.ts's warm build, per
// organisation). A first pass over all organisations (P = 1, not measured) warms up the JIT and
// checks that every organisation builds.
//
// CPU: Node's own time is process.cpuUsage(); Chromium's is read from /proc: the CPU time of
// every live process under Node plus what they reaped (utime + stime + cutime + cstime), taken
// just before and after each level. Utilisation = (Node + Chromium CPU) / (wall × cores).

import { readFileSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { machineLine } from "./machine.ts";
import { loadavg } from "node:os";
import { makeDataFolder } from "./gen-meldingen.ts";
import { timedBuild } from "./build-stages.ts";
import { readRawInput } from "../src/ingest/raw-input.ts";
import { openRenderer } from "../src/render/pdf.ts";
import { renderOutputs } from "../src/render/outputs.ts";
import { ALL_DOCUMENTS, build } from "../src/pipeline.ts";

const ORGS = "/tmp/jaarverslag-bench/orgs";
const TICK_MS = 10; // USER_HZ = 100 on Linux

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** Deterministic variety per organisation. */
export async function makeOrganisations(count: number): Promise<string[]> {
  const dirs: string[] = [];
  for (let i = 1; i <= count; i++) {
    const dir = join(ORGS, `org-${String(i).padStart(3, "0")}`);
    const n = 60 + ((i * 37) % 101); // 60 … 160 meldingen
    const w = (i * 7919) % 5;
    await makeDataFolder(dir, n, {
      seed: 1000 + i,
      organisatie: `Organisatie ${String(i).padStart(3, "0")}`,
      herkomstWeights: [1 + (w % 3), 2 + w, 1 + ((w + 1) % 2)],
      jointShare: 0.05 + (i % 4) * 0.05,
      vpiShare: 0.05 + (i % 3) * 0.03,
    });
    dirs.push(dir);
  }
  return dirs;
}

/** CPU ms of all live descendants of `root` (and what they reaped), from /proc. */
function descendantsCpuMs(root: number): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // fields[0] = state (field 3); ppid = field 4; utime..cstime = fields 14..17
      parent.set(Number(name), Number(fields[1]));
      cpu.set(Number(name), (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * TICK_MS);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  for (const [pid, ms] of cpu) {
    let p: number | undefined = parent.get(pid);
    while (p !== undefined && p !== root && p > 1) p = parent.get(p);
    if (p === root) total += ms;
  }
  return total;
}

/** Runs `tasks` with at most `parallel` at a time, in order of start. */
async function pool<T>(items: T[], parallel: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

interface Level {
  parallel: number;
  wallMs: number;
  docs: number;
  nodeCpuMs: number;
  chromiumCpuMs: number;
  pages: number;
  bytes: number;
}

async function main(argv: string[]): Promise<void> {
  const count = Number(flag(argv, "orgs") ?? 100);
  const levels = (flag(argv, "parallel") ?? "1,2,3,4").split(",").map(Number);
  const jaar = Number(flag(argv, "year") ?? 2021);
  // --all: every document (VPOO, VPI, klachtencommissie, oplegnotitie, SJV feed, bundle).
  const all = argv.includes("--all");
  const cores = availableParallelism();
  const load0 = loadavg();
  const t0 = performance.now();
  const dirs = await makeOrganisations(count);
  const raws = dirs.map((d) => readRawInput(d));
  console.error(`${count} organisations in ${ORGS} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const now = new Date();
  const opts = { jaar, audience: "openbaar" as const, vandaag: { jaar: now.getFullYear(), maand: now.getMonth() + 1 } };

  const renderer = await openRenderer();
  const results: Level[] = [];
  try {
    // Warm-up pass: every organisation once, sequentially; also checks that all build.
    const refused: string[] = [];
    for (let i = 0; i < raws.length; i++) {
      try {
        await timedBuild(raws[i]!, opts, renderer);
      } catch (e) {
        refused.push(`${dirs[i]}: ${(e as Error).message}`);
      }
    }
    if (refused.length > 0) throw new Error(`not every organisation builds:\n${refused.join("\n")}`);
    console.error(`warm-up: all ${count} build`);

    for (const parallel of levels) {
      const cpu0 = process.cpuUsage();
      const chr0 = descendantsCpuMs(process.pid);
      const start = performance.now();
      let pages = 0;
      let bytes = 0;
      let docs = 0;
      const countPdf = (pdf: Uint8Array) => {
        bytes += pdf.length;
        pages += (new TextDecoder("latin1").decode(pdf).match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      };
      await pool(raws, parallel, async (raw) => {
        if (!all) {
          countPdf((await timedBuild(raw, opts, renderer)).pdf);
          docs++;
          return;
        }
        // Every document of issue 5: the pipeline and the render stage exactly as the CLI runs them.
        const r = await build(raw, { ...opts, ledger: [], documents: ALL_DOCUMENTS });
        if (!r.ok) throw new Error(r.problems[0]?.melding ?? "geweigerd");
        const files = await renderOutputs(r.documents, {
          dir: "/tmp/jaarverslag-bench/many-out",
          jaar,
          vertrouwelijk: false,
          creationDate: r.creationDate,
          bundle: true,
          progress: () => undefined,
          renderer,
        });
        for (const f of files) {
          if (f.path.endsWith(".pdf")) {
            countPdf(f.content as Uint8Array);
            docs++;
          }
          if (f.path.endsWith(".csv")) docs++; // the Sociaal Jaarverslag feed
        }
      });
      const wallMs = performance.now() - start;
      const cpu = process.cpuUsage(cpu0);
      const chromiumCpuMs = descendantsCpuMs(process.pid) - chr0;
      results.push({ parallel, wallMs, docs, nodeCpuMs: (cpu.user + cpu.system) / 1000, chromiumCpuMs, pages, bytes });
      console.error(`parallel ${parallel}: ${(wallMs / 1000).toFixed(1)} s, ${(docs / (wallMs / 1000)).toFixed(2)} docs/s`);
    }
  } finally {
    await renderer.close();
  }

  const base = results.find((r) => r.parallel === 1);
  const lines: string[] = [];
  lines.push(machineLine(load0), "");
  lines.push(
    `${count} organisations × ${all ? "all documents (5 PDFs incl. the bundle, and the SJV feed)" : "jaarverslag VPOO"} ${jaar} (openbaar), one Node process, one Chromium (one renderer), ${cores} cores. Each level builds every organisation once.`,
    "",
  );
  lines.push(
    "| pages at a time | wall (s) | documents/s | ms per document | ratio to sequential warm (P = 1) | Node CPU / wall | Chromium CPU / wall | utilisation of both cores (Node + Chromium) | Node-only utilisation (process.cpuUsage / (wall × cores)) |",
  );
  lines.push("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    const perDoc = r.wallMs / r.docs;
    lines.push(
      `| ${r.parallel} | ${(r.wallMs / 1000).toFixed(1)} | ${(r.docs / (r.wallMs / 1000)).toFixed(2)} | ${perDoc.toFixed(0)} | ${base ? (perDoc / (base.wallMs / base.docs)).toFixed(2) + "×" : ""} | ${(r.nodeCpuMs / r.wallMs).toFixed(2)} | ${(r.chromiumCpuMs / r.wallMs).toFixed(2)} | ${((100 * (r.nodeCpuMs + r.chromiumCpuMs)) / (r.wallMs * cores)).toFixed(0)}% | ${((100 * r.nodeCpuMs) / (r.wallMs * cores)).toFixed(0)}% |`,
    );
  }
  lines.push("", `Pages per level: ${results[0]?.pages} (${((results[0]?.bytes ?? 0) / 2 ** 20).toFixed(1)} MB of PDF).`);
  console.log(lines.join("\n"));
}

await main(process.argv.slice(2));
