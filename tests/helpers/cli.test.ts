// The tests' ways of running the CLI (tests/helpers/cli.ts): its `main` in the test's own
// process, and, for the tests about processes, the run's bundle of src/cli.ts
// (tests/setup/cli-bundle.ts); both must print what the sources under tsx print.
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { cli, cliArgv, cliProcess, CLI_STARTS, copyOfExampleData, ROOT } from "./cli.ts";

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

  it("prints what the sources under tsx print, in this process and as the bundle, for a usage error and for a refused check", async () => {
    const data = copyOfExampleData("jaarverslag-bundel-");
    // A settings file that is not JSON: refused with the file named, before any protection.
    const settings = join(data, "instellingen.json");
    const broken = readFileSync(settings, "utf8").slice(0, 20);
    writeFileSync(settings, broken);
    for (const args of [["bestaat-niet"], ["check", "--year", "2021", "--data", data]]) {
      const inProcess = await cli(args);
      const bundled = await cliProcess(args);
      const tsx = await run("node", ["--import", "tsx", join(ROOT, "src", "cli.ts"), ...args], { cwd: ROOT }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );
      expect(tsx.code, args.join(" ")).not.toBe(0);
      expect(tsx.stderr, args.join(" ")).not.toBe("");
      expect(bundled).toEqual(tsx);
      expect(inProcess).toEqual(tsx);
    }
  });

  it("builds in this process exactly what the command builds in a process of its own: the same files, byte for byte, and the same messages", async () => {
    const inProcess = copyOfExampleData("jaarverslag-zelfde-");
    const own = copyOfExampleData("jaarverslag-zelfde-");
    const args = (data: string) => ["build", "--year", "2018", "--vaststellen", "--data", data, "--out", join(data, "..", "reports")];
    // Printed anew, both: the run's print cache (src/print-cache.ts) is not what is compared here.
    const a = await cli(args(inProcess), { freshPrint: true });
    const b = await cliProcess(args(own), { freshPrint: true });
    expect(a.code, a.stderr).toBe(0);
    const root = (data: string) => join(data, "..");
    expect(a.stderr.split(root(inProcess)).join("<map>")).toBe(b.stderr.split(root(own)).join("<map>"));
    expect(a.stdout).toBe(b.stdout);
    const files = (dir: string) =>
      (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile()).sort();
    for (const sub of ["reports", join("data", "gepubliceerd")]) {
      const names = files(join(root(inProcess), sub));
      expect(names.length, sub).toBeGreaterThan(0);
      expect(files(join(root(own), sub)), sub).toEqual(names);
      for (const f of names) {
        const bytes = readFileSync(join(root(inProcess), sub, f));
        // The register names the folders it wrote; the rest is the same bytes.
        const other = readFileSync(join(root(own), sub, f))
          .toString("latin1")
          .split(root(own))
          .join(root(inProcess));
        expect(bytes.toString("latin1") === other, join(sub, f)).toBe(true);
      }
    }
  });
});
