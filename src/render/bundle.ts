// The bundle for the Presidium: cover note, VPOO and VPI jaarverslagen and the
// klachtencommissie in one PDF, with a bookmark per document. pdf-lib copies the pages;
// the outline is written by hand because pdf-lib has no API for it.
import { PDFDocument, PDFName, PDFNumber, PDFString, type PDFRef } from "pdf-lib";

export interface BundlePart {
  title: string;
  pdf: Uint8Array;
}

export async function bundlePdfs(parts: BundlePart[]): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  const starts: { title: string; page: PDFRef }[] = [];
  for (const part of parts) {
    const src = await PDFDocument.load(part.pdf, { parseSpeed: Infinity }); // no yielding: see pdf-finish.ts
    const pages = await out.copyPages(src, src.getPageIndices());
    pages.forEach((p, i) => {
      out.addPage(p);
      if (i === 0) starts.push({ title: part.title, page: p.ref });
    });
  }
  const context = out.context;
  const outlinesRef = context.nextRef();
  const itemRefs = starts.map(() => context.nextRef());
  starts.forEach((s, i) => {
    const item = context.obj({
      Title: PDFString.of(s.title),
      Parent: outlinesRef,
      Dest: [s.page, PDFName.of("Fit")],
    });
    if (i > 0) item.set(PDFName.of("Prev"), itemRefs[i - 1]!);
    if (i < starts.length - 1) item.set(PDFName.of("Next"), itemRefs[i + 1]!);
    context.assign(itemRefs[i]!, item);
  });
  const outlines = context.obj({ Type: "Outlines", Count: PDFNumber.of(starts.length) });
  if (itemRefs.length > 0) {
    outlines.set(PDFName.of("First"), itemRefs[0]!);
    outlines.set(PDFName.of("Last"), itemRefs[itemRefs.length - 1]!);
  }
  context.assign(outlinesRef, outlines);
  out.catalog.set(PDFName.of("Outlines"), outlinesRef);
  out.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
  return out.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
