// Benchmark: how fast the workspace's live preview follows the user, measured in real Chromium
// as a counsellor sees it. Not a test.
//
//   npx tsx bench/werkplaats-preview.ts [--edits 21] [--changes 7]
//
// text edit            on the Tekst page of 2021 (example data, warm: three edits thrown away
//                      first), one sentence is added to the Voorwoord textarea by an input event.
//                      Measured in the page, from the input event until the preview frame has
//                      loaded a report whose text contains that sentence. Includes everything the
//                      user waits for: the POST (sent at once; the editor waits for no pause), the
//                      build (memo: protection, charts and the audit
//                      of the same figures reused; the text scan runs), the event to the
//                      page, fetching the report's body and swapping it into the frame.
// registration change  meldingen.csv with one melding's hours changed (a new value each time) is
//                      uploaded from the Registratie form's code path (fetch), timed from the
//                      upload until the preview frame has loaded the new version: the
//                      protection is computed again (HiGHS), the audit too.
// The server-side build time of each update (from the event) is reported beside it, with the
// CPU time the server process used for it: on a shared machine the difference is waiting.
// The data is a copy of data/ under /tmp without data/gepubliceerd.
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import { findChromium } from "../src/render/chromium.ts";
import { startWerkplaats } from "../src/werkplaats/server.ts";
import { machineLine } from "./machine.ts";

const ROOT = join(import.meta.dirname, "..");
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const EDITS = arg("edits", 21);
const CHANGES = arg("changes", 7);
const load0 = loadavg();

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (xs: number[]): string =>
  `median ${median(xs).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)} (n=${xs.length})`;

const dir = mkdtempSync(join(tmpdir(), "jaarverslag-bench-werkplaats-"));
const dataDir = join(dir, "data");
cpSync(join(ROOT, "data"), dataDir, { recursive: true, filter: (src) => !src.includes("gepubliceerd") });
const werkplaats = await startWerkplaats({ dataDir, outDir: join(dir, "reports") });
const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  // The first preview of the session is built before the Tekst page answers: on a loaded
  // machine that takes longer than puppeteer's default 30 s.
  page.setDefaultNavigationTimeout(300_000);
  page.setDefaultTimeout(300_000);
  // tsx keeps function names with a helper (__name) that the page does not have.
  await page.evaluateOnNewDocument("window.__name = (f) => f");
  const serverMs: number[] = [];
  const serverCpu: number[] = [];
  page.on("console", (m) => {
    const x = /^server (\d+) (\d+)$/.exec(m.text());
    if (x) {
      serverMs.push(Number(x[1]));
      serverCpu.push(Number(x[2]));
    }
  });
  await page.goto(werkplaats.url);
  await page.goto(werkplaats.url.replace(/\/\?.*$/, "/tekst?jaar=2021"));
  await page.waitForFunction(() =>
    (document.getElementById("voorbeeld") as HTMLIFrameElement).contentDocument?.body?.innerText.includes("Voorwoord"),
  );
  // The server's own build time of each update, from the same events the page listens to.
  await page.evaluate(() => {
    const events = new EventSource("/gebeurtenissen");
    events.addEventListener("voorbeeld", (m) =>
      console.log(`server ${JSON.parse((m as MessageEvent).data).ms} ${JSON.parse((m as MessageEvent).data).cpuMs}`),
    );
  });

  /** Adds a sentence; resolves with the ms until the preview frame shows it. */
  const edit = (n: number): Promise<number> =>
    page.evaluate((marker: string) => {
      return new Promise<number>((done) => {
        const area = document.getElementById("tekst-voorwoord") as HTMLTextAreaElement;
        const frame = document.getElementById("voorbeeld") as HTMLIFrameElement;
        const t0 = performance.now();
        const onLoad = (): void => {
          if (frame.contentDocument?.body?.innerText.includes(marker)) {
            frame.removeEventListener("bijgewerkt", onLoad);
            done(performance.now() - t0);
          }
        };
        frame.addEventListener("bijgewerkt", onLoad);
        area.value = area.value.replace(/\n\nMeting \d+\.$/, "") + `\n\n${marker}`;
        area.dispatchEvent(new Event("input", { bubbles: true }));
      });
    }, `Meting ${n}.`);

  for (let i = 0; i < 3; i++) await edit(1000 + i);
  serverMs.length = 0;
  serverCpu.length = 0;
  const textMs: number[] = [];
  for (let i = 0; i < EDITS; i++) textMs.push(await edit(i));
  const textServer = serverMs.splice(0);
  const textCpu = serverCpu.splice(0);

  const csv = readFileSync(join(dataDir, "meldingen.csv"), "utf8");
  const row = csv.split("\n").find((l) => l.startsWith("M2021-01,"))!;
  const variant = (k: number): string => {
    const cells = row.split(",");
    cells[6] = (1 + k / 2).toFixed(1); // new hours each time: no protection to reuse
    return csv.replace(row, cells.join(","));
  };
  const change = (k: number): Promise<number> =>
    page.evaluate((body: string) => {
      return new Promise<number>((done) => {
        const frame = document.getElementById("voorbeeld") as HTMLIFrameElement;
        const before = frame.dataset["versie"];
        const t0 = performance.now();
        const onLoad = (): void => {
          if (frame.dataset["versie"] !== before) {
            frame.removeEventListener("bijgewerkt", onLoad);
            done(performance.now() - t0);
          }
        };
        frame.addEventListener("bijgewerkt", onLoad);
        const csrf = document.querySelector('meta[name="csrf-token"]')!.getAttribute("content")!;
        void fetch("/registratie/upload?naam=meldingen.csv", {
          method: "POST",
          headers: { "x-csrf-token": csrf, "content-type": "application/octet-stream" },
          body,
        });
      });
    }, variant(k));
  await change(1); // warm: the first protection of a new file
  serverMs.length = 0;
  serverCpu.length = 0;
  const changeMs: number[] = [];
  for (let k = 2; k < 2 + CHANGES; k++) changeMs.push(await change(k));
  const changeServer = serverMs.splice(0);
  const changeCpu = serverCpu.splice(0);

  console.log(`Text edit → preview shows it:            ${fmt(textMs)}`);
  console.log(`  the server's build:                     ${fmt(textServer)}; its CPU time median ${median(textCpu).toFixed(0)} ms`);
  console.log(`Registration change → preview updated:   ${fmt(changeMs)}`);
  console.log(`  the server's build:                     ${fmt(changeServer)}; its CPU time median ${median(changeCpu).toFixed(0)} ms`);
  console.log(machineLine(load0));
} finally {
  await browser.close();
  await werkplaats.close();
}
