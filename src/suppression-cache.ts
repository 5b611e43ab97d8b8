// Suppression results kept on disk, in the folder named by JAARVERSLAG_SUPPRESSIECACHE. The test
// suite sets it (tests/setup/build-cache.ts): dozens of its builds, in separate processes,
// protect the same example data with the same register, and HiGHS was most of their time.
// Filed per independent block (engine/blocks.ts; the hash of problemKey of the block's canonical
// form and the options): builds whose problems differ in one block share the others.
// `suppressBlock` is deterministic in its block and options, so the result filed under the hash
// is the result it would compute (the werkplaats' pool relies on the same, in memory).
// Unset, nothing is read or written. A file that is not a result is ignored and computed again.
import { z } from "zod";
import { cacheFile, readCached, writeAtomically } from "./disk-cache.ts";
import { problemKey, suppress, suppressBlock, type SolveBlock, type SuppressOptions } from "./protect/engine/index.ts";
import type { SuppressionProblem, SuppressionResult } from "./protect/engine/types.ts";
import type { ProtectOptions } from "./protect/index.ts";

const resultSchema = z.object({
  suppressed: z.array(z.string()),
  secondary: z.array(z.string()),
  cost: z.number(),
  optimal: z.boolean(),
  iterations: z.number(),
});

/** The protection options for a build: the disk cache when the environment names its folder. */
export function cachedProtection(env: NodeJS.ProcessEnv): Pick<ProtectOptions, "suppress"> {
  const dir = env["JAARVERSLAG_SUPPRESSIECACHE"];
  return dir ? { suppress: diskCachedSuppress(dir) } : {};
}

export function diskCachedSuppress(dir: string, solve: SolveBlock = suppressBlock): typeof suppress {
  const solveBlock = diskCachedBlock(dir, solve);
  return (problem: SuppressionProblem, options: SuppressOptions = {}): Promise<SuppressionResult> =>
    suppress(problem, options, { solveBlock });
}

/**
 * A block solver with the disk cache in front when the environment names its folder (the
 * werkplaats' pool of solver threads: its blocks are then read from the run's cache too).
 */
export function cachedBlocks(env: NodeJS.ProcessEnv, solve: SolveBlock): SolveBlock {
  const dir = env["JAARVERSLAG_SUPPRESSIECACHE"];
  return dir ? diskCachedBlock(dir, solve) : solve;
}

/** One block: from its file, or solved by `solve` and filed. */
function diskCachedBlock(dir: string, solve: SolveBlock): SolveBlock {
  return async (problem: SuppressionProblem, options: SuppressOptions): Promise<SuppressionResult> => {
    const file = cacheFile(dir, problemKey(problem, options));
    const found = readCached(file, resultSchema);
    if (found) return found;
    const result = await solve(problem, options);
    writeAtomically(file, JSON.stringify(result));
    return result;
  };
}
