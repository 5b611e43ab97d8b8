// The pages of the workspace, rendered on the server. Every value goes through the `html` tag
// (escaped); the little script in assets/werkplaats.js only adds live updates and uploads.
import type { Problem } from "../ingest/problem.ts";
import { html, type SafeHtml } from "../html.ts";
import type { ProblemNode } from "./problem-tree.ts";

const PAGES = [
  { path: "/overzicht", title: "Overzicht" },
  { path: "/registratie", title: "Registratie" },
  { path: "/tekst", title: "Tekst" },
  { path: "/bescherming", title: "Bescherming" },
  { path: "/publiceren", title: "Publiceren" },
  { path: "/handleiding", title: "Handleiding" },
] as const;

export interface LayoutInput {
  title: string;
  path: string;
  csrf: string;
  jaar: number | null;
  body: SafeHtml;
  /** Wider main area (the text editor beside the preview). */
  wide?: boolean;
}

export function layout(p: LayoutInput): string {
  const q = p.jaar === null ? "" : `?jaar=${p.jaar}`;
  return html`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${p.csrf}">
<title>${p.title} · Werkplaats jaarverslag</title>
<link rel="stylesheet" href="/werkplaats.css">
<script src="/werkplaats.js" defer></script>
</head>
<body>
<a class="skip" href="#inhoud">Naar de inhoud</a>
<header class="top">
<p class="naam">Werkplaats jaarverslag${p.jaar === null ? "" : html` <span class="jaar">${p.jaar}</span>`}</p>
<nav aria-label="Hoofdmenu"><ul>
${PAGES.map((page) => html`<li><a href="${page.path}${page.path === "/handleiding" ? "" : q}"${page.path === p.path ? html` aria-current="page"` : ""}>${page.title}</a></li>`)}
</ul></nav>
</header>
<main id="inhoud" class="${p.wide ? "breed" : ""}" tabindex="-1">
${p.body}
</main>
<footer><p>Alles blijft op deze computer: de werkplaats stuurt niets naar buiten.</p></footer>
</body>
</html>`.value;
}

export function yearPicker(path: string, jaren: number[], jaar: number | null): SafeHtml {
  if (jaren.length === 0) return html``;
  return html`<form class="jaarkeuze" method="get" action="${path}">
<label for="jaar">Verslagjaar</label>
<select id="jaar" name="jaar">${jaren.map((j) => html`<option value="${j}"${j === jaar ? html` selected` : ""}>${j}</option>`)}</select>
<button type="submit">Kies jaar</button>
</form>`;
}

export function status(ok: boolean, text: string): SafeHtml {
  return html`<span class="status ${ok ? "goed" : "open"}"><span aria-hidden="true">${ok ? "✓" : "!"}</span> ${ok ? "klaar" : "nog te doen"}</span> ${text}`;
}

function problemRow(p: Problem, extra: SafeHtml | string = ""): SafeHtml {
  return html`<td>${p.bestand}</td><td data-sort="${p.regel ?? 0}">${p.regel ?? ""}</td><td>${p.kolom ?? ""}</td><td>${p.waarde ?? ""}</td><td>${p.melding}${extra}</td>`;
}

/** Every problem, the follow-on ones folded under their cause (a <details> in the row). */
export function problemTable(nodes: ProblemNode[], caption: string): SafeHtml {
  if (nodes.length === 0) return html`<p class="melding goed" role="status">Geen problemen gevonden: de registratie is in orde.</p>`;
  return html`<table class="sorteerbaar problemen">
<caption>${caption}</caption>
<thead><tr>${["Bestand", "Regel", "Kolom", "Waarde", "Wat er niet klopt en wat wel mag"].map(
    (h, i) => html`<th scope="col" aria-sort="none"><button type="button" data-kolom="${i}">${h}</button></th>`,
  )}</tr></thead>
<tbody>
${nodes.map(
  (n) =>
    html`<tr>${problemRow(
      n.problem,
      n.followOn.length === 0
        ? ""
        : html`<details class="gevolg"><summary>${n.followOn.length} ${n.followOn.length === 1 ? "gevolgprobleem" : "gevolgproblemen"} (verdwijnen meestal als dit is opgelost)</summary><ul>${n.followOn.map(
            (f) =>
              html`<li>${f.bestand}${f.regel === null ? "" : `, regel ${f.regel}`}${f.kolom === null ? "" : `, kolom ${f.kolom}`}${f.waarde === null ? "" : ` (waarde "${f.waarde}")`}: ${f.melding}</li>`,
          )}</ul></details>`,
    )}</tr>`,
)}
</tbody>
</table>`;
}

export function warningList(warnings: Problem[]): SafeHtml {
  if (warnings.length === 0) return html``;
  return html`<section aria-labelledby="let-op"><h2 id="let-op">Let op</h2><ul class="waarschuwingen">${warnings.map(
    (w) => html`<li>${w.bestand}${w.regel === null ? "" : `, regel ${w.regel}`}: ${w.melding}</li>`,
  )}</ul></section>`;
}

export function refusedPage(message: string): string {
  return html`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Geen toegang · Werkplaats jaarverslag</title></head>
<body><main><h1>Geen toegang</h1><p>${message}</p></main></body></html>`.value;
}
