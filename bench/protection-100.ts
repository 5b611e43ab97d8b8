// The 100× protection run on its own, with a line per phase (bench/protection.ts prints only at
// the end): `timeout 3000 node --import tsx bench/protection-100.ts`. See BENCHMARKS.md section 4.
import { attack, suppress } from "../src/protect/engine/index.ts";
import { reportTables } from "./protection-tables.ts";
const problem = reportTables(1500);
console.log(
  new Date().toISOString(),
  "cells",
  problem.cells.length,
  "vars",
  problem.vars.length,
  "primaries",
  problem.cells.filter((c) => c.status === "primary").length,
);
const t0 = performance.now();
const r = await suppress(problem, { insider: true });
const t1 = performance.now();
console.log(
  new Date().toISOString(),
  "suppress s",
  ((t1 - t0) / 1000).toFixed(1),
  "secondary",
  r.secondary.length,
  "optimal",
  r.optimal,
  "iterations",
  r.iterations,
);
const sup = new Set(r.suppressed);
const res = await attack({
  vars: problem.vars,
  published: problem.cells.filter((c) => !sup.has(c.id)).map((c) => ({ id: c.id, terms: c.terms, value: c.value })),
  suppressed: problem.cells.filter((c) => sup.has(c.id)).map((c) => ({ id: c.id, terms: c.terms, requiredWidth: c.requiredWidth })),
  facts: problem.facts,
  insider: true,
});
console.log(
  new Date().toISOString(),
  "attack s",
  ((performance.now() - t1) / 1000).toFixed(1),
  "all ok",
  res.every((x) => x.ok),
);
