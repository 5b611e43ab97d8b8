// Summarises a V8 CPU profile (node --cpu-prof) by function: self and inclusive time.
//
//   node --cpu-prof --cpu-prof-dir=/tmp/jaarverslag-bench/prof --import tsx bench/ingest.ts --child ours /tmp/jaarverslag-bench/data-1000000
//   npx tsx bench/cpuprofile-top.ts /tmp/jaarverslag-bench/prof [--top 25]
//
// With tsx, node writes one profile per thread; the main thread's is the one whose name has
// ".0.001." (the loader thread's is ".1."); a directory argument picks that one.

import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
}

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

const argv = process.argv.slice(2);
let path = argv[0];
if (!path) throw new Error("geef een .cpuprofile of een map met profielen");
if (statSync(path).isDirectory()) {
  const files = readdirSync(path).filter((f) => f.endsWith(".cpuprofile"));
  const main = files.find((f) => f.includes(".0.001.")) ?? files.sort()[0];
  if (!main) throw new Error(`geen .cpuprofile in ${path}`);
  path = join(path, main);
}
const top = Number(flag(argv, "top") ?? 25);
const prof = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const hits = new Map<number, number>();
prof.samples.forEach((s, i) => hits.set(s, (hits.get(s) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const total = [...hits.values()].reduce((a, b) => a + b, 0);
const key = (n: CpuNode) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").slice(-2).join("/")}`;
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, t] of hits) {
  const k = key(byId.get(id)!);
  self.set(k, (self.get(k) ?? 0) + t);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const kk = key(byId.get(cur)!);
    if (seen.has(kk)) continue;
    seen.add(kk);
    inclusive.set(kk, (inclusive.get(kk) ?? 0) + t);
  }
}
const table = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, t]) => `| ${(t / 1000).toFixed(0)} | ${((100 * t) / total).toFixed(1)}% | \`${k}\` |`)
    .join("\n");
console.log(`Profile ${path}: ${(total / 1000).toFixed(0)} ms sampled.\n`);
console.log("| self (ms) | share | function |\n| ---: | ---: | --- |\n" + table(self) + "\n");
console.log("| inclusive (ms) | share | function |\n| ---: | ---: | --- |\n" + table(inclusive));
