// Benchmark: ingest → validate → aggregate on generated meldingen.csv files, beside DuckDB
// reading the same file and computing the same group-bys. Not a test: it asserts no time.
//
//   npx tsx bench/ingest.ts [--sizes 10000,100000,1000000] [--reps 3] [--out /tmp/jaarverslag-bench]
//
// Every measurement runs in a fresh child process (`node --import tsx bench/ingest.ts --child
// ENGINE DIR`), so that its peak memory (process.resourceUsage().maxRSS, which includes DuckDB's
// native memory) belongs to that size and engine alone. The engines alternate within each
// repetition, so that both see the same noise of the shared machine; the median is reported.
//
//   ours:   readRawInput(DIR) → ingest → validate → aggregate(dataset, 2021)
//   duckdb: read_csv(meldingen.csv) → counts by jaar × aard × herkomst × status × group of the
//           receiving counsellor, and hours by jaar × counsellor (joint meldingen split equally),
//           for the regeling ongewenste omgangsvormen — the same cells as our meldingCellen and
//           the "afhandeling" rows of urenCellen. DuckDB uses both cores (its default threads).
//   duckdb+checks: the same, plus in SQL the row checks that are cheap to express there (codes
//           against the vocabulary and the counsellors, dates, hours, ids unique, e-mail / phone
//           / nine-digit patterns in every field), so the comparison also has a "same work" row.
//
// The children print one JSON line; the parent checks that both engines found the same cells,
// the same total and the same hours, and prints markdown tables.

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { DEFAULT_OUT, DEFAULT_SIZES, ensureSizes, ROOT } from "./gen-meldingen.ts";

type Engine = "ours" | "ours+semi64" | "ours-before" | "duckdb" | "duckdb+checks";
const ENGINES: Engine[] = ["ours", "ours+semi64", "duckdb", "duckdb+checks"];
/**
 * Where the child loads our stages from: src/ of this tree, or for "ours-before" another tree
 * (`--before DIR`, a copy of an earlier commit's src/, e.g. `git archive 93b383e src | tar -x -C DIR`).
 */
const SRC = process.env["JV_BENCH_SRC"] ?? "../src";
/** Node flags per engine: ours+semi64 is our code with a 64 MB young generation (fewer scavenges). */
const NODE_FLAGS: Partial<Record<Engine, string[]>> = { "ours+semi64": ["--max-semi-space-size=64"] };
const JAAR = 2021;

interface ChildResult {
  engine: Engine;
  rows: number;
  /** ms per stage, in order */
  stages: Record<string, number>;
  totalMs: number;
  /** peak resident set of the child, bytes */
  maxRss: number;
  /** resident set after imports, before any work, bytes */
  baseRss: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  check: { cells: number; total: number; hourCells: number; hours: number };
  rssAfter?: Record<string, number>;
}

// ------------------------------------------------------------------------------------------
// Children

/** RSS after each stage of ours (bytes): where the memory stays. */
const rssAfter: Record<string, number> = {};

async function childOurs(dir: string): Promise<Omit<ChildResult, "maxRss" | "baseRss" | "cpuUserMs" | "cpuSystemMs">> {
  const { readRawInput } = (await import(`${SRC}/ingest/raw-input.ts`)) as typeof import("../src/ingest/raw-input.ts");
  const { ingest } = (await import(`${SRC}/ingest/index.ts`)) as typeof import("../src/ingest/index.ts");
  const { validate } = (await import(`${SRC}/validate/index.ts`)) as typeof import("../src/validate/index.ts");
  const { aggregate } = (await import(`${SRC}/aggregate/index.ts`)) as typeof import("../src/aggregate/index.ts");
  const stages: Record<string, number> = {};
  let t = performance.now();
  const t0 = t;
  const lap = (name: string) => {
    const now = performance.now();
    stages[name] = now - t;
    rssAfter[name] = process.memoryUsage().rss;
    t = now;
  };
  const raw = readRawInput(dir);
  lap("read");
  const ingested = ingest(raw);
  lap("ingest");
  const validated = validate(ingested, { jaar: 2026, maand: 1 });
  lap("validate");
  if (!validated.dataset) throw new Error(`ongeldig: ${JSON.stringify(validated.problems.slice(0, 3))}`);
  const agg = aggregate(validated.dataset, JAAR);
  lap("aggregate");
  const totalMs = performance.now() - t0;
  const hours = agg.urenCellen.filter((c) => c.activiteit === "afhandeling");
  return {
    engine: "ours",
    rows: validated.dataset.meldingen.length,
    stages,
    totalMs,
    check: {
      cells: agg.meldingCellen.length,
      total: agg.meldingCellen.reduce((s, c) => s + c.n, 0),
      hourCells: hours.length,
      hours: Math.round(hours.reduce((s, c) => s + c.uren, 0) * 100) / 100,
    },
  };
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function childDuck(dir: string, checks: boolean): Promise<Omit<ChildResult, "maxRss" | "baseRss" | "cpuUserMs" | "cpuSystemMs">> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const stages: Record<string, number> = {};
  let t = performance.now();
  const t0 = t;
  const lap = (name: string) => {
    const now = performance.now();
    stages[name] = now - t;
    t = now;
  };
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  lap("open");
  const file = sqlString(join(dir, "meldingen.csv"));
  // all_varchar: the registration is text typed by people; the types are ours to decide.
  await con.run(`CREATE TABLE raw AS SELECT * FROM read_csv(${file}, header = true, delim = ',', quote = '"', all_varchar = true)`);
  await con.run(
    `CREATE TABLE vp AS SELECT * FROM read_csv(${sqlString(join(dir, "vertrouwenspersonen.csv"))}, header = true, all_varchar = true)`,
  );
  await con.run(
    `CREATE TABLE voc AS SELECT * FROM read_csv(${sqlString(join(dir, "vocabulaire.csv"))}, header = true, all_varchar = true)`,
  );
  lap("read");
  if (checks) {
    // The row checks that SQL expresses directly. Each query counts offending rows; all must be 0.
    const personal = [
      "id",
      "datum",
      "regeling",
      "aard",
      "herkomst",
      "vertrouwenspersoon",
      "uren",
      "status",
      "interventies",
      "resultaten",
      "geen_interventie",
    ]
      .map(
        (c) => `regexp_matches(coalesce(${c}, ''), '[\\w.+-]+@[\\w-]+\\.[\\w.-]+|(\\+31|0031|\\b0)[\\s-]?(\\d[\\s-]?){9}\\b|\\b\\d{9}\\b')`,
      )
      .join(" OR ");
    const bad = await con.runAndReadAll(`
      WITH r AS (
        SELECT *, string_split(vertrouwenspersoon, '|') AS vps,
               TRY_CAST(substr(datum, 1, 4) AS INTEGER) AS jaar, TRY_CAST(substr(datum, 6, 2) AS INTEGER) AS maand
        FROM raw)
      SELECT
        count(*) FILTER (WHERE NOT regexp_full_match(datum, '\\d{4}-\\d{1,2}') OR maand NOT BETWEEN 1 AND 12) AS datum,
        count(*) FILTER (WHERE regeling NOT IN ('ongewenste-omgangsvormen', 'integriteit')) AS regeling,
        count(*) FILTER (WHERE aard NOT IN (SELECT code FROM voc WHERE soort = 'aard')) AS aard,
        count(*) FILTER (WHERE herkomst NOT IN ('fractie', 'ambtelijk', 'extern')) AS herkomst,
        count(*) FILTER (WHERE NOT list_has_all((SELECT list(code) FROM vp), vps)) AS vp,
        count(*) FILTER (WHERE TRY_CAST(replace(uren, ',', '.') AS DOUBLE) IS NULL OR TRY_CAST(replace(uren, ',', '.') AS DOUBLE) NOT BETWEEN 0 AND 40) AS uren,
        count(*) FILTER (WHERE status NOT IN ('afgerond-resultaat', 'afgerond-onbekend', 'in-behandeling')) AS status,
        count(*) FILTER (WHERE (status = 'afgerond-resultaat') <> (coalesce(resultaten, '') <> '')) AS resultaten,
        count(*) FILTER (WHERE (geen_interventie = 'ja') = (coalesce(interventies, '') <> '')) AS interventies,
        count(*) FILTER (WHERE ${personal}) AS persoonsgegevens,
        count(*) - count(DISTINCT id) AS dubbele_id
      FROM r`);
    const counts = bad.getRowObjects()[0] as Record<string, bigint>;
    const failing = Object.entries(counts).filter(([, v]) => Number(v) !== 0);
    if (failing.length > 0) throw new Error(`duckdb checks: ${JSON.stringify(failing.map(([k, v]) => [k, Number(v)]))}`);
    lap("checks");
  }
  await con.run(`
    CREATE TABLE m AS
    SELECT TRY_CAST(substr(datum, 1, 4) AS INTEGER) AS jaar, aard, herkomst, status,
           string_split(vertrouwenspersoon, '|') AS vps, CAST(replace(uren, ',', '.') AS DOUBLE) AS uren
    FROM raw WHERE regeling = 'ongewenste-omgangsvormen'`);
  const cells = await con.runAndReadAll(`
    SELECT m.jaar, m.aard, m.herkomst, m.status, vp.groep AS vpgroep, count(*) AS n
    FROM m JOIN vp ON vp.code = m.vps[1]
    WHERE m.jaar <= ${JAAR}
    GROUP BY ALL ORDER BY ALL`);
  const hours = await con.runAndReadAll(`
    SELECT jaar, v AS vertrouwenspersoon, sum(uren / len(vps)) AS uren
    FROM (SELECT jaar, uren, vps, unnest(vps) AS v FROM m WHERE jaar <= ${JAAR})
    GROUP BY ALL ORDER BY ALL`);
  const cellRows = cells.getRowObjects() as { n: bigint }[];
  const hourRows = hours.getRowObjects() as { uren: number }[];
  lap("group-by");
  const rows = Number((await con.runAndReadAll(`SELECT count(*) AS n FROM raw`)).getRowObjects()[0]!["n"]);
  const totalMs = performance.now() - t0;
  con.closeSync();
  instance.closeSync();
  return {
    engine: checks ? "duckdb+checks" : "duckdb",
    rows,
    stages,
    totalMs,
    check: {
      cells: cellRows.length,
      total: cellRows.reduce((s, c) => s + Number(c.n), 0),
      hourCells: hourRows.length,
      hours: Math.round(hourRows.reduce((s, c) => s + c.uren, 0) * 100) / 100,
    },
  };
}

async function child(engine: Engine, dir: string): Promise<void> {
  // Load the modules first so that the base RSS is the floor of an idle process with them.
  if (engine.startsWith("ours")) {
    await import(`${SRC}/ingest/raw-input.ts`);
    await import(`${SRC}/ingest/index.ts`);
    await import(`${SRC}/validate/index.ts`);
    await import(`${SRC}/aggregate/index.ts`);
  } else await import("@duckdb/node-api");
  const baseRss = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const r = engine.startsWith("ours") ? { ...(await childOurs(dir)), engine } : await childDuck(dir, engine === "duckdb+checks");
  const cpu = process.cpuUsage(cpu0);
  const result: ChildResult = {
    ...r,
    baseRss,
    maxRss: process.resourceUsage().maxRSS * 1024,
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    ...(engine.startsWith("ours") ? { rssAfter } : {}),
  };
  process.stdout.write(JSON.stringify(result) + "\n");
}

// ------------------------------------------------------------------------------------------
// Parent

let BEFORE: string | undefined;

function runChild(engine: Engine, dir: string): ChildResult | { failed: string } {
  const r = spawnSync(
    process.execPath,
    [...(NODE_FLAGS[engine] ?? []), "--import", "tsx", join(ROOT, "bench", "ingest.ts"), "--child", engine, dir],
    {
      cwd: ROOT,
      env: engine === "ours-before" ? { ...process.env, JV_BENCH_SRC: join(BEFORE!, "src") } : process.env,
      encoding: "utf8",
      maxBuffer: 64 << 20,
    },
  );
  if (r.status !== 0) {
    // ours-before may fail where the current code does not (that is what it shows)
    if (engine === "ours-before") return { failed: (r.stderr.match(/(RangeError|Error)[^\n]*/) ?? [`exit ${r.status}`])[0] };
    throw new Error(`${engine} ${dir}: exit ${r.status}\n${r.stderr.slice(-2000)}`);
  }
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as ChildResult;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const sec = (ms: number) => (ms / 1000).toFixed(ms < 1000 ? 3 : 2);
const mb = (b: number) => (b / 2 ** 20).toFixed(0);

function duckVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, "node_modules", "@duckdb", "node-api", "package.json"), "utf8")) as { version: string })
      .version;
  } catch {
    return "?";
  }
}

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function parent(argv: string[]): Promise<void> {
  const out = flag(argv, "out") ?? DEFAULT_OUT;
  const sizes = (flag(argv, "sizes") ?? DEFAULT_SIZES.join(",")).split(",").map(Number);
  const reps = Number(flag(argv, "reps") ?? 3);
  BEFORE = flag(argv, "before");
  const engines = (flag(argv, "engines")?.split(",") as Engine[] | undefined) ?? (BEFORE ? ["ours-before", "ours"] : ENGINES);
  const dirs = await ensureSizes(out, sizes);
  const load0 = loadavg();
  const results = new Map<string, ChildResult[]>();
  const failures = new Map<string, string>();
  for (let s = 0; s < sizes.length; s++) {
    for (let rep = 0; rep < reps; rep++) {
      // Alternate the order per repetition as well.
      const order = rep % 2 === 0 ? engines : [...engines].reverse();
      for (const e of order) {
        const r = runChild(e, dirs[s]!);
        const key = `${sizes[s]}/${e}`;
        if ("failed" in r) {
          failures.set(key, r.failed);
          console.error(`${sizes[s]} ${e} rep ${rep + 1}: failed: ${r.failed}`);
          continue;
        }
        results.set(key, [...(results.get(key) ?? []), r]);
        console.error(`${sizes[s]} ${e} rep ${rep + 1}: ${sec(r.totalMs)} s, peak ${mb(r.maxRss)} MB`);
      }
    }
  }

  const lines: string[] = [];
  lines.push(
    `Machine: ${availableParallelism()} cores, Node ${process.version}, DuckDB ${duckVersion()}; load average (1 min) ${load0[0]!.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end.`,
    "",
  );
  lines.push(
    `Median of ${reps} runs; each run a fresh child process. Time = in-process wall time from reading the files to the last group-by (process start and module loading excluded; the "base" column is the RSS after loading, before work).`,
    "",
  );
  lines.push(
    "| rows | engine | time (s) | ratio to duckdb | ratio to duckdb+checks | µs/row | CPU (user+sys) / wall | peak RSS (MB) | base RSS (MB) | stages (s) |",
  );
  lines.push("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  const med = (n: number, e: Engine) => median((results.get(`${n}/${e}`) ?? []).map((r) => r.totalMs));
  for (const n of sizes) {
    for (const e of engines) {
      const rs = results.get(`${n}/${e}`);
      if (!rs) {
        lines.push(`| ${n.toLocaleString("en")} | ${e} | failed: ${failures.get(`${n}/${e}`)} | | | | | | | |`);
        continue;
      }
      const t = med(n, e);
      const stageNames = Object.keys(rs[0]!.stages);
      const stages = stageNames.map((st) => `${st} ${sec(median(rs.map((r) => r.stages[st]!)))}`).join(", ");
      const cpu = median(rs.map((r) => (r.cpuUserMs + r.cpuSystemMs) / r.totalMs));
      const ratio = (other: Engine) =>
        engines.includes(other) && e !== other && results.has(`${n}/${other}`) ? (t / med(n, other)).toFixed(1) + "×" : "";
      lines.push(
        `| ${n.toLocaleString("en")} | ${e} | ${sec(t)} | ${ratio("duckdb")} | ${ratio("duckdb+checks")} | ${((t * 1000) / n).toFixed(2)} | ${cpu.toFixed(2)} | ${mb(Math.max(...rs.map((r) => r.maxRss)))} | ${mb(median(rs.map((r) => r.baseRss)))} | ${stages} |`,
      );
    }
  }
  lines.push("");
  lines.push(
    "RSS after each stage of ours (MB, the largest of the runs): " +
      sizes
        .map((n) => {
          const rs = results.get(`${n}/ours`)?.filter((r) => r.rssAfter) ?? [];
          if (rs.length === 0) return "";
          const names = Object.keys(rs[0]!.rssAfter!);
          return (
            `${n.toLocaleString("en")} rows: ` + names.map((st) => `${st} ${mb(Math.max(...rs.map((r) => r.rssAfter![st]!)))}`).join(", ")
          );
        })
        .filter((x) => x)
        .join("; ") +
      ".",
  );
  lines.push("");
  // Growth: exponent b in time ∝ rows^b between consecutive sizes.
  lines.push(
    "| engine | " +
      sizes
        .slice(1)
        .map((n, i) => `growth ${sizes[i]!.toLocaleString("en")} → ${n.toLocaleString("en")} (time ×, exponent)`)
        .join(" | ") +
      " |",
  );
  lines.push(
    "| --- | " +
      sizes
        .slice(1)
        .map(() => "---:")
        .join(" | ") +
      " |",
  );
  for (const e of engines) {
    const cols = sizes.slice(1).map((n, i) => {
      if (!results.has(`${sizes[i]}/${e}`) || !results.has(`${n}/${e}`)) return "–";
      const a = med(sizes[i]!, e);
      const b = med(n, e);
      return `${(b / a).toFixed(1)}×, ${(Math.log(b / a) / Math.log(n / sizes[i]!)).toFixed(2)}`;
    });
    lines.push(`| ${e} | ${cols.join(" | ")} |`);
  }
  lines.push("");
  // Same answers?
  for (const n of sizes) {
    const checks = engines.filter((e) => results.has(`${n}/${e}`)).map((e) => JSON.stringify(results.get(`${n}/${e}`)![0]!.check));
    const same = checks.every((c) => c === checks[0]);
    lines.push(
      `- ${n.toLocaleString("en")} rows: ${same ? "same cells, totals and hours in every engine" : "DIFFERENT: " + checks.join(" vs ")} (${checks[0]})`,
    );
  }
  console.log(lines.join("\n"));
}

const argv = process.argv.slice(2);
if (argv[0] === "--child") await child(argv[1] as Engine, argv[2]!);
else await parent(argv);
