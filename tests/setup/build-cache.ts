// Vitest globalSetup: one folder per test run in which tests/helpers/built-once.ts keeps the
// builds that several test files start from (the same commands on the same example data), so
// that the first file to need one builds it and the others copy it. Per run, not kept between
// runs: every run builds at least once with today's source, Chromium and node_modules.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder of the shared builds of this run (tests/helpers/built-once.ts). */
    buildCache: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "jaarverslag-builds-"));
  project.provide("buildCache", dir);
  // The suppression results of this run, shared by every command the tests start (they inherit
  // the environment): src/suppression-cache.ts.
  process.env["JAARVERSLAG_SUPPRESSIECACHE"] = join(dir, "suppressie");
  return () => rmSync(dir, { recursive: true, force: true });
}
