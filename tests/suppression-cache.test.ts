// The suppression results on disk (src/suppression-cache.ts): filed under the hash of the
// problem, read back instead of solved, and a file that is not a result is solved again.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { suppress } from "../src/protect/engine/index.ts";
import { cachedProtection, diskCachedSuppress } from "../src/suppression-cache.ts";
import { table2d } from "./protect/engine/tables.ts";

// [[1, 6], [7, 8]]: r0c0 = 1 is primary; hand-checked elsewhere (tests/protect/engine).
const problem = table2d([
  [1, 6],
  [7, 8],
]);

describe("suppression results on disk", () => {
  it("files the result, and answers the same problem from the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jaarverslag-suppressie-"));
    const cached = diskCachedSuppress(dir);
    const fresh = await suppress(problem);
    expect(await cached(problem)).toEqual(fresh);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, files[0]!), "utf8"))).toEqual(fresh);
    // What the file says is what comes back: proof that it was read, not solved again.
    const marked = { ...fresh, iterations: 12345 };
    writeFileSync(join(dir, files[0]!), JSON.stringify(marked));
    expect(await cached(problem)).toEqual(marked);
    // Another problem is another file.
    await cached({ ...problem, cells: problem.cells.map((c) => (c.id === "r1c1" ? { ...c, cost: c.cost + 1 } : c)) });
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it("solves again when the file is not a result", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jaarverslag-suppressie-"));
    const cached = diskCachedSuppress(dir);
    await cached(problem);
    const file = join(dir, readdirSync(dir)[0]!);
    writeFileSync(file, '{"suppressed": "niet een lijst"}');
    expect(await cached(problem)).toEqual(await suppress(problem));
  });

  it("is used only when the environment names a folder", () => {
    expect(cachedProtection({})).toEqual({});
    expect(typeof cachedProtection({ JAARVERSLAG_SUPPRESSIECACHE: "/tmp/x" }).suppress).toBe("function");
  });
});
