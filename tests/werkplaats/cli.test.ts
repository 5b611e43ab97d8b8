// `jaarverslag werkplaats` as a user starts it: without bash, the address with its key on the
// first line, and the address works.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyOfExampleData, ROOT } from "../helpers/cli.ts";

/**
 * The node command of jaarverslag-werkplaats.cmd (the Windows starter), as arguments: the line
 * that starts with `node`, with `%*` (the user's own options) left out and Windows' `\` read as `/`.
 */
function windowsStarterArgs(): string[] {
  const line = readFileSync(join(ROOT, "jaarverslag-werkplaats.cmd"), "utf8")
    .split("\r\n")
    .find((l) => l.startsWith("node "));
  if (!line) throw new Error("jaarverslag-werkplaats.cmd heeft geen regel die node start");
  return line
    .split(" ")
    .slice(1)
    .filter((a) => a !== "%*")
    .map((a) => a.replace(/\\/g, "/"));
}

describe("jaarverslag werkplaats", () => {
  it("prints its address with the key on the first line, answers on it, and stops on SIGTERM", async () => {
    const dataDir = copyOfExampleData("werkplaats-cli-");
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        join(ROOT, "src", "cli.ts"),
        "werkplaats",
        "--data",
        dataDir,
        "--out",
        join(dataDir, "..", "reports"),
        "--no-open",
      ],
      { cwd: ROOT },
    );
    try {
      const first = await new Promise<string>((ok, fail) => {
        let out = "";
        child.stdout.on("data", (c: Buffer) => {
          out += c.toString("utf8");
          if (out.includes("\n")) ok(out.split("\n")[0]!);
        });
        child.on("exit", (code) => fail(new Error(`gestopt met ${code}`)));
      });
      const url = /^Werkplaats geopend op (http:\/\/127\.0\.0\.1:\d+\/\?sleutel=[\w-]+)$/.exec(first)?.[1];
      expect(url, first).toBeDefined();
      const answer = await fetch(url!, { redirect: "manual" });
      expect(answer.status).toBe(303);
      expect(answer.headers.get("location")).toBe("/overzicht");
      const code = new Promise<number | null>((ok) => child.on("exit", ok));
      child.kill("SIGTERM");
      expect(await code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });

  it("the Windows starter runs the same Node command from its own folder, without bash, with Windows line ends", async () => {
    const bytes = readFileSync(join(ROOT, "jaarverslag-werkplaats.cmd"), "utf8");
    // cmd.exe misreads labels and blocks in a file with bare LF line ends.
    expect(bytes.split("\r\n").every((l) => !l.includes("\n"))).toBe(true);
    expect(bytes).toContain('cd /d "%~dp0"'); // tsx and data/ are found from the starter's folder
    const args = windowsStarterArgs();
    expect(args).toEqual(["--import", "tsx", "src/cli.ts", "werkplaats"]);
    // The same command, started here from the starter's folder: the address on the first line.
    const dataDir = copyOfExampleData("werkplaats-cmd-");
    const child = spawn(process.execPath, [...args, "--data", dataDir, "--out", join(dataDir, "..", "reports"), "--no-open"], {
      cwd: ROOT,
    });
    try {
      const first = await new Promise<string>((ok, fail) => {
        let out = "";
        child.stdout.on("data", (c: Buffer) => {
          out += c.toString("utf8");
          if (out.includes("\n")) ok(out.split("\n")[0]!);
        });
        child.on("exit", (code) => fail(new Error(`gestopt met ${code}`)));
      });
      expect(first).toMatch(/^Werkplaats geopend op http:\/\/127\.0\.0\.1:\d+\/\?sleutel=[\w-]+$/);
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("refuses a data folder that does not exist, with the usage", async () => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(ROOT, "src", "cli.ts"), "werkplaats", "--data", "/bestaat/niet", "--no-open"],
      { cwd: ROOT },
    );
    let err = "";
    child.stderr.on("data", (c: Buffer) => (err += c.toString("utf8")));
    const code = await new Promise<number | null>((ok) => child.on("exit", ok));
    expect(code).toBe(2);
    expect(err).toContain("gegevensmap /bestaat/niet bestaat niet");
    expect(err).toContain("jaarverslag werkplaats [--data MAP] [--port N] [--no-open]");
  });
});
