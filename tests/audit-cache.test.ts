// The attacker's intervals on disk for the test run (src/audit-cache.ts): filed under the hash
// of the attack's whole input, read back instead of solved, unbounded ends kept unbounded, a
// file that is not a result solved again; and the suite's own attackers never go through it.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { attackInputKey, cachedAudit, diskCachedAttack } from "../src/audit-cache.ts";
import type { AttackInput } from "../src/protect/engine/types.ts";
import { ROOT } from "./helpers/cli.ts";

// Counts a + b = 5 printed, a and b hidden: each lies in 0..5 (hand-worked). Hours h hidden,
// in nothing printed: 0..unbounded.
const input: AttackInput = {
  vars: [{ integer: true }, { integer: true }, { integer: false }],
  published: [{ id: "a+b", terms: [0, 1], value: 5 }],
  suppressed: [
    { id: "a", terms: [0], requiredWidth: 2 },
    { id: "b", terms: [1], requiredWidth: 2 },
    { id: "h", terms: [2], requiredWidth: 0 },
  ],
  facts: [],
  insider: false,
};

const tmp = () => mkdtempSync(join(tmpdir(), "jaarverslag-audit-"));

describe("attack results on disk (the test run only)", () => {
  it("gives the hand-worked intervals, files them, and answers the same input from the file", async () => {
    const dir = tmp();
    const cached = diskCachedAttack(dir);
    const first = await cached(input);
    expect(first.map(({ id, lo, hi, ok }) => ({ id, lo, hi, ok }))).toEqual([
      { id: "a", lo: 0, hi: 5, ok: true },
      { id: "b", lo: 0, hi: 5, ok: true },
      { id: "h", lo: 0, hi: Infinity, ok: true },
    ]);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    // Read back: the same, with the unbounded end still unbounded (JSON alone would give null).
    expect(await cached(input)).toEqual(first);
    // What the file says is what comes back: proof that it was read, not solved again.
    const marked = first.map((iv) => (iv.id === "a" ? { ...iv, scenario: "uit het bestand" } : iv));
    writeFileSync(
      join(dir, files[0]!),
      JSON.stringify(marked, (_k, v: unknown) => (v === Infinity ? "Infinity" : v)),
    );
    expect(await cached(input)).toEqual(marked);
  });

  it("files another input as another file, also when only an unbounded end differs", async () => {
    const dir = tmp();
    const cached = diskCachedAttack(dir);
    await cached(input);
    const wider = { ...input, published: [{ id: "a+b", terms: [0, 1], value: 6 }] };
    expect((await cached(wider)).find((iv) => iv.id === "a")?.hi).toBe(6);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it("keys numbers that are not finite apart (JSON writes Infinity, -Infinity and NaN all as null)", () => {
    const withUpper = (upper: number | undefined) => attackInputKey({ ...input, vars: [{ integer: true, upper }, ...input.vars.slice(1)] });
    const keys = [undefined, Infinity, -Infinity, NaN, 0].map(withUpper);
    expect(new Set(keys).size).toBe(keys.length);
    expect(withUpper(3)).toBe(withUpper(3));
  });

  it("solves again when the file is not a result", async () => {
    const dir = tmp();
    const cached = diskCachedAttack(dir);
    const fresh = await cached(input);
    const file = join(dir, readdirSync(dir)[0]!);
    writeFileSync(file, '[{"id": "a", "lo": null}]');
    expect(await cached(input)).toEqual(fresh);
    writeFileSync(file, "geen json");
    expect(await cached(input)).toEqual(fresh);
    expect(JSON.parse(readFileSync(file, "utf8"))).toHaveLength(3);
  });

  it("is used only when the environment names a folder", () => {
    expect(cachedAudit({})).toEqual({});
    expect(typeof cachedAudit({ JAARVERSLAG_AUDITCACHE: "/tmp/x" }).attack).toBe("function");
  });

  it("is never used by the suite's own attackers (tests/attack)", () => {
    const attackFiles = (readdirSync(join(ROOT, "tests", "attack"), { recursive: true }) as string[]).filter((f) => f.endsWith(".ts"));
    expect(attackFiles.length).toBeGreaterThan(3);
    for (const f of attackFiles) {
      const text = readFileSync(join(ROOT, "tests", "attack", f), "utf8");
      expect(text, f).not.toMatch(
        /audit-cache|disk-cache|JAARVERSLAG_AUDITCACHE|protect\/audit\.ts|protect\/engine\/attack|engine\/index\.ts/,
      );
    }
  });
});
