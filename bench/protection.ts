// Benchmark of the protection engine: `npx tsx bench/protection.ts [maxScale]`.
//
// Generates linked tables the shape of a 15-year jaarverslag: aard (12) × jaar, herkomst (3) ×
// jaar and status (3) × jaar, each with row totals, sharing the year totals and the grand total,
// over inner variables aard × herkomst × status × jaar. Larger sizes multiply the number of
// years (10× and 100× as many cells and variables). Measures `suppress` + a final `attack` of the
// published result. Prints a markdown table. Timings are machine-dependent; not a test.

import { attack, suppress } from "../src/protect/engine/index.ts";
import type { EngineCell, SuppressionProblem } from "../src/protect/engine/index.ts";
import { mulberry32 } from "../scripts/prng.ts";

const THRESHOLD = 5;
const REQUIRED_WIDTH = 4;

/** Deterministic, so every run benchmarks the same tables. */
const rng = mulberry32;

function poisson(random: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

export function reportTables(years: number, seed = 1): SuppressionProblem {
  const random = rng(seed);
  const A = 12;
  const H = 3;
  const S = 3;
  const index = (a: number, h: number, s: number, y: number): number => ((y * A + a) * H + h) * S + s;
  const values: number[] = [];
  for (let y = 0; y < years; y++) {
    for (let a = 0; a < A; a++) {
      // Rare kinds of melding give the small (unsafe) cells.
      const lambda = 3.5 * 0.84 ** a;
      for (let h = 0; h < H; h++) for (let s = 0; s < S; s++) values[index(a, h, s, y)] = poisson(random, lambda);
    }
  }
  const vars = values.map(() => ({ integer: true }));
  const cells: EngineCell[] = [];
  const add = (id: string, terms: number[]): void => {
    const value = terms.reduce((sum, t) => sum + (values[t] ?? 0), 0);
    const primary = value > 0 && value < THRESHOLD;
    cells.push({
      id,
      terms,
      value,
      status: primary ? "primary" : "candidate",
      requiredWidth: primary ? REQUIRED_WIDTH : 0,
      cost: value,
    });
  };
  const all = (pred: (a: number, h: number, s: number, y: number) => boolean): number[] => {
    const out: number[] = [];
    for (let y = 0; y < years; y++)
      for (let a = 0; a < A; a++)
        for (let h = 0; h < H; h++) for (let s = 0; s < S; s++) if (pred(a, h, s, y)) out.push(index(a, h, s, y));
    return out;
  };
  const pad = (n: number): string => String(n).padStart(4, "0");
  for (let y = 0; y < years; y++) {
    add(`jaar:${pad(y)}`, all((_a, _h, _s, yy) => yy === y));
    for (let a = 0; a < A; a++) add(`aard:${a}:${pad(y)}`, all((aa, _h, _s, yy) => aa === a && yy === y));
    for (let h = 0; h < H; h++) add(`herkomst:${h}:${pad(y)}`, all((_a, hh, _s, yy) => hh === h && yy === y));
    for (let s = 0; s < S; s++) add(`status:${s}:${pad(y)}`, all((_a, _h, ss, yy) => ss === s && yy === y));
  }
  for (let a = 0; a < A; a++) add(`aard:${a}:totaal`, all((aa) => aa === a));
  for (let h = 0; h < H; h++) add(`herkomst:${h}:totaal`, all((_a, hh) => hh === h));
  for (let s = 0; s < S; s++) add(`status:${s}:totaal`, all((_a, _h, ss) => ss === s));
  add("totaal", all(() => true));
  return { vars, cells, facts: [] };
}

interface Row {
  label: string;
  cells: number;
  vars: number;
  primaries: number;
  secondary: number;
  suppressedValue: number;
  iterations: number;
  optimal: boolean;
  suppressSeconds: number;
  attackSeconds: number;
  allOk: boolean;
}

async function measure(label: string, years: number): Promise<Row> {
  const problem = reportTables(years);
  const t0 = performance.now();
  const result = await suppress(problem, { insider: true });
  const t1 = performance.now();
  const suppressed = new Set(result.suppressed);
  const intervals = await attack({
    vars: problem.vars,
    published: problem.cells.filter((c) => !suppressed.has(c.id)).map((c) => ({ id: c.id, terms: c.terms, value: c.value })),
    suppressed: problem.cells
      .filter((c) => suppressed.has(c.id))
      .map((c) => ({ id: c.id, terms: c.terms, requiredWidth: c.requiredWidth })),
    facts: problem.facts,
    insider: true,
  });
  const t2 = performance.now();
  return {
    label,
    cells: problem.cells.length,
    vars: problem.vars.length,
    primaries: problem.cells.filter((c) => c.status === "primary").length,
    secondary: result.secondary.length,
    suppressedValue: problem.cells.filter((c) => suppressed.has(c.id)).reduce((s, c) => s + c.value, 0),
    iterations: result.iterations,
    optimal: result.optimal,
    suppressSeconds: (t1 - t0) / 1000,
    attackSeconds: (t2 - t1) / 1000,
    allOk: intervals.every((iv) => iv.ok),
  };
}

const sizes: [string, number][] = [
  ["15 jaar (1×)", 15],
  ["150 jaar (10×)", 150],
  ["1500 jaar (100×)", 1500],
];
// Default: 1× and 10×. 100× is not run by default: at 10× one attacker MIP already takes ~0.7 s
// and there are ~10× as many primaries, so 100× would take hours (pass 100 to try anyway).
const maxScale = Number(process.argv[2] ?? 10);

const rows: (Row | { label: string; cells: number; vars: number; primaries: number; skipped: true })[] = [];
for (const [label, years] of sizes) {
  if (years / 15 > maxScale) {
    // Sizes only, no run: see the note printed below the table.
    const problem = reportTables(years);
    const primaries = problem.cells.filter((c) => c.status === "primary").length;
    rows.push({ label, cells: problem.cells.length, vars: problem.vars.length, primaries, skipped: true });
    continue;
  }
  console.error(`${label} ...`);
  rows.push(await measure(label, years));
}

console.log("| tabellen | cellen | variabelen | primair | secundair | onderdrukte waarde | iteraties | optimaal | suppress (s) | attack (s) | alles ok |");
console.log("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---|");
for (const r of rows) {
  if ("skipped" in r) {
    console.log(`| ${r.label} | ${r.cells} | ${r.vars} | ${r.primaries} | – | – | – | – | niet gedraaid | – | – |`);
    continue;
  }
  console.log(
    `| ${r.label} | ${r.cells} | ${r.vars} | ${r.primaries} | ${r.secondary} | ${r.suppressedValue} | ${r.iterations} | ` +
      `${r.optimal ? "ja" : "nee"} | ${r.suppressSeconds.toFixed(2)} | ${r.attackSeconds.toFixed(2)} | ${r.allOk ? "ja" : "NEE"} |`,
  );
}
if (rows.some((r) => "skipped" in r)) {
  console.log(`\nNiet gedraaid boven ${maxScale}× (geef de schaal mee als argument, bv. \`npx tsx bench/protection.ts 100\`).`);
}
