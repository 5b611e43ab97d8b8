// At threshold 3, with the public version known to its reader, the confidential version
// prints more than the public one: a cell the public version hid may be printed when the
// confidential reader's attack allows. Every added figure is checked against a count of
// meldingen.csv made here, line by line (not by the tool's aggregate).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/pipeline.ts";
import { runCaches } from "../../src/run-caches.ts";
import { readRawInput } from "../../src/ingest/raw-input.ts";
import type { LedgerEntry } from "../../src/protect/ledger.ts";
import type { Figure } from "../../src/present/figures.ts";
import { ROOT } from "../helpers/cli.ts";

const DATA = join(ROOT, "data");
const raw = readRawInput(DATA);
const vandaag = { jaar: 2026, maand: 12 };
// The run's suppression and audit results (src/suppression-cache.ts, src/audit-cache.ts), as
// every command of the suite uses them: what is judged here is what the builds print, against
// counts of meldingen.csv made below.
const protection = runCaches(process.env);
const lines = readFileSync(join(DATA, "meldingen.csv"), "utf8").trim().split(/\r?\n/);
const header = lines[0]!.split(",");
const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(",").map((v, i) => [header[i]!, v])));

/** Meldingen (ongewenste omgangsvormen) in a scope of jaar, aard, herkomst and status. */
function countCsv(scope: Record<string, string[]>): number {
  return rows.filter(
    (r) =>
      r["regeling"] === "ongewenste-omgangsvormen" &&
      scope["jaar"]!.includes(r["datum"]!.slice(0, 4)) &&
      (["aard", "herkomst", "status"] as const).every((dim) => !scope[dim] || scope[dim]!.includes(r[dim]!)),
  ).length;
}

const key = (f: Figure) =>
  `${f.kind}|${JSON.stringify(
    Object.keys(f.scope!)
      .sort()
      .map((k) => [k, [...f.scope![k]!].sort()]),
  )}`;
const printedFor = (figures: Figure[], jaar: number) =>
  new Map(
    figures
      .filter((f) => f.value !== null && f.universe === "meldingen" && f.kind === "aantal" && f.scope?.["jaar"]?.includes(String(jaar)))
      .map((f) => [key(f), f]),
  );

type Built = Extract<Awaited<ReturnType<typeof build>>, { ok: true }>;

function ok(r: Awaited<ReturnType<typeof build>>): Built {
  if (!r.ok) throw new Error(r.problems.map((p) => p.melding).join("; "));
  return r;
}

/**
 * The public report of `jaar`, with every earlier public report (from 2018) in its ledger.
 * Both cases below stand on the same public history (2018, 2019, and 2020 for 2021): it is
 * built once per year for this file, not again for each case.
 */
const publicBuilds = new Map<number, Promise<Built>>();
function publicReport(jaar: number): Promise<Built> {
  let built = publicBuilds.get(jaar);
  if (!built) {
    built = (async () => {
      const ledger: LedgerEntry[] = [];
      for (let y = 2018; y < jaar; y++) ledger.push((await publicReport(y)).ledgerEntry);
      return ok(await build(raw, { jaar, audience: "openbaar", vandaag, ledger, protection }));
    })();
    publicBuilds.set(jaar, built);
  }
  return built;
}

async function publicThenConfidential(jaar: number): Promise<{ pub: Map<string, Figure>; conf: Map<string, Figure> }> {
  const ledger: LedgerEntry[] = [];
  for (let y = 2018; y < jaar; y++) ledger.push((await publicReport(y)).ledgerEntry);
  const pub = await publicReport(jaar);
  const conf = ok(await build(raw, { jaar, audience: "vertrouwelijk", vandaag, ledger: [...ledger, pub.ledgerEntry], protection }));
  expect(conf.audit.ok).toBe(true);
  return { pub: printedFor(pub.figures.figures, jaar), conf: printedFor(conf.figures.figures, jaar) };
}

describe.each([2020, 2021])("vertrouwelijk %i (drempel 3) naast het openbare verslag", (jaar) => {
  let r: Awaited<ReturnType<typeof publicThenConfidential>>;
  beforeAll(async () => {
    r = await publicThenConfidential(jaar);
  }, 600_000);

  it("drukt meer aantallen over het jaar af dan de openbare versie, elk juist geteld en niet onder de 3", () => {
    const added = [...r.conf].filter(([k]) => !r.pub.has(k)).map(([, f]) => f);
    expect(r.conf.size).toBeGreaterThan(r.pub.size);
    expect(added.length).toBeGreaterThan(0);
    for (const f of added) {
      if (Object.keys(f.scope!).some((d) => !["jaar", "aard", "herkomst", "status"].includes(d))) continue; // per counsellor group: not in the CSV's columns
      expect(f.value, f.id).toBe(countCsv(f.scope!));
      expect(f.value === 0 || f.value! >= 3, f.id).toBe(true);
    }
    // What it adds, for the report (npx vitest run tests/protect/confidential-more.test.ts).
    console.log(`${jaar} vertrouwelijk extra:\n` + added.map((f) => `  ${f.table}: ${f.row} ${f.column} = ${f.value}`).join("\n"));
  });
});
