// A revision from the workspace, end to end in real Chromium: publish 2020, a late melding
// arrives through Registratie, adopting again is refused with what to do, a revision without a
// reason is not sent, a revision with a reason is published with its erratum, and the register
// lists both versions. By keyboard only; axe-core on the changed page.
// Oracles: the register test's hand-worked figures for this late corona conversation (it
// counts apart, so the printed "telt niet mee" figure of 2020 goes from 5 to 6), the reason we
// type, and the files the register must hold.
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWerkplaats, type Werkplaats } from "../../src/werkplaats/server.ts";
import { copyOfExampleData, printRenderer } from "../helpers/cli.ts";
import { readPdf } from "../helpers/pdf-read.ts";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
// The late conversation of tests/e2e/register.test.ts: December 2020, corona, registered late.
const LATE =
  "M2020-99,2020-12,ongewenste-omgangsvormen,corona-gerelateerd,ambtelijk,VP-A1,1.0,afgerond-resultaat,hart-luchten,zelf-opgelost,nee\n";
const REDEN = "Een gesprek uit december 2020 is pas in 2021 geregistreerd.";

let dataDir: string;
let outDir: string;
let werkplaats: Werkplaats;
let browser: Browser;
let page: Page;
let base: string;

async function axeViolations(): Promise<string[]> {
  await page.evaluate(AXE);
  const result = (await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    return axe.run(document, { resultTypes: ["violations"] });
  })) as { violations: { id: string; nodes: { target: unknown }[] }[] };
  return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/** Focus an element by Tab presses only (proves it is in the tab order). */
async function tabTo(selector: string, maxTabs = 80): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) return;
  }
  throw new Error(`${selector} is niet met Tab te bereiken`);
}

const text = (selector: string): Promise<string> => page.$eval(selector, (e) => (e as HTMLElement).innerText);

/** Sends the form by keyboard; resolves when the page says it is done or refused. */
async function publishByKeyboard(): Promise<void> {
  await tabTo('#publiceer button[type="submit"]');
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    () =>
      /^(Klaar|Geweigerd)/.test(document.getElementById("publiceer-status")?.textContent ?? "") || document.querySelector("#weigering h3"),
    { timeout: 240_000 },
  );
  expect(await text("#publiceer-status")).not.toMatch(/^Geweigerd/);
}

beforeAll(async () => {
  dataDir = copyOfExampleData("werkplaats-herziening-");
  outDir = join(dataDir, "..", "reports");
  // Prints through the tests' renderer, with the run's print cache (src/print-cache.ts); protects and
  // audits with the run's disk caches (src/suppression-cache.ts, src/audit-cache.ts), as the command does.
  werkplaats = await startWerkplaats({ dataDir, outDir, renderer: printRenderer(), env: process.env });
  base = werkplaats.url.replace(/\/\?.*$/, "");
  browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--lang=nl-NL"],
    // Above every wait of these tests: a busy machine then fails with the wait's own message.
    protocolTimeout: 300_000,
  });
  page = await browser.newPage();
  await page.setBypassCSP(true); // only to inject axe-core
  await page.setViewport({ width: 1400, height: 900 });
  // The first Overzicht builds the year's preview (a protection); the machine may be busy.
  page.setDefaultTimeout(110_000);
  await page.goto(werkplaats.url);
});

afterAll(async () => {
  await browser?.close();
  await werkplaats?.close();
});

describe("a revision from the workspace", () => {
  it("adopts 2020, refuses to adopt it again after a late melding, and publishes a revision with its reason", async () => {
    // 1. The first adoption, as the workspace has always done it.
    await page.goto(`${base}/publiceren?jaar=2020`);
    expect(await axeViolations()).toEqual([]);
    await publishByKeyboard();
    expect(await page.$("#weigering h3")).toBeNull();
    expect(readdirSync(join(dataDir, "gepubliceerd"))).toEqual(["2020-openbaar-woordenlijst-versie-1.json"]);
    const v1 = readFileSync(join(dataDir, "gepubliceerd", "2020-openbaar-woordenlijst-versie-1.json"));

    // 2. A late melding, dropped in on the Registratie page (meldingen.csv with one row more).
    const folder = mkdtempSync(join(tmpdir(), "werkplaats-herziening-upload-"));
    const file = join(folder, "meldingen.csv");
    cpSync(join(dataDir, "meldingen.csv"), file);
    appendFileSync(file, LATE);
    await page.goto(`${base}/registratie`);
    await (await page.$("input#bestanden"))!.uploadFile(file);
    await tabTo("#upload button");
    await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    expect(await text("main")).toContain("Geen problemen gevonden: de registratie is in orde.");

    // 3. Adopting again is refused, in the workspace's words, with both ways forward.
    await page.goto(`${base}/publiceren?jaar=2020`);
    await publishByKeyboard();
    const refused = await text("#weigering");
    expect(refused).toContain("Het openbare verslag over 2020 is al vastgesteld.");
    expect(refused).toContain("Wat nu:");
    expect(refused).toContain("kies hierboven bij Soort voor herziening");
    expect(refused).not.toContain("--"); // no command options in the workspace
    expect(readdirSync(join(dataDir, "gepubliceerd"))).toEqual(["2020-openbaar-woordenlijst-versie-1.json"]);

    // 4. A revision needs a reason: without one nothing is sent.
    await tabTo('input[name="soort"][value="vaststellen"]');
    await page.keyboard.press("ArrowDown"); // the radio group: arrow keys choose
    expect(await page.$eval('input[name="soort"][value="herziening"]', (r) => (r as HTMLInputElement).checked)).toBe(true);
    expect(await page.$eval("#reden", (t) => (t as HTMLTextAreaElement).required)).toBe(true);
    await tabTo('#publiceer button[type="submit"]');
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "reden");
    expect(await text("#publiceer-status")).toContain("Schrijf bij een herziening waarom het verslag wordt herzien");
    expect(await page.$eval("#reden", (t) => t.getAttribute("aria-invalid"))).toBe("true");
    expect(await axeViolations()).toEqual([]);
    expect(readdirSync(join(dataDir, "gepubliceerd"))).toEqual(["2020-openbaar-woordenlijst-versie-1.json"]);

    // 5. With the reason: version 2, beside version 1 (whose bytes stay), with the erratum.
    await page.keyboard.type(REDEN); // the focus is in the reason
    await publishByKeyboard();
    expect(await page.$("#weigering h3")).toBeNull();
    expect(readdirSync(join(dataDir, "gepubliceerd")).sort()).toEqual([
      "2020-openbaar-woordenlijst-versie-1.json",
      "2020-openbaar-woordenlijst-versie-2.json",
    ]);
    expect(readFileSync(join(dataDir, "gepubliceerd", "2020-openbaar-woordenlijst-versie-1.json")).equals(v1)).toBe(true);
    const entry = JSON.parse(readFileSync(join(dataDir, "gepubliceerd", "2020-openbaar-woordenlijst-versie-2.json"), "utf8")) as {
      versie: number;
      reden: string;
    };
    expect(entry).toMatchObject({ versie: 2, reden: REDEN });
    const href = await page.$eval("#bestanden-lijst a[href$='.pdf']", (a) => a.getAttribute("href")!);
    expect(decodeURIComponent(href)).toContain("2020/vastgesteld/openbaar-versie-2/");
    const bytes = await page.evaluate(async (h) => Array.from(new Uint8Array(await (await fetch(h)).arrayBuffer())), `${href}&download=1`);
    const pdf = (await readPdf(new Uint8Array(bytes))).pages.join(" ").replace(/\s+/g, " ");
    expect(pdf).toContain("Erratum");
    expect(pdf).toContain(`Reden: ${REDEN}`);
    expect(pdf).toContain("(telt niet mee), 2020: eerder 5, nu 6");
    expect(await axeViolations()).toEqual([]);

    // 6. The Overzicht lists both versions.
    await page.goto(`${base}/overzicht?jaar=2020`);
    const rows = await page.$$eval("#register-tabel tbody tr", (trs) =>
      trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent)),
    );
    expect(rows).toEqual([
      [
        "Jaarverslag vertrouwenspersonen ongewenste omgangsvormen",
        "2020",
        "openbaar",
        expect.any(String),
        "jaarverslag-vpoo-2020-openbaar",
      ],
      [
        "Jaarverslag vertrouwenspersonen ongewenste omgangsvormen (herziening, versie 2)",
        "2020",
        "openbaar",
        expect.any(String),
        "jaarverslag-vpoo-2020-openbaar",
      ],
    ]);
    expect(await axeViolations()).toEqual([]);
  }, 600_000);

  it("refuses a revision of a report that was never adopted, and says to adopt it instead", async () => {
    await page.goto(`${base}/publiceren?jaar=2021`);
    await tabTo('input[name="soort"][value="vaststellen"]');
    await page.keyboard.press("ArrowDown");
    await tabTo("#reden");
    await page.keyboard.type("Een correctie.");
    // This refusal is quick: the server may say it before the page has read the number of its
    // task (on a busy machine it did, and the page waited for ever). Made certain here by
    // holding back the answer to the form by two seconds; the refusal must still be shown.
    await page.evaluate(() => {
      const send = window.fetch.bind(window);
      window.fetch = async (...args: Parameters<typeof fetch>) => {
        const response = await send(...args);
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        return response;
      };
    });
    await publishByKeyboard();
    const refused = await text("#weigering");
    expect(refused).toContain("Er is nog geen openbaar verslag over 2021 vastgesteld, dus er valt niets te herzien.");
    expect(refused).toContain("Wat nu: Kies hierboven bij Soort voor vaststellen.");
    expect(readdirSync(join(dataDir, "gepubliceerd")).some((f) => f.startsWith("2021"))).toBe(false);
  }, 300_000);
});
