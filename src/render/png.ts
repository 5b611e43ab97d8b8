// A chart as PNG, ready to paste into the Sociaal Jaarverslag: Chromium screenshots the same
// inline SVG that the PDF prints (with the shipped font), without any request.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import { findChromium } from "./chromium.ts";
import { fontFaceCss } from "./fonts.ts";
import { CHROMIUM_ARGS } from "./pdf.ts";

export async function svgToPng(svg: string, options: { executablePath?: string; scale?: number } = {}): Promise<Uint8Array> {
  const userDataDir = await mkdtemp(join(tmpdir(), "jaarverslag-png-"));
  const browser = await puppeteer.launch({
    executablePath: options.executablePath ?? findChromium(),
    headless: true,
    pipe: true,
    args: [...CHROMIUM_ARGS, `--user-data-dir=${userDataDir}`],
  });
  try {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const url = request.url();
      if (url.startsWith("data:") || url.startsWith("about:")) void request.continue();
      else void request.abort();
    });
    await page.setViewport({ width: 1200, height: 900, deviceScaleFactor: options.scale ?? 2 });
    await page.setContent(`<!DOCTYPE html><html lang="nl-NL"><head><style>${fontFaceCss()} body{margin:0;background:#fff}</style></head><body>${svg}</body></html>`, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    const element = await page.$("svg");
    if (!element) throw new Error("De grafiek bevat geen SVG.");
    const png = await element.screenshot({ type: "png", omitBackground: false });
    return new Uint8Array(png);
  } finally {
    await browser.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}
