/**
 * Reads a PDF back for tests: text per page, metadata, language, outline, structure tree,
 * text positions and fonts. pdfjs-dist (legacy build, runs in Node) with pdf-lib for what
 * pdfjs does not expose.
 */
import { getDocument } from "./pdfjs.ts";
import type { TextItem, TextMarkedContent } from "pdfjs-dist/types/src/display/api.js";
import { PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from "pdf-lib";

export interface OutlineEntry {
  title: string;
  children: OutlineEntry[];
}

export interface TextPosition {
  str: string;
  /** PDF user space, origin bottom left, in points. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageLayout {
  width: number;
  height: number;
  items: TextPosition[];
}

export interface PdfContents {
  numPages: number;
  /** Text per page: lines joined with "\n", runs of spaces collapsed ("21,5 uur" stays). */
  pages: string[];
  info: {
    Title?: string;
    Author?: string;
    Subject?: string;
    Keywords?: string;
    Creator?: string;
    Producer?: string;
    CreationDate?: string;
    ModDate?: string;
  };
  /** /Lang of the catalog. */
  lang: string | undefined;
  outline: OutlineEntry[];
  /** Every page has a structure tree (page.getStructTree() non-null). */
  hasStructTree: boolean;
  /** Structure roles found in the tree (H1, H2, Table, L, Figure, ...). */
  structRoles: string[];
  /** How often each structure role occurs, over all pages. */
  roleCounts: Record<string, number>;
  /** Alternative texts (/Alt) of structure elements, such as figures. */
  alts: string[];
  /** Links to a place in the document: the page they are on, and the page they lead to (null: nowhere). */
  links: { page: number; dest: string; targetPage: number | null }[];
  marked: boolean;
  layout: PageLayout[];
  /** BaseFont names of the embedded fonts, without subset prefix. */
  fonts: string[];
}

function isTextItem(item: TextItem | TextMarkedContent): item is TextItem {
  return "str" in item;
}

function pageText(items: TextItem[]): string {
  let text = "";
  for (const item of items) {
    text += item.str;
    if (item.hasEOL) text += "\n";
  }
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

type RawOutline = { title: string; items: RawOutline[] };

function outlineOf(nodes: RawOutline[] | null): OutlineEntry[] {
  return (nodes ?? []).map((node) => ({ title: node.title, children: outlineOf(node.items) }));
}

type StructNode = { role?: string; alt?: string; children?: StructNode[] };

function collectRoles(node: StructNode | null, into: Set<string>, alts: string[]): void {
  if (!node) return;
  if (node.role) into.add(node.role);
  if (node.alt) alts.push(node.alt);
  for (const child of node.children ?? []) collectRoles(child, into, alts);
}

function countRoles(node: StructNode | null | undefined, into: Record<string, number>): void {
  if (!node) return;
  if (node.role) into[node.role] = (into[node.role] ?? 0) + 1;
  for (const child of node.children ?? []) countRoles(child, into);
}

async function fontsAndLang(bytes: Uint8Array): Promise<{ fonts: string[]; lang?: string }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const fonts = new Set<string>();
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of("Type")) === PDFName.of("Font")) {
      const base = object.get(PDFName.of("BaseFont"));
      if (base instanceof PDFName) fonts.add(base.decodeText().replace(/^[A-Z]{6}\+/, ""));
    }
  }
  const lang = doc.catalog.get(PDFName.of("Lang"));
  return {
    fonts: [...fonts].sort(),
    lang: lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined,
  };
}

export async function readPdf(bytes: Uint8Array): Promise<PdfContents> {
  // pdfjs takes ownership of (detaches) the buffer it gets: give it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    const layout: PageLayout[] = [];
    let hasStructTree = doc.numPages > 0;
    const roles = new Set<string>();
    const roleCounts: Record<string, number> = {};
    const alts: string[] = [];
    const links: PdfContents["links"] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter(isTextItem);
      pages.push(pageText(items));
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      layout.push({
        width: x1 - x0,
        height: y1 - y0,
        items: items
          .filter((item) => item.str.trim() !== "")
          .map((item) => ({
            str: item.str,
            x: Number(item.transform[4]),
            y: Number(item.transform[5]),
            width: item.width,
            height: item.height,
          })),
      });
      const tree = (await page.getStructTree()) as StructNode | null;
      if (!tree) hasStructTree = false;
      collectRoles(tree, roles, alts);
      countRoles(tree, roleCounts);
      for (const annotation of (await page.getAnnotations()) as { subtype?: string; dest?: unknown }[]) {
        if (annotation.subtype !== "Link" || annotation.dest === undefined || annotation.dest === null) continue;
        const name = typeof annotation.dest === "string" ? annotation.dest : JSON.stringify(annotation.dest);
        const explicit = typeof annotation.dest === "string" ? await doc.getDestination(annotation.dest) : (annotation.dest as unknown[]);
        const target = explicit?.[0];
        let targetPage: number | null = null;
        if (target && typeof target === "object") targetPage = (await doc.getPageIndex(target as { num: number; gen: number })) + 1;
        links.push({ page: n, dest: name, targetPage });
      }
    }
    const { info } = (await doc.getMetadata()) as {
      info: PdfContents["info"] & { Language?: string | null };
    };
    const outline = outlineOf((await doc.getOutline()) as RawOutline[] | null);
    const markInfo = await doc.getMarkInfo();
    const extra = await fontsAndLang(bytes);
    return {
      numPages: doc.numPages,
      pages,
      info: {
        Title: info.Title,
        Author: info.Author,
        Subject: info.Subject,
        Keywords: info.Keywords,
        Creator: info.Creator,
        Producer: info.Producer,
        CreationDate: info.CreationDate,
        ModDate: info.ModDate,
      },
      lang: info.Language ?? extra.lang,
      outline,
      hasStructTree,
      structRoles: [...roles].sort(),
      roleCounts,
      alts,
      links,
      marked: markInfo?.Marked === true,
      layout,
      fonts: extra.fonts,
    };
  } finally {
    await doc.destroy();
  }
}

/** Outline titles, depth first, for simple assertions. */
export function outlineTitles(outline: OutlineEntry[]): string[] {
  return outline.flatMap((entry) => [entry.title, ...outlineTitles(entry.children)]);
}
