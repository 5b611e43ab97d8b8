// Vitest globalSetup: one folder per test run in which tests/helpers/built-once.ts keeps the
// builds that several test files start from (the same commands on the same example data), so
// that the first file to need one builds it and the others copy it. Per run, not kept between
// runs: every run builds at least once with today's source, Chromium and node_modules.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { CLI_STARTS } from "../helpers/cli.ts";
import { bundleCli } from "./cli-bundle.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder of the shared builds of this run (tests/helpers/built-once.ts). */
    buildCache: string;
    /** The CLI bundled for this run (tests/setup/cli-bundle.ts), run by tests/helpers/cli.ts. */
    cliBundle: string;
  }
}

/** The folder in the run's build folder with what Chromium printed (src/print-cache.ts). */
const PRINTS = "drukken";

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), "jaarverslag-builds-"));
  project.provide("buildCache", dir);
  project.provide("cliBundle", await bundleCli(join(dir, "cli")));
  // The suppression results of this run, shared by every command the tests start (they inherit
  // the environment): src/suppression-cache.ts.
  process.env["JAARVERSLAG_SUPPRESSIECACHE"] = join(dir, "suppressie");
  // The same for the attack of the audit: src/audit-cache.ts.
  process.env["JAARVERSLAG_AUDITCACHE"] = join(dir, "audit");
  // And for what Chromium prints (src/print-cache.ts): the commands the tests start in processes
  // of their own print through it, and so do the builds in the tests' own processes
  // (tests/helpers/cli.ts, which reads the same variable).
  process.env["JAARVERSLAG_DRUKCACHE"] = join(dir, PRINTS);
  return () => {
    // How often the run started the CLI (tests/helpers/cli.ts): the count BENCHMARKS.md §8 keeps.
    const starts = join(dir, CLI_STARTS);
    const files = (sub: string) => (existsSync(join(dir, sub)) ? readdirSync(join(dir, sub)).length : 0);
    console.log(
      `CLI gestart: ${existsSync(starts) ? readFileSync(starts, "utf8").length : 0} keer; ` +
        `verschillende onderdrukkingen ${files("suppressie")}, aanvallen ${files("audit")}, drukken ${files(PRINTS)}`,
    );
    rmSync(dir, { recursive: true, force: true });
  };
}
