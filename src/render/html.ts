// The report model → one self-contained HTML page (fonts and charts inline, no requests).
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import type { ReportModel } from "../present/model.ts";
import { fontFaceCss } from "./fonts.ts";

const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "templates");

let compiled: Handlebars.TemplateDelegate | null = null;
let hb: typeof Handlebars | null = null;

function templates(): { hb: typeof Handlebars; main: Handlebars.TemplateDelegate } {
  if (!compiled || !hb) {
    hb = Handlebars.create();
    hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
    for (const name of readdirSync(join(TEMPLATES, "partials"))) {
      if (name.endsWith(".hbs")) hb.registerPartial(name.replace(/\.hbs$/, ""), readFileSync(join(TEMPLATES, "partials", name), "utf8"));
    }
    compiled = hb.compile(readFileSync(join(TEMPLATES, "jaarverslag.hbs"), "utf8"), { strict: false });
  }
  return { hb, main: compiled };
}

/** `svgs` holds each chart's SVG by chart id, rendered beforehand (vega is asynchronous). */
export function renderHtml(model: ReportModel, svgs: Map<string, string>): string {
  const { hb, main } = templates();
  const css = readFileSync(join(TEMPLATES, "style.css"), "utf8");
  return main(
    { model, css, fontCss: fontFaceCss() },
    {
      helpers: {
        svg: (id: string) => new hb.SafeString(svgs.get(id) ?? ""),
      },
    },
  );
}
