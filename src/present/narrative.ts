// The counsellors' own text (verslag/<jaar>.md), rendered from Markdown. It has already been
// scanned for small numbers and names by protect/text-scan before it gets here.
import { marked } from "marked";
import type { Dataset, VerslagSoort, Verslagtekst } from "../domain.ts";
import { escapeHtml } from "./format.ts";

export function sectionText(verslag: Verslagtekst | undefined, titel: string, deel?: string): string | null {
  const s = verslag?.secties.find((x) => x.titel.toLowerCase() === titel.toLowerCase());
  if (!s || s.tekst.trim() === "") return null;
  if (deel !== undefined) {
    // One "### deel" part of the section, up to the next "### " heading.
    const m = new RegExp(`^###\\s+${deel.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$([\\s\\S]*?)(?=^###\\s|(?![\\s\\S]))`, "im").exec(s.tekst);
    const part = m?.[1]?.trim();
    return part ? markdown(part) : null;
  }
  return markdown(s.tekst);
}

function markdown(tekst: string): string {
  // Raw HTML in the text is shown as text, never interpreted.
  const safe = tekst.replace(/</g, "&lt;");
  // Headings inside a section start below the section's own level.
  return marked.parse(safe.replace(/^###\s/gm, "#### ").replace(/^##\s/gm, "### "), { async: false, gfm: true }) as string;
}

export function missingText(titel: string): string {
  return `<p class="ontbreekt">(De vertrouwenspersonen hebben voor "${escapeHtml(titel)}" geen tekst aangeleverd.)</p>`;
}

/** The text of one author for a year: the VPOO's (soort undefined), the VPI's or the klachtencommissie's. */
export function verslagVan(d: Pick<Dataset, "verslagen">, soort: VerslagSoort | undefined, jaar: number): Verslagtekst | undefined {
  return d.verslagen.find((v) => v.jaar === jaar && v.soort === soort);
}
