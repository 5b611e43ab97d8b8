// The attacker's eyes: it reads only what a reader holds — the self-contained HTML that the
// build writes beside each PDF, the PDF's text, and the Sociaal Jaarverslag feed (CSV/JSON).
// Never figures.json, never the ledger, never anything from src/protect/.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readPdf } from "../helpers/pdf-read.ts";

interface ReadRow {
  label: string;
  total: boolean;
  /** As printed: "21,5", "x", "0", "12%". */
  cells: string[];
}

export interface ReadTable {
  id: string;
  caption: string;
  /** Column headers after the row-label header: usually period labels. */
  headers: string[];
  rows: ReadRow[];
  /** The notes printed under the table ("omvat: …", "x = …"). */
  notes: string[];
}

interface ReadList {
  /** Id of the section the list stands in ("interventies", "afwikkeling", "verantwoording"). */
  section: string;
  items: string[];
}

export interface ReadDocument {
  /** File name without extension, e.g. "jaarverslag-vpoo-2020-vertrouwelijk". */
  name: string;
  /** Which readers hold it. */
  audience: "openbaar" | "vertrouwelijk";
  tables: ReadTable[];
  /** Every paragraph and list item of the body, as plain text. */
  paragraphs: string[];
  lists: ReadList[];
  /** All visible text of the document (cover, body, chart text), for the number cross-check. */
  text: string;
  /** The Sociaal Jaarverslag feed: rows of jaar → figure as printed. */
  feed?: { jaar: number; klachten: string; meldingenVpoo: string; meldingenVpi: string }[];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decode(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&([a-z]+);/gi, (m, n: string) => ENTITIES[n.toLowerCase()] ?? m);
}

/** Tags out, entities decoded, white space collapsed. */
function plain(html: string): string {
  return decode(html.replace(/<br\s*\/?>/gi, " ").replace(/<[^>]*>/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

function all(re: RegExp, text: string): RegExpExecArray[] {
  return [...text.matchAll(new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g"))];
}

function parseTables(body: string): ReadTable[] {
  const tables: ReadTable[] = [];
  // A table with its notes: the notes follow the table inside the same block.
  for (const m of all(/<table class="cijfers"([^>]*)>([\s\S]*?)<\/table>([\s\S]*?)(?=<table|<\/div>|$)/, body)) {
    const inner = m[2]!;
    const caption = plain(/<caption>([\s\S]*?)<\/caption>/.exec(inner)?.[1] ?? "");
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(inner)?.[1] ?? "";
    const headers = all(/<th[^>]*>([\s\S]*?)<\/th>/, head)
      .map((h) => plain(h[1]!))
      .slice(1);
    const rows: ReadRow[] = [];
    const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(inner)?.[1] ?? "";
    for (const r of all(/<tr([^>]*)>([\s\S]*?)<\/tr>/, tbody)) {
      const label = plain(/<th[^>]*>([\s\S]*?)<\/th>/.exec(r[2]!)?.[1] ?? "");
      const cells = all(/<td[^>]*>([\s\S]*?)<\/td>/, r[2]!).map((c) => plain(c[1]!));
      rows.push({ label, total: /class="[^"]*totaal/.test(r[1]!) || label === "Totaal", cells });
    }
    const notes = all(/<p class="tabelnoot">([\s\S]*?)<\/p>/, m[3] ?? "").map((n) => plain(n[1]!));
    tables.push({ id: /id="([^"]*)"/.exec(m[1]!)?.[1] ?? "", caption, headers, rows, notes });
  }
  return tables;
}

function parseLists(body: string): ReadList[] {
  const lists: ReadList[] = [];
  // The section a list stands in: the nearest preceding <section id="…">.
  const sections = all(/<section[^>]*id="([^"]*)"/, body).map((s) => ({ at: s.index, id: s[1]! }));
  for (const m of all(/<ul>([\s\S]*?)<\/ul>/, body)) {
    const section = sections.filter((s) => s.at < m.index).at(-1)?.id ?? "";
    lists.push({ section, items: all(/<li>([\s\S]*?)<\/li>/, m[1]!).map((i) => plain(i[1]!)) });
  }
  return lists;
}

export function parseHtml(name: string, html: string): ReadDocument {
  const noStyle = html.replace(/<style[\s\S]*?<\/style>/g, "").replace(/<head>[\s\S]*?<\/head>/, "");
  const noSvg = noStyle.replace(/<svg[\s\S]*?<\/svg>/g, "");
  const paragraphs = all(/<(p|li|td)[^>]*>([\s\S]*?)<\/\1>/, noSvg)
    .map((p) => plain(p[2]!))
    .filter((p) => p !== "");
  // Chart text (axis ticks, labels) is visible too: keep it in `text`.
  const svgText = all(/<text[^>]*>([\s\S]*?)<\/text>/, noStyle).map((t) => plain(t[1]!));
  return {
    name,
    audience: name.endsWith("-vertrouwelijk") ? "vertrouwelijk" : "openbaar",
    tables: parseTables(noSvg),
    paragraphs,
    lists: parseLists(noSvg),
    text: `${plain(noSvg)} ${svgText.join(" ")}`,
  };
}

/** The Sociaal Jaarverslag feed: JSON and CSV must say the same. */
function parseFeed(name: string, json: string, csv: string): ReadDocument {
  const data = JSON.parse(json) as {
    telregel: string;
    notitie: string;
    rows: { jaar: number; klachten: { display: string }; meldingenVpoo: { display: string }; meldingenVpi: { display: string } }[];
  };
  const feed = data.rows.map((r) => ({
    jaar: r.jaar,
    klachten: r.klachten.display,
    meldingenVpoo: r.meldingenVpoo.display,
    meldingenVpi: r.meldingenVpi.display,
  }));
  const csvRows = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(";"));
  const fromCsv = csvRows.map((c) => ({ jaar: Number(c[0]), klachten: c[1]!, meldingenVpoo: c[2]!, meldingenVpi: c[3]! }));
  if (JSON.stringify(fromCsv) !== JSON.stringify(feed)) throw new Error(`${name}: CSV en JSON van de HR-feed verschillen`);
  return {
    name,
    audience: name.endsWith("-vertrouwelijk") ? "vertrouwelijk" : "openbaar",
    tables: [],
    paragraphs: [data.telregel, data.notitie],
    lists: [],
    text: `${data.telregel} ${data.notitie}`,
    feed,
  };
}

/** Dutch number as printed ("21,5", "1.234", "12%") or null for anything else ("x", "geen"). */
export function dutchNumber(s: string): number | null {
  const m = /^(-?\d{1,3}(?:\.\d{3})*|-?\d+)(?:,(\d+))?\s*%?$/.exec(s.trim());
  if (!m) return null;
  return Number(`${m[1]!.replace(/\./g, "")}.${m[2] ?? "0"}`);
}

/** Every number token in a text, normalised ("21,5" → "21.5"), for the PDF/HTML cross-check. */
function numberTokens(text: string): string[] {
  return [...text.matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => m[0]);
}

/**
 * Every document in a report folder that belongs to one audience. `snapshot` reads them now,
 * so that a later build overwriting a file does not take it out of the reader's hands.
 */
export function readFolder(dir: string, audience: "openbaar" | "vertrouwelijk"): ReadDocument[] {
  if (!existsSync(dir)) return [];
  const docs: ReadDocument[] = [];
  const mine = (base: string) => (audience === "vertrouwelijk") === base.endsWith("-vertrouwelijk");
  for (const file of readdirSync(dir).sort()) {
    const base = file.replace(/\.[a-z]+$/, "");
    if (!mine(base)) continue;
    if (file.endsWith(".html")) docs.push(parseHtml(base, readFileSync(join(dir, file), "utf8")));
    else if (file.endsWith(".json") && !file.endsWith(".figures.json") && base.startsWith("sociaal-jaarverslag")) {
      docs.push(parseFeed(base, readFileSync(join(dir, file), "utf8"), readFileSync(join(dir, `${base}.csv`), "utf8")));
    }
  }
  return docs;
}

/**
 * The PDF says nothing the HTML parse missed: every number in each PDF's text also occurs in
 * its HTML. Page numbers ("3", "pagina 3 van 12") are the one thing only the PDF has.
 * Returns the problems found (empty: consistent).
 */
export async function pdfNumbersInHtml(dir: string, audience: "openbaar" | "vertrouwelijk"): Promise<string[]> {
  const problems: string[] = [];
  const docs = readFolder(dir, audience).filter((d) => !d.feed);
  for (const doc of docs) {
    const pdfPath = join(dir, `${doc.name}.pdf`);
    if (!existsSync(pdfPath)) continue;
    const pdf = await readPdf(readFileSync(pdfPath));
    problems.push(...numbersMissing(`${doc.name}.pdf`, pdf.pages, doc.text));
  }
  return problems;
}

/**
 * Numbers in the PDF's pages that its HTML does not hold. A line holding only page numbers
 * ("3", "Pagina 3 van 12") is the one thing only the PDF has.
 */
export function numbersMissing(name: string, pages: string[], htmlText: string): string[] {
  const inHtml = new Set(numberTokens(htmlText));
  const problems: string[] = [];
  pages.forEach((page, i) => {
    for (const line of page.split("\n")) {
      if (/^(pagina\s+)?\d+(\s*(van|\/)\s*\d+)?$/i.test(line.trim()) && numberTokens(line).every((n) => Number(n) <= pages.length))
        continue;
      for (const token of numberTokens(line)) {
        if (!inHtml.has(token)) problems.push(`${name} pagina ${i + 1}: "${token}" in "${line}" staat niet in de HTML`);
      }
    }
  });
  return problems;
}
