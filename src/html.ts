// The one escaper of the project, and a tagged template built on it. Report pages are
// Handlebars templates, which escape every `{{value}}` with Handlebars' own escapeExpression;
// markup built in code (the workspace's pages, the PDF header, an SVG's title, the XMP
// metadata, raw HTML in the counsellors' Markdown) escapes with the same function, so one
// rule decides what a label with `<`, `&` or quotes becomes everywhere.
import Handlebars from "handlebars";

const SAFE = Symbol("veilige HTML");

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
}

/** Text → HTML/XML text: & < > " ' ` = become character references (valid in HTML and XML). */
export function escapeHtml(text: string): string {
  return Handlebars.Utils.escapeExpression(text);
}

function isSafe(x: unknown): x is SafeHtml {
  return typeof x === "object" && x !== null && SAFE in x;
}

/**
 * The opt-out: markup taken as it is. Every caller says in a comment why the markup is safe
 * (made by a library that escapes its text, or never from user input).
 */
export function trusted(value: string): SafeHtml {
  return { [SAFE]: true, value };
}

function part(x: unknown): string {
  if (x === null || x === undefined || x === false) return "";
  if (Array.isArray(x)) return x.map(part).join("");
  if (isSafe(x)) return x.value;
  return escapeHtml(String(x));
}

/** Every interpolated value is escaped, unless it is markup made by this same tag (or `trusted`). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1]!;
  return trusted(out);
}
