// What Chromium printed, kept on disk for one test run: dozens of the suite's builds print the
// same document from the same HTML (the concept of 2021 on the example data alone some 27
// times), and printing was most of their time beside the solver (BENCHMARKS.md §8, Round 7).
// The same idea as the run's suppression and audit caches (src/suppression-cache.ts): the key
// is the whole input of the print — which method, the HTML, every field of the metadata — and
// the renderer is deterministic in it (tests/helpers/render-cache.test.ts holds a cached print
// against a fresh one from another Chromium: byte for byte; a draft, which is only read for the
// pages its headings fall on and carries Chromium's clock, by those pages). A failed print is
// not kept. A test about the printing itself (the same bytes twice) asks `cli` for fresh prints.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeAtomically } from "../../src/disk-cache.ts";
import type { PdfMeta } from "../../src/render/pdf-finish.ts";
import type { Renderer } from "../../src/render/pdf.ts";

/** `inner`, with every successful print filed in `dir` under the hash of its input. */
export function cachedRenderer(inner: Renderer, dir: string): Renderer {
  mkdirSync(dir, { recursive: true });
  const cached = async (input: object, print: () => Promise<Uint8Array>): Promise<Uint8Array> => {
    const file = join(dir, createHash("sha256").update(JSON.stringify(input)).digest("hex"));
    try {
      return new Uint8Array(readFileSync(file));
    } catch {
      // not printed yet in this run
    }
    const bytes = await print();
    // Whole or not at all, for the other workers that read the folder.
    writeAtomically(file, bytes);
    return bytes;
  };
  const metaKey = (meta: PdfMeta) => ({ ...meta, creationDate: meta.creationDate.toISOString() });
  return {
    pdf: (html, meta) => cached({ method: "pdf", html, meta: metaKey(meta) }, () => inner.pdf(html, meta)),
    draft: (html, meta) => cached({ method: "draft", html, meta: metaKey(meta) }, () => inner.draft(html, meta)),
    png: (html, scale) => cached({ method: "png", html, scale: scale ?? null }, () => inner.png(html, scale)),
    close: () => inner.close(),
  };
}
