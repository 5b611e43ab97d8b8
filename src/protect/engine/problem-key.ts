// One text per suppression problem and its options, equal exactly when both are equal: what the
// caches of suppression results key on (the werkplaats' pool in memory, the test run's on disk),
// for each independent block in its canonical form (blocks.ts).
// JSON turns ±Infinity into null; the key spells them out.
import type { SuppressOptions } from "./suppress.ts";
import type { SuppressionProblem } from "./types.ts";

export function problemKey(problem: SuppressionProblem, options: SuppressOptions): string {
  return JSON.stringify({ problem, options }, (_key, value: unknown) =>
    typeof value === "number" && !Number.isFinite(value) ? String(value) : value,
  );
}
