// The workspace's pages and actions, one handler per route. Every handler gets the session
// (session.ts); the guards in server.ts have already passed.
import type { IncomingMessage, ServerResponse } from "node:http";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Audience } from "../domain.ts";
import {
  ALL_DOCUMENTS,
  publish,
  readRegistration,
  registrationWorkbook,
  revisionChoice,
  summarise,
  writeFiles,
  type DocumentKind,
} from "./actions.ts";
import { layout } from "./pages.ts";
import type { PreviewState } from "./preview.ts";
import { PAGE_CSP, PREVIEW_CSP, safePath } from "./security.ts";
import { emptyVerslag, replaceSection } from "./sections.ts";
import { BACKUP_DIR, backupStamp, replacedFiles, targetName } from "./uploads.ts";
import { mtimeOf, Refusal, send, sessionRenderer, type Session } from "./session.ts";
import * as views from "./views.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ASSETS = join(dirname(fileURLToPath(import.meta.url)), "assets");

/** What a page handler is given: the request, and for a page the data folder's summary and the chosen year. */
interface Request {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  summary: Awaited<ReturnType<typeof summarise>> | null;
  jaar: number | null;
}

type Handler = (s: Session, r: Request) => Promise<void> | void;

// "lezen": GET or HEAD; "wijzigen": any other method.
const ROUTES = new Map<string, Handler>([
  ["lezen /overzicht", overzichtPage],
  ["lezen /registratie", registratiePage],
  ["lezen /registratie/werkboek", workbookDownload],
  ["wijzigen /registratie/upload", (s, { req, res, url }) => upload(s, req, res, url)],
  ["lezen /tekst", tekstPage],
  ["wijzigen /tekst/sectie", saveSection],
  ["lezen /voorbeeld.html", previewPage],
  ["lezen /bescherming", beschermingPage],
  ["lezen /publiceren", publicerenPage],
  ["wijzigen /publiceren", startPublication],
  ["lezen /bestand", outputFile],
  ["lezen /handleiding", (s, { res, url, jaar }) => page(s, res, "Handleiding", url.pathname, jaar, views.handleiding(ROOT))],
]);

export async function route(s: Session, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
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
    s.listeners.add(res);
    const ping = setInterval(() => res.write(": nog hier\n\n"), 15_000);
    req.on("close", () => {
      clearInterval(ping);
      s.listeners.delete(res);
    });
    return;
  }
  if (get && p === "/") {
    res.writeHead(303, { location: "/overzicht" });
    res.end();
    return;
  }
  const summary = get && p !== "/voorbeeld.html" && p !== "/bestand" ? await summarise(s.dataDir) : null;
  const jaar = summary ? views.chooseYear(url.searchParams.get("jaar"), summary) : null;
  const handler = ROUTES.get(`${get ? "lezen" : "wijzigen"} ${p}`);
  if (!handler) throw new Refusal(404, "Deze pagina bestaat niet.");
  await handler(s, { req, res, url, summary, jaar });
}

function page(
  s: Session,
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
  res.end(layout({ title, path, csrf: s.csrf, jaar, body, wide }));
}

function json(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(JSON.stringify(data));
}

function verslagText(s: Session, jaar: number): string | null {
  const path = join(s.dataDir, "verslag", `${jaar}.md`);
  return existsSync(path) ? readFileSync(path, "utf8") : null;
}

function needYear(jaar: number | null): number {
  if (jaar === null) throw new Refusal(404, "Er is nog geen verslagjaar: registreer eerst meldingen.");
  return jaar;
}

async function overzichtPage(s: Session, { res, url, summary, jaar }: Request): Promise<void> {
  const preview = jaar === null ? undefined : await s.previews.ensure(jaar);
  page(
    s,
    res,
    "Overzicht",
    url.pathname,
    jaar,
    await views.overzicht(s.dataDir, summary!, jaar, preview, jaar === null ? null : verslagText(s, jaar)),
  );
}

async function registratiePage(s: Session, { res, url, summary, jaar }: Request): Promise<void> {
  page(s, res, "Registratie", url.pathname, jaar, await views.registratie(s.dataDir, summary!, jaar, null));
}

async function workbookDownload(s: Session, { res }: Request): Promise<void> {
  const { bytes } = await registrationWorkbook(s.dataDir);
  res.writeHead(200, {
    "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "content-disposition": 'attachment; filename="registratie-nieuw.xlsx"',
    "cache-control": "no-store",
  });
  res.end(bytes);
}

async function tekstPage(s: Session, { res, url, jaar }: Request): Promise<void> {
  const j = needYear(jaar);
  const preview = await s.previews.ensure(j);
  page(s, res, "Tekst", url.pathname, j, views.tekst(j, verslagText(s, j) ?? emptyVerslag(j), preview), true);
}

async function saveSection(s: Session, { req, res }: Request): Promise<void> {
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
  const path = safePath(join(s.dataDir, "verslag"), `${body.jaar}.md`);
  if (!path) throw new Refusal(400, "Dit bestand valt buiten de map met gegevens.");
  const next = replaceSection(verslagText(s, body.jaar) ?? emptyVerslag(body.jaar), body.titel, body.tekst);
  writeFiles([{ path, content: next }]);
  await s.previews.refresh(body.jaar);
  json(res, 200, { ok: true, versie: s.previews.state(body.jaar)?.version ?? 0 });
}

async function previewPage(s: Session, { res, url }: Request): Promise<void> {
  const j = Number(url.searchParams.get("jaar"));
  const state = Number.isInteger(j) ? await s.previews.ensure(j) : undefined;
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
}

async function beschermingPage(s: Session, { res, url, jaar }: Request): Promise<void> {
  const j = needYear(jaar);
  const publiek = url.searchParams.get("publiek") === "vertrouwelijk" ? "vertrouwelijk" : "openbaar";
  let state: PreviewState | undefined;
  if (publiek === "openbaar") state = await s.previews.ensure(j);
  else {
    const { previewReport } = await import("./actions.ts");
    const last = await previewReport(readRegistration(s.dataDir), s.dataDir, j, "vertrouwelijk", s.previews.memo);
    state = { version: 0, html: null, last, findings: [], problems: [], ms: 0, cpuMs: 0 };
  }
  page(s, res, "Bescherming", url.pathname, j, views.bescherming(j, publiek, state));
}

function publicerenPage(s: Session, { res, url, summary, jaar }: Request): void {
  const j = needYear(jaar);
  page(s, res, "Publiceren", url.pathname, j, views.publiceren(s.dataDir, j, views.allYears(summary!, j)));
}

async function startPublication(s: Session, { req, res }: Request): Promise<void> {
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
  const taak = ++s.taskCounter;
  json(res, 202, { taak });
  const kinds = ALL_DOCUMENTS.filter((k) => documenten.includes(k));
  s.publishing = s.publishing.then(() => runPublish(s, taak, j, publiek, kinds, herziening.reden)).catch(() => undefined);
}

function outputFile(s: Session, { res, url }: Request): void {
  const path = safePath(s.outDir, url.searchParams.get("pad") ?? "");
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
}

async function upload(s: Session, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const { dataDir } = s;
  const name = url.searchParams.get("naam") ?? "";
  const target = targetName(name);
  if (!target.ok) {
    json(res, 400, { ok: false, melding: target.reason });
    return;
  }
  const bytes = await readBody(req, s.maxUpload);
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
  for (const f of new Set([target.name, ...replaced])) s.ownWrites.set(f, mtimeOf(s, f));
  s.previews.refreshAll();
  json(res, 200, {
    ok: true,
    melding: `${name} is ingelezen als ${target.name}.${replaced.length > 0 ? ` De vorige versie (${replaced.join(", ")}) staat in ${BACKUP_DIR}/${stamp}.` : ""}`,
  });
}

/** `herziening`: the reason of a revision; null: a first adoption. */
async function runPublish(
  s: Session,
  taak: number,
  jaar: number,
  publiek: Audience,
  documenten: DocumentKind[],
  herziening: string | null,
): Promise<void> {
  const { dataDir, outDir } = s;
  let step = 0;
  send(s, "voortgang", { taak, stap: step, bericht: "beschermen en controleren" });
  try {
    const session = { renderer: await sessionRenderer(s), memo: s.previews.memo, protection: s.protection };
    const result = await publish({ dataDir, outDir, jaar, audience: publiek, documents: documenten, herziening }, session, (message) => {
      step++;
      send(s, "voortgang", { taak, stap: step, bericht: message });
    });
    if (!result.ok) {
      send(s, "klaar", {
        taak,
        ok: false,
        reden: result.reason,
        problemen: result.problems.map((q) => `${q.bestand}${q.regel === null ? "" : `, regel ${q.regel}`}: ${q.melding}`),
        advies: result.advice,
      });
      return;
    }
    const { published } = await import("./actions.ts");
    send(s, "klaar", {
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
    send(s, "klaar", {
      taak,
      ok: false,
      reden: `Er ging iets mis: ${(e as Error).message}`,
      problemen: [],
      advies: "Probeer het opnieuw; blijft het misgaan, sluit de werkplaats en start haar opnieuw.",
    });
  }
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
