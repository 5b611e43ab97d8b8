// The counsellors' own text (verslag/<jaar>.md), rendered from Markdown. It has already been
// scanned for small numbers and names by protect/text-scan before it gets here.
import { Marked } from "marked";
import type { Dataset, VerslagSoort, Verslagtekst } from "../domain.ts";
import { escapeHtml } from "../html.ts";
import type { Block, OwnTextHtml } from "./model.ts";

// marked escapes the text it writes; raw HTML in the text (a block or an inline tag) is shown
// as text, never interpreted.
const MARKDOWN = new Marked({ gfm: true, async: false, renderer: { html: ({ text }) => escapeHtml(text) } });

export function sectionText(verslag: Verslagtekst | undefined, titel: string, deel?: string): OwnTextHtml | null {
  const s = verslag?.secties.find((x) => x.titel.toLowerCase() === titel.toLowerCase());
  if (!s || s.tekst.trim() === "") return null;
  if (deel !== undefined) {
    // One "### deel" part of the section, up to the next "### " heading.
    const m = new RegExp(`^###\\s+${deel.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$([\\s\\S]*?)(?=^###\\s|(?![\\s\\S]))`, "im").exec(
      s.tekst,
    );
    const part = m?.[1]?.trim();
    return part ? markdown(part) : null;
  }
  return markdown(s.tekst);
}

function markdown(tekst: string): OwnTextHtml {
  // Headings inside a section start below the section's own level.
  const source = tekst.replace(/^###\s/gm, "#### ").replace(/^##\s/gm, "### ");
  // The one place OwnTextHtml is made: the HTML is marked's, with every text escaped (above).
  return MARKDOWN.parse(source) as OwnTextHtml;
}

/** The counsellors' text of a section, or the note that they supplied none. */
export function ownText(verslag: Verslagtekst | undefined, titel: string): Block {
  const html = sectionText(verslag, titel);
  return html
    ? { type: "markdown", html }
    : { type: "missing", text: `(De vertrouwenspersonen hebben voor "${titel}" geen tekst aangeleverd.)` };
}

/** The text of one author for a year: the VPOO's (soort undefined), the VPI's or the klachtencommissie's. */
export function verslagVan(d: Pick<Dataset, "verslagen">, soort: VerslagSoort | undefined, jaar: number): Verslagtekst | undefined {
  return d.verslagen.find((v) => v.jaar === jaar && v.soort === soort);
}
