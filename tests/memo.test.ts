import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { figuresFingerprint, Memo } from "../src/memo.ts";
import { readRawInput } from "../src/ingest/raw-input.ts";
import { build } from "../src/pipeline.ts";
import { copyOfExampleData } from "./helpers/cli.ts";

describe("Memo", () => {
  it("computes once per key, keeps the most recently used within its limit", async () => {
    const memo = new Memo(2);
    let runs = 0;
    const get = (key: unknown) => memo.get("x", key, async () => ++runs);
    expect(await get({ a: 1 })).toBe(1);
    expect(await get({ a: 1 })).toBe(1);
    expect(await get({ a: 2 })).toBe(2);
    expect(await get({ a: 1 })).toBe(1); // used last: kept
    expect(await get({ a: 3 })).toBe(3); // drops {a: 2}
    expect(await get({ a: 2 })).toBe(4);
    expect([memo.hits, memo.misses]).toEqual([2, 4]);
    // Another kind of step never shares a result.
    expect(await memo.get("y", { a: 1 }, async () => "y")).toBe("y");
  });

  it("fingerprints the tables and the settings, not the text of the verslagen", () => {
    const data = copyOfExampleData("jaarverslag-memo-");
    const before = figuresFingerprint(readRawInput(data));
    writeFileSync(join(data, "verslag", "2021.md"), readFileSync(join(data, "verslag", "2021.md"), "utf8") + "\nNog een zin.\n");
    expect(figuresFingerprint(readRawInput(data))).toBe(before);
    const meldingen = readFileSync(join(data, "meldingen.csv"), "utf8");
    writeFileSync(join(data, "meldingen.csv"), meldingen.replace("M2018-01,", "M2018-01b,"));
    expect(figuresFingerprint(readRawInput(data))).not.toBe(before);
  });
});

describe("build with a memo (build --watch)", () => {
  const options = {
    jaar: 2021,
    audience: "openbaar" as const,
    vandaag: { jaar: 2026, maand: 1 },
    ledger: [],
    documents: ["vpoo" as const],
  };

  it("reuses the protection and the audit when only the text changed, with the same result as without a memo", async () => {
    const data = copyOfExampleData("jaarverslag-memo-build-");
    const memo = new Memo();
    const first = await build(readRawInput(data), { ...options, memo });
    writeFileSync(join(data, "verslag", "2021.md"), readFileSync(join(data, "verslag", "2021.md"), "utf8") + "\nEen zin erbij.\n");
    const second = await build(readRawInput(data), { ...options, memo });
    const plain = await build(readRawInput(data), options);
    expect(memo.hits).toBe(2); // the protection and the audit
    expect(first.ok && second.ok && plain.ok).toBe(true);
    if (!second.ok || !plain.ok) return;
    expect(JSON.stringify(second.figures)).toBe(JSON.stringify(plain.figures));
    expect(JSON.stringify(second.model)).toBe(JSON.stringify(plain.model));
    expect(JSON.stringify(second.log)).toBe(JSON.stringify(plain.log));
    expect(second.audit.ok).toBe(true);
    expect(JSON.stringify(second.audit)).toBe(JSON.stringify(plain.audit));
    // A changed table is a new protection, and a melding of 2021 fewer (M2021-01, one the
    // VPOO report counts) prints other figures: a new audit.
    const meldingen = readFileSync(join(data, "meldingen.csv"), "utf8").trim().split("\n");
    writeFileSync(join(data, "meldingen.csv"), meldingen.filter((l) => !l.startsWith("M2021-01,")).join("\n") + "\n");
    const third = await build(readRawInput(data), { ...options, memo });
    expect(third.ok).toBe(true);
    expect(memo.misses).toBe(4);
  });

  it("audits an adopted set afresh, even with the audit of the same figures in the memo", async () => {
    const data = copyOfExampleData("jaarverslag-memo-adopt-");
    const memo = new Memo();
    expect((await build(readRawInput(data), { ...options, memo })).ok).toBe(true);
    expect([memo.hits, memo.misses]).toEqual([0, 2]);
    const adopted = await build(readRawInput(data), {
      ...options,
      memo,
      vaststellen: { datum: "2026-01-15", herziening: false, opdracht: "test" },
    });
    expect(adopted.ok && adopted.audit.ok).toBe(true);
    // Only the protection came from the memo; the audit was not looked up.
    expect([memo.hits, memo.misses]).toEqual([1, 2]);
  });
});
