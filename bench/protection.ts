// Benchmark of the protection engine: `npx tsx bench/protection.ts [maxScale]`.
//
// Generates linked tables the shape of a 15-year jaarverslag: aard (12) × jaar, herkomst (3) ×
// jaar and status (3) × jaar, each with row totals, sharing the year totals and the grand total,
// over inner variables aard × herkomst × status × jaar. Larger sizes multiply the number of
// years (10× and 100× as many cells and variables). Measures `suppress` + a final `attack` of the
// published result. Prints a markdown table. Timings are machine-dependent; not a test.

import { attack, suppress } from "../src/protect/engine/index.ts";
import { reportTables } from "./protection-tables.ts";

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
