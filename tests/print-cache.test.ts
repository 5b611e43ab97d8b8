// The run's print cache (src/print-cache.ts) returns what the renderer would print:
// a print read back equals a fresh print of the same input by another Chromium, byte for byte
// (a draft: its headings on the same pages);
// any other input is printed anew; a failed print is not kept; Chromium starts only for a print
// the folder does not hold, and only when the environment names the folder.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cachedPrinting, cachedRenderer } from "../src/print-cache.ts";
import type { PdfMeta } from "../src/render/pdf-finish.ts";
import { openRenderer, type Renderer } from "../src/render/pdf.ts";
import { headingPages } from "../src/render/toc-pages.ts";

const META: PdfMeta = {
  title: "Proefverslag",
  subject: "Proefverslag, Tweede Kamer",
  author: "Vertrouwenspersonen",
  keywords: ["vpoo", "2021"],
  lang: "nl-NL",
  runningHeader: "Proefverslag",
  confidential: false,
  markering: "Concept",
  creationDate: new Date("2022-03-01T00:00:00Z"),
};
// Two sections, the second on page 2, both linked from a contents list (so both are named
// destinations: what a draft is read for, src/render/toc-pages.ts).
const HTML = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Proef</title></head>
<body><ul><li><a href="#a">Meldingen</a></li><li><a href="#b">Uren</a></li></ul>
<h1 id="a">Meldingen</h1><p>In totaal 13 meldingen, 21,5 uur.</p>
<svg width="40" height="20"><rect width="40" height="20" fill="#336"/></svg>
<h1 id="b" style="break-before: page">Uren</h1></body></html>`;

/** A renderer that counts its prints and answers with bytes made from its input (or fails when told). */
function counting(): Renderer & { calls: string[]; fail: boolean } {
  const calls: string[] = [];
  const state = { calls, fail: false };
  const answer = (what: string) => {
    calls.push(what);
    if (state.fail) return Promise.reject(new Error("Chromium kon de PDF niet maken"));
    return Promise.resolve(new TextEncoder().encode(what));
  };
  return Object.assign(state, {
    pdf: (html: string, meta: PdfMeta) => answer(`pdf ${html} ${JSON.stringify(meta)}`),
    draft: (html: string, meta: PdfMeta) => answer(`draft ${html} ${JSON.stringify(meta)}`),
    png: (html: string, scale?: number) => answer(`png ${html} ${scale}`),
    close: () => Promise.resolve(),
  });
}

const dir = () => mkdtempSync(join(tmpdir(), "jaarverslag-drukken-"));

describe("the run's print cache", () => {
  it("reads back, byte for byte, what a fresh Chromium prints for the same input", async () => {
    const folder = dir();
    const first = await openRenderer();
    const other = await openRenderer();
    try {
      const cached = cachedRenderer(first, folder);
      const printed = await cached.pdf(HTML, META);
      const draft = await cached.draft(HTML, META);
      const png = await cached.png(HTML);
      expect(readdirSync(folder)).toHaveLength(3);
      // Read back (the folder holds three prints, nothing new is written) ...
      const again = await cachedRenderer(other, folder).pdf(HTML, META);
      expect(readdirSync(folder)).toHaveLength(3);
      expect(Buffer.from(again).equals(Buffer.from(printed))).toBe(true);
      // ... and what another Chromium prints from the same input, without the cache.
      expect(Buffer.from(await other.pdf(HTML, META)).equals(Buffer.from(printed))).toBe(true);
      // A draft is only read for where the headings fall (its bytes carry Chromium's clock).
      expect(await headingPages(await other.draft(HTML, META))).toEqual(await headingPages(draft));
      expect(Object.fromEntries(await headingPages(draft))).toEqual({ a: 1, b: 2 });
      expect(Buffer.from(await other.png(HTML)).equals(Buffer.from(png))).toBe(true);
      expect(Buffer.from(printed).subarray(0, 5).toString()).toBe("%PDF-");
    } finally {
      await first.close();
      await other.close();
    }
  }, 120_000);

  it("prints anew for any other method, HTML or metadata field", async () => {
    const inner = counting();
    const cached = cachedRenderer(inner, dir());
    await cached.pdf(HTML, META);
    await cached.pdf(HTML, META);
    expect(inner.calls).toHaveLength(1);
    const others: [string, () => Promise<Uint8Array>][] = [
      ["draft", () => cached.draft(HTML, META)],
      ["other HTML", () => cached.pdf(HTML.replace("13", "14"), META)],
      ["other date", () => cached.pdf(HTML, { ...META, creationDate: new Date("2022-03-02T00:00:00Z") })],
      ["confidential", () => cached.pdf(HTML, { ...META, confidential: true })],
      ["no marking", () => cached.pdf(HTML, { ...META, markering: undefined })],
      ["other keywords", () => cached.pdf(HTML, { ...META, keywords: ["vpoo"] })],
      ["png", () => cached.png(HTML)],
      ["png, other scale", () => cached.png(HTML, 3)],
    ];
    for (const [what, print] of others) {
      const before = inner.calls.length;
      const bytes = await print();
      expect(inner.calls.length, what).toBe(before + 1);
      // The answer is the print of that input, not one of another.
      expect(new TextDecoder().decode(bytes), what).toBe(inner.calls.at(-1));
    }
  });

  it("keeps no failed print", async () => {
    const inner = counting();
    const folder = dir();
    const cached = cachedRenderer(inner, folder);
    inner.fail = true;
    await expect(cached.pdf(HTML, META)).rejects.toThrow("Chromium kon de PDF niet maken");
    expect(readdirSync(folder)).toEqual([]);
    inner.fail = false;
    await cached.pdf(HTML, META);
    expect(inner.calls).toHaveLength(2);
  });

  it("starts Chromium for a command only at a print the folder does not hold, and only when the environment names the folder", async () => {
    const folder = dir();
    let opened = 0;
    const inner = counting();
    let closed = 0;
    const open = () => {
      opened++;
      return Promise.resolve({ ...inner, close: () => Promise.resolve(void closed++) });
    };
    expect(cachedPrinting({}, open)).toBeUndefined();
    const env = { JAARVERSLAG_DRUKCACHE: folder };
    // Nothing printed: nothing started, and closing starts nothing either.
    await cachedPrinting(env, open)!.close();
    expect([opened, closed]).toEqual([0, 0]);
    // Two prints that are not there: one start, two prints, closed once.
    const first = cachedPrinting(env, open)!;
    await first.pdf(HTML, META);
    await first.draft(HTML, META);
    await first.close();
    expect([opened, closed, inner.calls.length]).toEqual([1, 1, 2]);
    // The same two prints in another command: read from the folder, no start.
    const second = cachedPrinting(env, open)!;
    expect(new TextDecoder().decode(await second.pdf(HTML, META))).toBe(inner.calls[0]);
    expect(new TextDecoder().decode(await second.draft(HTML, META))).toBe(inner.calls[1]);
    await second.close();
    expect([opened, closed, inner.calls.length]).toEqual([1, 1, 2]);
  });
});
