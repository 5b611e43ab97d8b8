// The page each heading of the table of contents falls on, read back from a printed PDF.
// Chromium writes a named destination (/Dests) for every internal link target; the contents
// links to every section, so every section id is a destination on the page of its heading.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from "pdf-lib";

export async function headingPages(pdf: Uint8Array): Promise<Map<string, number>> {
  const doc = await PDFDocument.load(pdf, { parseSpeed: Infinity });
  const pageNumber = new Map<string, number>();
  doc.getPages().forEach((p, i) => pageNumber.set(p.ref.toString(), i + 1));
  const out = new Map<string, number>();
  const dests = doc.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) {
    const array = value instanceof PDFRef ? doc.context.lookup(value) : value;
    const target = array instanceof PDFArray ? array.get(0) : undefined;
    if (target instanceof PDFRef) {
      const n = pageNumber.get(target.toString());
      if (n !== undefined) out.set(name.decodeText(), n);
    }
  }
  return out;
}
