// `kill -9` inside the write window. A test hook (JAARVERSLAG_TEST_PAUSE_AT, output.ts) makes
// the writer stop at a named step and say so in a marker file, so every kill provably lands
// inside the window — no guessed sleeps. The scenario is also the partial rebuild: the old set
// is a `--all` build, the new set only the jaarverslag from changed text. After each kill the
// period folder holds the old set or the new set, every file compared by SHA-256 (between the
// two renames of the swap: no folder at all, never a mix); the next run of the tool completes
// or undoes the write, and leaves nothing temporary.
import { spawn } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WRITE_STEPS } from "../../src/output.ts";
import { builtOnce, buildStep } from "../helpers/built-once.ts";
import { cli, cliArgv, ROOT } from "../helpers/cli.ts";
import { tree } from "../helpers/tree.ts";

/** Runs a build until it reports the pause at `step`, then kills it with SIGKILL. */
function killAt(args: string[], step: string, marker: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("node", cliArgv(args), {
      cwd: ROOT,
      stdio: "ignore",
      env: { ...process.env, JAARVERSLAG_TEST_PAUSE_AT: step, JAARVERSLAG_TEST_PAUSE_FILE: marker },
    });
    let exited = false;
    const poll = setInterval(() => {
      if (existsSync(marker)) {
        clearInterval(poll);
        child.kill("SIGKILL");
      }
    }, 20);
    child.on("exit", (_code, signal) => {
      clearInterval(poll);
      if (exited) return;
      exited = true;
      if (signal === "SIGKILL" && existsSync(marker)) resolve();
      else reject(new Error(`de build stopte zonder de pauze bij ${step} te bereiken`));
    });
  });
}

describe("a build killed with SIGKILL inside the write window", () => {
  it("leaves the old set or the new set at every step; the next run completes it and leaves nothing temporary", async () => {
    // The `--all` build, shared with other files (tests/helpers/built-once.ts).
    const { root, data, out, results } = await builtOnce("jaarverslag-kill-", buildStep("--year", "2021", "--all"))();
    const dir = join(out, "2021");
    expect(results[0]!.code).toBe(0);
    // The old set: every document of `--all`. Then the text changes and only the jaarverslag is rebuilt.
    const pristine = mkdtempSync(join(tmpdir(), "jaarverslag-kill-oud-"));
    cpSync(root, pristine, { recursive: true });
    appendFileSync(join(pristine, "data", "verslag", "2021.md"), "\nEen zin die er later bij kwam.\n");
    const restore = () => {
      rmSync(root, { recursive: true, force: true });
      cpSync(pristine, root, { recursive: true });
    };
    // The files kept with the data: a concept enters no register, but its internal log is written
    // as a data file (a temporary file beside its place until it is renamed in, after the documents).
    const register = () => Object.fromEntries(Object.entries(tree(join(data, "intern"))).filter(([name]) => name.endsWith(".json")));
    const args = ["build", "--year", "2021", "--data", data, "--out", out];
    restore();
    const oldSet = tree(dir);
    const oldRegister = register();
    expect(Object.keys(oldSet)).toContain("presidium-bundel-2021.pdf");
    // The new set, from an uninterrupted build.
    expect((await cli(args)).code).toBe(0);
    const newSet = tree(dir);
    const newRegister = register();
    expect(Object.keys(newSet).sort()).toEqual([
      "jaarverslag-vpoo-2021.figures.json",
      "jaarverslag-vpoo-2021.html",
      "jaarverslag-vpoo-2021.pdf",
    ]);
    expect(newSet["jaarverslag-vpoo-2021.pdf"]).not.toBe(oldSet["jaarverslag-vpoo-2021.pdf"]);
    expect(Object.keys(newRegister)).toEqual([join("2021", "2021-openbaar.onderdrukkingslog.json")]);

    for (const step of WRITE_STEPS) {
      restore();
      const marker = join(pristine, `gepauzeerd-${step}`);
      await killAt(args, step, marker);
      const now = tree(dir);
      if (step === "opzij") expect(existsSync(dir), step).toBe(false);
      else expect([oldSet, newSet], step).toContainEqual(now);
      // The register changes only after the documents are in place.
      if (step === "klaarzetten" || step === "doorvoeren" || step === "opzij" || step === "geplaatst")
        expect(register(), step).toEqual(oldRegister);
      // The next run of the tool (here a build of a year without meldingen, refused at once)
      // first completes or undoes the interrupted write.
      const next = await cli(["build", "--year", "2030", "--data", data, "--out", out]);
      expect(next.code, step).toBe(1);
      expect(next.stderr, step).toMatch(step === "klaarzetten" ? /opgeruimd/ : /afgemaakt/);
      expect(tree(dir), step).toEqual(step === "klaarzetten" ? oldSet : newSet);
      expect(register(), step).toEqual(step === "klaarzetten" ? oldRegister : newRegister);
      expect(readdirSync(out), step).toEqual(["2021"]);
      expect(
        readdirSync(data).filter((n) => n.startsWith(".")),
        step,
      ).toEqual([]);
      expect(
        readdirSync(join(data, "intern", "2021")).filter((n) => !n.endsWith(".json") || n.startsWith(".")),
        step,
      ).toEqual([]);
    }
  }, 480_000);
});
