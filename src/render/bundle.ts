// The bundle for the Presidium: cover note, VPOO and VPI jaarverslagen and the
// klachtencommissie in one PDF, with a bookmark per document. Each part is a finished, tagged
// PDF; the bundle keeps what makes them usable:
//   - the structure tree: each part's Document element becomes a Part under one Document, its
//     marked-content keys (/StructParents, /StructParent) moved past the parts before it, and
//     its element /IDs (table headers) prefixed so that they stay unique;
//   - the internal links: each part's named destinations (/Dests, the table of contents'
//     targets) prefixed in the same way, and its links renamed to match.
// pdf-lib copies the objects (one copier per part, so a page and the elements that point at it
// stay one object); the structure tree and the outline are written by hand because pdf-lib has
// no API for them.
import {
  beginMarkedContent,
  endMarkedContent,
  rgb,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  PDFRef,
  PDFString,
  type PDFContext,
  type PDFObject,
} from "pdf-lib";
import fontkit from "@pdf-lib/fontkit";
import { fontFile } from "./fonts.ts";
import { renameStructureIds, structElements } from "./structure.ts";

export interface BundlePart {
  title: string;
  pdf: Uint8Array;
  /** Short name in the bundle's page label ("jaarverslag VPOO"): "bundel p. 7 — jaarverslag VPOO p. 3". */
  label?: string;
}

const K = PDFName.of("K");
const P = PDFName.of("P");
const S = PDFName.of("S");
const NUMS = PDFName.of("Nums");
const KIDS = PDFName.of("Kids");
const DEST = PDFName.of("Dest");
const STRUCT_PARENTS = PDFName.of("StructParents");
const STRUCT_PARENT = PDFName.of("StructParent");

export async function bundlePdfs(parts: BundlePart[]): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  const context = out.context;
  const starts: { title: string; page: PDFRef }[] = [];
  const labels: { page: PDFPage; label: string; n: number }[] = [];

  // The new structure tree: root → Document → one Part per document.
  const rootRef = context.nextRef();
  const documentRef = context.nextRef();
  const partRefs: PDFRef[] = [];
  const parentTree: PDFObject[] = [];
  const dests = context.obj({});
  let nextKey = 0;

  for (const [n, part] of parts.entries()) {
    const src = await PDFDocument.load(part.pdf, { parseSpeed: Infinity }); // no yielding: see pdf-finish.ts
    const copier = PDFObjectCopier.for(src.context, context);
    const srcRoot = src.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
    const srcRootRef = src.catalog.get(PDFName.of("StructTreeRoot"));
    // A part's top elements name the part's root as parent: they get the new Document instead
    // (and the old root, with its parent tree, is never copied).
    if (srcRootRef instanceof PDFRef) seedCopy(copier, srcRootRef, documentRef);
    const offset = nextKey;
    const prefix = `p${n + 1}-`;

    for (const [i, srcPage] of src.getPages().entries()) {
      const ref = copier.copy(srcPage.ref) as PDFRef;
      const leaf = context.lookup(ref) as PDFPageLeaf;
      shiftKey(leaf, STRUCT_PARENTS, offset);
      const annots = leaf.lookupMaybe(PDFName.of("Annots"), PDFArray);
      for (const a of annots?.asArray() ?? []) {
        const annot = context.lookup(a);
        if (!(annot instanceof PDFDict)) continue;
        shiftKey(annot, STRUCT_PARENT, offset);
        const dest = annot.get(DEST);
        if (dest instanceof PDFName) annot.set(DEST, PDFName.of(prefix + dest.decodeText()));
        else if (dest instanceof PDFString) annot.set(DEST, PDFString.of(prefix + dest.decodeText()));
      }
      const page = PDFPage.of(leaf, ref, out);
      out.addPage(page);
      labels.push({ page, label: part.label ?? part.title, n: i + 1 });
      if (i === 0) starts.push({ title: part.title, page: ref });
    }

    const srcDests = src.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
    for (const [name, value] of srcDests?.entries() ?? []) dests.set(PDFName.of(prefix + name.decodeText()), copier.copy(value));

    if (srcRoot) {
      const kids = copier.copy(srcRoot.get(K) ?? PDFArray.withContext(src.context));
      // Chromium's tree has one Document element; it becomes this part.
      const elements = structElements(context, kids);
      const top = elements.filter(({ element }) => element.get(P) === documentRef);
      for (const { element, ref } of top) {
        if (element.get(S) === PDFName.of("Document")) element.set(S, PDFName.of("Part"));
        partRefs.push(ref ?? context.register(element));
      }
      renameStructureIds(context, elements, (old) => prefix + old);
      const pairs = numberTreePairs(src.context, srcRoot.get(PDFName.of("ParentTree")));
      for (const [key, value] of pairs) parentTree.push(PDFNumber.of(key + offset), copier.copy(value));
      const next = srcRoot.lookupMaybe(PDFName.of("ParentTreeNextKey"), PDFNumber)?.asNumber();
      nextKey = offset + (next ?? Math.max(-1, ...pairs.map(([key]) => key)) + 1);
    }
  }

  if (partRefs.length > 0) {
    context.assign(documentRef, context.obj({ Type: "StructElem", S: "Document", P: rootRef, K: partRefs }));
    const parentTreeDict = context.obj({});
    parentTreeDict.set(NUMS, context.obj(parentTree));
    context.assign(
      rootRef,
      context.obj({
        Type: "StructTreeRoot",
        K: documentRef,
        ParentTree: context.register(parentTreeDict),
        ParentTreeNextKey: nextKey,
      }),
    );
    out.catalog.set(PDFName.of("StructTreeRoot"), rootRef);
    out.catalog.set(PDFName.of("MarkInfo"), context.obj({ Marked: true }));
  }
  if (dests.keys().length > 0) out.catalog.set(PDFName.of("Dests"), context.register(dests));
  writeOutline(out, starts);
  await stampPageLabels(out, labels);
  return out.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

/** Make the copier treat `srcRef` as already copied to `destRef`. */
function seedCopy(copier: PDFObjectCopier, srcRef: PDFRef, destRef: PDFRef): void {
  (copier as unknown as { traversedObjects: Map<PDFObject, PDFObject> }).traversedObjects.set(srcRef, destRef);
}

function shiftKey(dict: PDFDict, key: PDFName, offset: number): void {
  const value = dict.get(key);
  if (value instanceof PDFNumber) dict.set(key, PDFNumber.of(value.asNumber() + offset));
}

/** The (key, value) pairs of a number tree (flat /Nums or nested /Kids), in key order. */
function numberTreePairs(context: PDFContext, tree: PDFObject | undefined): Array<[number, PDFObject]> {
  const node = tree instanceof PDFRef ? context.lookup(tree) : tree;
  if (!(node instanceof PDFDict)) return [];
  const pairs: Array<[number, PDFObject]> = [];
  const nums = node.lookupMaybe(NUMS, PDFArray);
  if (nums) {
    for (let i = 0; i + 1 < nums.size(); i += 2) {
      const key = nums.lookup(i);
      if (key instanceof PDFNumber) pairs.push([key.asNumber(), nums.get(i + 1)]);
    }
  }
  for (const kid of node.lookupMaybe(KIDS, PDFArray)?.asArray() ?? []) pairs.push(...numberTreePairs(context, kid));
  return pairs.sort((a, b) => a[0] - b[0]);
}

/** One bookmark per part, pointing at its first page. */
function writeOutline(out: PDFDocument, starts: { title: string; page: PDFRef }[]): void {
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
}

/**
 * Each part keeps its own footer ("pagina 3 van 12"); the bundle adds, bottom right, the page
 * in the bundle and in the part: "bundel p. 7 van 30 — jaarverslag VPOO p. 3". Drawn as an
 * artifact, so the structure tree and the reading order stay the parts' own, in the shipped
 * Noto Sans, embedded as a subset like every other font of the bundle (a font that is not
 * embedded looks different on every reader's machine). The subset gets a fixed name: pdf-lib
 * would add a random suffix, and the bundle must be the same bytes when built twice.
 */
async function stampPageLabels(out: PDFDocument, labels: { page: PDFPage; label: string; n: number }[]): Promise<void> {
  out.registerFontkit(fontkit);
  const font = await out.embedFont(fontFile("latin", { weight: 400, style: "normal" }, "woff"), {
    subset: true,
    customName: "JVBNDL+NotoSans-Regular",
  });
  const size = 7.5;
  const mm = 72 / 25.4;
  labels.forEach(({ page, label, n }, i) => {
    const text = `bundel p. ${i + 1} van ${labels.length} \u2014 ${label} p. ${n}`;
    const { width } = page.getSize();
    page.pushOperators(beginMarkedContent("Artifact"));
    page.drawText(text, { x: width - 20 * mm - font.widthOfTextAtSize(text, size), y: 6 * mm, size, font, color: rgb(0.2, 0.2, 0.2) });
    page.pushOperators(endMarkedContent());
  });
}
