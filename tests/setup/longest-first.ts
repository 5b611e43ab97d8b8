// The order in which Vitest starts the test files: longest first, so that the slow end-to-end
// files do not start last and end the run on one core. Vitest's own order does this from the
// durations of the last run, but runs every file without a known duration first, the slow ones
// among them in no particular order (a fresh checkout, a new file, a cache from a partial run).
// Here a file also has an expected duration from the table below (the slowest files, in
// seconds, from a run on 7 December 2026 with the command in the test's process, the workers
// reused and the run's caches), else from an estimate: a file that runs the real command or a browser
// about 20 s, any other file a second per 10 kB of test code.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const MEASURED: Record<string, number> = {
  "tests/attack/either-order.test.ts": 146,
  "tests/attack/random-datasets.property.test.ts": 122,
  "tests/e2e/register.test.ts": 110,
  "tests/e2e/documents.test.ts": 65,
  "tests/werkplaats/werkplaats.e2e.test.ts": 52,
  "tests/protect/random-datasets.property.test.ts": 41,
  "tests/attack/mechanisms.test.ts": 39,
  "tests/protect/confidential-more.test.ts": 34,
  "tests/e2e/kill.test.ts": 33,
  "tests/werkplaats/herziening.e2e.test.ts": 30,
  "tests/protect/oracle/oracle.property.test.ts": 27,
  "tests/publish.check-build.property.test.ts": 22,
  "tests/e2e/workbook-history.test.ts": 22,
  "tests/werkplaats/suppress-pool.test.ts": 20,
  "tests/helpers/cli.test.ts": 19,
  "tests/e2e/report-pdf.test.ts": 18,
  "tests/protect/published-tables.test.ts": 17,
  "tests/e2e/concurrent.test.ts": 17,
  "tests/memo.test.ts": 16,
  "tests/render/layout.test.ts": 15,
  "tests/render/pdf.test.ts": 13,
};

const SLOW = /helpers\/cli\.ts|helpers\/built-once\.ts|attack\/case\.ts|puppeteer|chromium/i;

function estimateMs(file: string, name: string): number {
  const measured = MEASURED[name];
  if (measured !== undefined) return measured * 1000;
  const text = readFileSync(file, "utf8");
  return (SLOW.test(text) ? 20_000 : 0) + text.length / 10;
}

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const expected = new Map<TestSpecification, number>();
    for (const spec of files) {
      const name = relative(this.ctx.config.root, spec.moduleId);
      const last = this.ctx.cache.getFileTestResults(`${spec.project.name}:${name}`);
      // A file that failed last time first, as Vitest does: its result is the one awaited.
      // The larger of the last duration and the estimate: a last run of a few tests of a file
      // (`-t`) leaves a duration far below the file's.
      expected.set(spec, last?.failed ? Infinity : Math.max(last?.duration ?? 0, estimateMs(spec.moduleId, name)));
    }
    return [...files].sort((a, b) => expected.get(b)! - expected.get(a)!);
  }
}
