/**
 * Post-processing of the PDF that Chromium wrote: document metadata, language, viewer
 * preferences, XMP and a deterministic trailer /ID, so that two builds of the same input give
 * identical bytes. The structure tree (StructTreeRoot, MarkInfo) and the outline that
 * Chromium wrote are kept: pdf-lib rewrites every object it loaded.
 */
import { createHash } from "node:crypto";
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from "pdf-lib";
import type { PDFObject } from "pdf-lib";
import { renameStructureIds, structElements } from "./structure.ts";
import { escapeHtml } from "../html.ts";

/** What a PDF says about itself; pdf.ts prints with it, finishPdf writes it into the file. */
export interface PdfMeta {
  title: string;
  subject: string;
  author: string;
  keywords?: string[];
  /** BCP 47, for example "nl-NL". */
  lang: string;
  /** Left in the page header, for example "Jaarverslag vertrouwenspersonen 2020". */
  runningHeader: string;
  /** Puts "Vertrouwelijk" in every page header and in the keywords. */
  confidential: boolean;
  /** "Concept" (with what differs from the version sent) or "Herziene versie N": every page header, and "Concept" in the keywords. */
  markering?: string;
  /** Fixed, derived from the data by the caller: the PDF must not depend on the clock. */
  creationDate: Date;
}

const PRODUCER = "jaarverslag";
const CONFIDENTIAL_KEYWORD = "Vertrouwelijk";

/** The keywords written to the PDF: the caller's, plus "Vertrouwelijk" when confidential. */
function pdfKeywords(meta: PdfMeta): string[] {
  const keywords = (meta.keywords ?? []).map((k) => k.trim()).filter((k) => k !== "");
  if (meta.confidential && !keywords.includes(CONFIDENTIAL_KEYWORD)) {
    keywords.push(CONFIDENTIAL_KEYWORD);
  }
  if (meta.markering?.startsWith("Concept") && !keywords.includes("Concept")) keywords.push("Concept");
  return keywords;
}

export async function finishPdf(bytes: Uint8Array, meta: PdfMeta): Promise<Uint8Array> {
  if (Number.isNaN(meta.creationDate.getTime())) {
    throw new Error("De aanmaakdatum van de PDF (creationDate) is geen geldige datum.");
  }
  let doc: PDFDocument;
  try {
    // updateMetadata: false, otherwise pdf-lib stamps its own producer and the current time.
    // parseSpeed/objectsPerTick Infinity: pdf-lib otherwise yields to the event loop every few
    // dozen objects, which made a 9-page report's load and save take 50 ms of mostly waiting.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Infinity });
  } catch (error) {
    throw new Error("De PDF die Chromium maakte, kan niet worden gelezen.", { cause: error });
  }
  const keywords = pdfKeywords(meta);

  normaliseStructureIds(doc);

  // Info dictionary. Chromium's own Creator (its user agent), Producer and dates are
  // replaced: they vary per machine and per second.
  doc.setTitle(meta.title, { showInWindowTitleBar: true }); // also DisplayDocTitle true
  doc.setSubject(meta.subject);
  doc.setAuthor(meta.author);
  // pdf-lib's getInfoDict is private; setTitle above made sure the Info dictionary exists.
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  if (keywords.length > 0) {
    info.set(PDFName.of("Keywords"), PDFHexString.fromText(keywords.join(", ")));
  } else {
    info.delete(PDFName.of("Keywords"));
  }
  doc.setCreator(PRODUCER);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(meta.creationDate);
  doc.setModificationDate(meta.creationDate);

  // Catalog: language, viewer preferences, XMP metadata (PDF/UA checkers look for dc:title).
  const catalog = doc.catalog;
  doc.setLanguage(meta.lang);
  const prefs = catalog.lookupMaybe(PDFName.of("ViewerPreferences"), PDFDict);
  if (prefs) {
    prefs.set(PDFName.of("DisplayDocTitle"), PDFBool.True);
  } else {
    catalog.set(PDFName.of("ViewerPreferences"), doc.context.obj({ DisplayDocTitle: true }));
  }
  const xmp = new TextEncoder().encode(xmpPacket(meta, keywords));
  const metadata = doc.context.stream(xmp, { Type: "Metadata", Subtype: "XML" });
  catalog.set(PDFName.of("Metadata"), doc.context.register(metadata));

  // One save, with a placeholder /ID of the final length; the hash of those bytes (which no
  // longer contain anything Chromium varies) plus the meta then replaces the placeholder in
  // place. Deterministic, and half the work of saving twice.
  const placeholder = "0".repeat(64);
  const idArray = PDFArray.withContext(doc.context);
  idArray.push(PDFHexString.of(placeholder));
  idArray.push(PDFHexString.of(placeholder));
  doc.context.trailerInfo.ID = idArray;
  const saved = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  const hash = createHash("sha256")
    .update(saved)
    .update(JSON.stringify({ ...meta, keywords, creationDate: meta.creationDate.toISOString() }))
    .digest("hex")
    .toUpperCase();
  return replaceTrailerId(saved, placeholder, hash);
}

/** Replaces both copies of the placeholder in the trailer's /ID (the last two occurrences). */
function replaceTrailerId(bytes: Uint8Array, placeholder: string, id: string): Uint8Array {
  const buffer = Buffer.from(bytes);
  const needle = Buffer.from(`<${placeholder}>`, "latin1");
  const replacement = Buffer.from(`<${id}>`, "latin1");
  let at = buffer.length;
  for (let n = 0; n < 2; n++) {
    at = buffer.lastIndexOf(needle, at - 1);
    if (at < 0) throw new Error("De PDF heeft geen /ID in de trailer.");
    replacement.copy(buffer, at);
  }
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}

function xmpPacket(meta: PdfMeta, keywords: string[]): string {
  const date = meta.creationDate.toISOString().replace(/\.\d{3}Z$/, "Z");
  const lang = escapeHtml(meta.lang);
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeHtml(value)}</rdf:li></rdf:Alt>`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${alt(meta.title)}</dc:title>`,
    `<dc:description>${alt(meta.subject)}</dc:description>`,
    `<dc:creator><rdf:Seq><rdf:li>${escapeHtml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>`,
    keywords.length > 0
      ? `<dc:subject><rdf:Bag>${keywords.map((k) => `<rdf:li>${escapeHtml(k)}</rdf:li>`).join("")}</rdf:Bag></dc:subject>`
      : "",
    keywords.length > 0 ? `<pdf:Keywords>${escapeHtml(keywords.join(", "))}</pdf:Keywords>` : "",
    `<pdf:Producer>${PRODUCER}</pdf:Producer>`,
    `<xmp:CreatorTool>${PRODUCER}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    "</rdf:Description>",
    "</rdf:RDF>",
    "</x:xmpmeta>",
    '<?xpacket end="w"?>',
  ]
    .filter((line) => line !== "")
    .join("\n");
}

/**
 * Chromium gives structure elements that are referred to (table header cells, for /Headers)
 * an /ID made from its DOM node ids, which depend on what the renderer process did before:
 * the first document of a browser session gets other ids than the next. Renumber them in
 * the order of the structure tree, rewrite the /Headers references and rebuild the /IDTree.
 */
function normaliseStructureIds(doc: PDFDocument): void {
  const context = doc.context;
  const root = doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  if (!root) return;
  let n = 0;
  const entries = renameStructureIds(
    context,
    structElements(context, root.get(PDFName.of("K"))),
    () => `node${String(++n).padStart(8, "0")}`,
  );
  if (n === 0) return;

  // A fresh, flat /IDTree in place of Chromium's (whose nodes are deleted, or pdf-lib would
  // still write them with the old ids).
  const IDTREE = PDFName.of("IDTree");
  const oldTree = root.get(IDTREE);
  const deleteTree = (object: PDFObject | undefined): void => {
    const dict = object instanceof PDFRef ? context.lookup(object) : object;
    if (dict instanceof PDFDict) {
      const kids = dict.lookup(PDFName.of("Kids"));
      if (kids instanceof PDFArray) for (const kid of kids.asArray()) deleteTree(kid);
    }
    if (object instanceof PDFRef) context.delete(object);
  };
  deleteTree(oldTree);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const names = PDFArray.withContext(context);
  for (const [id, ref] of entries) {
    names.push(PDFString.of(id));
    names.push(ref);
  }
  const tree = context.obj({});
  tree.set(PDFName.of("Names"), names);
  if (oldTree instanceof PDFRef) {
    context.assign(oldTree, tree);
    root.set(IDTREE, oldTree);
  } else {
    root.set(IDTREE, context.register(tree));
  }
}
