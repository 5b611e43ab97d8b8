// The attacker's intervals kept on disk, FOR THE TEST RUN ONLY: the folder named by
// JAARVERSLAG_AUDITCACHE, which the suite sets (tests/setup/build-cache.ts) and nothing else
// does. Dozens of the suite's builds, in separate processes, audit the same figures (the example
// data's 2020 and 2021 sets, built again by many files), and each audit is a few seconds of
// HiGHS. `attack` (src/protect/engine) is deterministic in its input, and its input is plain
// data (the AttackInput), so the intervals filed under the hash of that whole input, as exact
// text, are the intervals it would compute. Unset, nothing is read or written. A file that is
// not a result is ignored and the attack computed again. The suite's own attackers
// (tests/attack/model.ts) never use this: they attack with code of their own.
import { z } from "zod";
import { cacheFile, readCached, writeAtomically } from "./disk-cache.ts";
import { attack } from "./protect/engine/index.ts";
import type { AttackInput, RunAttack } from "./protect/engine/types.ts";
import type { ProtectOptions } from "./protect/index.ts";

/** Bounds may be unbounded: JSON has no ±Infinity, so those are written as text. */
const bound = z.union([z.number(), z.enum(["Infinity", "-Infinity"]).transform(Number)]);

const intervalsSchema = z.array(
  z.object({ id: z.string(), lo: bound, hi: bound, requiredWidth: z.number(), ok: z.boolean(), scenario: z.string() }).strict(),
);

/** The audit options for a command: the disk cache when the environment names its folder. */
export function cachedAudit(env: NodeJS.ProcessEnv): Pick<ProtectOptions, "attack"> {
  const dir = env["JAARVERSLAG_AUDITCACHE"];
  return dir ? { attack: diskCachedAttack(dir) } : {};
}

export function diskCachedAttack(dir: string): RunAttack {
  return async (input) => {
    const file = cacheFile(dir, attackInputKey(input));
    const found = readCached(file, intervalsSchema);
    if (found) return found;
    const intervals = await attack(input);
    writeAtomically(
      file,
      JSON.stringify(intervals, (_key, v: unknown) => (v === Infinity || v === -Infinity ? String(v) : v)),
    );
    return intervals;
  };
}

/**
 * The input as exact text. JSON writes NaN and ±Infinity all as null, so a number that is not
 * finite is written as a tagged string instead (no field of the input is a string that could
 * look like it: ids and numbers only in their own places).
 */
export function attackInputKey(input: AttackInput): string {
  return `attack-v1\n${JSON.stringify(input, (_key, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? `\u0000${v}` : v))}`;
}
