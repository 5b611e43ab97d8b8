// The information measure (src/protect/information.ts) of the example data's reports, built in
// order as the counsellors would: 2018 → 2021, each year the public version and then the
// confidential one, every document (--all), each build with the ledger of the builds before
// it. Run against this tree, or against another checkout of the tool (the "before"):
//
//   npx tsx bench/information.ts                 # this tree
//   npx tsx bench/information.ts /tmp/before     # e.g. git archive e8460fd | tar -x -C /tmp/before
//   ORDER=vertrouwelijk-eerst npx tsx bench/information.ts   # each year the confidential set first
//
// The measure is always computed by this tree's information.ts, from what each build prints.
import { resolve } from "node:path";
import { aggregate } from "../src/aggregate/index.ts";
import { informationMeasure } from "../src/protect/information.ts";
import { ingestAll } from "../src/ingest/index.ts";
import { validate } from "../src/validate/index.ts";
import { scopeKey } from "../src/protect/universe.ts";
import type { Figure } from "../src/present/figures.ts";

const root = resolve(process.argv[2] ?? ".");
const pipeline = await import(`${root}/src/pipeline.ts`);
const { readRawInput } = await import(`${root}/src/ingest/raw-input.ts`);
const raw = readRawInput(resolve("data"));
const vandaag = { jaar: 2026, maand: 12 };
const d = validate(await ingestAll(raw, {}), vandaag as never).dataset!;
// The hand-made reports' counts of distinct figures for the year (issue 13): 2019 20, 2020 29.
const REAL: Record<number, string> = { 2018: "–", 2019: "20", 2020: "29", 2021: "–" };

const ledger: unknown[] = [];
console.log(`root: ${root}`);
console.log(
  "| jaar | publiek | aard ≥ groep | aard categorie | herkomst/status gedrukt | splitsing herkomst | cijfers | handgemaakt | vertrouwelijk extra | tijd |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
const publicFigures = new Map<number, Figure[]>();
for (const jaar of [2018, 2019, 2020, 2021]) {
  const order =
    process.env["ORDER"] === "vertrouwelijk-eerst" ? (["vertrouwelijk", "openbaar"] as const) : (["openbaar", "vertrouwelijk"] as const);
  for (const audience of order) {
    const t0 = performance.now();
    const r = await pipeline.build(raw, { jaar, audience, vandaag, ledger: [...ledger], documents: pipeline.ALL_DOCUMENTS });
    const ms = performance.now() - t0;
    if (!r.ok) {
      console.log(
        `| ${jaar} | ${audience} | geweigerd: ${r.problems
          .map((p: { melding: string }) => p.melding)
          .join("; ")
          .slice(0, Number(process.env["MSG"] ?? 120))} |`,
      );
      continue;
    }
    for (const doc of r.documents) ledger.push(doc.ledgerEntry);
    const figures: Figure[] = r.documents.flatMap((doc: { figures: { figures: Figure[] } }) => doc.figures.figures);
    const m = informationMeasure(figures, aggregate(d, jaar), d);
    let extra = "";
    if (audience === "openbaar") publicFigures.set(jaar, figures);
    else if (!publicFigures.has(jaar)) extra = "(eerst)";
    else {
      const key = (f: Figure) => (f.universe && f.scope ? `${f.kind}|${scopeKey(f.universe, f.scope)}` : "");
      const pub = new Set((publicFigures.get(jaar) ?? []).filter((f) => f.value !== null).map(key));
      const added = [
        ...new Set(
          figures
            .filter((f) => f.value !== null && f.universe && (f.scope?.["jaar"] ?? []).includes(String(jaar)) && !pub.has(key(f)))
            .map((f) => `${f.table.replace(/^Tabel: /, "")}: ${f.row} ${f.column} = ${f.value}`),
        ),
      ];
      extra = `${added.length}`;
      if (process.env["SHOW_ADDED"]) for (const a of added) console.error(`  ${jaar} vertrouwelijk extra: ${a}`);
    }
    const pct = (x: number) => `${Math.round(100 * x)}%`;
    console.log(
      `| ${jaar} | ${audience} | ${pct(m.aardGroepOfFijner)} | ${pct(m.aardCategorie)} | ${m.herkomstStatusGedrukt} van ${m.herkomstStatusCellen} | ${m.herkomstSplitsing ? "ja" : "nee"} | ${m.cijfers} | ${audience === "openbaar" ? REAL[jaar] : ""} | ${extra} | ${(ms / 1000).toFixed(1)} s |`,
    );
  }
}
