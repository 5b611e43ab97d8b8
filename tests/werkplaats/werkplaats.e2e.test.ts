// The workspace end to end, in real Chromium, as a counsellor works through a year: one
// server, one browser, a sequence of steps. Oracles: the example data's own rows, the text we
// type, the mistakes we put in, and the PDF read back with pdfjs.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWerkplaats, type Werkplaats } from "../../src/werkplaats/server.ts";
import { copyOfExampleData, printRenderer } from "../helpers/cli.ts";
import { readPdf } from "../helpers/pdf-read.ts";
import { workbookBytes } from "../ingest/xlsx-helpers.ts";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const SHOTS = process.env["WERKPLAATS_SCREENSHOTS"];

let dataDir: string;
let outDir: string;
let werkplaats: Werkplaats;
let browser: Browser;
let page: Page;
let base: string;

/** meldingen.csv of the example data as rows (it has no quoted fields). */
function meldingenRows(): string[][] {
  return readFileSync(join(dataDir, "meldingen.csv"), "utf8")
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(","));
}

async function axeViolations(): Promise<string[]> {
  await page.evaluate(AXE);
  const result = (await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe;
    // The preview frame is the report itself (tested by the render tests); the page around it here.
    return axe.run({ exclude: [["iframe"]] }, { resultTypes: ["violations"] });
  })) as { violations: { id: string; nodes: { target: unknown }[] }[] };
  return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

async function shot(name: string, fullPage = true): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) as `${string}.png`, fullPage });
}

/** Focus an element by Tab presses only (proves it is in the tab order), then press Enter. */
async function tabToAndEnter(selector: string, maxTabs = 80): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) {
      await page.keyboard.press("Enter");
      return;
    }
  }
  throw new Error(`${selector} is niet met Tab te bereiken`);
}

async function tableText(): Promise<string> {
  return page.$eval("main", (m) => (m as HTMLElement).innerText);
}

async function previewText(): Promise<string> {
  return page.$eval("#voorbeeld", (f) => (f as HTMLIFrameElement).contentDocument?.body?.innerText ?? "");
}

beforeAll(async () => {
  dataDir = copyOfExampleData("werkplaats-e2e-");
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
  await page.setBypassCSP(true); // only to inject axe-core; the server's CSP is tested below
  await page.setViewport({ width: 1400, height: 900 });
  // The first Overzicht builds the year's preview (a protection of up to three layouts), and a
  // publication protects again: on a busy shared machine that takes longer than puppeteer's 30 s.
  page.setDefaultTimeout(110_000);
});

afterAll(async () => {
  await browser?.close();
  await werkplaats?.close();
});

describe("a year in the workspace", () => {
  it("opens with the key, then works on the cookie alone", async () => {
    expect(werkplaats.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?sleutel=[\w-]{20,}$/);
    await page.goto(werkplaats.url);
    expect(page.url()).toBe(`${base}/overzicht`);
    expect(await tableText()).toContain("Wat nog moet voor het jaarverslag 2021");
    expect(await tableText()).toContain("33 meldingen geregistreerd in 2021");
    expect(await axeViolations()).toEqual([]);
    await shot("1-overzicht");
    // The first Tab reaches the skip link, then the menu in reading order.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Naar de inhoud");
    const menu: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      menu.push(await page.evaluate(() => document.activeElement?.textContent ?? ""));
    }
    expect(menu).toEqual(["Overzicht", "Registratie", "Tekst", "Bescherming", "Publiceren", "Handleiding"]);
  }, 240_000);

  it("reads a workbook with mistakes, keeps the previous version, shows every problem, and then the fixed one", async () => {
    const rows = meldingenRows();
    const header = rows[0]!;
    const wrong = rows.map((r) => [...r]);
    wrong[3]![header.indexOf("uren")] = "veel"; // Excel row 4
    wrong[6]![header.indexOf("vertrouwenspersoon")] = "VP-ZZ"; // Excel row 7
    const file = join(dataDir, "..", "meldingen.xlsx");
    writeFileSync(file, await workbookBytes([{ name: "meldingen", rows: wrong }]));

    await page.goto(`${base}/registratie`);
    expect(await tableText()).toContain("Geen problemen gevonden");
    const input = await page.$("input#bestanden");
    await input!.uploadFile(file);
    await Promise.all([page.waitForNavigation(), tabToAndEnter("#upload button")]);
    const text = await tableText();
    expect(text).toContain("meldingen.xlsx is ingelezen als meldingen.xlsx");
    expect(text).toMatch(/De vorige versie \(meldingen\.csv\) staat in vorige-versies\//);
    const backups = readdirSync(join(dataDir, "vorige-versies"));
    expect(readFileSync(join(dataDir, "vorige-versies", backups[0]!, "meldingen.csv"), "utf8")).toBe(
      rows.map((r) => r.join(",")).join("\n") + "\n",
    );
    expect(existsSync(join(dataDir, "meldingen.csv"))).toBe(false);
    // Each mistake in the table: file, row, column, value, what would be valid.
    const cells = await page.$$eval("table.problemen tbody tr", (trs) =>
      trs.map((tr) => [...(tr as HTMLTableRowElement).cells].slice(0, 4).map((c) => c.textContent)),
    );
    expect(cells).toContainEqual(["meldingen.xlsx, tabblad meldingen", "4", "uren", "veel"]);
    expect(cells).toContainEqual(["meldingen.xlsx, tabblad meldingen", "7", "vertrouwenspersoon", "VP-ZZ"]);
    expect(text).toMatch(/onbekende vertrouwenspersoon; bekend zijn: VP-/);
    expect(await axeViolations()).toEqual([]);
    // Sorted by row, descending after two presses of Enter on the column's button.
    await tabToAndEnter('thead button[data-kolom="1"]');
    await page.keyboard.press("Enter");
    const order = await page.$$eval("table.problemen tbody tr", (trs) =>
      trs.map((tr) => Number((tr as HTMLTableRowElement).cells[1]!.textContent)),
    );
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(await page.$eval("thead th:nth-child(2)", (th) => th.getAttribute("aria-sort"))).toBe("descending");
    await shot("2-registratie");

    writeFileSync(file, await workbookBytes([{ name: "meldingen", rows }]));
    await (await page.$("input#bestanden"))!.uploadFile(file);
    await Promise.all([page.waitForNavigation(), tabToAndEnter("#upload button")]);
    expect(await tableText()).toContain("Geen problemen gevonden: de registratie is in orde.");

    // One counsellor's row wrong (active until before they started): every melding and
    // activity row of that counsellor follows from it, folded under the one cause.
    const vpOriginal = readFileSync(join(dataDir, "vertrouwenspersonen.csv"), "utf8");
    const vpLines = vpOriginal.split("\n");
    const vpRow = vpLines.findIndex((l) => l.startsWith("VP-A2,"));
    const vpWrong = [...vpLines];
    vpWrong[vpRow] = vpLines[vpRow]!.replace(/,$/, ",2010-01");
    const vpFile = join(dataDir, "..", "vertrouwenspersonen.csv");
    writeFileSync(vpFile, vpWrong.join("\n"));
    // Oracle: the example data's own rows that name VP-A2 (in meldingen, possibly jointly, and activiteiten).
    const followOn =
      rows.slice(1).filter((r) => r[header.indexOf("vertrouwenspersoon")]!.split("|").includes("VP-A2")).length +
      readFileSync(join(dataDir, "activiteiten.csv"), "utf8")
        .split("\n")
        .filter((l) => l.split(",")[1] === "VP-A2").length;
    await (await page.$("input#bestanden"))!.uploadFile(vpFile);
    await Promise.all([page.waitForNavigation(), tabToAndEnter("#upload button")]);
    const causes = await page.$$eval("table.problemen tbody tr", (trs) =>
      trs.map((tr) => [...(tr as HTMLTableRowElement).cells].slice(0, 3).map((c) => c.firstChild?.textContent ?? "")),
    );
    expect(causes).toEqual([["vertrouwenspersonen.csv", String(vpRow + 1), "actief_tot"]]);
    expect(await page.$eval("details.gevolg summary", (x) => x.textContent)).toContain(`${followOn} gevolgproblemen`);
    await tabToAndEnter("details.gevolg summary"); // opens with Enter
    expect(await page.$eval("details.gevolg", (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.$$eval("details.gevolg li", (li) => li.length)).toBe(followOn);
    await shot("2b-registratie-gevolgproblemen");
    writeFileSync(vpFile, vpOriginal);
    await (await page.$("input#bestanden"))!.uploadFile(vpFile);
    await Promise.all([page.waitForNavigation(), tabToAndEnter("#upload button")]);
    expect(await tableText()).toContain("Geen problemen gevonden: de registratie is in orde.");
    expect(readdirSync(join(dataDir, "vorige-versies")).length).toBeGreaterThanOrEqual(1);
    // The download of a new workbook is a real workbook.
    const workbook = await page.evaluate(async () => {
      const r = await fetch("/registratie/werkboek");
      return { type: r.headers.get("content-type"), size: (await r.arrayBuffer()).byteLength };
    });
    expect(workbook.type).toContain("spreadsheetml");
    expect(workbook.size).toBeGreaterThan(5000);
  });

  it("writes a section beside the live preview, and marks a text-scan finding in place", async () => {
    await page.goto(`${base}/tekst?jaar=2021`);
    await page.waitForFunction(() =>
      (document.getElementById("voorbeeld") as HTMLIFrameElement).contentDocument?.body?.innerText.includes("Voorwoord"),
    );
    const area = "#tekst-voorwoord";
    await page.focus(area);
    await page.keyboard.press("End");
    await page.evaluate((s) => {
      const t = document.querySelector(s) as HTMLTextAreaElement;
      t.setSelectionRange(t.value.length, t.value.length);
    }, area);
    await page.keyboard.type("\n\nWij danken de griffie voor de prettige samenwerking.");
    await page.waitForFunction(
      () =>
        (document.getElementById("voorbeeld") as HTMLIFrameElement).contentDocument?.body?.innerText.includes(
          "Wij danken de griffie voor de prettige samenwerking.",
        ),
      { timeout: 20_000 },
    );
    expect(readFileSync(join(dataDir, "verslag", "2021.md"), "utf8")).toContain("Wij danken de griffie voor de prettige samenwerking.");
    expect(await axeViolations()).toEqual([]);
    // Typing does not move the page: the editor stays where it was, only the preview scrolls.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await shot("3-tekst", false);

    await page.keyboard.type(" Er kwamen twee meldingen over pesten binnen.");
    // The finding shows up while typing; wait for the one on the whole sentence.
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>("#vondst-voorwoord .vondst")?.innerText.includes("pesten binnen."),
      { timeout: 20_000 },
    );
    expect(await page.$eval("#vondst-voorwoord", (d) => (d as HTMLElement).innerText)).toContain(
      "Er kwamen twee meldingen over pesten binnen.",
    );
    // Marked in place: exactly the words the scan found.
    expect(await page.$eval("#vondst-voorwoord mark", (m) => m.textContent)).toBe("twee meldingen");
    expect(await page.$eval(area, (t) => t.getAttribute("aria-invalid"))).toBe("true");
    // The preview keeps the last version without the sentence.
    expect(await previewText()).not.toContain("twee meldingen over pesten");
    expect(await page.$eval("#voorbeeld-status", (p) => p.textContent)).toContain("pas de gemarkeerde zin aan");
    await shot("3b-tekst-vondst", false);
  });

  it("refuses to publish while the text has the finding, with the reason and what to do", async () => {
    await page.goto(`${base}/publiceren?jaar=2021`);
    await tabToAndEnter('#publiceer button[type="submit"]');
    await page.waitForSelector("#weigering h3", { timeout: 60_000 });
    const refusal = await page.$eval("#weigering", (d) => (d as HTMLElement).innerText);
    expect(refusal).toContain("Het verslag is niet gemaakt.");
    expect(refusal).toContain("verslag/2021.md");
    expect(refusal).toContain("Wat nu: Pas de tekst aan op de pagina Tekst");
    expect(existsSync(join(outDir, "2021"))).toBe(false);
  });

  it("takes the sentence out again; the finding goes away", async () => {
    await page.goto(`${base}/tekst?jaar=2021`);
    await page.waitForSelector("#vondst-voorwoord .vondst");
    const area = "#tekst-voorwoord";
    const value = await page.$eval(area, (t) => (t as HTMLTextAreaElement).value);
    const cut = " Er kwamen twee meldingen over pesten binnen.";
    expect(value.endsWith(cut)).toBe(true);
    await page.focus(area);
    await page.evaluate((s) => {
      const t = document.querySelector(s) as HTMLTextAreaElement;
      t.setSelectionRange(t.value.length, t.value.length);
    }, area);
    for (let i = 0; i < cut.length; i++) await page.keyboard.press("Backspace");
    await page.waitForFunction(
      () =>
        document.querySelector("#vondst-voorwoord .vondst") === null &&
        document.querySelector("#tekst-voorwoord")!.getAttribute("aria-invalid") === null,
      { timeout: 20_000 },
    );
  });

  it("shows what is hidden and why, marked internal", async () => {
    await page.goto(`${base}/bescherming?jaar=2021`);
    const text = await tableText();
    expect(text).toContain("INTERN — alleen voor de vertrouwenspersonen.");
    expect(text).toMatch(/Het verslag drukt \d+ cijfers af; \d+ cijfers zijn verborgen/);
    // The information measure, checked against the table on the same page.
    const [printed, hidden] = /drukt (\d+) cijfers af; (\d+) cijfers/.exec(text)!.slice(1).map(Number) as [number, number];
    expect(await page.$$eval("table tbody tr", (r) => r.length)).toBe(hidden);
    expect(text).toContain(`Informatieverlies: ${Math.round((100 * hidden) / printed)}% van de cijfers`);
    expect(await page.$$eval("table tbody tr", (r) => r.length)).toBeGreaterThan(0);
    expect(await axeViolations()).toEqual([]);
    await shot("4-bescherming");
  });

  it("publishes the public and the confidential report, with progress, and enters them in the register", async () => {
    await page.goto(`${base}/publiceren?jaar=2021`);
    expect(await axeViolations()).toEqual([]);
    const publishOnce = async (): Promise<string> => {
      await tabToAndEnter('#publiceer button[type="submit"]');
      await page.waitForFunction(
        () => document.getElementById("publiceer-status")?.textContent?.startsWith("Klaar") || document.querySelector("#weigering h3"),
        { timeout: 230_000 },
      );
      expect(await page.$("#weigering h3")).toBeNull();
      const bars = await page.$$eval("#voortgang progress", (ps) => ps.map((p) => (p as HTMLProgressElement).value));
      expect(bars).toEqual([1, 1]); // protecting, and the one document
      const href = await page.$eval("#bestanden-lijst a[href$='.pdf']", (a) => a.getAttribute("href")!);
      const bytes = await page.evaluate(
        async (h) => Array.from(new Uint8Array(await (await fetch(h)).arrayBuffer())),
        href.replace(/$/, "&download=1"),
      );
      const pdf = await readPdf(new Uint8Array(bytes));
      return pdf.pages.join("\n");
    };
    const publicText = await publishOnce();
    expect(publicText).toContain("Wij danken de griffie voor de prettige samenwerking.");
    expect(publicText).not.toContain("Vertrouwelijk");
    await shot("5-publiceren");

    await page.focus('input[name="publiek"][value="openbaar"]');
    await page.keyboard.press("ArrowDown"); // radio group: the arrow keys choose
    expect(await page.$eval('input[name="publiek"][value="vertrouwelijk"]', (r) => (r as HTMLInputElement).checked)).toBe(true);
    const confidentialText = await publishOnce();
    expect(confidentialText).toContain("Vertrouwelijk");
    const register = await page.$eval("#register-tabel", (t) => (t as HTMLElement).innerText);
    expect(register).toContain("jaarverslag-vpoo-2021-openbaar");
    expect(register).toContain("jaarverslag-vpoo-2021-vertrouwelijk");
    expect(readdirSync(join(dataDir, "gepubliceerd")).sort()).toEqual([
      "2021-openbaar-woordenlijst-versie-1.json",
      "2021-vertrouwelijk-woordenlijst-versie-1.json",
    ]);
    await page.goto(`${base}/overzicht?jaar=2021`);
    expect(await tableText()).toMatch(/✓ klaar Jaarverslag 2021 openbaar gepubliceerd/);
  }, 480_000);

  it("serves the guide, without accessibility violations", async () => {
    await page.goto(`${base}/handleiding`);
    expect(await tableText()).toContain("Handleiding");
    expect(await axeViolations()).toEqual([]);
    await shot("6-handleiding");
  });
});
