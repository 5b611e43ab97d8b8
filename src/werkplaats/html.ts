// One tagged template for every page of the workspace: every interpolated value is escaped,
// unless it is markup made by this same tag (or explicitly trusted with `trusted`). Text from
// the registration, the counsellors' text and file names can never become markup.

const SAFE = Symbol("veilige HTML");

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function isSafe(x: unknown): x is SafeHtml {
  return typeof x === "object" && x !== null && SAFE in x;
}

/** Markup that is known to be safe (our own guide rendered by marked; never user input). */
export function trusted(value: string): SafeHtml {
  return { [SAFE]: true, value };
}

function part(x: unknown): string {
  if (x === null || x === undefined || x === false) return "";
  if (Array.isArray(x)) return x.map(part).join("");
  if (isSafe(x)) return x.value;
  return escapeHtml(String(x));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1]!;
  return trusted(out);
}
