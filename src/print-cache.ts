// What Chromium printed, kept on disk FOR THE TEST RUN ONLY, in the folder named by
// JAARVERSLAG_DRUKCACHE, which the suite sets (tests/setup/build-cache.ts) and nothing else
// does. Dozens of the suite's builds print the same document from the same HTML (the concept of
// 2021 on the example data alone some 27 times), and printing was most of their time beside the
// solver (BENCHMARKS.md §8, Rounds 7 and 8). The same idea as the run's suppression and audit
// caches (src/suppression-cache.ts, src/audit-cache.ts): the key is the whole input of the print
// — which method, the HTML, every field of the metadata — and the renderer is deterministic in
// it (tests/print-cache.test.ts holds a cached print against a fresh one from another Chromium:
// byte for byte; a draft, which is only read for the pages its headings fall on and carries
// Chromium's clock, by those pages). A failed print is not kept. Chromium is started only at the
// first print that is not in the folder. Unset, nothing is read or written.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { writeAtomically } from "./disk-cache.ts";
import type { PdfMeta } from "./render/pdf-finish.ts";
import type { Renderer } from "./render/pdf.ts";

/**
 * For a command without a renderer of its own: a renderer that reads prints from the run's folder
 * and starts Chromium (`open`) at the first print it cannot read, when the environment names
 * that folder; undefined (print as always) when it does not.
 */
export function cachedPrinting(env: NodeJS.ProcessEnv, open: () => Promise<Renderer>): Renderer | undefined {
  const dir = env["JAARVERSLAG_DRUKCACHE"];
  return dir ? cachedRenderer(lazyRenderer(open), dir) : undefined;
}

/** A renderer that starts (`open`) at its first print; closing it closes what was started. */
export function lazyRenderer(open: () => Promise<Renderer>): Renderer {
  let started: Promise<Renderer> | undefined;
  const chromium = (): Promise<Renderer> => (started ??= open());
  return {
    pdf: async (html, meta) => (await chromium()).pdf(html, meta),
    draft: async (html, meta) => (await chromium()).draft(html, meta),
    png: async (html, scale) => (await chromium()).png(html, scale),
    close: async () => {
      const open = started;
      started = undefined;
      if (open) await (await open).close();
    },
  };
}

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
    // Whole or not at all, for the other processes that read the folder.
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
