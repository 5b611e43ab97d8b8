/**
 * Vega-Lite → SVG, in Node, without a browser and without fetching anything.
 *
 * The SVG is meant to be inlined in the report's HTML (not used as an <img>): it names the
 * embedded font family, which only the page's @font-face rules (fonts.ts) provide.
 */
import { createHash } from "node:crypto";
import * as vega from "vega";
import type { Loader, LocaleFormatters } from "vega";
import { compile } from "vega-lite";
import type { TopLevelSpec } from "vega-lite";
import { FONT_FAMILY } from "./fonts.ts";
import { escapeHtml } from "../html.ts";

/** Dutch number and date formatting (d3-format / d3-time-format locale definitions). */
const NL_NUMBER = {
  decimal: ",",
  thousands: ".",
  grouping: [3],
  currency: ["€\u00a0", ""],
  minus: "\u2212",
};
const NL_TIME = {
  dateTime: "%A %e %B %Y %X",
  date: "%d-%m-%Y",
  time: "%H:%M:%S",
  periods: ["", ""],
  days: ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
  shortDays: ["zo", "ma", "di", "wo", "do", "vr", "za"],
  months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
  shortMonths: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
};

/**
 * The View's `locale` option takes the two definitions (vega-view calls
 * vega-format's locale(number, time)); vega's type declarations say LocaleFormatters.
 */
const NL_LOCALE = { number: NL_NUMBER, time: NL_TIME } as unknown as LocaleFormatters;

/** A loader that refuses every load: charts carry their data inline. */
function refusingLoader(attempts: string[]): Loader {
  const refuse = (uri: string): Promise<never> => {
    attempts.push(uri);
    return Promise.reject(new Error(`Een grafiek probeert '${uri}' te laden; grafieken mogen niets ophalen.`));
  };
  return {
    load: (uri) => refuse(uri),
    sanitize: (uri) => refuse(uri),
    http: (uri) => refuse(uri),
    file: (filename) => refuse(filename),
  };
}

/**
 * Vega names clip paths and gradients from process-wide counters ("clip1", "gradient_0"),
 * so the same chart gets other ids depending on what was rendered before, and two charts in
 * one HTML page could share an id. Rename every id to a prefix derived from the chart's
 * content plus its position in the SVG.
 */
function renameIds(svg: string, prefix: string): string {
  const ids: string[] = [];
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = match[1];
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  }
  if (ids.length === 0) return svg;
  const renamed = new Map(ids.map((id, index) => [id, `${prefix}-${index + 1}`]));
  const escaped = ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  return svg.replace(
    new RegExp(`(\\sid="|url\\(#|href="#)(${escaped})(["')])`, "g"),
    (_all, before: string, id: string, after: string) => `${before}${renamed.get(id)}${after}`,
  );
}

/**
 * Accessibility: Vega's automatic ARIA texts are English ("X-axis titled ..."), so they are
 * switched off (config.aria false unless the spec sets it) and the chart becomes one image
 * whose accessible name is the spec's `description` (write it in Dutch): role="img",
 * aria-label and <title> on the root <svg>. The unused xlink namespace is dropped.
 */
function finishSvg(svg: string, description: string | undefined): string {
  let out = svg.replace(/\srole="graphics-[a-z-]+"/g, "").replace(/\saria-roledescription="[^"]*"/g, "");
  if (!out.includes("xlink:")) {
    out = out.replace(' xmlns:xlink="http://www.w3.org/1999/xlink"', "");
  }
  const text = description?.trim();
  if (text) {
    const label = escapeHtml(text);
    out = out.replace(
      /^<svg([^>]*)>/,
      (_all, attributes: string) => `<svg${attributes} role="img" aria-label="${label}"><title>${label}</title>`,
    );
  }
  return out;
}

/**
 * Compiles a Vega-Lite spec and renders it to an SVG string (deterministic: the same spec
 * gives the same string). Data must be inline; any load attempt fails the chart. The chart
 * uses the embedded font and Dutch number/date formatting.
 */
export async function vegaLiteToSvg(spec: object): Promise<string> {
  const topLevel = spec as TopLevelSpec & {
    config?: Record<string, unknown>;
    description?: unknown;
  };
  const withFont = {
    ...topLevel,
    config: { aria: false, ...(topLevel.config ?? {}), font: FONT_FAMILY },
  } as TopLevelSpec;
  let vegaSpec: vega.Spec;
  try {
    vegaSpec = compile(withFont).spec;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`De grafiek kan niet worden opgebouwd (Vega-Lite): ${reason}`, {
      cause: error,
    });
  }
  const attempts: string[] = [];
  const view = new vega.View(vega.parse(vegaSpec), {
    renderer: "none",
    loader: refusingLoader(attempts),
    locale: NL_LOCALE,
    logLevel: vega.Error,
  });
  let svg: string;
  try {
    await view.runAsync();
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  if (attempts.length > 0) {
    throw new Error(
      `Een grafiek probeert iets te laden (${[...new Set(attempts)].join(", ")}); ` +
        "neem de gegevens op in de grafiek zelf (data.values).",
    );
  }
  // From the spec, not the SVG: the SVG still holds the counter-based ids.
  const prefix = "vl" + createHash("sha256").update(JSON.stringify(withFont)).digest("hex").slice(0, 10);
  const description = typeof topLevel.description === "string" ? topLevel.description : undefined;
  return renameIds(finishSvg(svg, description), prefix);
}
