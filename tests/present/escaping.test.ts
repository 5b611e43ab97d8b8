// Escape by default (issue 16): every text of the report model reaches the HTML through the
// templates' `{{ }}`, so a label with markup is shown as written. The expected HTML is
// written out by hand.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeHtml, html } from "../../src/html.ts";
import type { Verslagtekst } from "../../src/domain.ts";
import type { ReportModel, Section } from "../../src/present/model.ts";
import { ownText, sectionText } from "../../src/present/narrative.ts";
import { renderHtml } from "../../src/render/html.ts";
import { ROOT } from "../helpers/cli.ts";

const LABEL = "<b>Pesten & co</b>";
const ESCAPED = "&lt;b&gt;Pesten &amp; co&lt;/b&gt;";

function model(sections: Section[]): ReportModel {
  return {
    document: "proef",
    titel: `Titel ${LABEL}`,
    ondertitel: "",
    organisatie: "Org",
    jaar: 2021,
    vertrouwelijk: false,
    datum: "",
    auteurs: "Auteurs",
    telregel: "",
    markering: "x",
    sections,
    toc: [],
  };
}

const section = (blocks: Section["blocks"]): Section => ({ id: "s", number: "1", title: `Kop ${LABEL}`, blocks, subsections: [] });

describe("the one escaper", () => {
  it("escapes the characters that can start or end markup or an attribute", () => {
    expect(escapeHtml(`<b a="1">&</b>`)).toBe("&lt;b a&#x3D;&quot;1&quot;&gt;&amp;&lt;/b&gt;");
    expect(escapeHtml("it's `x`")).toBe("it&#x27;s &#x60;x&#x60;");
    expect(html`<p>${LABEL}</p>`.value).toBe(`<p>${ESCAPED}</p>`);
  });

  it("templates/ has no triple-stash: raw markup is only what render/html.ts passes as SafeString", () => {
    const files = ["jaarverslag.hbs", ...readdirSync(join(ROOT, "templates", "partials")).map((f) => join("partials", f))];
    for (const f of files) expect(readFileSync(join(ROOT, "templates", f), "utf8"), f).not.toContain("{{{");
  });
});

describe("every text of a block is escaped in the HTML", () => {
  const page = renderHtml(
    model([
      section([
        { type: "paragraph", text: `Categorie "${LABEL}"; apart.` },
        { type: "list", items: [LABEL, "gewoon"] },
        { type: "missing", text: `(geen tekst voor ${LABEL})` },
        {
          type: "table",
          table: {
            id: "t",
            caption: `Tabel ${LABEL}`,
            headers: ["Aard", "2021"],
            rows: [{ label: LABEL, cells: ["<5"], total: false }],
            notes: [`"${LABEL}" omvat: a & b.`],
          },
        },
        {
          type: "form",
          rows: [
            { label: "Regels", lines: [LABEL, "tweede"] },
            { label: "Alinea's", paragraphs: [{ text: LABEL }, { lead: "Vet <i>kop</i>.", text: "tekst & meer" }] },
          ],
        },
      ]),
    ]),
    new Map(),
  );
  const main = page.slice(page.indexOf("<main>"));

  it("shows the label literally everywhere, never as a tag", () => {
    expect(page).not.toContain("<b>Pesten");
    expect(page).toContain(`<title>Titel ${ESCAPED}</title>`);
    expect(main).toContain(`<span class="nummer">1</span> Kop ${ESCAPED}</h1>`);
    expect(main).toContain(`<p>Categorie &quot;${ESCAPED}&quot;; apart.</p>`);
    expect(main).toContain(`<ul><li>${ESCAPED}</li><li>gewoon</li></ul>`);
    expect(main).toContain(`<div class="eigen-tekst"><p class="ontbreekt">(geen tekst voor ${ESCAPED})</p></div>`);
    expect(main).toContain(`<caption>Tabel ${ESCAPED}</caption>`);
    expect(main).toContain(`<th scope="row">${ESCAPED}</th><td class="getal">&lt;5</td>`);
    expect(main).toContain(`<p class="tabelnoot">&quot;${ESCAPED}&quot; omvat: a &amp; b.</p>`);
    expect(main).toContain(`<th scope="row">Regels</th><td>${ESCAPED}<br>tweede</td>`);
    expect(main).toContain(
      `<th scope="row">Alinea&#x27;s</th><td><p>${ESCAPED}</p><p><strong>Vet &lt;i&gt;kop&lt;/i&gt;.</strong> tekst &amp; meer</p></td>`,
    );
  });
});

describe("the counsellors' Markdown", () => {
  const verslag = (tekst: string): Verslagtekst => ({
    jaar: 2021,
    bestand: "verslag/2021.md",
    voorwerk: {},
    secties: [{ titel: "Team", tekst, regel: 1 }],
  });

  it("is Markdown, with raw HTML (block or inline) and code shown as text", () => {
    const out = sectionText(verslag("Wij **luisteren** <b>Pesten & co</b>.\n\n<script>alert(1)</script>\n\n`a < b`"), "Team");
    expect(out).toBe(
      "<p>Wij <strong>luisteren</strong> &lt;b&gt;Pesten &amp; co&lt;/b&gt;.</p>\n&lt;script&gt;alert(1)&lt;/script&gt;<p><code>a &lt; b</code></p>\n",
    );
  });

  it("a missing section becomes a note in plain text", () => {
    expect(ownText(verslag(""), "Team")).toEqual({
      type: "missing",
      text: '(De vertrouwenspersonen hebben voor "Team" geen tekst aangeleverd.)',
    });
  });
});
