/**
 * Chromium → PDF. One browser session renders many documents; nothing is ever fetched.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import type { Browser, HTTPRequest, Page, PDFOptions } from "puppeteer-core";
import { findChromium } from "./chromium.ts";
import { FONT_STACK, headerFooterFontFaceCss } from "./fonts.ts";
import { finishPdf, type PdfMeta } from "./pdf-finish.ts";
import { escapeHtml } from "../html.ts";

export interface Renderer {
  pdf(html: string, meta: PdfMeta): Promise<Uint8Array>;
  /**
   * The same pages, laid out exactly as `pdf` lays them out, but without the structure tags,
   * the outline and the metadata: only to read where each heading falls (the table of
   * contents), and about half the work.
   */
  draft(html: string, meta: PdfMeta): Promise<Uint8Array>;
  /** The first `<svg>` of the HTML as PNG (a chart to paste into another document). */
  png(html: string, scale?: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface RendererOptions {
  executablePath?: string;
}

export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--font-render-hinting=none",
  // Defence in depth: even a request that slipped past the interception cannot resolve a
  // host name.
  "--host-resolver-rules=MAP * ~NOTFOUND",
];

const TIMEOUT_MS = 120_000;

/** A4 page margins; the header and footer templates use the same left/right margin. */
const MARGIN = { top: "22mm", bottom: "20mm", left: "20mm", right: "20mm" } as const;

// Header and footer are rendered by Chromium in a separate document that does not see the
// page's web fonts, so they carry their own (small, inlined) @font-face rules. Their default
// font size is tiny and their colours are not printed unless asked for.
/** Text colour of the running header and footer (on white; see tests/render/colours.test.ts). */
export const HEADER_FOOTER_COLOUR = "#333333";

const TEMPLATE_STYLE =
  `font-family: ${FONT_STACK}; font-size: 8pt; color: ${HEADER_FOOTER_COLOUR}; ` +
  `-webkit-print-color-adjust: exact; print-color-adjust: exact; ` +
  `width: 100%; box-sizing: border-box; margin: 0 ${MARGIN.right} 0 ${MARGIN.left};`;

export function headerTemplate(meta: Pick<PdfMeta, "runningHeader" | "confidential" | "markering">): string {
  const confidential = meta.confidential ? `<span style="font-weight: 700;">Vertrouwelijk</span>` : "";
  const line = (style: string) =>
    `<div style="${style} display: flex; justify-content: space-between; align-items: baseline;">` +
    `<span>${escapeHtml(meta.runningHeader)}</span>${confidential}</div>`;
  if (!meta.markering) return `<style>${headerFooterFontFaceCss()}</style>` + line(`${TEMPLATE_STYLE} padding-top: 8mm;`);
  // A concept (or revision) marking goes on a line of its own above the running header: it can
  // be long ("wijkt af van het verzonden verslag: …").
  return (
    `<style>${headerFooterFontFaceCss()}</style>` +
    `<div style="${TEMPLATE_STYLE} padding-top: 4mm;">` +
    `<div style="font-weight: 700; color: #8b0000;">${escapeHtml(meta.markering)}</div>` +
    line("padding-top: 1mm;") +
    `</div>`
  );
}

export function footerTemplate(): string {
  return (
    `<style>${headerFooterFontFaceCss()}</style>` +
    `<div style="${TEMPLATE_STYLE} text-align: center; padding-bottom: 8mm;">` +
    `pagina <span class="pageNumber"></span> van <span class="totalPages"></span></div>`
  );
}

function isAllowedUrl(url: string): boolean {
  return url.startsWith("data:") || url.startsWith("about:");
}

/** The HTML asked for something from outside; the message is for the user. */
class BlockedError extends Error {
  override name = "BlockedError";
}

function blockedMessage(urls: readonly string[]): string {
  const list = [...new Set(urls)];
  const shown = list.slice(0, 5).join(", ") + (list.length > 5 ? ` (en nog ${list.length - 5})` : "");
  return (
    `De HTML van het jaarverslag vraagt een externe bron op: ${shown}. ` +
    "Bij het maken van de PDF wordt niets opgehaald; neem afbeeldingen, lettertypen en " +
    "stijlen op in de HTML zelf (als data:-URL)."
  );
}

/** Chromium's print options for every document (the benchmark's floor prints with these too). */
export function pdfOptions(meta: Pick<PdfMeta, "runningHeader" | "confidential" | "markering">): PDFOptions {
  return {
    format: "A4",
    printBackground: true,
    tagged: true,
    outline: true,
    displayHeaderFooter: true,
    headerTemplate: headerTemplate(meta),
    footerTemplate: footerTemplate(),
    margin: MARGIN,
    timeout: TIMEOUT_MS,
  };
}

/** Starts a headless Chromium without a debugging port; a failure in Dutch, naming the program. */
async function launchBrowser(executablePath: string, userDataDir: string): Promise<Browser> {
  try {
    return await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true, // no debugging port on the machine
      timeout: TIMEOUT_MS,
      args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`],
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Chromium (${executablePath}) kon niet worden gestart: ${reason}. ` +
        "Controleer of dit een werkende Chromium of Google Chrome is, of wijs een andere aan " +
        "met JAARVERSLAG_CHROMIUM.",
      { cause: error },
    );
  }
}

/** A page to print on. Each page keeps its own list of refused requests, emptied before every print. */
interface PrintPage {
  page: Page;
  blocked: string[];
}

async function openPrintPage(browser: Browser): Promise<PrintPage> {
  const page = await browser.newPage();
  const state: PrintPage = { page, blocked: [] };
  page.setDefaultTimeout(TIMEOUT_MS);
  await page.setRequestInterception(true);
  page.on("request", (request: HTTPRequest) => {
    const url = request.url();
    if (isAllowedUrl(url)) {
      void request.continue().catch(() => undefined);
    } else {
      state.blocked.push(url);
      void request.abort("blockedbyclient").catch(() => undefined);
    }
  });
  // Chromium refuses file: URLs from this page without a request event; it only says so
  // on the console. The HTML asked for it all the same.
  page.on("console", (message) => {
    const refused = /^Not allowed to load local resource: (\S+)/.exec(message.text());
    if (refused?.[1] !== undefined) state.blocked.push(refused[1]);
  });
  return state;
}

/** The first `<svg>` of the HTML as PNG, on a page of its own. */
async function screenshotSvg(browser: Browser, html: string, scale: number): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setRequestInterception(true);
    page.on("request", (request: HTTPRequest) => {
      if (isAllowedUrl(request.url())) void request.continue().catch(() => undefined);
      else void request.abort("blockedbyclient").catch(() => undefined);
    });
    await page.setViewport({ width: 1200, height: 900, deviceScaleFactor: scale });
    await page.setContent(html, { waitUntil: "load", timeout: TIMEOUT_MS });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const element = await page.$("svg");
    if (!element) throw new Error("De grafiek bevat geen SVG.");
    return new Uint8Array(await element.screenshot({ type: "png", omitBackground: false }));
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function openRenderer(options: RendererOptions = {}): Promise<Renderer> {
  const executablePath = options.executablePath ?? findChromium();
  const userDataDir = await mkdtemp(join(tmpdir(), "jaarverslag-chromium-"));
  const browser = await launchBrowser(executablePath, userDataDir);
  let closed = false;

  // Opening a page costs about 100 ms; pages are reused, one per concurrent print.
  const idle: PrintPage[] = [];

  /** Chromium's PDF, before finishPdf. */
  async function print(html: string, meta: PdfMeta, draft = false): Promise<Uint8Array> {
    let state: PrintPage | undefined;
    let reusable = false;
    try {
      state = idle.pop() ?? (await openPrintPage(browser));
      state.blocked.length = 0;
      const { page, blocked } = state;
      await page.setContent(html, { waitUntil: "load", timeout: TIMEOUT_MS });
      // Web fonts may still be decoding after "load"; the PDF must not use a fallback.
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      if (blocked.length > 0) throw new BlockedError(blockedMessage(blocked));
      // Tags and outline add to the file, never move anything on the page.
      const raw = await page.pdf(draft ? { ...pdfOptions(meta), tagged: false, outline: false } : pdfOptions(meta));
      if (blocked.length > 0) throw new BlockedError(blockedMessage(blocked));
      reusable = true;
      return raw;
    } catch (error) {
      if (error instanceof BlockedError) throw error;
      // Puppeteer's own messages (time-outs, a crashed browser) are English.
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Chromium kon de PDF "${meta.title}" niet maken: ${reason}`, {
        cause: error,
      });
    } finally {
      // A page that failed is closed, not reused: its state is unknown.
      if (state && reusable && !closed) idle.push(state);
      else await state?.page.close().catch(() => undefined);
    }
  }

  async function png(html: string, scale = 2): Promise<Uint8Array> {
    if (closed) throw new Error("De renderer is al gesloten.");
    return screenshotSvg(browser, html, scale);
  }

  async function pdf(html: string, meta: PdfMeta): Promise<Uint8Array> {
    if (closed) throw new Error("De PDF-renderer is al gesloten.");
    return finishPdf(await print(html, meta), meta);
  }

  async function draft(html: string, meta: PdfMeta): Promise<Uint8Array> {
    if (closed) throw new Error("De PDF-renderer is al gesloten.");
    return print(html, meta, true);
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    try {
      await browser.close();
    } finally {
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    }
  }

  return { pdf, draft, png, close };
}
