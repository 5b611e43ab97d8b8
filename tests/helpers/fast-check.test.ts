// The knobs of tests/helpers/fast-check.ts, with hand-worked values, and the rule that makes
// them work: every fc.assert in the suite takes its parameters from fcParams.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_SEED, fcRuns, fcSeed } from "./fast-check.ts";

const TESTS = join(import.meta.dirname, "..");

describe("FC_RUNS", () => {
  it("unset or empty: the property's own default", () => {
    expect(fcRuns(30, {})).toBe(30);
    expect(fcRuns(30, { FC_RUNS: "" })).toBe(30);
  });
  it("a number: that many cases for every property", () => {
    expect(fcRuns(30, { FC_RUNS: "500" })).toBe(500);
    expect(fcRuns(1, { FC_RUNS: "50" })).toBe(50);
  });
  it("a factor: that many times each default, rounded, at least one", () => {
    expect(fcRuns(30, { FC_RUNS: "10x" })).toBe(300);
    expect(fcRuns(25, { FC_RUNS: "0.5x" })).toBe(13);
    expect(fcRuns(1, { FC_RUNS: "0.1x" })).toBe(1);
  });
  it("anything else is refused, not silently replaced by the default", () => {
    for (const bad of ["0", "-5", "veel", "10 x", "x10", "1.5"]) expect(() => fcRuns(30, { FC_RUNS: bad }), bad).toThrow(/FC_RUNS/);
  });
});

describe("FC_SEED", () => {
  it("unset: the fixed seed; a number: that seed; random: none (fast-check draws one)", () => {
    expect(fcSeed({})).toBe(20261128);
    expect(DEFAULT_SEED).toBe(20261128);
    expect(fcSeed({ FC_SEED: "42" })).toBe(42);
    expect(fcSeed({ FC_SEED: "-1706723101" })).toBe(-1706723101);
    expect(fcSeed({ FC_SEED: "random" })).toBeUndefined();
    expect(() => fcSeed({ FC_SEED: "willekeurig" })).toThrow(/FC_SEED/);
  });
});

describe("every property in the suite", () => {
  it("passes fcParams(...) to fc.assert, so FC_SEED and FC_RUNS reach it", () => {
    const files = (readdirSync(TESTS, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts")).map((f) => join(TESTS, f));
    const offenders: string[] = [];
    let asserts = 0;
    for (const file of files) {
      if (file === import.meta.filename || file === join(import.meta.dirname, "fast-check.ts")) continue;
      const text = readFileSync(file, "utf8");
      // One fcParams argument (on a line of its own, as the formatter puts it) per call.
      const calls = text.match(/\bfc\.(assert|check)\(/g)?.length ?? 0;
      const params = text.match(/^\s*fcParams\(/gm)?.length ?? 0;
      asserts += calls;
      if (calls !== params) offenders.push(`${relative(TESTS, file)}: ${calls} keer fc.assert, ${params} keer fcParams`);
    }
    expect(offenders).toEqual([]);
    expect(asserts).toBeGreaterThanOrEqual(24);
  });
});
