/**
 * The parameters of every `fc.assert` in the suite, so that one pair of knobs steers them all:
 *
 *   FC_SEED   unset: the fixed seed below (CI is reproducible: a failure shrinks to the same
 *             counterexample every time); a number: that seed (replays a failure);
 *             `random`: a new seed per property (fast-check prints it on failure).
 *   FC_RUNS   unset: each property's own default (chosen to keep `./scripts/test` short);
 *             `N`: N cases for every property; `Nx`: N times each default (`10x`, `0.5x`).
 *
 * The long run (README, Tests): `FC_SEED=random FC_RUNS=10x ./scripts/test-long`.
 * A per-file absolute count (`FC_RUNS=50`) only makes sense for a single file: the slowest
 * property renders some 40 PDFs per case, the fastest checks 5,000 strings in a second.
 */
import type fc from "fast-check";

export const DEFAULT_SEED = 20261128;

/** The seed from FC_SEED; undefined means a fresh random seed. */
export function fcSeed(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env["FC_SEED"];
  if (raw === undefined || raw === "") return DEFAULT_SEED;
  if (raw === "random") return undefined;
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED moet een geheel getal of "random" zijn, niet "${raw}"`);
  return seed;
}

/** The number of cases for a property whose default is `defaultRuns`, after FC_RUNS. */
export function fcRuns(defaultRuns: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env["FC_RUNS"];
  if (raw === undefined || raw === "") return defaultRuns;
  const factor = /^(\d+(?:\.\d+)?)x$/.exec(raw);
  if (factor) return Math.max(1, Math.round(defaultRuns * Number(factor[1])));
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`FC_RUNS moet een aantal (500) of een factor (10x) zijn, niet "${raw}"`);
  return runs;
}

/**
 * `fc.assert(property, fcParams(100))`: `defaultRuns` cases with the suite's seed, both
 * overridable from the environment; `extra` for the other parameters (endOnFailure, ...).
 * A property never fixes its own seed or count past these knobs.
 */
export function fcParams<Ts>(defaultRuns: number, extra: Omit<fc.Parameters<Ts>, "numRuns" | "seed"> = {}): fc.Parameters<Ts> {
  const seed = fcSeed();
  return { ...extra, numRuns: fcRuns(defaultRuns), ...(seed === undefined ? {} : { seed }) };
}
