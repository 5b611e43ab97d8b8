// A built set that several tests start from, built once per test run: a build with Chromium
// and HiGHS costs seconds of both cores, a copy of its folder milliseconds. The build is shared
// between test files too: the first file that asks for it builds it in the run's build folder
// (tests/setup/build-cache.ts), other files wait for it and copy it. Its key is the commands
// (with the folders left out) and a fingerprint of what they read: the example data, the
// source and the templates.
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  type Dirent,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { inject } from "vitest";
import { cli, ROOT, type CliResult } from "./cli.ts";

export interface BuiltFolder {
  /** The folder holding `data` and `reports`. */
  root: string;
  data: string;
  out: string;
  /** What each command of the build printed, with the paths of this copy. */
  results: CliResult[];
}

/** One command of a build: `(data, out) => ["build", "--year", "2021", "--data", data, "--out", out]`. */
export type BuildStep = (data: string, out: string) => string[];

/**
 * `const built = builtOnce("x-", (data, out) => ["build", ..., "--data", data, "--out", out])`;
 * each `await built()` in a test is a fresh copy of the example data after that build (data
 * and reports), the test's own to change. Several steps run one after the other on the same
 * copy. The build runs once per test run, at the first call in any file, with the real
 * command; every step must exit 0, and a failed build fails every test that asks for it.
 */
export function builtOnce(prefix: string, ...steps: BuildStep[]): () => Promise<BuiltFolder> {
  let original: Promise<Stored> | undefined;
  return async () => {
    original ??= stored(steps, (inject("buildCache") as string | undefined) ?? "");
    const from = await original;
    const root = mkdtempSync(join(tmpdir(), prefix));
    cpSync(from.root, root, { recursive: true });
    const results = from.results.map((r) => ({ code: r.code, stdout: relocate(r.stdout, root), stderr: relocate(r.stderr, root) }));
    return { root, data: join(root, "data"), out: join(root, "reports"), results };
  };
}

/** A finished build: its folder, and its output with the folder written as ROOT_MARK. */
interface Stored {
  root: string;
  results: CliResult[];
}

const ROOT_MARK = "\u0000root";
const relocate = (text: string, root: string) => text.split(ROOT_MARK).join(root);

/** Runs `step` on the folder `root` (holding `data`), keeping what it printed with `root` marked. */
async function runStep(root: string, step: BuildStep): Promise<CliResult> {
  const args = step(join(root, "data"), join(root, "reports"));
  const r = await cli(args);
  if (r.code !== 0) throw new Error(`de gedeelde build mislukte (${r.code}) bij "${args.join(" ")}":\n${r.stderr}`);
  return { code: r.code, stdout: r.stdout.split(root).join(ROOT_MARK), stderr: r.stderr.split(root).join(ROOT_MARK) };
}

/**
 * Builds `steps` in the empty folder `root`: from the stored build of all steps but the last
 * when there is more than one (so that builds with the same first steps share them), else from
 * the example data.
 */
async function buildHere(root: string, steps: BuildStep[], cache: string): Promise<CliResult[]> {
  let before: CliResult[] = [];
  if (steps.length > 1) {
    const prefix = await stored(steps.slice(0, -1), cache);
    cpSync(prefix.root, root, { recursive: true });
    before = prefix.results;
  } else {
    cpSync(join(ROOT, "data"), join(root, "data"), { recursive: true, filter: (src) => !src.includes("gepubliceerd") });
  }
  return [...before, await runStep(root, steps.at(-1)!)];
}

function stored(steps: BuildStep[], cache: string): Promise<Stored> {
  // Outside the suite's config (no globalSetup): built for this file only.
  if (cache === "") {
    const root = mkdtempSync(join(tmpdir(), "jaarverslag-build-"));
    return buildHere(root, steps, cache).then((results) => ({ root, results }));
  }
  return sharedBuild(cache, keyOf(steps), steps);
}

/** The first process to take the lock builds; the others wait for the finished folder or the failure. */
async function sharedBuild(cache: string, key: string, steps: BuildStep[]): Promise<Stored> {
  const done = join(cache, key);
  const failed = join(cache, `${key}.mislukt`);
  const lock = join(cache, `${key}.lock`);
  for (;;) {
    if (existsSync(join(done, "results.json"))) {
      return { root: join(done, "root"), results: JSON.parse(readFileSync(join(done, "results.json"), "utf8")) as CliResult[] };
    }
    if (existsSync(failed)) throw new Error(readFileSync(failed, "utf8"));
    if (!takeLock(lock)) {
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    try {
      const building = mkdtempSync(join(cache, `${key}-bezig-`));
      const root = join(building, "root");
      mkdirSync(root);
      try {
        const results = await buildHere(root, steps, cache);
        writeFileSync(join(building, "results.json"), JSON.stringify(results));
        // The rename makes the finished build appear at once, whole.
        renameSync(building, done);
      } catch (e) {
        writeFileSync(failed, e instanceof Error ? e.message : String(e));
        throw e;
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** mkdir is atomic: whoever makes the lock folder builds. A lock whose process is gone is taken over. */
function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    writeFileSync(join(lock, "pid"), String(process.pid));
    return true;
  } catch {
    const pid = Number(existsSync(join(lock, "pid")) ? readFileSync(join(lock, "pid"), "utf8") : NaN);
    if (Number.isInteger(pid) && !alive(pid)) rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The commands with placeholders for the folders, and every file they read. */
function keyOf(steps: BuildStep[]): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(steps.map((step) => step("<data>", "<out>"))));
  for (const dir of ["data", "src", "templates"]) {
    for (const file of filesUnder(join(ROOT, dir))) {
      if (dir === "data" && file.includes("gepubliceerd")) continue;
      hash.update(`\n${relative(ROOT, file)}\n`);
      hash.update(readFileSync(file));
    }
  }
  return hash.digest("hex").slice(0, 16);
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** `buildStep("--year", "2021", "--all")`: `jaarverslag build ARGS --data … --out …`, in the one order that lets files share it. */
export const buildStep =
  (...args: string[]): BuildStep =>
  (data, out) => ["build", ...args, "--data", data, "--out", out];

/**
 * The example data's 2021 set adopted for the confidential reader first, then for the public
 * one, every document (--all): attacked by tests/attack/either-order.test.ts and audited by
 * tests/e2e/register.test.ts.
 */
export const CONFIDENTIAL_THEN_PUBLIC_2021: BuildStep[] = [
  buildStep("--year", "2021", "--all", "--audience", "vertrouwelijk", "--vaststellen"),
  buildStep("--year", "2021", "--all", "--vaststellen"),
];
