// One workspace session: its secrets, the open event streams, the previews, the session's
// browser and the queue of publications. The server creates one; every page handler
// (routes.ts) receives it.
import type { ServerResponse } from "node:http";
import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ProtectOptions } from "../protect/index.ts";
import type { Renderer } from "../render/pdf.ts";
import { runCaches } from "../run-caches.ts";
import { openSessionRenderer } from "./actions.ts";
import { PreviewService, type PreviewState } from "./preview.ts";
import { randomToken } from "./security.ts";
import { MAX_UPLOAD_BYTES } from "./uploads.ts";
import * as views from "./views.ts";

export interface WerkplaatsOptions {
  dataDir: string;
  outDir: string;
  port?: number;
  host?: string;
  maxUploadBytes?: number;
  /** Told when a publication (or a preview) opens the session's browser; tests pass their own. */
  renderer?: Renderer;
  /**
   * The environment: JAARVERSLAG_SUPPRESSIECACHE and JAARVERSLAG_AUDITCACHE name the test run's
   * disk caches (src/suppression-cache.ts, src/audit-cache.ts), as for the command.
   */
  env?: NodeJS.ProcessEnv;
}

/** A request refused with this HTTP status and a Dutch message for the user. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Session {
  readonly dataDir: string;
  readonly outDir: string;
  readonly host: string;
  readonly maxUpload: number;
  readonly openingToken: string;
  readonly sessionSecret: string;
  readonly csrf: string;
  /** The open event streams (/gebeurtenissen). */
  readonly listeners: Set<ServerResponse>;
  /** Known once the server listens. */
  port: number;
  readonly previews: PreviewService;
  /** How a publication protects and audits: in this process, with the run's disk caches when named. */
  readonly protection: Omit<ProtectOptions, "second">;
  /** The session's browser, opened on first use (null: not yet). */
  renderer: Promise<Renderer> | null;
  /** Publications run one after another: the last one queued. */
  publishing: Promise<unknown>;
  taskCounter: number;
  /** What the workspace itself last wrote or removed in the data folder (name → mtime, or -1). */
  readonly ownWrites: Map<string, number>;
}

export function newSession(opts: WerkplaatsOptions): Session {
  const dataDir = resolve(opts.dataDir);
  const listeners = new Set<ServerResponse>();
  const send = (event: string, data: unknown): void => sendTo(listeners, event, data);
  return {
    dataDir,
    outDir: resolve(opts.outDir),
    host: opts.host ?? "127.0.0.1",
    maxUpload: opts.maxUploadBytes ?? MAX_UPLOAD_BYTES,
    openingToken: randomToken(),
    sessionSecret: randomToken(),
    csrf: randomToken(),
    listeners,
    port: 0,
    previews: new PreviewService(dataDir, (jaar, state) => send("voorbeeld", previewMessage(jaar, state)), opts.env),
    protection: runCaches(opts.env ?? {}),
    renderer: opts.renderer ? Promise.resolve(opts.renderer) : null,
    publishing: Promise.resolve(),
    taskCounter: 0,
    ownWrites: new Map<string, number>(),
  };
}

/** An event to every open page. */
export function send(s: Session, event: string, data: unknown): void {
  sendTo(s.listeners, event, data);
}

function sendTo(listeners: Set<ServerResponse>, event: string, data: unknown): void {
  const message = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  for (const res of listeners) res.write(message);
}

export function sessionRenderer(s: Session): Promise<Renderer> {
  return (s.renderer ??= openSessionRenderer());
}

export function mtimeOf(s: Session, name: string): number {
  try {
    return statSync(join(s.dataDir, name)).mtimeMs;
  } catch {
    return -1;
  }
}

export function ownWrite(s: Session, name: string): boolean {
  return s.ownWrites.has(name) && s.ownWrites.get(name) === mtimeOf(s, name);
}

function previewMessage(jaar: number, state: PreviewState): unknown {
  return {
    jaar,
    versie: state.version,
    ms: Math.round(state.ms),
    cpuMs: Math.round(state.cpuMs),
    status: views.previewStatus(state),
    vondsten: state.findings,
  };
}
