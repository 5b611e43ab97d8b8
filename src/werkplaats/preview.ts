// The live preview of one year's report: rebuilt after every change of the text or the
// registration, with the session's memo (a text edit reuses protection and charts). One build
// at a time; changes that arrive during a build are folded into one more build afterwards.
import type { Problem } from "../ingest/problem.ts";
import { Memo } from "../memo.ts";
import { previewReport, readRegistration, type PreviewResult } from "./actions.ts";
import { sectionFirstLines } from "./sections.ts";
import { SuppressPool } from "./suppress-pool.ts";
import { cachedAudit } from "../audit-cache.ts";
import type { ProtectOptions } from "../protect/index.ts";
import { cachedBlocks } from "../suppression-cache.ts";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

interface Finding {
  /** The section the line is in (null: front matter). */
  sectie: string | null;
  regel: number;
  /** The line, split around what the scan found (marked in place); `treffer` empty: the whole line. */
  voor: string;
  treffer: string;
  na: string;
  melding: string;
}

export interface PreviewState {
  version: number;
  /** The last preview that could be built (kept while the text has a finding). */
  html: string | null;
  last: PreviewResult | null;
  findings: Finding[];
  /** Problems that stop the preview, other than findings in the text. */
  problems: Problem[];
  ms: number;
  /** CPU time of this process during the build (on a busy machine far below `ms`). */
  cpuMs: number;
}

export class PreviewService {
  private readonly states = new Map<number, PreviewState>();
  private readonly running = new Map<number, Promise<void>>();
  private readonly again = new Set<number>();
  readonly memo = new Memo();
  /** The candidate layouts' suppressions, in worker threads kept for the session. */
  private readonly pool: SuppressPool;
  /** The pool's suppression, and the audit's attack from the run's disk cache when there is one. */
  private readonly protection: ProtectOptions;

  /** `env`: the environment, whose JAARVERSLAG_SUPPRESSIECACHE and JAARVERSLAG_AUDITCACHE name the test run's disk caches. */
  constructor(
    private readonly dataDir: string,
    private readonly notify: (jaar: number, state: PreviewState) => void,
    env: NodeJS.ProcessEnv = {},
  ) {
    this.pool = new SuppressPool(3, (workers) => cachedBlocks(env, workers));
    this.protection = { ...this.pool.protection, ...cachedAudit(env) };
  }

  state(jaar: number): PreviewState | undefined {
    return this.states.get(jaar);
  }

  /** The preview of this year, built if it has never been. */
  async ensure(jaar: number): Promise<PreviewState> {
    if (!this.states.has(jaar)) await this.refresh(jaar);
    return this.states.get(jaar)!;
  }

  /** Build again; resolves when a build that saw the latest change has finished. */
  refresh(jaar: number): Promise<void> {
    const busy = this.running.get(jaar);
    if (busy) {
      this.again.add(jaar);
      return busy.then(() => (this.again.has(jaar) ? this.refresh(jaar) : undefined));
    }
    const run = (async () => {
      do {
        this.again.delete(jaar);
        await this.buildOnce(jaar);
      } while (this.again.has(jaar));
    })().finally(() => this.running.delete(jaar));
    this.running.set(jaar, run);
    return run;
  }

  /** Every year seen so far (after a change of the registration). */
  refreshAll(): void {
    for (const jaar of this.states.keys()) void this.refresh(jaar);
  }

  private async buildOnce(jaar: number): Promise<void> {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const text = this.text(jaar);
    const previous = this.states.get(jaar);
    let result: PreviewResult;
    try {
      result = await previewReport(readRegistration(this.dataDir), this.dataDir, jaar, "openbaar", this.memo, this.protection);
    } catch (e) {
      result = {
        ok: false,
        problems: [
          {
            bestand: "(werkplaats)",
            regel: null,
            kolom: null,
            waarde: null,
            melding: `het voorbeeld kon niet worden gemaakt: ${(e as Error).message}`,
          },
        ],
        warnings: [],
      };
    }
    const bestand = `verslag/${jaar}.md`;
    const findings = result.ok ? [] : result.problems.filter((p) => p.bestand === bestand).map((p) => toFinding(p, text));
    const state: PreviewState = {
      version: (previous?.version ?? 0) + 1,
      html: result.ok ? result.html : (previous?.html ?? null),
      last: result,
      findings,
      problems: result.ok ? [] : result.problems.filter((p) => p.bestand !== bestand),
      ms: performance.now() - t0,
      cpuMs: ((c) => (c.user + c.system) / 1000)(process.cpuUsage(c0)),
    };
    this.states.set(jaar, state);
    this.notify(jaar, state);
  }

  /** Stops the suppression workers (the session ends). */
  close(): Promise<void> {
    return this.pool.close();
  }

  private text(jaar: number): string {
    const path = join(this.dataDir, "verslag", `${jaar}.md`);
    return existsSync(path) ? readFileSync(path, "utf8") : "";
  }
}

function toFinding(p: Problem, text: string): Finding {
  const regel = p.regel ?? 0;
  let sectie: string | null = null;
  for (const [title, first] of sectionFirstLines(text)) if (regel >= first - 1) sectie = title;
  // The scan names the section as the column and the words it found as the value.
  if (p.kolom !== null && sectionFirstLines(text).has(p.kolom)) sectie = p.kolom;
  const line = text.split(/\r?\n/)[regel - 1] ?? "";
  const at = p.waarde ? line.toLowerCase().indexOf(p.waarde.toLowerCase()) : -1;
  if (at < 0) return { sectie, regel, voor: "", treffer: line, na: "", melding: p.melding };
  const end = at + p.waarde!.length;
  return { sectie, regel, voor: line.slice(0, at), treffer: line.slice(at, end), na: line.slice(end), melding: p.melding };
}
