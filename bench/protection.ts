// Benchmark of the protection engine:
//   npx tsx bench/protection.ts [--scale 1|10|100] [--reps N] [--runs N] [--variants on,off]
//
// Tables the shape of a 15-year jaarverslag (bench/protection-tables.ts): aard (12) × jaar,
// herkomst (3) × jaar and status (3) × jaar with row totals, linked through the year totals and
// the grand total; 10× and 100× multiply the years. Measures `suppress` + a final full `attack`
// of the result (the audit), each in a fresh child process: the first report in a process is
// "cold" (HiGHS's WebAssembly not yet optimised by V8), later ones "warm". Variants, alternating
// in the same run: "on" = the engine as it is; "off" = without restricted MIPs (every MIP the
// LP cannot settle is solved in full: the engine before that change). Not a test; asserts no time.

import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { attack, suppress } from "../src/protect/engine/index.ts";
import { machineLine } from "./machine.ts";
import { reportTables } from "./protection-tables.ts";

interface Run {
  suppress: number;
  attack: number;
  secondary: number;
  suppressedValue: number;
  iterations: number;
  optimal: boolean;
  allOk: boolean;
  /** Intervals as text: the variants must agree exactly. */
  fingerprint: string;
}

async function protectOnce(years: number, restrictedMips: boolean): Promise<Run> {
  const problem = reportTables(years);
  const t0 = performance.now();
  const result = await suppress(problem, { insider: true, restrictedMips });
  const t1 = performance.now();
  const suppressed = new Set(result.suppressed);
  const intervals = await attack(
    {
      vars: problem.vars,
      published: problem.cells.filter((c) => !suppressed.has(c.id)).map((c) => ({ id: c.id, terms: c.terms, value: c.value })),
      suppressed: problem.cells
        .filter((c) => suppressed.has(c.id))
        .map((c) => ({ id: c.id, terms: c.terms, requiredWidth: c.requiredWidth })),
      facts: problem.facts,
      insider: true,
    },
    { restrictedMips },
  );
  const t2 = performance.now();
  return {
    suppress: (t1 - t0) / 1000,
    attack: (t2 - t1) / 1000,
    secondary: result.secondary.length,
    suppressedValue: problem.cells.filter((c) => suppressed.has(c.id)).reduce((s, c) => s + c.value, 0),
    iterations: result.iterations,
    optimal: result.optimal,
    allOk: intervals.every((iv) => iv.ok),
    fingerprint: [...result.suppressed, ...intervals.map((iv) => `${iv.id}:${iv.lo}:${iv.hi}:${iv.scenario}`)].join("|"),
  };
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

if (process.argv[2] === "--child") {
  // --child YEARS VARIANT REPS: one process, REPS reports in a row.
  const years = Number(process.argv[3]);
  const on = process.argv[4] === "on";
  const runs: Run[] = [];
  for (let r = 0; r < Number(process.argv[5]); r++) runs.push(await protectOnce(years, on));
  process.stdout.write(JSON.stringify(runs));
  process.exit(0);
}

const scale = Number(arg("--scale", "1"));
const reps = Number(arg("--reps", "3"));
const processes = Number(arg("--runs", "3"));
const variants = arg("--variants", "on,off").split(",");
const load0 = loadavg();
const sizes = [
  { label: "15 jaar (1×)", years: 15 },
  { label: "150 jaar (10×)", years: 150 },
  { label: "1500 jaar (100×)", years: 1500 },
].filter((s) => s.years / 15 <= scale);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0
    ? NaN
    : s.length % 2
      ? (s[(s.length - 1) / 2] as number)
      : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};
const f2 = (x: number): string => (Number.isNaN(x) ? "–" : x.toFixed(2));

const lines: string[] = [];
for (const size of sizes) {
  const byVariant = new Map<string, Run[][]>(variants.map((v) => [v, []]));
  for (let p = 0; p < processes; p++) {
    for (const v of variants) {
      console.error(`${size.label}, ${v}, proces ${p + 1}/${processes} ...`);
      const out = execFileSync(
        process.execPath,
        [...process.execArgv, process.argv[1] as string, "--child", String(size.years), v, String(reps)],
        {
          encoding: "utf8",
          maxBuffer: 1 << 28,
        },
      );
      byVariant.get(v)?.push(JSON.parse(out) as Run[]);
    }
  }
  const problem = reportTables(size.years);
  const fingerprints = new Set([...byVariant.values()].flat(2).map((r) => r.fingerprint));
  for (const v of variants) {
    const procs = byVariant.get(v) ?? [];
    const cold = procs.map((runs) => runs[0] as Run);
    const warm = procs.flatMap((runs) => runs.slice(1));
    const r = cold[0] as Run;
    const cs = median(cold.map((x) => x.suppress));
    const ca = median(cold.map((x) => x.attack));
    const ws = median(warm.map((x) => x.suppress));
    const wa = median(warm.map((x) => x.attack));
    lines.push(
      `| ${size.label} | ${v} | ${problem.cells.length} | ${problem.vars.length} | ${problem.cells.filter((c) => c.status === "primary").length} | ` +
        `${r.secondary} | ${r.suppressedValue} | ${r.iterations} | ${r.optimal ? "ja" : "nee"} | ${f2(cs)} | ${f2(ca)} | **${f2(cs + ca)}** | ` +
        `${f2(ws)} | ${f2(wa)} | **${f2(ws + wa)}** | ${[...cold, ...warm].every((x) => x.allOk) ? "ja" : "NEE"} |`,
    );
  }
  lines.push(
    `| | | | | | | | | | | | ${fingerprints.size === 1 ? "alle runs: zelfde patroon en intervallen" : "**runs verschillen**"} | | | | |`,
  );
}

console.log(machineLine(load0));
console.log();
console.log(
  `Each variant: ${processes} fresh processes, alternating; in each, ${reps} reports in a row. Cold = the first report of a process (median over the processes), warm = the later ones (median).`,
);
console.log();
console.log(
  "| tabellen | variant | cellen | variabelen | primair | secundair | onderdrukte waarde | iteraties | optimaal | koud: suppress (s) | koud: attack (s) | koud: samen (s) | warm: suppress (s) | warm: attack (s) | warm: samen (s) | alles ok |",
);
console.log("|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|");
for (const l of lines) console.log(l);
