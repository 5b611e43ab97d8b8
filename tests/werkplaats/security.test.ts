// The workspace's guards against a real server: each attack is refused, and the same request
// made properly is accepted (so the refusals are not a server that refuses everything).
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWerkplaats, type Werkplaats } from "../../src/werkplaats/server.ts";
import { copyOfExampleData } from "../helpers/cli.ts";

let dataDir: string;
let werkplaats: Werkplaats;
let cookie: string;
let csrf: string;
const LIMIT = 64 * 1024;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: werkplaats.port,
        path,
        method: opts.method ?? "GET",
        headers: { host: `127.0.0.1:${werkplaats.port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", fail);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const own = () => ({ cookie, origin: `http://127.0.0.1:${werkplaats.port}`, "x-csrf-token": csrf });

beforeAll(async () => {
  dataDir = copyOfExampleData("werkplaats-veilig-");
  // The run's disk caches (src/suppression-cache.ts, src/audit-cache.ts) for its previews, as the command passes them.
  werkplaats = await startWerkplaats({ dataDir, outDir: join(dataDir, "..", "reports"), maxUploadBytes: LIMIT, env: process.env });
  const opening = await send(new URL(werkplaats.url).pathname + new URL(werkplaats.url).search);
  expect(opening.status).toBe(303);
  const setCookie = String(opening.headers["set-cookie"]);
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Strict/);
  cookie = setCookie.split(";")[0]!;
  const page = await send("/registratie", { headers: { cookie } });
  expect(page.status).toBe(200);
  csrf = /<meta name="csrf-token" content="([^"]+)">/.exec(page.body)![1]!;
  writeFileSync(join(dataDir, "..", "buiten.txt"), "geheim");
});

afterAll(async () => {
  await werkplaats?.close();
});

describe("the workspace refuses", () => {
  it("a request whose Host is not its own address (DNS rebinding)", async () => {
    expect((await send("/overzicht", { headers: { cookie, host: "evil.example" } })).status).toBe(421);
    expect((await send("/overzicht", { headers: { cookie, host: `evil.example:${werkplaats.port}` } })).status).toBe(421);
    expect((await send("/overzicht", { headers: { cookie } })).status).toBe(200);
  });

  it("a request without the session's key or cookie, or with a wrong key", async () => {
    const none = await send("/overzicht");
    expect(none.status).toBe(403);
    expect(none.body).toContain("Open de werkplaats met het adres");
    expect((await send("/?sleutel=fout")).status).toBe(403);
    expect((await send("/overzicht", { headers: { cookie: "werkplaats=fout" } })).status).toBe(403);
    expect((await send("/gebeurtenissen")).status).toBe(403);
    expect((await send("/voorbeeld.html?jaar=2021")).status).toBe(403);
  });

  it("a change posted from another site, or without the page's CSRF token", async () => {
    const body = JSON.stringify({ jaar: 2021, titel: "Team", tekst: "Gewijzigd." });
    const json = { "content-type": "application/json" };
    expect(
      (await send("/tekst/sectie", { method: "POST", body, headers: { ...json, ...own(), origin: "http://evil.example" } })).status,
    ).toBe(403);
    expect((await send("/tekst/sectie", { method: "POST", body, headers: { ...json, cookie, "x-csrf-token": csrf } })).status).toBe(403); // no Origin
    expect((await send("/tekst/sectie", { method: "POST", body, headers: { ...json, cookie, origin: own().origin } })).status).toBe(403); // no token
    expect((await send("/tekst/sectie", { method: "POST", body, headers: { ...json, ...own(), "x-csrf-token": "fout" } })).status).toBe(
      403,
    );
    const form = { "content-type": "application/x-www-form-urlencoded" };
    expect(
      (
        await send("/publiceren", {
          method: "POST",
          body: "jaar=2021&publiek=openbaar&documenten=vpoo",
          headers: { ...form, cookie, origin: "http://evil.example", "x-csrf-token": csrf },
        })
      ).status,
    ).toBe(403);
    expect(existsSync(join(dataDir, "gepubliceerd"))).toBe(false);
    // Made properly, the same change is accepted.
    expect((await send("/tekst/sectie", { method: "POST", body, headers: { ...json, ...own() } })).status).toBe(200);
  });

  it("a path outside the report folder, or into its internal log", async () => {
    for (const pad of [
      "../buiten.txt",
      "..%2Fbuiten.txt",
      "%2Fetc%2Fpasswd",
      "..%5Cbuiten.txt",
      "2021%2F..%2F..%2Fbuiten.txt",
      "..%2Fdata%2Fmeldingen.csv",
      "2021%2Fintern%2F2021-openbaar.onderdrukkingslog.json",
    ]) {
      const answer = await send(`/bestand?pad=${pad}`, { headers: { cookie } });
      expect(answer.status, pad).toBe(404);
      expect(answer.body).not.toContain("geheim");
    }
    const before = readdirSync(join(dataDir, "..")).sort();
    const upload = await send(`/registratie/upload?naam=${encodeURIComponent("../../buiten.csv")}`, {
      method: "POST",
      body: "x",
      headers: own(),
    });
    expect(upload.status).toBe(400);
    expect(readdirSync(join(dataDir, "..")).sort()).toEqual(before);
    // A file in the data folder that links out is neither read (into the backup) nor replaced.
    symlinkSync(join(dataDir, "..", "buiten.txt"), join(dataDir, "klachten.xlsx"));
    const linked = await send("/registratie/upload?naam=klachten.csv", {
      method: "POST",
      body: "id,datum,ontvankelijk,advies\n",
      headers: own(),
    });
    expect(linked.status).toBe(400);
    expect(readFileSync(join(dataDir, "..", "buiten.txt"), "utf8")).toBe("geheim");
    expect(existsSync(join(dataDir, "vorige-versies"))).toBe(false);
    rmSync(join(dataDir, "klachten.xlsx"));
    const text = await send("/tekst/sectie", {
      method: "POST",
      body: JSON.stringify({ jaar: "../../x", titel: "Team", tekst: "x" }),
      headers: { "content-type": "application/json", ...own() },
    });
    expect(text.status).toBe(400);
  });

  it("an upload larger than the limit, and writes nothing", async () => {
    const big = Buffer.alloc(LIMIT + 1, 65);
    const answer = await send("/registratie/upload?naam=meldingen.csv", {
      method: "POST",
      body: big,
      headers: { ...own(), "content-type": "application/octet-stream" },
    });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("te groot");
    expect(existsSync(join(dataDir, "vorige-versies"))).toBe(false);
  });

  it("anything from outside in its pages: the Content-Security-Policy allows only itself", async () => {
    const page = await send("/overzicht", { headers: { cookie } });
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
    const preview = await send("/voorbeeld.html?jaar=2021", { headers: { cookie } });
    expect(String(preview.headers["content-security-policy"])).toContain("default-src 'none'");
    expect(preview.body).toContain("<html");
  });
});
