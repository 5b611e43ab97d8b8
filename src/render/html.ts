// The report model → one self-contained HTML page (fonts and charts inline, no requests).
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import type { OwnTextHtml, ReportModel } from "../present/model.ts";
import { fontFaceCss } from "./fonts.ts";

const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "templates");

/**
 * A table of at most this many rows is kept on one page (with its caption and notes); a
 * longer one may break, and then repeats its header row on the next page.
 */
export const KORTE_TABEL = 15;

/**
 * The counsellors' Markdown has its own heading levels; in the report they sit directly below
 * the section's heading (h1 → h2 under a chapter), so the tagged PDF and the bookmarks have no
 * gaps in the heading levels. The relative levels inside the text are kept.
 */
export function shiftHeadings(html: string, sectionLevel: number): string {
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  if (levels.length === 0) return html;
  const shift = sectionLevel + 1 - Math.min(...levels);
  const to = (n: string) => Math.min(6, Math.max(1, Number(n) + shift));
  return html
    .replace(/<h([1-6])(?=[\s>])/g, (_all, n: string) => `<h${to(n)}`)
    .replace(/<\/h([1-6])>/g, (_all, n: string) => `</h${to(n)}>`);
}

let compiled: Handlebars.TemplateDelegate | null = null;
let hb: typeof Handlebars | null = null;

function templates(): { hb: typeof Handlebars; main: Handlebars.TemplateDelegate } {
  if (!compiled || !hb) {
    hb = Handlebars.create();
    hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
    hb.registerHelper("kort", (rows: unknown) => Array.isArray(rows) && rows.length <= KORTE_TABEL);
    // Raw on purpose: the counsellors' Markdown as HTML (OwnTextHtml), made by
    // present/narrative.ts with marked, which escapes their text and any raw HTML in it.
    hb.registerHelper(
      "eigenTekst",
      (html: OwnTextHtml, level: unknown) => new Handlebars.SafeString(shiftHeadings(html, typeof level === "number" ? level : 1)),
    );
    for (const name of readdirSync(join(TEMPLATES, "partials"))) {
      if (name.endsWith(".hbs")) hb.registerPartial(name.replace(/\.hbs$/, ""), readFileSync(join(TEMPLATES, "partials", name), "utf8"));
    }
    compiled = hb.compile(readFileSync(join(TEMPLATES, "jaarverslag.hbs"), "utf8"), { strict: false });
  }
  return { hb, main: compiled };
}

/**
 * Every value reaches the page through `{{ }}`, which escapes it; the templates have no
 * triple-stash. The only markup taken as it is are the SafeStrings made here and in the
 * eigenTekst helper, each with its reason.
 * `svgs` holds each chart's SVG by chart id, rendered beforehand (vega is asynchronous).
 * `pages`: the page of each section (by id) for the table of contents; empty on a first print.
 */
export function renderHtml(model: ReportModel, svgs: Map<string, string>, pages: Map<string, number> = new Map()): string {
  const { hb, main } = templates();
  // Raw on purpose: our own stylesheet and font rules (inside <style>, where an entity would
  // not be decoded), never user text.
  const css = new hb.SafeString(readFileSync(join(TEMPLATES, "style.css"), "utf8"));
  const fontCss = new hb.SafeString(fontFaceCss());
  return main(
    { model, css, fontCss },
    {
      helpers: {
        // Raw on purpose: the chart's SVG from vega, which escapes every text it draws
        // (render/charts.ts escapes the title and aria-label it adds).
        svg: (id: string) => new hb.SafeString(svgs.get(id) ?? ""),
        pagina: (id: string) => String(pages.get(id) ?? ""),
      },
    },
  );
}
