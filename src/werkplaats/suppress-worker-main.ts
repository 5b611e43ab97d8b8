// A suppression worker: runs `suppressBlock` for the pool in suppress-pool.ts, one independent
// block (engine/blocks.ts) at a time.
// HiGHS is loaded once per worker (engine/highs.ts keeps it) and stays warm between builds.
import { parentPort } from "node:worker_threads";
import { NotProtectableError, suppressBlock } from "../protect/engine/index.ts";
import type { SuppressionJob, SuppressionReply } from "./suppress-pool.ts";

const port = parentPort!;
port.on("message", (job: SuppressionJob) => {
  suppressBlock(job.problem, job.options).then(
    (result) => port.postMessage({ id: job.id, result } satisfies SuppressionReply),
    (e: unknown) =>
      port.postMessage({
        id: job.id,
        error: e instanceof Error ? e.message : String(e),
        // (the fields that name the cells in the reader's words; an Error crosses as its message only)
        ...(e instanceof NotProtectableError ? { unprotectable: { cell: e.cell, from: e.from, reason: e.reason } } : {}),
      } satisfies SuppressionReply),
  );
});
