/**
 * Layout and structure checks on a PDF read back with pdfjs (tests/helpers/pdf-read.ts):
 * text lines per page, the body area between header and footer, headings left alone at the
 * foot of a page, and the structure tree per page with each element's role, /Alt and text.
 */
import { getDocument } from "../helpers/pdfjs.ts";
import type { PageLayout, TextPosition } from "../helpers/pdf-read.ts";

const MM = 72 / 25.4;
/** The page margins of src/render/pdf.ts. */
export const MARGIN = { top: 22 * MM, bottom: 20 * MM, left: 20 * MM, right: 20 * MM } as const;

export interface Line {
  text: string;
  /** Baseline, PDF user space (origin bottom left). */
  y: number;
  x: number;
  items: TextPosition[];
}

/** Whitespace-free form, for comparing text that pdfjs may split or join differently. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, "");
}

/** The page's text as lines, top to bottom; items on (nearly) one baseline form a line. */
export function pageLines(layout: PageLayout): Line[] {
  const items = [...layout.items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of items) {
    const line = lines.find((l) => Math.abs(l.y - item.y) < 2);
    if (line) line.items.push(item);
    else lines.push({ text: "", y: item.y, x: item.x, items: [item] });
  }
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    line.x = line.items[0]!.x;
    let text = "";
    let end = -Infinity;
    for (const item of line.items) {
      text += (item.x - end > 1 && text !== "" ? " " : "") + item.str;
      end = item.x + item.width;
    }
    line.text = text.replace(/\s+/g, " ").trim();
  }
  return lines.sort((a, b) => b.y - a.y);
}

/** Lines between the running header and the footer. */
export function bodyLines(layout: PageLayout): Line[] {
  return pageLines(layout).filter((l) => l.y > MARGIN.bottom && l.y < layout.height - MARGIN.top);
}

/**
 * Headings that end a page: the last one, two or three body lines are a heading, or the last
 * line is the start of a heading that continues on the next page.
 */
export function headingsAtFoot(layouts: PageLayout[], headings: string[]): string[] {
  const wanted = new Set(headings.map(squash).filter((h) => h !== ""));
  const found: string[] = [];
  layouts.forEach((layout, index) => {
    // The last page may end where it likes: nothing follows.
    if (index === layouts.length - 1) return;
    const lines = bodyLines(layout);
    for (let k = 1; k <= Math.min(3, lines.length); k++) {
      const tail = squash(
        lines
          .slice(-k)
          .map((l) => l.text)
          .join(""),
      );
      if (wanted.has(tail))
        found.push(
          `pagina ${index + 1}: '${lines
            .slice(-k)
            .map((l) => l.text)
            .join(" ")}'`,
        );
    }
    const last = lines.at(-1);
    if (last) {
      const text = squash(last.text);
      for (const heading of wanted) {
        if (text.length >= 6 && heading !== text && heading.startsWith(text)) {
          found.push(`pagina ${index + 1}: '${last.text}' (begin van een kop)`);
        }
      }
    }
  });
  return found;
}

export interface StructElement {
  role: string;
  alt?: string;
  lang?: string;
  children: StructElement[];
  /** Text of the marked content below this element, on this page. */
  text: string;
}

interface RawStructNode {
  role?: string;
  alt?: string;
  lang?: string;
  type?: string;
  id?: string;
  children?: RawStructNode[];
}

/** The structure tree of every page, with the text each element holds. */
export async function structureTrees(bytes: Uint8Array): Promise<StructElement[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const trees: StructElement[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: true });
      // Text per marked-content id.
      const byId = new Map<string, string>();
      const open: string[] = [];
      for (const item of content.items) {
        if ("type" in item) {
          if (item.type === "beginMarkedContentProps" && item.id) open.push(item.id);
          else if (item.type === "beginMarkedContent") open.push("");
          else if (item.type === "endMarkedContent") open.pop();
        } else if ("str" in item) {
          const id = open.at(-1);
          if (id) byId.set(id, (byId.get(id) ?? "") + item.str);
        }
      }
      const convert = (node: RawStructNode): StructElement => {
        const children = (node.children ?? []).filter((c) => c.role !== undefined).map(convert);
        const own = (node.children ?? [])
          .filter((c) => c.type === "content" && c.id !== undefined)
          .map((c) => byId.get(c.id!) ?? "")
          .join("");
        return {
          role: node.role ?? "",
          ...(node.alt !== undefined ? { alt: node.alt } : {}),
          ...(node.lang !== undefined ? { lang: node.lang } : {}),
          children,
          text: own + children.map((c) => c.text).join(""),
        };
      };
      const tree = (await page.getStructTree()) as RawStructNode | null;
      trees.push(tree ? convert(tree) : { role: "", children: [], text: "" });
    }
    return trees;
  } finally {
    await doc.destroy();
  }
}

/** Every element with one of the roles, depth first. */
export function findRoles(tree: StructElement, roles: string[]): StructElement[] {
  const found: StructElement[] = [];
  const visit = (node: StructElement): void => {
    if (roles.includes(node.role)) found.push(node);
    node.children.forEach(visit);
  };
  visit(tree);
  return found;
}
