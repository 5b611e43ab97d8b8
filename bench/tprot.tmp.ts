import { readRawInput } from "../src/ingest/raw-input.ts";
import { ingestAll } from "../src/ingest/index.ts";
import { validate } from "../src/validate/index.ts";
import { aggregate } from "../src/aggregate/index.ts";
import { describeReportSet } from "../src/protect/describe-set.ts";
import { protect } from "../src/protect/index.ts";
const raw = readRawInput("data");
const d = validate(await ingestAll(raw, {}), { jaar: 2026, maand: 12 } as any).dataset!;
for (const y of [2019, 2020, 2021]) {
  const agg = aggregate(d, y);
  const desc = describeReportSet(agg, d, { audience: "openbaar", k: 5 });
  const t = performance.now(); const p = await protect(desc, { k: 5, protectZeros: false, dominance: 0.85 }, []);
  console.log(y, (performance.now() - t).toFixed(0), "ms", p.suppressed.size, p.informatie);
  for (const e of p.presentatie!) console.log("  ", JSON.stringify(e.indeling), e.schatting, e.maat, e.gekozen);
  for (const t of p.description.tables.filter(t => t.id.startsWith("aard") || t.id.endsWith("periode"))) {
    console.log("  ", t.id); for (const r of t.rows) console.log("     ", r.label.padEnd(45), t.columns.map(c => { const cell = t.cells.find(x => x.row === r.key && x.column === c.key)!; return p.suppressed.has(`${cell.universe}:${Object.keys(cell.scope).sort().map(k=>`${k}=${[...cell.scope[k]!].sort().join("+")}`).join(";")}`) ? `x(${cell.value})` : String(cell.value); }).join(" | "));
  }
}
