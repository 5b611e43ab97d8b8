// The tagged-PDF structure tree, as Chromium writes it: walking its elements and renaming the
// /IDs by which table cells point at their header cells (/Headers). Used when a PDF is finished
// (ids made deterministic) and when PDFs are bundled (ids made unique per part).
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFContext, type PDFObject } from "pdf-lib";

export interface StructElement {
  element: PDFDict;
  /** Set when the element is referred to indirectly (then it can be named in an /IDTree). */
  ref?: PDFRef;
}

const K = PDFName.of("K");
const S = PDFName.of("S");
const ID = PDFName.of("ID");
const A = PDFName.of("A");
const HEADERS = PDFName.of("Headers");

function textOf(object: PDFObject | undefined): string | undefined {
  return object instanceof PDFString || object instanceof PDFHexString ? object.decodeText() : undefined;
}

/** The structure elements under `kids` (a /K value), in tree order, each once. */
export function structElements(context: PDFContext, kids: PDFObject | undefined): StructElement[] {
  const out: StructElement[] = [];
  const seen = new Set<PDFDict>();
  const visit = (object: PDFObject | undefined, ref?: PDFRef): void => {
    if (object instanceof PDFRef) return visit(context.lookup(object), object);
    if (object instanceof PDFArray) {
      for (const item of object.asArray()) visit(item);
      return;
    }
    // Structure elements have /S; marked-content and object references (/MCR, /OBJR) do not.
    if (!(object instanceof PDFDict) || seen.has(object) || !object.has(S)) return;
    seen.add(object);
    out.push(ref ? { element: object, ref } : { element: object });
    visit(object.get(K));
  };
  visit(kids);
  return out;
}

/**
 * Gives every element with an /ID the name `rename(old)` (called in tree order; the same old
 * id gets the same new one) and rewrites the /Headers of the elements' attribute objects to
 * match. Returns the new ids with the elements they name, for an /IDTree.
 */
export function renameStructureIds(
  context: PDFContext,
  elements: StructElement[],
  rename: (old: string) => string,
): Array<[string, PDFRef]> {
  const renamed = new Map<string, string>();
  const named: Array<[string, PDFRef]> = [];
  for (const { element, ref } of elements) {
    const old = textOf(element.get(ID));
    if (old === undefined) continue;
    let fresh = renamed.get(old);
    if (fresh === undefined) renamed.set(old, (fresh = rename(old)));
    element.set(ID, PDFString.of(fresh));
    if (ref) named.push([fresh, ref]);
  }
  if (renamed.size === 0) return named;
  // Attribute objects (/A: a dictionary, or an array of dictionaries and revision numbers)
  // with /Headers [ (id) ... ].
  for (const { element } of elements) {
    const attributes = element.get(A);
    const resolved = attributes instanceof PDFRef ? context.lookup(attributes) : attributes;
    const list = resolved instanceof PDFArray ? resolved.asArray() : [resolved];
    for (const item of list) {
      const dict = item instanceof PDFRef ? context.lookup(item) : item;
      if (!(dict instanceof PDFDict)) continue;
      const headers = dict.lookup(HEADERS);
      if (!(headers instanceof PDFArray)) continue;
      for (let i = 0; i < headers.size(); i++) {
        const old = textOf(headers.get(i));
        const fresh = old === undefined ? undefined : renamed.get(old);
        if (fresh !== undefined) headers.set(i, PDFString.of(fresh));
      }
    }
  }
  return named;
}
