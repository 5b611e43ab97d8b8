// tests/helpers/pdfjs.ts: after pdfjs is loaded through it and has read a PDF, Array.prototype.push,
// JSON.stringify and JSON.parse are still the process's own. Checked in a fresh process each (in
// this worker another file may have loaded pdfjs already), against the same check on pdfjs
// loaded directly, which replaces them: so the check can tell.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "./cli.ts";

/** Which of the three natives differ after loading pdfjs from `load` and reading the text of a PDF, in a fresh process. */
function replacedAfter(load: string): string[] {
  const script = `
    const natives = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
    const { getDocument } = await import(${JSON.stringify(load)});
    const doc = await getDocument({ data: new Uint8Array(${JSON.stringify(MINIMAL_PDF)}.split("").map((c) => c.charCodeAt(0))) }).promise;
    await (await doc.getPage(1)).getTextContent();
    const now = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
    console.log(JSON.stringify(Object.keys(natives).filter((k) => natives[k] !== now[k])));`;
  const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as string[];
}

// A one-page PDF written by hand (offsets in the xref table counted for this text).
const MINIMAL_PDF = [
  "%PDF-1.4",
  "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
  "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
  "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj",
  "trailer << /Root 1 0 R /Size 4 >>",
  "%%EOF",
].join("\n");

describe("pdfjs for the tests", () => {
  it("leaves push and JSON native; pdfjs loaded directly does not", () => {
    expect(replacedAfter("./tests/helpers/pdfjs.ts")).toEqual([]);
    expect(replacedAfter("pdfjs-dist/legacy/build/pdf.mjs")).toEqual(["push", "stringify", "parse"]);
  }, 60_000);
});
