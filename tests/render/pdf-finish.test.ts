import { PDFDocument, PDFName } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { finishPdf } from "../../src/render/pdf-finish.ts";
import type { PdfMeta } from "../../src/render/pdf-finish.ts";
import { readPdf } from "../helpers/pdf-read.ts";

const meta: PdfMeta = {
  title: "Jaarverslag vertrouwenspersonen 2020",
  subject: "Meldingen in 2020",
  author: "Vertrouwenspersonen",
  keywords: ["jaarverslag"],
  lang: "nl-NL",
  runningHeader: "Jaarverslag vertrouwenspersonen 2020",
  confidential: true,
  creationDate: new Date("2021-03-01T12:00:00Z"),
};

async function sourcePdf(stamp: Date): Promise<Uint8Array> {
  // Stands in for Chromium's output: its own producer and the time of printing.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage();
  doc.setProducer("Skia/PDF m156");
  doc.setCreationDate(stamp);
  doc.setModificationDate(stamp);
  return doc.save();
}

describe("finishPdf", () => {
  it("writes the metadata, language and viewer preferences", async () => {
    const bytes = await finishPdf(await sourcePdf(new Date()), meta);
    const pdf = await readPdf(bytes);
    expect(pdf.info).toEqual({
      Title: meta.title,
      Subject: meta.subject,
      Author: meta.author,
      Keywords: "jaarverslag, Vertrouwelijk",
      Creator: "jaarverslag",
      Producer: "jaarverslag",
      CreationDate: "D:20210301120000Z",
      ModDate: "D:20210301120000Z",
    });
    expect(pdf.lang).toBe("nl-NL");
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const prefs = doc.catalog.lookup(PDFName.of("ViewerPreferences"));
    expect(String(prefs)).toContain("/DisplayDocTitle true");
    expect(doc.catalog.has(PDFName.of("AcroForm"))).toBe(false);
    const xmp = Buffer.from(bytes).toString("latin1");
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${meta.title}</rdf:li>`);
    expect(xmp).toContain("<xmp:CreateDate>2021-03-01T12:00:00Z</xmp:CreateDate>");
  });

  it("gives identical bytes whatever time the source was printed at", async () => {
    const a = await finishPdf(await sourcePdf(new Date("2026-01-01T10:00:00Z")), meta);
    const b = await finishPdf(await sourcePdf(new Date("2026-05-05T23:59:59Z")), meta);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).toString("latin1")).toMatch(/\/ID \[ <([0-9A-F]{64})> <\1> \]/);
  });

  it("only adds Vertrouwelijk to the keywords of a confidential report", async () => {
    const open = await readPdf(await finishPdf(await sourcePdf(new Date()), { ...meta, confidential: false }));
    expect(open.info.Keywords).toBe("jaarverslag");
    const none = await readPdf(await finishPdf(await sourcePdf(new Date()), { ...meta, keywords: undefined, confidential: false }));
    expect(none.info.Keywords).toBeUndefined();
  });

  it("says in Dutch when the input is not a PDF", async () => {
    await expect(finishPdf(new TextEncoder().encode("geen pdf"), meta)).rejects.toThrow(/kan niet worden gelezen/);
  });
});
