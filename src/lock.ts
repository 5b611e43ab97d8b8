// One build at a time per data folder. The register (DATA/gepubliceerd/) is read at the start
// of a build and written at its end; two builds in between each other would each attack their
// figures without the other's, so a build holds this lock from before it reads the register
// until its documents and register entries are in place.
//
// The lock is a file `DATA/.jaarverslag.lock` holding the holder's pid, start time, host and a
// random token. It is created atomically (written to a private file, then hard-linked to the
// lock name, which fails when the name exists; `wx` where links are not possible), so the lock
// file is never seen half-written. A lock whose process is gone (same host) or that is older
// than a generous limit is stale: it is removed under a short takeover lock, after checking
// that it is still the very lock (same token) that was judged stale, and the build then
// competes for the lock in the ordinary atomic way. A live lock is never removed.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { join } from "node:path";
import { linkSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { z } from "zod";

export const LOCK_FILE = ".jaarverslag.lock";
/** A build never takes this long: a lock older than this is left over from a crash. */
export const STALE_AFTER_MS = 12 * 60 * 60 * 1000;
/** The takeover lock is held for a few file operations; older than this it was left by a crash. */
const TAKEOVER_STALE_MS = 60 * 1000;

const Holder = z.object({ pid: z.number().int(), gestart: z.string(), host: z.string(), token: z.string() });
export type LockHolder = z.infer<typeof Holder>;

/** What the lock depends on outside itself, replaceable in tests. */
export interface LockEnv {
  pid: number;
  host: string;
  now: () => Date;
  /** Does a process with this pid run on this host? */
  alive: (pid: number) => boolean;
}

const systemLockEnv: LockEnv = { pid: process.pid, host: hostname(), now: () => new Date(), alive: processAlive };

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, it is only someone else's.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export class LockBusyError extends Error {
  constructor(
    readonly holder: LockHolder | null,
    readonly path: string,
    ownHost: string = hostname(),
  ) {
    super(
      holder
        ? `Er loopt al een build voor deze gegevensmap (gestart om ${formatTime(holder.gestart)}, proces ${holder.pid}${holder.host !== ownHost ? ` op ${holder.host}` : ""}). Wacht tot die klaar is.`
        : `Er loopt al een build voor deze gegevensmap (${path}). Wacht tot die klaar is.`,
    );
  }
}

export class LockLostError extends Error {
  constructor(path: string) {
    super(
      `De vergrendeling ${path} is niet meer van deze build (na ${STALE_AFTER_MS / 3_600_000} uur als verlaten beschouwd en overgenomen). Er is niets geschreven; start de build opnieuw.`,
    );
  }
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())} op ${p(d.getDate())}-${p(d.getMonth() + 1)}-${d.getFullYear()}`;
}

export interface Lock {
  path: string;
  holder: LockHolder;
  /** True while the lock file is still this build's own (not taken over as stale). */
  held(): boolean;
  release(): void;
}

/** Takes the lock of a data folder, or throws LockBusyError while another build holds it. */
export function acquireLock(dataDir: string, env: LockEnv = systemLockEnv): Lock {
  const path = join(dataDir, LOCK_FILE);
  removeOrphans(dataDir, env);
  const holder: LockHolder = { pid: env.pid, gestart: env.now().toISOString(), host: env.host, token: randomBytes(12).toString("hex") };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusive(path, JSON.stringify(holder) + "\n")) return lockOf(path, holder);
    const current = readHolder(path);
    if (current === "absent") continue; // released just now: try again
    if (!isStale(path, current, env)) throw new LockBusyError(current, path, env.host);
    removeStale(path, current, env);
  }
  throw new LockBusyError(null, path, env.host);
}

function lockOf(path: string, holder: LockHolder): Lock {
  const mine = (): boolean => {
    const now = readHolder(path);
    return now !== "absent" && now !== null && now.token === holder.token;
  };
  return {
    path,
    holder,
    held: mine,
    release: () => {
      // Never remove a lock another build has taken over meanwhile.
      if (mine()) rmSync(path, { force: true });
    },
  };
}

/** Private files of a lock attempt that a crash left behind (older than a minute: no attempt takes that long). */
function removeOrphans(dataDir: string, env: LockEnv): void {
  for (const name of readdirSync(dataDir)) {
    const rest = name.startsWith(`${LOCK_FILE}.`) ? name.slice(LOCK_FILE.length + 1) : "";
    if (!/^(\d+\.[0-9a-f]+\.nieuw|oud-\d+-[0-9a-f]+)$/.test(rest)) continue;
    const path = join(dataDir, name);
    try {
      if (env.now().getTime() - statSync(path).mtimeMs > TAKEOVER_STALE_MS) rmSync(path, { force: true });
    } catch {
      // gone meanwhile
    }
  }
}

/** Creates `path` with `content` only when it does not exist; the file is complete when it appears. */
function createExclusive(path: string, content: string): boolean {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.nieuw`;
  writeFileSync(tmp, content, { flag: "wx" });
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw e;
    // A file system without hard links: exclusive create (the content follows at once).
    try {
      writeFileSync(path, content, { flag: "wx" });
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw e2;
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** The holder in the lock file; null when unreadable (left half-written by a crash); "absent" when gone. */
function readHolder(path: string): LockHolder | null | "absent" {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return "absent";
    throw e;
  }
  try {
    const parsed = Holder.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function ageMs(path: string, env: LockEnv, holder: LockHolder | null): number {
  const started = holder ? new Date(holder.gestart).getTime() : NaN;
  if (Number.isFinite(started)) return env.now().getTime() - started;
  try {
    return env.now().getTime() - statSync(path).mtimeMs;
  } catch {
    return Infinity;
  }
}

function isStale(path: string, holder: LockHolder | null, env: LockEnv = systemLockEnv, limitMs = STALE_AFTER_MS): boolean {
  // An unreadable lock file: only an old one is stale (a fallback `wx` writer may be mid-write).
  if (holder === null) return ageMs(path, env, null) > 10_000;
  if (holder.host === env.host && holder.pid !== env.pid && !env.alive(holder.pid)) return true;
  return ageMs(path, env, holder) > limitMs;
}

/**
 * Removes a stale lock, but only the one judged stale: under a takeover lock, the lock file is
 * read again and removed only when it is still that lock (same token). Nobody else can replace
 * it meanwhile: removing a lock takes the takeover lock (held here) or its own holder (gone),
 * and creating one needs the name free. (Moving the file aside to look at it would free the
 * name for a moment: a live lock moved aside by a late taker could not always be put back, and
 * two builds would hold it — seen with six processes racing for one stale lock.)
 */
function removeStale(path: string, judged: LockHolder | null, env: LockEnv): void {
  const takeover = `${path}.overname`;
  const mine: LockHolder = { pid: env.pid, gestart: env.now().toISOString(), host: env.host, token: randomBytes(12).toString("hex") };
  if (!createExclusive(takeover, JSON.stringify(mine) + "\n")) {
    const other = readHolder(takeover);
    if (other !== "absent" && !isStale(takeover, other, env, TAKEOVER_STALE_MS)) return; // another build is taking over: compete afterwards
    rmSync(takeover, { force: true });
    return;
  }
  try {
    const seen = readHolder(path);
    if (seen === "absent") return;
    const same = judged === null ? seen === null : seen !== null && seen.token === judged.token;
    if (same) rmSync(path, { force: true });
  } finally {
    rmSync(takeover, { force: true });
  }
}
