// Two builds at once on one data folder. Each would read the register before the other writes
// it; with the lock only one proceeds at a time, the other says so and writes nothing. Whatever
// was written passes `jaarverslag audit` with the register of the data folder.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, cliArgv, copyOfExampleData, ROOT, type CliResult } from "../helpers/cli.ts";

const LOCKED = /Er loopt al een build voor deze gegevensmap \(gestart om .*, proces \d+\)\. Wacht tot die klaar is\./;

function start(args: string[]): { done: Promise<CliResult> } {
  const child = spawn("node", cliArgv(args), { cwd: ROOT });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (b) => (stdout += b));
  child.stderr.on("data", (b) => (stderr += b));
  return { done: new Promise((resolve) => child.on("exit", (code) => resolve({ code: code ?? -1, stdout, stderr }))) };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 20));
}

/** Every written report of 2021, concept or adopted, passes the attack, with the register of the data folder as known. */
async function auditAll(data: string, out: string): Promise<void> {
  const dir = join(out, "2021");
  const figures = (readdirSync(dir, { recursive: true }) as string[]).filter((n) => n.endsWith(".figures.json"));
  expect(figures.length).toBeGreaterThan(0);
  for (const f of figures) {
    const r = await cli(["audit", join(dir, f), "--data", data]);
    expect(r.code, `${f}: ${r.stdout}`).toBe(0);
    expect(r.stdout).not.toMatch(/ONVEILIG/);
  }
}

const noLeftovers = (data: string, out: string) => {
  expect(readdirSync(out).filter((n) => n.startsWith("."))).toEqual([]);
  expect(readdirSync(data).filter((n) => n.startsWith("."))).toEqual([]);
};

describe("two builds at once on one data folder", () => {
  it("public and confidential: while one holds the folder the other is refused; afterwards both are written and audited safe", async () => {
    const data = copyOfExampleData("jaarverslag-samen-");
    const out = join(data, "..", "reports");
    // Adopting: the register is read and written, which is what the lock guards.
    const base = ["build", "--year", "2021", "--vaststellen", "--data", data, "--out", out];
    const pub = start([...base, "--audience", "openbaar"]);
    await until(() => existsSync(join(data, ".jaarverslag.lock")));
    const conf = await cli([...base, "--audience", "vertrouwelijk"]);
    expect(conf.code).toBe(1);
    expect(conf.stderr).toMatch(LOCKED);
    expect(conf.stderr).not.toMatch(/klaar:|Geschreven/);
    expect((await pub.done).code).toBe(0);
    // Now the confidential build reads the public register entry, and treats it as known.
    expect((await cli([...base, "--audience", "vertrouwelijk"])).code).toBe(0);
    expect(readdirSync(join(data, "gepubliceerd")).sort()).toEqual([
      "2021-openbaar-woordenlijst-versie-1.json",
      "2021-vertrouwelijk-woordenlijst-versie-1.json",
    ]);
    await auditAll(data, out);
    noLeftovers(data, out);
  }, 400_000);

  for (const pair of [
    ["openbaar", "vertrouwelijk"],
    ["openbaar", "openbaar"],
  ] as const) {
    it(`started at the same moment (${pair.join(" + ")}): each is written whole or refused with the lock message, and the result is safe`, async () => {
      const data = copyOfExampleData("jaarverslag-samen-");
      const out = join(data, "..", "reports");
      const base = ["build", "--year", "2021", "--data", data, "--out", out];
      const results = await Promise.all(pair.map((audience) => start([...base, "--audience", audience]).done));
      expect(results.some((r) => r.code === 0)).toBe(true);
      for (const r of results) {
        if (r.code === 0) expect(r.stderr).toMatch(/audit geslaagd/);
        else {
          expect(r.code).toBe(1);
          expect(r.stderr).toMatch(LOCKED);
        }
      }
      await auditAll(data, out);
      noLeftovers(data, out);
    }, 400_000);
  }
});
