// A built set that several tests of one file start from, built once: a build with Chromium
// costs seconds, a copy of its folder milliseconds.
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, copyOfExampleData } from "./cli.ts";

export interface BuiltFolder {
  /** The folder holding `data` and `reports`. */
  root: string;
  data: string;
  out: string;
}

/**
 * `const built = builtOnce("x-", (data, out) => ["build", ..., "--data", data, "--out", out])`;
 * each `await built()` in a test is a fresh copy of the example data after that build (data
 * and reports), the test's own to change. The build itself runs once, at the first call,
 * with the real command; a failed build fails every test that asks for it.
 */
export function builtOnce(prefix: string, args: (data: string, out: string) => string[]): () => Promise<BuiltFolder> {
  let original: Promise<BuiltFolder> | undefined;
  const make = async (): Promise<BuiltFolder> => {
    const data = copyOfExampleData(prefix);
    const root = join(data, "..");
    const out = join(root, "reports");
    const r = await cli(args(data, out));
    if (r.code !== 0) throw new Error(`de gedeelde build mislukte (${r.code}):\n${r.stderr}`);
    return { root, data, out };
  };
  return async () => {
    original ??= make();
    const from = await original;
    const root = mkdtempSync(join(tmpdir(), prefix));
    cpSync(from.root, root, { recursive: true });
    return { root, data: join(root, "data"), out: join(root, "reports") };
  };
}
