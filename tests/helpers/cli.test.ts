// The tests' way of starting the CLI (tests/helpers/cli.ts): under the suite's config the run's
// bundle of src/cli.ts (tests/setup/cli-bundle.ts), which must behave as the sources under tsx.
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { cli, cliArgv, CLI_STARTS, copyOfExampleData, ROOT } from "./cli.ts";

const run = promisify(execFile);

describe("the CLI as the tests start it", () => {
  it("runs the run's bundle, and counts each start", () => {
    const cache = inject("buildCache");
    const before = readFileSync(join(cache, CLI_STARTS), { encoding: "utf8", flag: "a+" }).length;
    const argv = cliArgv(["check"]);
    expect(argv).toEqual([inject("cliBundle"), "check"]);
    expect(argv[0]!.startsWith(cache)).toBe(true);
    expect(readFileSync(join(cache, CLI_STARTS), "utf8").length).toBe(before + 1);
  });

  it("prints what the sources under tsx print, for a usage error and for a refused check", async () => {
    const data = copyOfExampleData("jaarverslag-bundel-");
    // A settings file that is not JSON: refused with the file named, before any protection.
    const settings = join(data, "instellingen.json");
    const broken = readFileSync(settings, "utf8").slice(0, 20);
    writeFileSync(settings, broken);
    for (const args of [["bestaat-niet"], ["check", "--year", "2021", "--data", data]]) {
      const bundled = await cli(args);
      const tsx = await run("node", ["--import", "tsx", join(ROOT, "src", "cli.ts"), ...args], { cwd: ROOT }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );
      expect(bundled.code, args.join(" ")).not.toBe(0);
      expect(bundled).toEqual(tsx);
    }
  });
});
