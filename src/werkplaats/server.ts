// The workspace's web server: node:http from Node itself (no framework: a handful of routes,
// and every guard visible in one place). Listens on 127.0.0.1; every request passes the guards
// in security.ts before it reaches a page (routes.ts).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { watch, type FSWatcher } from "node:fs";
import type { AddressInfo } from "node:net";
import { refusedPage } from "./pages.ts";
import { route } from "./routes.ts";
import { cookieValue, hostAllowed, originAllowed, PAGE_CSP, sameSecret } from "./security.ts";
import { newSession, ownWrite, Refusal, type Session, type WerkplaatsOptions } from "./session.ts";
import { BACKUP_DIR } from "./uploads.ts";

const COOKIE = "werkplaats";

export interface Werkplaats {
  /** The opening address, with the session token. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startWerkplaats(opts: WerkplaatsOptions): Promise<Werkplaats> {
  const s = newSession(opts);
  const { watcher, quiet } = watchDataFolder(s);
  const server = createServer((req, res) => {
    handle(s, req, res).catch((e: unknown) => {
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

  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(opts.port ?? 0, s.host, () => ok());
  });
  s.port = (server.address() as AddressInfo).port;
  const shownHost = s.host.includes(":") ? `[${s.host}]` : s.host;
  return {
    url: `http://${shownHost}:${s.port}/?sleutel=${s.openingToken}`,
    port: s.port,
    async close() {
      watcher?.close();
      clearTimeout(quiet.timer);
      for (const res of s.listeners) res.end();
      s.listeners.clear();
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      await s.publishing;
      await s.previews.close();
      if (s.renderer && !opts.renderer) await (await s.renderer).close();
    },
  };
}

// A change saved from Excel into the data folder also updates the preview.
function watchDataFolder(s: Session): { watcher: FSWatcher | null; quiet: { timer: NodeJS.Timeout | undefined } } {
  const quiet: { timer: NodeJS.Timeout | undefined } = { timer: undefined };
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(s.dataDir, { recursive: true }, (_e, name) => {
      const n = String(name ?? "");
      if (
        n === "" ||
        n.startsWith("gepubliceerd") ||
        n.startsWith(BACKUP_DIR) ||
        /(^|[\\/])(\.|~\$)|~$|\.tmp$/.test(n) ||
        n.startsWith("verslag")
      )
        return;
      if (ownWrite(s, n)) return; // an upload refreshes the preview itself
      clearTimeout(quiet.timer);
      quiet.timer = setTimeout(() => s.previews.refreshAll(), 250);
    });
  } catch {
    watcher = null; // no recursive watch on this system: uploads still refresh the preview
  }
  return { watcher, quiet };
}

// The guards every request passes before it reaches a page.
async function handle(s: Session, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { port, host } = s;
  // 1. Only this machine's own address: a rebinding page names another host.
  if (!hostAllowed(req.headers.host, port, host))
    throw new Refusal(421, "Deze werkplaats is alleen te openen op het adres dat bij het starten werd getoond.");
  const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
  // 2. The token of the opening address, exchanged once for a cookie.
  const opening = url.searchParams.get("sleutel");
  if (url.pathname === "/" && opening !== null) {
    if (!sameSecret(opening, s.openingToken))
      throw new Refusal(403, "Deze sleutel hoort niet bij deze werkplaats. Gebruik het adres dat bij het starten werd getoond.");
    res.writeHead(303, {
      location: "/overzicht",
      "set-cookie": `${COOKIE}=${s.sessionSecret}; HttpOnly; SameSite=Strict; Path=/`,
      "cache-control": "no-store",
    });
    res.end();
    return;
  }
  if (!sameSecret(cookieValue(req.headers.cookie, COOKIE), s.sessionSecret)) {
    throw new Refusal(403, "Open de werkplaats met het adres (met sleutel) dat bij het starten werd getoond.");
  }
  // 3. Changes only from our own pages: same origin, and the page's CSRF token.
  if (req.method !== "GET" && req.method !== "HEAD") {
    if (!originAllowed(req.headers.origin, port, host)) throw new Refusal(403, "Een wijziging vanaf een andere website wordt geweigerd.");
    const given = req.headers["x-csrf-token"];
    if (!sameSecret(Array.isArray(given) ? given[0] : given, s.csrf))
      throw new Refusal(403, "De pagina is verouderd; laad haar opnieuw en probeer het nog eens.");
  }
  await route(s, req, res, url);
}
