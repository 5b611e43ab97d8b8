// Issue 7 on the real report: `jaarverslag build` on a copy of data/, the written PDF read
// back with pdfjs (structure tree, outline, metadata, text positions) and held against the
// report model that the pipeline built for it: the tagged structure, the bookmarks, the chart
// alternatives, the margins, headings at the foot of a page, identical bytes, Dutch formats
// and, for the confidential version, "Vertrouwelijk" on every page.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Audience } from "../../src/domain.ts";
import { readRawInput } from "../../src/ingest/raw-input.ts";
import { readLedger } from "../../src/output.ts";
import { build } from "../../src/pipeline.ts";
import type { Block, ReportModel, Section } from "../../src/present/model.ts";
import { readPdf, type OutlineEntry, type PdfContents } from "../helpers/pdf-read.ts";
import { builtOnce, buildStep } from "../helpers/built-once.ts";
import { cli } from "../helpers/cli.ts";
import { findRoles, headingsAtFoot, MARGIN, pageLines, squash, structureTrees, type StructElement } from "../render/pdf-inspect.ts";

const YEAR = 2020;

/** Runs the command and returns what it said; a failed build fails the test. */
async function build2(args: string[], options: Parameters<typeof cli>[1] = {}): Promise<string> {
  const { code, stderr } = await cli(args, options);
  if (code !== 0) throw new Error(stderr);
  return stderr;
}

/** The model the pipeline builds from the data and ledger as they are now (what the CLI renders). */
async function modelFor(data: string, audience: Audience): Promise<ReportModel> {
  const now = new Date();
  const result = await build(readRawInput(data), {
    jaar: YEAR,
    audience,
    vandaag: { jaar: now.getFullYear(), maand: now.getMonth() + 1 },
    ledger: readLedger(data),
  });
  if (!result.ok) throw new Error(result.problems.map((p) => p.melding).join("; "));
  return result.model;
}

interface Report {
  model: ReportModel;
  bytes: Uint8Array;
  pdf: PdfContents;
  trees: StructElement[];
}

async function report(model: ReportModel, path: string): Promise<Report> {
  const bytes = new Uint8Array(readFileSync(path));
  return { model, bytes, pdf: await readPdf(bytes), trees: await structureTrees(bytes) };
}

function* sections(list: Section[]): Generator<Section> {
  for (const s of list) {
    yield s;
    yield* sections(s.subsections);
  }
}

const blocks = (m: ReportModel): Block[] => [...sections(m.sections)].flatMap((s) => s.blocks);
const charts = (m: ReportModel) => blocks(m).flatMap((b) => (b.type === "chart" ? [b.chart] : []));
const tables = (m: ReportModel) => blocks(m).flatMap((b) => (b.type === "table" ? [b.table] : []));

function plain(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Headings in the counsellors' own text, with their level in the Markdown. */
function ownHeadings(html: string): { level: number; title: string }[] {
  return [...html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => ({ level: Number(m[1]), title: plain(m[2]!).trim() }));
}

/**
 * The bookmarks the report must have: the contents page, then every numbered section as in
 * the table of contents, with the headings of the counsellors' own text below their section.
 */
function expectedOutline(m: ReportModel): OutlineEntry[] {
  const entry = (s: Section): OutlineEntry => {
    const own = s.blocks.flatMap((b) => (b.type === "markdown" ? ownHeadings(b.html) : []));
    const children: OutlineEntry[] = [];
    const stack: { level: number; entry: OutlineEntry }[] = [];
    for (const h of own) {
      const e: OutlineEntry = { title: h.title, children: [] };
      while (stack.length > 0 && stack.at(-1)!.level >= h.level) stack.pop();
      (stack.at(-1)?.entry.children ?? children).push(e);
      stack.push({ level: h.level, entry: e });
    }
    // An unnumbered heading (the concept notice) has no number and no space before its title.
    return { title: s.number ? `${s.number} ${s.title}` : s.title, children: [...children, ...s.subsections.map(entry)] };
  };
  return [{ title: "Inhoud", children: [] }, ...m.sections.map(entry)];
}

/** Section headings, contents heading, own headings and table captions. */
function headingTexts(m: ReportModel): string[] {
  return [
    "Inhoud",
    ...m.toc.map((t) => `${t.number} ${t.title}`),
    ...blocks(m).flatMap((b) => (b.type === "markdown" ? ownHeadings(b.html).map((h) => h.title) : [])),
    ...tables(m).map((t) => t.caption),
  ];
}

function expectAccessible(r: Report): void {
  const { model, pdf, trees } = r;
  const all = (roles: string[]) => trees.flatMap((t) => findRoles(t, roles));

  // Language and metadata.
  expect(pdf.lang).toBe("nl-NL");
  expect(all(["Document"]).every((d) => d.lang === "nl-NL")).toBe(true);
  expect(pdf.info.Title).toBe(model.titel);
  expect(pdf.info.Author).toBe(model.auteurs);
  expect(pdf.info.Subject ?? "").toContain(String(model.jaar));
  expect(pdf.marked).toBe(true);
  expect(pdf.hasStructTree).toBe(true);

  // Headings: every chapter an H1, every numbered paragraph an H2.
  const h1 = new Set(all(["H1"]).map((e) => squash(e.text)));
  const h2 = new Set(all(["H2"]).map((e) => squash(e.text)));
  expect(h1.has("Inhoud")).toBe(true);
  for (const t of model.toc) {
    expect(t.level === 1 ? h1 : h2, `${t.number} ${t.title}`).toContain(squash(`${t.number} ${t.title}`));
  }

  // Tables: a Caption, a header row of TH and rows of TH (row header) and TD.
  const pdfTables = all(["Table"]);
  for (const t of tables(model)) {
    const found = pdfTables.find((e) => findRoles(e, ["Caption"]).some((c) => squash(c.text) === squash(t.caption)));
    expect(found, t.caption).toBeDefined();
    const rows = findRoles(found!, ["TR"]);
    expect(
      rows[0]!.children.map((c) => c.role),
      t.caption,
    ).toEqual(t.headers.map(() => "TH"));
    expect(
      rows[0]!.children.map((c) => squash(c.text)),
      t.caption,
    ).toEqual(t.headers.map(squash));
    expect(rows.length, t.caption).toBe(t.rows.length + 1);
    for (const [i, row] of t.rows.entries()) {
      expect(
        rows[i + 1]!.children.map((c) => c.role),
        `${t.caption}: ${row.label}`,
      ).toEqual(["TH", ...row.cells.map(() => "TD")]);
      expect(
        rows[i + 1]!.children.map((c) => squash(c.text)),
        `${t.caption}: ${row.label}`,
      ).toEqual([row.label, ...row.cells].map(squash));
    }
  }

  // Lists.
  expect(all(["L"]).length).toBeGreaterThan(0);
  expect(all(["LI"]).length).toBeGreaterThan(all(["L"]).length);

  // Charts: one Figure each, its /Alt the alternative generated from the protected figures.
  const figures = all(["Figure"]);
  const expected = charts(model).map((c) => c.alt);
  expect(expected.length).toBeGreaterThanOrEqual(3);
  expect(figures.map((f) => f.alt)).toEqual(expected);
  // Their figures are in the appendix as a table too.
  for (const c of charts(model)) expect(tables(model).map((t) => t.id)).toContain(c.data.id);

  // Bookmarks follow the section numbering of the table of contents.
  expect(pdf.outline).toEqual(expectedOutline(model));
}

function expectWithinMargins(r: Report, header: string[]): void {
  // Up to 1 pt (0,35 mm): a justified line's glyph advances, rounded by Chromium, can end a
  // fraction of a point past its box (seen: 0,64 pt on a chart's text alternative).
  const tolerance = 1;
  r.pdf.layout.forEach((layout, index) => {
    // A4 (Chromium rounds to whole device pixels: 595.92 × 841.92).
    expect(Math.abs(layout.width - 595.28)).toBeLessThan(1);
    expect(Math.abs(layout.height - 841.89)).toBeLessThan(1);
    for (const item of layout.items) {
      const where = `pagina ${index + 1}: '${item.str}' op x=${item.x.toFixed(1)}, y=${item.y.toFixed(1)}`;
      expect(item.x, where).toBeGreaterThanOrEqual(MARGIN.left - tolerance);
      expect(item.x + item.width, where).toBeLessThanOrEqual(layout.width - MARGIN.right + tolerance);
      expect(item.y, where).toBeGreaterThan(0);
      expect(item.y + item.height, where).toBeLessThan(layout.height);
      if (item.y > layout.height - MARGIN.top) expect(header, where).toContain(item.str.trim());
      else if (item.y < MARGIN.bottom) expect(item.str.trim(), where).toMatch(/^(pagina|van|\d+)( (pagina|van|\d+))*$/);
    }
  });
}

describe(`jaarverslag ${YEAR}, the PDF as written`, () => {
  let data: string;
  let open: Report;
  let again: Uint8Array;
  let confidential: Report;

  beforeAll(async () => {
    // The first build is the concept of 2020 that other files share (tests/helpers/built-once.ts).
    const first = await builtOnce("jaarverslag-pdf-", buildStep("--year", String(YEAR)))();
    data = first.data;
    const work = first.root;
    const openModel = await modelFor(data, "openbaar");
    open = await report(openModel, join(first.out, String(YEAR), `jaarverslag-vpoo-${YEAR}.pdf`));
    // Printed anew, not read from the run's print cache (src/print-cache.ts): this is
    // the build whose bytes must equal the first's.
    await build2(["build", "--year", String(YEAR), "--data", data, "--out", join(work, "b")], { freshPrint: true });
    again = new Uint8Array(readFileSync(join(work, "b", String(YEAR), `jaarverslag-vpoo-${YEAR}.pdf`)));
    const confidentialModel = await modelFor(data, "vertrouwelijk");
    await build2(["build", "--year", String(YEAR), "--audience", "vertrouwelijk", "--data", data, "--out", join(work, "v")]);
    confidential = await report(confidentialModel, join(work, "v", String(YEAR), `jaarverslag-vpoo-${YEAR}-vertrouwelijk.pdf`));
    // (five builds, each protecting up to three candidate layouts: choose-presentation.ts)
  }, 600_000);

  it("is tagged: headings, tables with header cells, lists, figures with their alternative, nl-NL, metadata, bookmarks", () => {
    expectAccessible(open);
    expect(open.pdf.info.Keywords ?? "").not.toContain("Vertrouwelijk");
  });

  it("gives identical bytes when built twice", () => {
    expect(again.length).toBe(open.bytes.length);
    expect(Buffer.from(again).equals(Buffer.from(open.bytes))).toBe(true);
  });

  it("keeps all text inside the page margins, header and footer in theirs", () => {
    expect(open.pdf.numPages).toBeGreaterThan(5);
    // A plain build is a concept: "Concept" on a line of its own above the running header.
    expect(open.model.paginaMarkering).toBe("Concept");
    expectWithinMargins(open, [open.model.titel, "Concept"]);
  });

  it("leaves no heading or table caption alone at the foot of a page", () => {
    expect(headingsAtFoot(open.pdf.layout, headingTexts(open.model))).toEqual([]);
    expect(headingsAtFoot(confidential.pdf.layout, headingTexts(confidential.model))).toEqual([]);
  });

  it("is typeset on A4 in the shipped font, with running header and 'pagina x van y'", () => {
    for (const font of open.pdf.fonts) expect(font).toMatch(/^NotoSans-/);
    open.pdf.layout.forEach((layout, index) => {
      const lines = pageLines(layout);
      expect(lines[0]!.text, `pagina ${index + 1}`).toBe("Concept");
      expect(lines[1]!.text, `pagina ${index + 1}`).toBe(open.model.titel);
      expect(lines.at(-1)!.text, `pagina ${index + 1}`).toBe(`pagina ${index + 1} van ${open.pdf.numPages}`);
    });
  });

  it("writes dates and numbers the Dutch way", () => {
    expect(open.model.datum).toBe("2 maart 2021");
    expect(open.pdf.pages[0]).toContain("Vastgesteld op 2 maart 2021");
    const text = open.pdf.pages.join("\n").replace(/\s+/g, " ");
    expect(text).toContain("gemiddeld 2,1 uur per melding over alle 18 geregistreerde meldingen");
    expect(text).toContain("21,5");
    expect(text).not.toMatch(/\b\d+\.\d uur\b/);
  });

  it("marks the confidential version on every page and in the metadata", () => {
    expectAccessible(confidential);
    expectWithinMargins(confidential, [confidential.model.titel, "Vertrouwelijk", "Concept"]);
    confidential.pdf.layout.forEach((layout, index) => {
      const header = pageLines(layout).filter((l) => l.y > layout.height - MARGIN.top);
      expect(header.map((l) => l.text).join(" "), `pagina ${index + 1}`).toMatch(/Vertrouwelijk/);
    });
    expect(`${confidential.pdf.info.Keywords ?? ""} ${confidential.pdf.info.Subject ?? ""}`).toContain("Vertrouwelijk");
    expect(confidential.pdf.pages[0]).toContain("Vertrouwelijk");
    for (const layout of open.pdf.layout) {
      expect(pageLines(layout).some((l) => l.text.includes("Vertrouwelijk"))).toBe(false);
    }
  });
});
