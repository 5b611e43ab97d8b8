// The werkplaats' preview with its session (memo + suppression pool in worker threads) gives
// exactly what a plain build gives for the same files: the oracle is `build` without memo or
// pool (the suppression in this thread, every step computed afresh) followed by the report's
// HTML without the memo. Compared byte for byte: the HTML (every printed figure, every x) and
// the internal log (which cells are hidden, and why).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { Memo } from "../../src/memo.ts";
import { build } from "../../src/pipeline.ts";
import { readLedger } from "../../src/output.ts";
import { reportHtml } from "../../src/render/document.ts";
import { previewReport, readRegistration, today } from "../../src/werkplaats/actions.ts";
import { SuppressPool } from "../../src/werkplaats/suppress-pool.ts";
import { NotProtectableError, suppress } from "../../src/protect/engine/index.ts";
import { cachedBlocks } from "../../src/suppression-cache.ts";
import { table2d } from "../protect/engine/tables.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "jaarverslag-suppress-pool-"));
const dataDir = join(dir, "data");
cpSync(join(ROOT, "data"), dataDir, { recursive: true, filter: (src) => !src.includes("gepubliceerd") });
const csvPath = join(dataDir, "meldingen.csv");
const original = readFileSync(csvPath, "utf8");

const pool = new SuppressPool();
const memo = new Memo();
afterAll(() => pool.close());

/** The oracle: a plain build of the files as they are now, and its HTML. */
async function plain(): Promise<{ html: string; log: unknown }> {
  const result = await build(readRegistration(dataDir), {
    jaar: 2021,
    audience: "openbaar",
    vandaag: today(),
    ledger: readLedger(dataDir),
    documents: ["vpoo"],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { html: await reportHtml(result.model), log: result.log };
}

async function session(): Promise<{ html: string; log: unknown }> {
  const result = await previewReport(readRegistration(dataDir), dataDir, 2021, "openbaar", memo, pool.protection);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { html: result.html, log: result.log };
}

describe("the preview with the suppression pool", () => {
  test("after a registration change it equals a plain build, byte for byte", { timeout: 600_000 }, async () => {
    const first = await session(); // the session's first build: memo and pool warm, as in the werkplaats
    const rows = original.split("\n");
    const at = rows.findIndex((l) => l.startsWith("M2021-01,"));
    const cells = rows[at]!.split(",");
    cells[6] = "7.5"; // one melding's hours: the hours tables change, so the protection runs again
    rows[at] = cells.join(",");
    writeFileSync(csvPath, rows.join("\n"));
    const ran = pool.cache.misses;
    const solved = pool.solved;
    const changed = await session();
    expect(pool.cache.misses).toBeGreaterThan(ran); // computed in the workers, not remembered
    // One melding's hours lie in one independent block (its hours cells, linked through that
    // melding's variables); the counts and the other hours blocks come from the cache, for all
    // three candidate layouts.
    expect(pool.solved - solved).toBe(1);
    expect(changed.html).not.toBe(first.html); // the change reached the report (the hours it prints)
    const oracle = await plain();
    expect(changed.log).toEqual(oracle.log);
    expect(changed.html === oracle.html).toBe(true);
  });

  test(
    "a file with the same figures (rows in another order) is answered from the pool's cache, equal to a plain build",
    { timeout: 600_000 },
    async () => {
      const [header, ...rest] = readFileSync(csvPath, "utf8")
        .split("\n")
        .filter((l) => l !== "");
      writeFileSync(csvPath, [header, ...rest.reverse()].join("\n") + "\n");
      const hits = pool.cache.hits;
      const reordered = await session();
      expect(pool.cache.hits).toBeGreaterThan(hits);
      const oracle = await plain();
      expect(reordered.log).toEqual(oracle.log);
      expect(reordered.html === oracle.html).toBe(true);
    },
  );
});

test("a refusal from a worker still names its cell and what it follows from (for the message in the counsellors' words)", async () => {
  // x0 = 1 must stay hidden, but f = x0 is always printed: no pattern protects p.
  const refused = pool.suppress({
    vars: [{ integer: true }],
    cells: [
      { id: "p", terms: [0], value: 1, status: "primary", requiredWidth: 2, cost: 1 },
      { id: "f", terms: [0], value: 1, status: "fixed", requiredWidth: 0, cost: 1 },
    ],
    facts: [],
  });
  await expect(refused).rejects.toBeInstanceOf(NotProtectableError);
  await expect(refused).rejects.toMatchObject({ cell: "p", from: ["f"] });
});

test("a block the outer cache answers never reaches a worker; one it cannot answer does, and is filed", async () => {
  const files = mkdtempSync(join(tmpdir(), "jaarverslag-suppressie-"));
  // [[1, 6], [7, 8]]: one block, r0c0 = 1 primary (tests/suppression-cache.test.ts).
  const problem = table2d([
    [1, 6],
    [7, 8],
  ]);
  const fresh = await suppress(problem);
  const first = new SuppressPool(1, (workers) => cachedBlocks({ JAARVERSLAG_SUPPRESSIECACHE: files }, workers));
  const second = new SuppressPool(1, (workers) => cachedBlocks({ JAARVERSLAG_SUPPRESSIECACHE: files }, workers));
  try {
    expect(await first.suppress(problem)).toEqual(fresh);
    expect(first.solved).toBe(1);
    // Another session (its own memory empty) reads the block from the folder.
    expect(await second.suppress(problem)).toEqual(fresh);
    expect(second.solved).toBe(0);
    // Without the folder in the environment the workers solve it.
    const plain = new SuppressPool(1, (workers) => cachedBlocks({}, workers));
    try {
      expect(await plain.suppress(problem)).toEqual(fresh);
      expect(plain.solved).toBe(1);
    } finally {
      await plain.close();
    }
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
});
