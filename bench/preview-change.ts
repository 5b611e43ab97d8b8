// Benchmark (not a test): the workspace preview's build after a registration change, in one
// process without the browser: the session as before (memo only) and with the suppression
// pool (src/werkplaats/suppress-pool.ts, which keeps results per independent block),
// alternating on the same files. One melding's hours change each time (a new value: the
// protection of that hours block cannot be reused). Checks that both give the same HTML. For a profile, `--variants memo`:
//
//   npx tsx bench/preview-change.ts [--changes 5] [--variants memo,pool]
//   node --cpu-prof --cpu-prof-dir=/tmp/jaarverslag-bench/prof-preview --import tsx bench/preview-change.ts --variants memo
//   npx tsx bench/cpuprofile-top.ts /tmp/jaarverslag-bench/prof-preview --top 30
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Memo } from "../src/memo.ts";
import { previewReport, readRegistration } from "../src/werkplaats/actions.ts";
import { SuppressPool } from "../src/werkplaats/suppress-pool.ts";
import { machineLine } from "./machine.ts";

const ROOT = join(import.meta.dirname, "..");
const flag = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const CHANGES = Number(flag("changes") ?? 5);
const VARIANTS = (flag("variants") ?? "memo,pool").split(",");
const load0 = loadavg();
const dir = mkdtempSync(join(tmpdir(), "jaarverslag-bench-preview-"));
const dataDir = join(dir, "data");
cpSync(join(ROOT, "data"), dataDir, { recursive: true, filter: (src) => !src.includes("gepubliceerd") });
const csvPath = join(dataDir, "meldingen.csv");
const csv = readFileSync(csvPath, "utf8");
const row = csv.split("\n").find((l) => l.startsWith("M2021-01,"))!;
const variant = (k: number): string => {
  const cells = row.split(",");
  cells[6] = (1 + k / 2).toFixed(1);
  return csv.replace(row, cells.join(","));
};

// The memo's steps, timed (each compute runs alone: the build is sequential).
const steps = new Map<string, number[]>();
class TimedMemo extends Memo {
  override get<T>(kind: string, key: unknown, compute: () => Promise<T>): Promise<T> {
    return super.get(kind, key, async () => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const value = await compute();
      const c = process.cpuUsage(c0);
      steps.set(kind, [...(steps.get(kind) ?? []), (c.user + c.system) / 1000, performance.now() - t0]);
      return value;
    });
  }
}
const sessions = new Map(VARIANTS.map((v) => [v, { memo: new TimedMemo(), pool: v === "pool" ? new SuppressPool() : null }]));
const wall = new Map<string, number[]>(VARIANTS.map((v) => [v, []]));
const cpu = new Map<string, number[]>(VARIANTS.map((v) => [v, []]));
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const run = async (label: string, v: string, record: boolean): Promise<string> => {
  const { memo, pool } = sessions.get(v)!;
  const solved0 = pool?.solved ?? 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await previewReport(readRegistration(dataDir), dataDir, 2021, "openbaar", memo, pool?.protection);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const parts = [...steps].map(([kind, xs]) => `${kind} ${xs[0]!.toFixed(0)}/${xs[1]!.toFixed(0)}`).join(", ");
  steps.clear();
  const blocks = pool ? `; blocks solved in the pool: ${pool.solved - solved0}` : "";
  console.log(`${label} ${v}: ${ms.toFixed(0)} ms, CPU ${cpuMs.toFixed(0)} ms (steps computed, CPU/wall ms: ${parts || "none"}${blocks})`);
  if (record) {
    wall.get(v)!.push(ms);
    cpu.get(v)!.push(cpuMs);
  }
  return r.html;
};
for (const v of VARIANTS) await run("first build", v, false);
for (let k = 0; k < CHANGES; k++) {
  writeFileSync(csvPath, variant(k));
  const order = k % 2 ? [...VARIANTS].reverse() : VARIANTS;
  const html = new Set<string>();
  for (const v of order) html.add(await run(`change ${k}`, v, true));
  if (html.size !== 1) throw new Error(`change ${k}: the variants gave different HTML`);
}
for (const v of VARIANTS)
  console.log(`${v}: median ${median(wall.get(v)!).toFixed(0)} ms, CPU ${median(cpu.get(v)!).toFixed(0)} ms (n=${wall.get(v)!.length})`);
if (VARIANTS.length > 1) console.log(`the variants gave the same HTML for every change`);
console.log(machineLine(load0));
for (const { pool } of sessions.values()) await pool?.close();
