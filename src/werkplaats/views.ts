// The body of each page, from what actions.ts returns. No I/O here beyond those calls.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Marked } from "marked";
import { ALL_DOCUMENTS, checkRegistration, DOCUMENT_TITLES, published, type RegistrationSummary } from "./actions.ts";
import { escapeHtml, html, trusted, type SafeHtml } from "../html.ts";
import { problemTable, status, warningList, yearPicker } from "./pages.ts";
import { foldProblems } from "./problem-tree.ts";
import type { PreviewState } from "./preview.ts";
import { EXPECTED_SECTIONS, splitVerslag } from "./sections.ts";

const nl = (x: number): string => String(Math.round(x * 10) / 10).replace(".", ",");

/** The year a page is about: asked for, else the latest year with meldingen. */
export function chooseYear(asked: string | null, summary: RegistrationSummary): number | null {
  if (asked && /^\d{4}$/.test(asked)) return Number(asked);
  const years = [...summary.jaren, ...summary.verslagJaren];
  return years.length === 0 ? null : Math.max(...(summary.jaren.length ? summary.jaren : years));
}

export function allYears(summary: RegistrationSummary, jaar: number | null): number[] {
  return [...new Set([...summary.jaren, ...summary.verslagJaren, ...(jaar === null ? [] : [jaar])])].sort((a, b) => a - b);
}

/** What is done and what is left for the jaarverslag of `jaar`, one line each. */
function readyList(
  summary: RegistrationSummary,
  jaar: number,
  problemCount: number,
  register: ReturnType<typeof published>,
  sections: ReturnType<typeof splitVerslag>["sections"],
  preview: PreviewState | undefined,
): SafeHtml[] {
  const filled = (title: string) => sections.some((s) => s.title === title && s.body.trim() !== "");
  const ready: SafeHtml[] = [];
  const meldingen = summary.meldingenPerJaar.get(jaar) ?? 0;
  ready.push(
    html`<li>${status(problemCount === 0, problemCount === 0 ? "De registratie is in orde." : `De registratie heeft ${problemCount} ${problemCount === 1 ? "probleem" : "problemen"}.`)} <a href="/registratie?jaar=${jaar}">Naar Registratie</a></li>`,
  );
  ready.push(html`<li>${status(meldingen > 0, `${meldingen} meldingen geregistreerd in ${jaar}.`)}</li>`);
  const uren = summary.urenMeldingenPerJaar.get(jaar) ?? 0;
  const act = summary.activiteitRegelsPerJaar.get(jaar) ?? 0;
  ready.push(
    html`<li>${status(act > 0, `Uren: ${nl(uren)} uur aan meldingen, ${act} ${act === 1 ? "regel" : "regels"} met uren voor training, intervisie, voorlichting en overleg.`)}</li>`,
  );
  for (const title of EXPECTED_SECTIONS) {
    ready.push(
      html`<li>${status(filled(title), `Tekst: ${title}`)} <a href="/tekst?jaar=${jaar}#sectie-${slug(title)}">Schrijven</a></li>`,
    );
  }
  const findings = preview?.findings.length ?? 0;
  if (preview)
    ready.push(
      html`<li>${status(findings === 0, findings === 0 ? "De tekst noemt geen kleine aantallen of namen." : `De tekst heeft ${findings} ${findings === 1 ? "zin" : "zinnen"} die een melder herkenbaar kunnen maken.`)}</li>`,
    );
  for (const publiek of ["openbaar", "vertrouwelijk"]) {
    const done = register.some((e) => e.jaar === String(jaar) && e.audience === publiek && e.report.startsWith("jaarverslag-vpoo"));
    ready.push(
      html`<li>${status(done, `Jaarverslag ${jaar} ${publiek} gepubliceerd.`)} <a href="/publiceren?jaar=${jaar}">Naar Publiceren</a></li>`,
    );
  }
  return ready;
}

export async function overzicht(
  dataDir: string,
  summary: RegistrationSummary,
  jaar: number | null,
  preview: PreviewState | undefined,
  verslagText: string | null,
): Promise<SafeHtml> {
  const { problems } = await checkRegistration(dataDir);
  const register = published(dataDir);
  const sections = verslagText === null ? [] : splitVerslag(verslagText).sections;
  const ready = jaar === null ? [] : readyList(summary, jaar, problems.length, register, sections, preview);
  return html`<h1>Overzicht</h1>
${yearPicker("/overzicht", allYears(summary, jaar), jaar)}
${
  jaar === null
    ? html`<p>Er zijn nog geen meldingen geregistreerd. Begin op de pagina <a href="/registratie">Registratie</a>.</p>`
    : html`
<section aria-labelledby="klaar"><h2 id="klaar">Wat nog moet voor het jaarverslag ${jaar}</h2>
<ul class="klaarlijst">${ready}</ul></section>`
}
<section aria-labelledby="jaren"><h2 id="jaren">Geregistreerde jaren</h2>
<table><caption>Meldingen en uren per jaar</caption>
<thead><tr><th scope="col">Jaar</th><th scope="col">Meldingen</th><th scope="col">Uren aan meldingen</th><th scope="col">Tekst</th></tr></thead>
<tbody>${allYears(summary, null).map((j) => html`<tr><th scope="row"><a href="/overzicht?jaar=${j}">${j}</a></th><td>${summary.meldingenPerJaar.get(j) ?? 0}</td><td>${nl(summary.urenMeldingenPerJaar.get(j) ?? 0)}</td><td>${summary.verslagJaren.includes(j) ? "aanwezig" : "nog niet"}</td></tr>`)}</tbody>
</table></section>
${registerTable(register)}`;
}

function registerTable(register: ReturnType<typeof published>): SafeHtml {
  return html`<section aria-labelledby="register"><h2 id="register">Gepubliceerd</h2>
${register.length === 0 ? html`<p id="register-leeg">Er is nog niets gepubliceerd.</p>` : ""}
<table id="register-tabel"${register.length === 0 ? html` hidden` : ""}><caption>Wat eerder is gepubliceerd (de cijfers hiervan blijven gelden)</caption>
<thead><tr><th scope="col">Document</th><th scope="col">Jaar</th><th scope="col">Voor wie</th><th scope="col">Cijfers</th><th scope="col">Naam in de map</th></tr></thead>
<tbody>${register.map((e) => html`<tr><td>${e.titel}</td><td>${e.jaar}</td><td>${e.audience}</td><td>${e.cijfers}</td><td>${e.report}</td></tr>`)}</tbody>
</table></section>`;
}

export async function registratie(
  dataDir: string,
  summary: RegistrationSummary,
  jaar: number | null,
  message: string | null,
): Promise<SafeHtml> {
  const { problems, warnings, codeOfRow } = await checkRegistration(dataDir);
  const nodes = foldProblems(problems, codeOfRow);
  return html`<h1>Registratie</h1>
<section aria-labelledby="inlezen"><h2 id="inlezen">Registratie inlezen</h2>
<p>Kies het ingevulde werkboek (<code>registratie.xlsx</code>) of losse tabellen (<code>meldingen.csv</code>, <code>meldingen.xlsx</code>, …). De vorige versie wordt eerst bewaard in de map <code>vorige-versies</code>.</p>
<form id="upload" method="post" action="/registratie/upload" enctype="application/octet-stream">
<label for="bestanden">Bestanden</label>
<input id="bestanden" name="bestanden" type="file" multiple accept=".xlsx,.csv">
<button type="submit">Inlezen</button>
</form>
<p id="upload-status" role="status" aria-live="polite">${message ?? ""}</p>
</section>
<section aria-labelledby="problemen"><h2 id="problemen">Problemen</h2>
<p>${problems.length === 0 ? "" : `${problems.length} ${problems.length === 1 ? "probleem" : "problemen"}${nodes.length < problems.length ? `, waarvan ${nodes.length} om eerst op te lossen; gevolgproblemen staan eronder ingeklapt` : ""}. Klik op een kolomkop om te sorteren.`}</p>
${problemTable(nodes, "Problemen in de registratie")}
</section>
${warningList(warnings)}
<section aria-labelledby="werkboek"><h2 id="werkboek">Nieuw registratiewerkboek</h2>
<p>Een leeg werkboek met keuzelijsten, uitleg en de codes van deze registratie (de standaardlijsten als de woordenlijst van deze map niet te lezen is).</p>
<p><a class="knop" href="/registratie/werkboek" download="registratie-nieuw.xlsx">Werkboek downloaden</a></p>
</section>
${jaar === null ? "" : html`<p><a href="/overzicht?jaar=${jaar}">Terug naar het overzicht</a></p>`}`;
}

const TABLE_NAMES: Record<string, string> = {
  herkomst: "Herkomst van de melders",
  status: "Stand van zaken",
  aard: "Aard van de meldingen",
  afhandeling: "Afhandeling",
  "uren-groep": "Uren per groep",
  "uren-activiteit": "Uren per activiteit",
  "uren-meldingen": "Uren aan meldingen",
  klachten: "Klachten",
  vpgroep: "Meldingen per groep vertrouwenspersonen",
  meldingen: "Meldingen",
  "vpi-jaren": "Integriteit: per jaar",
  "vpi-herkomst": "Integriteit: herkomst",
  "aard-periode": "Aard van de meldingen, jaren samen",
  "herkomst-periode": "Herkomst van de melders, jaren samen",
  "status-periode": "Stand van zaken, jaren samen",
  "vpi-periode": "Integriteit, jaren samen",
};

/**
 * "herkomst/2021/fractie" → "Herkomst van de melders, 2021, fractie";
 * "herkomst-periode/2020..2021/fractie" → "Herkomst van de melders, jaren samen, 2020–2021, fractie".
 */
export function cellName(cell: string): string {
  const [table, ...rest] = cell.split("/");
  return [TABLE_NAMES[table!] ?? table, ...rest.map((part) => part.replace(/^(\d{4})\.\.(\d{4})$/, "$1–$2"))].join(", ");
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function tekst(jaar: number, text: string, preview: PreviewState | undefined): SafeHtml {
  const parts = splitVerslag(text);
  const titles = [...parts.sections.map((s) => s.title), ...EXPECTED_SECTIONS.filter((t) => !parts.sections.some((s) => s.title === t))];
  return html`<h1>Tekst ${jaar}</h1>
<p>Schrijf elke sectie in gewone tekst (Markdown: een lege regel begint een nieuwe alinea, <code>- </code> begint een opsomming, <code>### </code> een tussenkop). Wat u typt wordt vanzelf bewaard; rechts ziet u het verslag zoals het in de PDF komt.</p>
<div class="tekstwerk" data-jaar="${jaar}">
<div class="editor">
${titles.map((title) => {
  const body =
    parts.sections
      .find((s) => s.title === title)
      ?.body.replace(/^\n/, "")
      .replace(/\s+$/, "") ?? "";
  const id = slug(title);
  return html`<section class="sectie" id="sectie-${id}" aria-labelledby="kop-${id}">
<h2 id="kop-${id}"><label for="tekst-${id}">${title}</label></h2>
<textarea id="tekst-${id}" data-sectie="${title}" rows="8" aria-describedby="vondst-${id} bewaard-${id}">${body}</textarea>
<p class="bewaard" id="bewaard-${id}" aria-live="polite"></p>
<div class="vondsten" id="vondst-${id}" aria-live="polite">${(preview?.findings ?? []).filter((f) => f.sectie === title).map(findingHtml)}</div>
</section>`;
})}
</div>
<div class="voorbeeld">
<h2 id="voorbeeld-kop">Voorbeeld van het openbare verslag</h2>
<p id="voorbeeld-status" role="status" aria-live="polite">${previewStatus(preview)}</p>
<iframe id="voorbeeld" title="Voorbeeld van het verslag ${jaar}" src="/voorbeeld.html?jaar=${jaar}&amp;v=${preview?.version ?? 0}" sandbox="allow-same-origin"></iframe>
</div>
</div>`;
}

function findingHtml(f: { regel: number; voor: string; treffer: string; na: string; melding: string }): SafeHtml {
  return html`<p class="vondst"><span class="label">Regel ${f.regel}:</span> ${f.voor}<mark>${f.treffer}</mark>${f.na}<br>${f.melding}</p>`;
}

export function previewStatus(preview: PreviewState | undefined): string {
  if (!preview) return "Het voorbeeld wordt gemaakt …";
  if (preview.findings.length > 0) return "Het voorbeeld toont de laatste versie zonder gemarkeerde zinnen: pas de gemarkeerde zin aan.";
  if (preview.problems.length > 0)
    return `Het voorbeeld kan niet worden bijgewerkt: ${preview.problems[0]!.melding}${preview.problems.length > 1 ? ` (en nog ${preview.problems.length - 1} problemen, zie Registratie)` : ""}`;
  return "Het voorbeeld is bijgewerkt.";
}

export function bescherming(jaar: number, publiek: "openbaar" | "vertrouwelijk", preview: PreviewState | undefined): SafeHtml {
  const last = preview?.last;
  const body = !last
    ? html`<p>Nog geen gegevens.</p>`
    : !last.ok
      ? html`<p>Het verslag kan nu niet worden gemaakt, dus er is ook geen overzicht van de bescherming:</p><ul>${last.problems.map((p) => html`<li>${p.bestand}: ${p.melding}</li>`)}</ul>`
      : html`<p>Het verslag drukt ${last.printed} cijfers af; ${last.log.length} cijfers zijn verborgen (met een x). Informatieverlies: ${last.printed === 0 ? 0 : Math.round((100 * last.log.length) / last.printed)}% van de cijfers, samen een werkelijke waarde van ${nl(last.log.reduce((sum, l) => sum + l.value, 0))}. ${last.optimal ? "" : "De berekening is binnen de tijd niet helemaal geoptimaliseerd: er kan iets meer verborgen zijn dan nodig."} De controle op terugrekenen is ${last.auditOk ? "geslaagd" : "NIET geslaagd"}.</p>
<table><caption>Verborgen cijfers en waarom</caption>
<thead><tr><th scope="col">Cijfer</th><th scope="col">Werkelijke waarde</th><th scope="col">Soort</th><th scope="col">Reden</th></tr></thead>
<tbody>${last.log.map((l) => html`<tr><td>${l.cells.map(cellName).join("; ")}</td><td>${nl(l.value)}</td><td>${l.soort}</td><td>${l.reden}</td></tr>`)}</tbody></table>
<h2>Samengevoegde categorieën</h2>
${last.merged.length === 0 ? html`<p>Geen: elke categorie was groot genoeg.</p>` : html`<ul>${last.merged.map((m) => html`<li>${m}</li>`)}</ul>`}`;
  return html`<h1>Bescherming ${jaar}</h1>
<p class="intern" role="note"><strong>INTERN — alleen voor de vertrouwenspersonen.</strong> Deze pagina toont werkelijke aantallen achter de x. Nooit afdrukken, doorsturen of publiceren.</p>
<form method="get" action="/bescherming" class="jaarkeuze">
<input type="hidden" name="jaar" value="${jaar}">
<fieldset><legend>Voor wie</legend>
<label><input type="radio" name="publiek" value="openbaar"${publiek === "openbaar" ? html` checked` : ""}> openbaar</label>
<label><input type="radio" name="publiek" value="vertrouwelijk"${publiek === "vertrouwelijk" ? html` checked` : ""}> vertrouwelijk</label>
</fieldset>
<button type="submit">Toon</button>
</form>
${body}`;
}

export function publiceren(dataDir: string, jaar: number, years: number[]): SafeHtml {
  return html`<h1>Publiceren ${jaar}</h1>
${yearPicker("/publiceren", years, jaar)}
<form id="publiceer" method="post" action="/publiceren">
<input type="hidden" name="jaar" value="${jaar}">
<fieldset><legend>Voor wie</legend>
<label><input type="radio" name="publiek" value="openbaar" checked> openbaar (iedereen)</label>
<label><input type="radio" name="publiek" value="vertrouwelijk"> vertrouwelijk (alleen het Presidium)</label>
</fieldset>
<fieldset><legend>Documenten</legend>
${ALL_DOCUMENTS.map((k) => html`<label><input type="checkbox" name="documenten" value="${k}"${k === "vpoo" ? html` checked` : ""}> ${DOCUMENT_TITLES[k]}</label>`)}
<p class="uitleg">Met alle documenten samen komt er ook één bundel voor het Presidium bij.</p>
</fieldset>
<fieldset><legend>Soort</legend>
<label><input type="radio" name="soort" value="vaststellen" checked> vaststellen (de eerste versie van dit verslag)</label>
<label><input type="radio" name="soort" value="herziening" aria-describedby="herziening-uitleg"> herziening (een nieuwe versie van een verslag dat al is vastgesteld)</label>
<p class="uitleg" id="herziening-uitleg">Een vastgesteld verslag wordt nooit overschreven. Een herziening komt naast de eerdere versie in de lijst van wat gepubliceerd is, met een erratum: welke cijfers veranderden en waarom.</p>
<label for="reden">Reden van de herziening (komt in het erratum)</label>
<textarea id="reden" name="reden" rows="3" aria-describedby="reden-uitleg"></textarea>
<p class="uitleg" id="reden-uitleg">Alleen bij een herziening, en dan verplicht. Bijvoorbeeld: "Een gesprek uit december is pas later geregistreerd." Noem geen aantallen of namen.</p>
</fieldset>
<button type="submit">Documenten maken</button>
</form>
<section aria-labelledby="voortgang-kop"><h2 id="voortgang-kop">Voortgang</h2>
<ol id="voortgang"></ol>
<p id="publiceer-status" role="status" aria-live="polite"></p>
<div id="weigering" role="alert"></div>
<ul id="bestanden-lijst"></ul>
</section>
${registerTable(published(dataDir))}`;
}

export function handleiding(root: string): SafeHtml {
  const text = readFileSync(join(root, "HANDLEIDING.md"), "utf8");
  // Our own guide, not user input; raw HTML in it is shown as text. Trusted: marked escapes
  // every other text it writes.
  const marked = new Marked({ renderer: { html: ({ text: t }) => escapeHtml(t) } });
  return trusted(marked.parse(text, { async: false }));
}
