// The workspace's web server: node:http from Node itself (no framework: a handful of routes,
// and every guard visible in one place). Listens on 127.0.0.1; every request passes the guards
// in security.ts before it reaches a page.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
import type { Audience } from "../domain.ts";
import type { Renderer } from "../render/pdf.ts";
import {
  ALL_DOCUMENTS,
  openSessionRenderer,
  publish,
  readRegistration,
  registrationWorkbook,
  revisionChoice,
  summarise,
  writeFiles,
  type DocumentKind,
} from "./actions.ts";
import { layout, refusedPage } from "./pages.ts";
import { PreviewService, type PreviewState } from "./preview.ts";
import { cookieValue, hostAllowed, originAllowed, PAGE_CSP, PREVIEW_CSP, randomToken, safePath, sameSecret } from "./security.ts";
import { emptyVerslag, replaceSection } from "./sections.ts";
import { BACKUP_DIR, backupStamp, MAX_UPLOAD_BYTES, replacedFiles, targetName } from "./uploads.ts";
import * as views from "./views.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ASSETS = join(dirname(fileURLToPath(import.meta.url)), "assets");
const COOKIE = "werkplaats";

export interface WerkplaatsOptions {
  dataDir: string;
  outDir: string;
  port?: number;
  host?: string;
  maxUploadBytes?: number;
  /** Told when a publication (or a preview) opens the session's browser; tests pass their own. */
  renderer?: Renderer;
}

export interface Werkplaats {
  /** The opening address, with the session token. */
  url: string;
  port: number;
  close(): Promise<void>;
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// eslint-disable-next-line max-lines-per-function -- one closure holds the session (secrets, previews, listeners) that every handler shares; split pending (handlers to a module taking a session object)
export async function startWerkplaats(opts: WerkplaatsOptions): Promise<Werkplaats> {
  const dataDir = resolve(opts.dataDir);
  const outDir = resolve(opts.outDir);
  const host = opts.host ?? "127.0.0.1";
  const maxUpload = opts.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const openingToken = randomToken();
  const sessionSecret = randomToken();
  const csrf = randomToken();
  const listeners = new Set<ServerResponse>();
  let port = 0;

  const send = (event: string, data: unknown): void => {
    const message = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const res of listeners) res.write(message);
  };
  const previews = new PreviewService(dataDir, (jaar, state) => send("voorbeeld", previewMessage(jaar, state)));

  let renderer: Promise<Renderer> | null = opts.renderer ? Promise.resolve(opts.renderer) : null;
  const sessionRenderer = (): Promise<Renderer> => (renderer ??= openSessionRenderer());
  let publishing: Promise<unknown> = Promise.resolve();
  let taskCounter = 0;

  // What the workspace itself last wrote or removed in the data folder (name → mtime, or -1).
  const ownWrites = new Map<string, number>();
  const mtimeOf = (name: string): number => {
    try {
      return statSync(join(dataDir, name)).mtimeMs;
    } catch {
      return -1;
    }
  };
  const ownWrite = (name: string): boolean => ownWrites.has(name) && ownWrites.get(name) === mtimeOf(name);
  // A change saved from Excel into the data folder also updates the preview.
  let watcher: FSWatcher | null = null;
  let quiet: NodeJS.Timeout | undefined;
  try {
    watcher = watch(dataDir, { recursive: true }, (_e, name) => {
      const n = String(name ?? "");
      if (
        n === "" ||
        n.startsWith("gepubliceerd") ||
        n.startsWith(BACKUP_DIR) ||
        /(^|[\\/])(\.|~\$)|~$|\.tmp$/.test(n) ||
        n.startsWith("verslag")
      )
        return;
      if (ownWrite(n)) return; // an upload refreshes the preview itself
      clearTimeout(quiet);
      quiet = setTimeout(() => previews.refreshAll(), 250);
    });
  } catch {
    watcher = null; // no recursive watch on this system: uploads still refresh the preview
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof Refusal ? e.status : 500;
      const message = e instanceof Refusal ? e.message : `Er ging iets mis: ${(e as Error).message}`;
      if (!res.headersSent) {
        res.writeHead(status, {
          "content-type": "text/html; charset=utf-8",
          "content-security-policy": PAGE_CSP,
          "cache-control": "no-store",
          ...(status === 413 ? { connection: "close" } : {}),
        });
        res.end(refusedPage(message));
      } else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // 1. Only this machine's own address: a rebinding page names another host.
    if (!hostAllowed(req.headers.host, port, host))
      throw new Refusal(421, "Deze werkplaats is alleen te openen op het adres dat bij het starten werd getoond.");
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    // 2. The token of the opening address, exchanged once for a cookie.
    const opening = url.searchParams.get("sleutel");
    if (url.pathname === "/" && opening !== null) {
      if (!sameSecret(opening, openingToken))
        throw new Refusal(403, "Deze sleutel hoort niet bij deze werkplaats. Gebruik het adres dat bij het starten werd getoond.");
      res.writeHead(303, {
        location: "/overzicht",
        "set-cookie": `${COOKIE}=${sessionSecret}; HttpOnly; SameSite=Strict; Path=/`,
        "cache-control": "no-store",
      });
      res.end();
      return;
    }
    if (!sameSecret(cookieValue(req.headers.cookie, COOKIE), sessionSecret)) {
      throw new Refusal(403, "Open de werkplaats met het adres (met sleutel) dat bij het starten werd getoond.");
    }
    // 3. Changes only from our own pages: same origin, and the page's CSRF token.
    if (req.method !== "GET" && req.method !== "HEAD") {
      if (!originAllowed(req.headers.origin, port, host)) throw new Refusal(403, "Een wijziging vanaf een andere website wordt geweigerd.");
      const given = req.headers["x-csrf-token"];
      if (!sameSecret(Array.isArray(given) ? given[0] : given, csrf))
        throw new Refusal(403, "De pagina is verouderd; laad haar opnieuw en probeer het nog eens.");
    }
    await route(req, res, url);
  }

  function page(
    res: ServerResponse,
    title: string,
    path: string,
    jaar: number | null,
    body: ReturnType<typeof views.tekst>,
    wide = false,
  ): void {
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": PAGE_CSP,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
    });
    res.end(layout({ title, path, csrf, jaar, body, wide }));
  }

  function json(res: ServerResponse, status: number, data: unknown): void {
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    res.end(JSON.stringify(data));
  }

  function verslagText(jaar: number): string | null {
    const path = join(dataDir, "verslag", `${jaar}.md`);
    return existsSync(path) ? readFileSync(path, "utf8") : null;
  }

  // eslint-disable-next-line max-lines-per-function -- the route table, one short branch per page; split pending with startWerkplaats
  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const p = url.pathname;
    const get = req.method === "GET" || req.method === "HEAD";
    if (get && (p === "/werkplaats.js" || p === "/werkplaats.css")) {
      res.writeHead(200, {
        "content-type": p.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8",
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
      res.end(readFileSync(join(ASSETS, basename(p))));
      return;
    }
    if (get && p === "/gebeurtenissen") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write(": verbonden\n\n");
      listeners.add(res);
      const ping = setInterval(() => res.write(": nog hier\n\n"), 15_000);
      req.on("close", () => {
        clearInterval(ping);
        listeners.delete(res);
      });
      return;
    }
    if (get && p === "/") {
      res.writeHead(303, { location: "/overzicht" });
      res.end();
      return;
    }
    const summary = get && p !== "/voorbeeld.html" && p !== "/bestand" ? await summarise(dataDir) : null;
    const jaar = summary ? views.chooseYear(url.searchParams.get("jaar"), summary) : null;
    if (get && p === "/overzicht") {
      const preview = jaar === null ? undefined : await previews.ensure(jaar);
      page(res, "Overzicht", p, jaar, await views.overzicht(dataDir, summary!, jaar, preview, jaar === null ? null : verslagText(jaar)));
      return;
    }
    if (get && p === "/registratie") {
      page(res, "Registratie", p, jaar, await views.registratie(dataDir, summary!, jaar, null));
      return;
    }
    if (get && p === "/registratie/werkboek") {
      const { bytes } = await registrationWorkbook(dataDir);
      res.writeHead(200, {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": 'attachment; filename="registratie-nieuw.xlsx"',
        "cache-control": "no-store",
      });
      res.end(bytes);
      return;
    }
    if (!get && p === "/registratie/upload") {
      await upload(req, res, url);
      return;
    }
    if (get && p === "/tekst") {
      if (jaar === null) throw new Refusal(404, "Er is nog geen verslagjaar: registreer eerst meldingen.");
      const preview = await previews.ensure(jaar);
      page(res, "Tekst", p, jaar, views.tekst(jaar, verslagText(jaar) ?? emptyVerslag(jaar), preview), true);
      return;
    }
    if (!get && p === "/tekst/sectie") {
      const body = JSON.parse((await readBody(req, 1024 * 1024)).toString("utf8")) as { jaar?: unknown; titel?: unknown; tekst?: unknown };
      if (
        typeof body.jaar !== "number" ||
        !Number.isInteger(body.jaar) ||
        body.jaar < 1990 ||
        body.jaar > 2200 ||
        typeof body.titel !== "string" ||
        typeof body.tekst !== "string" ||
        /[\r\n]/.test(body.titel)
      ) {
        throw new Refusal(400, "Onvolledige tekst ontvangen.");
      }
      const path = safePath(join(dataDir, "verslag"), `${body.jaar}.md`);
      if (!path) throw new Refusal(400, "Dit bestand valt buiten de map met gegevens.");
      const next = replaceSection(verslagText(body.jaar) ?? emptyVerslag(body.jaar), body.titel, body.tekst);
      writeFiles([{ path, content: next }]);
      await previews.refresh(body.jaar);
      json(res, 200, { ok: true, versie: previews.state(body.jaar)?.version ?? 0 });
      return;
    }
    if (get && p === "/voorbeeld.html") {
      const j = Number(url.searchParams.get("jaar"));
      const state = Number.isInteger(j) ? await previews.ensure(j) : undefined;
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": PREVIEW_CSP,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
      const page =
        state?.html ??
        '<!doctype html><html lang="nl"><head><title>Voorbeeld</title></head><body><p>Nog geen voorbeeld: zie de melding naast de tekst.</p></body></html>';
      // `deel=inhoud`: only what is inside <body>, so an open preview swaps its content and
      // keeps the fonts and styles it has already decoded.
      res.end(url.searchParams.get("deel") === "inhoud" ? bodyOf(page) : page);
      return;
    }
    if (get && p === "/bescherming") {
      if (jaar === null) throw new Refusal(404, "Er is nog geen verslagjaar: registreer eerst meldingen.");
      const publiek = url.searchParams.get("publiek") === "vertrouwelijk" ? "vertrouwelijk" : "openbaar";
      let state: PreviewState | undefined;
      if (publiek === "openbaar") state = await previews.ensure(jaar);
      else {
        const { previewReport } = await import("./actions.ts");
        const last = await previewReport(readRegistration(dataDir), dataDir, jaar, "vertrouwelijk", previews.memo);
        state = { version: 0, html: null, last, findings: [], problems: [], ms: 0, cpuMs: 0 };
      }
      page(res, "Bescherming", p, jaar, views.bescherming(jaar, publiek, state));
      return;
    }
    if (get && p === "/publiceren") {
      if (jaar === null) throw new Refusal(404, "Er is nog geen verslagjaar: registreer eerst meldingen.");
      page(res, "Publiceren", p, jaar, views.publiceren(dataDir, jaar, views.allYears(summary!, jaar)));
      return;
    }
    if (!get && p === "/publiceren") {
      const body = new URLSearchParams((await readBody(req, 64 * 1024)).toString("utf8"));
      const j = Number(body.get("jaar"));
      const publiek = body.get("publiek");
      const documenten = body.getAll("documenten");
      const soort = body.get("soort") ?? "vaststellen";
      if (
        !Number.isInteger(j) ||
        (publiek !== "openbaar" && publiek !== "vertrouwelijk") ||
        documenten.length === 0 ||
        documenten.some((d) => !(ALL_DOCUMENTS as string[]).includes(d)) ||
        (soort !== "vaststellen" && soort !== "herziening")
      ) {
        json(res, 400, { melding: "Kies een jaar, voor wie, de soort en minstens één document." });
        return;
      }
      const herziening = revisionChoice(soort, body.get("reden"));
      if (!herziening.ok) {
        json(res, 400, { melding: herziening.melding });
        return;
      }
      const taak = ++taskCounter;
      json(res, 202, { taak });
      const kinds = ALL_DOCUMENTS.filter((k) => documenten.includes(k));
      publishing = publishing.then(() => runPublish(taak, j, publiek, kinds, herziening.reden)).catch(() => undefined);
      return;
    }
    if (get && p === "/bestand") {
      const path = safePath(outDir, url.searchParams.get("pad") ?? "");
      if (!path || !existsSync(path) || path.split(sep).includes("intern"))
        throw new Refusal(404, "Dit bestand bestaat niet of mag niet worden geopend.");
      const name = basename(path);
      const type = name.endsWith(".pdf")
        ? "application/pdf"
        : name.endsWith(".csv")
          ? "text/csv; charset=utf-8"
          : name.endsWith(".png")
            ? "image/png"
            : name.endsWith(".svg")
              ? "image/svg+xml"
              : name.endsWith(".json")
                ? "application/json"
                : name.endsWith(".html")
                  ? "text/html; charset=utf-8"
                  : "text/plain; charset=utf-8";
      const download = url.searchParams.get("download") === "1";
      res.writeHead(200, {
        "content-type": type,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        // An HTML report opened here runs nothing and fetches nothing (a PDF goes to the
        // browser's own viewer, which such a policy would stop).
        ...(name.endsWith(".pdf") ? {} : { "content-security-policy": PREVIEW_CSP }),
        "content-disposition": `${download ? "attachment" : "inline"}; filename="${name.replace(/[^\w.-]/g, "_")}"`,
      });
      res.end(readFileSync(path));
      return;
    }
    if (get && p === "/handleiding") {
      page(res, "Handleiding", p, jaar, views.handleiding(ROOT));
      return;
    }
    throw new Refusal(404, "Deze pagina bestaat niet.");
  }

  async function upload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const name = url.searchParams.get("naam") ?? "";
    const target = targetName(name);
    if (!target.ok) {
      json(res, 400, { ok: false, melding: target.reason });
      return;
    }
    const bytes = await readBody(req, maxUpload);
    const sheets = target.name === "registratie.xlsx" ? await sheetNames(bytes) : [];
    const existing = readdirSync(dataDir);
    const replaced = replacedFiles(target.name, existing, sheets);
    const stamp = backupStamp(new Date());
    // A file in the folder that is a link to somewhere else is neither read nor replaced.
    const path = safePath(dataDir, target.name);
    const sources = replaced.map((f) => safePath(dataDir, f));
    if (!path || sources.some((x) => x === null))
      throw new Refusal(400, "Een bestand in de gegevensmap verwijst naar een plek buiten de map; het wordt niet vervangen.");
    const backups = replaced.map((f, i) => ({ path: join(dataDir, BACKUP_DIR, stamp, f), content: readFileSync(sources[i]!) }));
    writeFiles([...backups, { path, content: bytes }]);
    for (const f of replaced) if (f !== target.name) rmSync(join(dataDir, f));
    for (const f of new Set([target.name, ...replaced])) ownWrites.set(f, mtimeOf(f));
    previews.refreshAll();
    json(res, 200, {
      ok: true,
      melding: `${name} is ingelezen als ${target.name}.${replaced.length > 0 ? ` De vorige versie (${replaced.join(", ")}) staat in ${BACKUP_DIR}/${stamp}.` : ""}`,
    });
  }

  /** `herziening`: the reason of a revision; null: a first adoption. */
  async function runPublish(
    taak: number,
    jaar: number,
    publiek: Audience,
    documenten: DocumentKind[],
    herziening: string | null,
  ): Promise<void> {
    let step = 0;
    send("voortgang", { taak, stap: step, bericht: "beschermen en controleren" });
    try {
      const session = { renderer: await sessionRenderer(), memo: previews.memo };
      const result = await publish({ dataDir, outDir, jaar, audience: publiek, documents: documenten, herziening }, session, (message) => {
        step++;
        send("voortgang", { taak, stap: step, bericht: message });
      });
      if (!result.ok) {
        send("klaar", {
          taak,
          ok: false,
          reden: result.reason,
          problemen: result.problems.map((q) => `${q.bestand}${q.regel === null ? "" : `, regel ${q.regel}`}: ${q.melding}`),
          advies: result.advice,
        });
        return;
      }
      const { published } = await import("./actions.ts");
      send("klaar", {
        taak,
        ok: true,
        verborgen: result.hidden,
        bestanden: result.files.map((f) => ({
          naam: basename(f),
          pad: f
            .slice(outDir.length + 1)
            .split(sep)
            .join("/"),
        })),
        register: published(dataDir),
      });
    } catch (e) {
      send("klaar", {
        taak,
        ok: false,
        reden: `Er ging iets mis: ${(e as Error).message}`,
        problemen: [],
        advies: "Probeer het opnieuw; blijft het misgaan, sluit de werkplaats en start haar opnieuw.",
      });
    }
  }

  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(opts.port ?? 0, host, () => ok());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/?sleutel=${openingToken}`,
    port,
    async close() {
      watcher?.close();
      clearTimeout(quiet);
      for (const res of listeners) res.end();
      listeners.clear();
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await publishing;
      await previews.close();
      if (renderer && !opts.renderer) await (await renderer).close();
    },
  };
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

function bodyOf(page: string): string {
  const start = page.indexOf(">", page.indexOf("<body")) + 1;
  const end = page.lastIndexOf("</body>");
  return start > 0 && end > start ? page.slice(start, end) : page;
}

/** The request body, refused (413) as soon as it is larger than `limit`. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) {
    req.resume();
    return Promise.reject(new Refusal(413, `Het bestand is te groot (meer dan ${Math.round(limit / 1024 / 1024)} MB).`));
  }
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        // Stop keeping it; the answer says why and closes the connection.
        req.removeAllListeners("data");
        req.resume();
        fail(new Refusal(413, `Het bestand is te groot (meer dan ${Math.round(limit / 1024 / 1024)} MB).`));
      } else chunks.push(c);
    });
    req.on("end", () => ok(Buffer.concat(chunks)));
    req.on("error", fail);
  });
}

async function sheetNames(bytes: Buffer): Promise<string[]> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return [];
  }
  return wb.worksheets.map((w) => w.name);
}
