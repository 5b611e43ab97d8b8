import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFRef } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { bundlePdfs } from "../../src/render/bundle.ts";
import { readPdf } from "../helpers/pdf-read.ts";

// Tagged parts are covered end to end (tests/e2e/all-documents.test.ts, with Chromium's PDFs);
// here the parts pdf-lib makes itself: untagged, with a named destination each.
async function part(pages: number, destination: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([200, 200]);
  const last = doc.getPages()[pages - 1]!;
  const dests = doc.context.obj({});
  dests.set(PDFName.of(destination), doc.context.obj([last.ref, PDFName.of("Fit")]));
  doc.catalog.set(PDFName.of("Dests"), doc.context.register(dests));
  return doc.save();
}

describe("bundlePdfs", () => {
  it("bundles untagged parts without inventing a structure tree, with a bookmark per part", async () => {
    const bytes = await bundlePdfs([
      { title: "Deel een", pdf: await part(2, "slot") },
      { title: "Deel twee", pdf: await part(3, "slot") },
    ]);
    const pdf = await readPdf(bytes);
    expect(pdf.numPages).toBe(5);
    expect(pdf.outline.map((o) => o.title)).toEqual(["Deel een", "Deel twee"]);
    const doc = await PDFDocument.load(bytes);
    expect(doc.catalog.get(PDFName.of("StructTreeRoot"))).toBeUndefined();
    // The same destination name in both parts stays two destinations, each on its own page.
    const dests = doc.catalog.lookup(PDFName.of("Dests"), PDFDict);
    expect(
      dests
        .keys()
        .map((k) => k.decodeText())
        .sort(),
    ).toEqual(["p1-slot", "p2-slot"]);
    const pages = doc.getPages().map((p) => p.ref);
    const pageOf = (name: string) => pages.indexOf(dests.lookup(PDFName.of(name), PDFArray).get(0) as PDFRef);
    expect([pageOf("p1-slot"), pageOf("p2-slot")]).toEqual([1, 4]);
  });
});
