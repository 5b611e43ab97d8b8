// The werkplaats' suppression pool: the independent blocks of the candidate layouts' problems
// (protect/choose-presentation.ts, engine/blocks.ts) are solved at the same time in worker
// threads that live as long as the session, like its one Chromium; HiGHS is compiled once per
// worker. A block seen before in the session is answered from a cache keyed by the block
// (problemKey of its canonical form): a registration change re-solves only the blocks whose
// figures changed (one melding's hours: one small hours block), and the candidate layouts share
// their common blocks, also while they are being solved. `suppressBlock` is deterministic in its
// block and options, so this gives exactly what the build without the pool gives
// (tests/werkplaats/suppress-pool.test.ts compares them).
import { Worker } from "node:worker_threads";
import { Memo } from "../memo.ts";
import { NotProtectableError, problemKey, suppress, type SolveBlock, type SuppressOptions } from "../protect/engine/index.ts";
import type { SuppressionProblem, SuppressionResult } from "../protect/engine/types.ts";
import type { ProtectOptions } from "../protect/index.ts";

export interface SuppressionJob {
  id: number;
  /** One block (engine/blocks.ts), solved by `suppressBlock`. */
  problem: SuppressionProblem;
  options: SuppressOptions;
}
export type SuppressionReply =
  | { id: number; result: SuppressionResult }
  | { id: number; error: string; unprotectable?: { cell: string; from: string[]; reason: string } };

interface Pending {
  job: SuppressionJob;
  done: (r: SuppressionResult) => void;
  fail: (e: Error) => void;
}

export class SuppressPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private workers = 0;
  private nextId = 0;
  private closed = false;
  /** Results by block (kept for the session only, never on disk). */
  readonly cache = new Memo(512);
  /** Blocks being solved now, by key: a second candidate with the same block waits for it. */
  private readonly solving = new Map<string, Promise<SuppressionResult>>();
  /** Blocks sent to the workers (what the caches could not answer). */
  solved = 0;

  /** How a block the session has not met is solved: by a worker, or first from `outer`'s cache. */
  private readonly unseen: SolveBlock;

  /**
   * One worker per candidate a build protects (three; more only when none of them can be
   * protected), even on two cores: three equal jobs shared by two cores end together at 1.5
   * units of time, where two workers end the third at 2. `outer`: what stands in front of the
   * workers (the test run's disk cache, src/suppression-cache.ts); it must answer a block as
   * `suppressBlock` does.
   */
  constructor(
    private readonly size = 3,
    outer: (workers: SolveBlock) => SolveBlock = (workers) => workers,
  ) {
    this.unseen = outer((block, options) => {
      this.solved++;
      return this.run(block, options);
    });
  }

  /** What the build passes to `protect`: this pool's suppression, candidates at once. */
  get protection(): ProtectOptions {
    return { suppress: this.suppress, concurrent: true };
  }

  readonly suppress = (problem: SuppressionProblem, options: SuppressOptions = {}): Promise<SuppressionResult> =>
    suppress(problem, options, { solveBlock: this.solveBlock, concurrent: true });

  /** One block: from the cache, or from the same block being solved now, or from a worker. */
  readonly solveBlock = (block: SuppressionProblem, options: SuppressOptions): Promise<SuppressionResult> => {
    const key = problemKey(block, options);
    return this.cache.get("suppress", key, () => {
      const running = this.solving.get(key);
      if (running) return running;
      const job = this.unseen(block, options).finally(() => this.solving.delete(key));
      this.solving.set(key, job);
      return job;
    });
  };

  private run(problem: SuppressionProblem, options: SuppressOptions): Promise<SuppressionResult> {
    if (this.closed) return Promise.reject(new Error("de werkplaats is gesloten"));
    return new Promise((done, fail) => {
      this.queue.push({ job: { id: this.nextId++, problem, options }, done, fail });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.workers < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const next = this.queue.shift()!;
      this.busy.set(worker, next);
      worker.postMessage(next.job);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(new URL("./suppress-worker.mjs", import.meta.url));
    this.workers++;
    worker.unref(); // an idle pool keeps no process alive
    worker.on("message", (reply: SuppressionReply) => {
      const pending = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      if (pending && pending.job.id === reply.id) {
        if ("error" in reply)
          pending.fail(
            reply.unprotectable
              ? new NotProtectableError(reply.unprotectable.cell, reply.unprotectable.from, reply.unprotectable.reason)
              : new Error(reply.error),
          );
        else pending.done(reply.result);
      }
      this.dispatch();
    });
    // A worker that dies (a Wasm abort) fails its problem; the next one starts a fresh worker.
    const lost = (e: Error) => {
      const pending = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      this.workers--;
      pending?.fail(e);
      if (!this.closed) this.dispatch();
    };
    worker.on("error", lost);
    worker.on("exit", (code) => {
      if (this.busy.has(worker) || this.idle.includes(worker)) lost(new Error(`rekenproces gestopt (code ${code})`));
    });
    return worker;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.fail(new Error("de werkplaats is gesloten"));
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }
}
