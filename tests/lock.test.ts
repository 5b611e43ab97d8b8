// The build lock of a data folder: one holder at a time, a clear Dutch message for the others,
// and a lock left by a crash taken over — but never a live one.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireLock, LOCK_FILE, LockBusyError, STALE_AFTER_MS, type LockEnv } from "../src/lock.ts";
import { ROOT } from "./helpers/cli.ts";

const folder = () => mkdtempSync(join(tmpdir(), "jaarverslag-lock-"));
const T0 = new Date("2026-03-01T09:15:00Z");
const env = (over: Partial<LockEnv> = {}): LockEnv => ({ pid: 1000, host: "werkplek", now: () => T0, alive: () => true, ...over });
const holderIn = (dir: string) =>
  JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8")) as { pid: number; token: string; host: string; gestart: string };

describe("the build lock", () => {
  it("holds pid, start time and host, and refuses a second build with a Dutch message naming them", () => {
    const dir = folder();
    const lock = acquireLock(dir, env());
    expect(holderIn(dir)).toMatchObject({ pid: 1000, host: "werkplek", gestart: "2026-03-01T09:15:00.000Z" });
    let err: unknown;
    try {
      acquireLock(dir, env({ pid: 2000 }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LockBusyError);
    expect((err as Error).message).toMatch(
      /^Er loopt al een build voor deze gegevensmap \(gestart om \d\d:15:00 op 01-03-2026, proces 1000\)\. Wacht tot die klaar is\.$/,
    );
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    acquireLock(dir, env({ pid: 2000 })).release();
  });

  it("takes over a lock whose process is gone, and says so by holding it itself", () => {
    const dir = folder();
    acquireLock(dir, env({ pid: 1000 })); // never released: the process "crashed"
    const lock = acquireLock(dir, env({ pid: 2000, alive: (pid) => pid !== 1000 }));
    expect(holderIn(dir).pid).toBe(2000);
    expect(lock.held()).toBe(true);
  });

  it("on another host judges by age only: young is busy, older than the limit is taken over", () => {
    const dir = folder();
    acquireLock(dir, env({ host: "andere-pc", alive: () => false }));
    const later = (ms: number) => env({ pid: 2000, alive: () => false, now: () => new Date(T0.getTime() + ms) });
    expect(() => acquireLock(dir, later(STALE_AFTER_MS - 60_000))).toThrow(/op andere-pc/);
    acquireLock(dir, later(STALE_AFTER_MS + 60_000));
    expect(holderIn(dir).pid).toBe(2000);
  });

  it("a live process keeps its lock however old (same host), until the generous limit", () => {
    const dir = folder();
    acquireLock(dir, env());
    expect(() => acquireLock(dir, env({ pid: 2000, now: () => new Date(T0.getTime() + 3_600_000) }))).toThrow(LockBusyError);
  });

  it("an unreadable lock file is stale only when old (it may be mid-write)", () => {
    const dir = folder();
    const path = join(dir, LOCK_FILE);
    writeFileSync(path, "");
    const now = Date.now();
    expect(() => acquireLock(dir, env({ now: () => new Date(now) }))).toThrow(LockBusyError);
    utimesSync(path, new Date(now - 3_600_000), new Date(now - 3_600_000));
    acquireLock(dir, env({ now: () => new Date(now) }));
    expect(holderIn(dir).pid).toBe(1000);
  });

  it("release never removes a lock another build took over meanwhile", () => {
    const dir = folder();
    const first = acquireLock(dir, env({ pid: 1000 }));
    acquireLock(dir, env({ pid: 2000, alive: () => false }));
    expect(first.held()).toBe(false);
    first.release();
    expect(holderIn(dir).pid).toBe(2000);
  });

  it("clears private files a crashed attempt left, once they are older than a minute", () => {
    const dir = folder();
    const old = join(dir, `${LOCK_FILE}.4242.0badf00d.nieuw`);
    const young = join(dir, `${LOCK_FILE}.4343.0badf00d.nieuw`);
    const mine = join(dir, "meldingen.csv");
    for (const p of [old, young, mine]) writeFileSync(p, "x");
    const now = Date.now();
    utimesSync(old, new Date(now - 120_000), new Date(now - 120_000));
    utimesSync(mine, new Date(now - 120_000), new Date(now - 120_000));
    acquireLock(dir, env({ now: () => new Date(now) })).release();
    expect(existsSync(old)).toBe(false);
    expect(existsSync(young)).toBe(true);
    expect(existsSync(mine)).toBe(true);
  });

  it("of many processes racing for one stale lock, exactly one gets it", async () => {
    const dir = folder();
    // A lock of a process that no longer exists on this host.
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: 2 ** 22 + 17, gestart: new Date().toISOString(), host: (await import("node:os")).hostname(), token: "oud" }),
    );
    // The winner holds the lock until every process has tried (its stdin is closed then).
    const script = `import { acquireLock } from ${JSON.stringify(join(ROOT, "src", "lock.ts"))};
      const go = Number(process.argv[1]); while (Date.now() < go) {}
      try { const l = acquireLock(${JSON.stringify(dir)}); console.log("ok"); process.stdin.on("data", () => {}); process.stdin.on("end", () => l.release()); }
      catch (e) { console.log(e.constructor.name); process.exit(0); }`;
    const go = Date.now() + 2500;
    const children = Array.from({ length: 6 }, () =>
      spawn("node", ["--import", "tsx", "--input-type=module", "-e", script, String(go)], { cwd: ROOT }),
    );
    const firstLines = children.map(
      (child) =>
        new Promise<string>((resolve) => {
          let out = "";
          child.stdout.on("data", (b) => {
            out += b;
            if (out.includes("\n")) resolve(out.trim());
          });
          child.stderr.on("data", (b) => (out += b));
          child.on("exit", () => resolve(out.trim()));
        }),
    );
    const outs = await Promise.all(firstLines);
    for (const child of children) child.stdin.end();
    await Promise.all(
      children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.on("exit", resolve)))),
    );
    expect(outs.filter((o) => o === "ok")).toHaveLength(1);
    expect(outs.filter((o) => o !== "ok").every((o) => o === "LockBusyError")).toBe(true);
  });
});
