// Parsers for single fields as counsellors type them in Excel. Each returns the value or a
// Dutch explanation of what would be valid; the caller adds file, row and column.
import type { Maand } from "../domain.ts";

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

/** YYYY-MM, YYYY-MM-DD, DD-MM-YYYY or D-M-YYYY (also with `/`), reduced to the month. */
export function parseMaand(text: string): Parsed<Maand> {
  const t = text.trim();
  let jaar: number,
    maand: number,
    dag: number | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(t))) {
    jaar = Number(m[1]);
    maand = Number(m[2]);
  } else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) {
    jaar = Number(m[1]);
    maand = Number(m[2]);
    dag = Number(m[3]);
  } else if ((m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(t))) {
    dag = Number(m[1]);
    maand = Number(m[2]);
    jaar = Number(m[3]);
  } else {
    return fail("geen datum; gebruik JJJJ-MM, JJJJ-MM-DD of DD-MM-JJJJ");
  }
  if (maand < 1 || maand > 12) return fail(`maand ${maand} bestaat niet`);
  if (dag !== null) {
    const last = new Date(Date.UTC(jaar, maand, 0)).getUTCDate();
    if (dag < 1 || dag > last) return fail(`dag ${dag} bestaat niet in deze maand`);
  }
  if (jaar < 2000 || jaar > 2100) return fail(`jaartal ${jaar} is niet aannemelijk`);
  return ok({ jaar, maand });
}

/**
 * Hours with a decimal comma or point: "21,5", "21.5", "3". Exactly three digits after the
 * comma or point ("1.000", "1,250") can be a thousands separator as well as decimals: two
 * readings, so refused. A space inside ("2 5") is refused too rather than read as 25.
 */
export function parseUren(text: string): Parsed<number> {
  const t = text.trim();
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return fail("geen getal; schrijf uren als 2 of 2,5");
  if (t.startsWith("-")) return fail("uren kunnen niet negatief zijn");
  if (/^\d+[.,]\d{3}$/.test(t)) {
    const [whole, frac] = t.split(/[.,]/) as [string, string];
    return fail(
      `dubbelzinnig: ${t} kan ${Number(`${whole}.${frac}`).toString().replace(".", ",")} of ${Number(whole + frac)} uur betekenen; schrijf uren zonder scheidingsteken voor duizendtallen en met hoogstens twee decimalen`,
    );
  }
  return ok(Number(t.replace(",", ".")));
}

export function parseJaar(text: string): Parsed<number> {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return fail("geen jaartal van vier cijfers");
  return ok(Number(t));
}

export function parseGeheel(text: string): Parsed<number> {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return fail("geen geheel getal van 0 of meer");
  return ok(Number(t));
}

/** ja/nee in any capitalisation; `empty` decides what an empty cell means. */
export function parseJaNee(text: string, empty: "fout" | "leeg" = "fout"): Parsed<boolean | null> {
  const t = text.trim().toLowerCase();
  if (t === "ja") return ok(true);
  if (t === "nee") return ok(false);
  if (t === "" && empty === "leeg") return ok(null);
  return fail("geldig is: ja of nee");
}

/** Splits `a|b|c`; empty gives an empty list. */
export function splitList(text: string): string[] {
  // A loop instead of split/map/filter: three lists per cell showed in validate's profile.
  const out: string[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf("|", start);
    const part = (end < 0 ? text.slice(start) : text.slice(start, end)).trim();
    if (part !== "") out.push(part);
    if (end < 0) return out;
    start = end + 1;
  }
}

export function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s_]+/g, "-");
}

export function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/**
 * A code from a fixed list, also accepted as its Dutch label when that is unambiguous
 * ("Seksuele intimidatie" for `seksuele-intimidatie`). Unknown values get the nearest code.
 */
export function parseCode(text: string, choices: { code: string; labels: string[] }[]): Parsed<string> {
  const t = text.trim();
  if (t === "") return fail(`leeg; geldig is: ${choices.map((c) => c.code).join(", ")}`);
  const exact = choices.find((c) => c.code === t);
  if (exact) return ok(exact.code);
  const n = normalise(t);
  const matches = choices.filter((c) => normalise(c.code) === n || c.labels.some((l) => normalise(l) === n));
  if (matches.length === 1) return ok(matches[0]!.code);
  if (matches.length > 1) return fail(`dubbelzinnig: past bij ${matches.map((c) => c.code).join(" en ")}; gebruik de code`);
  const nearest = [...choices].sort(
    (a, b) => levenshtein(n, normalise(a.code)) - levenshtein(n, normalise(b.code)) || a.code.localeCompare(b.code),
  )[0];
  const hint = nearest ? `bedoelt u "${nearest.code}"? ` : "";
  return fail(`onbekende code; ${hint}geldig is: ${choices.map((c) => c.code).join(", ")}`);
}

export function enumChoices(values: readonly string[]): { code: string; labels: string[] }[] {
  return values.map((code) => ({ code, labels: [] }));
}
