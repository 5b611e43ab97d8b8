// Section "Meldingen", parts a–e, as in the real reports. Sentences use the protected
// figures: a suppressed figure is never put into words, and counts of one are never
// written as a singular sentence.
import { periodLabel, type PeriodeId } from "../domain/periods.ts";
import { HERKOMST_RIJEN } from "../protect/labels.ts";
import type { TableCell } from "../protect/tables.ts";
import { barChart, groupedBarChart, stackedShareChart } from "./charts.ts";
import { formatGetal, formatProcent, formatUren } from "./format.ts";
import type { Block, ChartBlock, PresentedTable, Section } from "./model.ts";
import { presentTable } from "./tables.ts";
import { POOLED_TABLES } from "../protect/describe-pooled.ts";
import { seriesRows } from "./series.ts";
import { perHonderdBlocks } from "./personeel.ts";
import { changedNote } from "./publicatie.ts";
import { scopeKey } from "../protect/universe.ts";
import type { SectionContext } from "./section-context.ts";
import { yearsInWords } from "./span-words.ts";

const P = (text: string): Block => ({ type: "paragraph", text });

export function meldingenSections(ctx: SectionContext, telregel: string): Section[] {
  const a = aantal(ctx, telregel);
  return [{ ...a, blocks: [...a.blocks, ...perHonderdBlocks(ctx)] }, aard(ctx), lijst(ctx, "interventies"), afwikkeling(ctx), tijd(ctx)];
}

function aantal(ctx: SectionContext, telregel: string): Section {
  const { cells, agg } = ctx;
  const N = agg.jaar;
  const L = agg.periode.label;
  const V = agg.vorige;
  const where = "Tekst: aantal meldingen";
  const blocks: Block[] = [];
  const total = cells.cell("herkomst", "totaal", String(N))!;
  const prevTotal = V === null ? undefined : cells.cell("herkomst", "totaal", String(V));
  if (cells.isSuppressed(total)) {
    blocks.push(P(`Het totale aantal meldingen in ${L} wordt om redenen van anonimiteit niet vermeld.`));
  } else {
    let s = `In ${L} hebben de vertrouwenspersonen in totaal ${cells.print(total, where, "totaal", String(N))} meldingen ontvangen`;
    if (prevTotal && !cells.isSuppressed(prevTotal))
      s += `, tegen ${cells.print(prevTotal, where, "totaal", String(V))} in ${periodLabel(V!)}${changedNote(ctx.publicatie, scopeKey(prevTotal.universe, prevTotal.scope), cells.book, where)}`;
    blocks.push(P(`${s}. ${telregel}`));
    // Shares only of published cells with a published total.
    const parts = HERKOMST_RIJEN.map((r) => ({ h: r.key, c: cells.cell("herkomst", r.key, String(N))! })).filter(
      (x) => !cells.isSuppressed(x.c) && x.c.value > 0,
    );
    if (parts.length > 0 && total.value > 0) {
      const zin = parts
        .map(({ h, c }) => {
          const pct = Math.round((100 * c.value) / total.value);
          cells.book.add({
            id: `aandeel/${N}/${h}`,
            table: where,
            row: rowLabel(h),
            column: String(N),
            kind: "aandeel",
            universe: "meldingen",
            scope: c.scope,
            denominator: { universe: "meldingen", scope: total.scope },
            value: pct,
            display: formatProcent(pct),
          });
          return `${formatProcent(pct)} uit de ${h === "fractie" ? "fracties" : "ambtelijke organisatie (extern personeel en stagiairs meegeteld)"}`;
        })
        .join(", ");
      blocks.push(P(`Van de meldingen kwam ${zin}.`));
    }
  }
  const apart = cells.table("aard").rows.filter((r) => r.label.endsWith("(telt niet mee)"));
  for (const r of apart) {
    const c = cells.cell("aard", r.key, String(N));
    if (c && !cells.isSuppressed(c) && c.value > 0) {
      blocks.push(
        P(
          `Daarnaast zijn er ${cells.print(c, where, r.label, String(N))} meldingen geregistreerd in de categorie "${r.label.replace(" (telt niet mee)", "")}"; volgens de telregel tellen die niet mee in het totaal.`,
        ),
      );
    }
  }
  // Each chart right after what it shows (the count over the years after the count, the herkomst
  // shares after the herkomst table): at the end of a section longer than a page a chart would
  // land a page or two away from its heading and its table.
  blocks.push({ type: "chart", chart: meldingenPerJaar(ctx) });
  blocks.push({ type: "table", table: presentTable(cells, "herkomst", "Tabel: meldingen naar herkomst van de melder", "Herkomst") });
  const aandeel = herkomstAandeel(ctx);
  // A chart with every year hidden says nothing; the herkomst table above shows why.
  if ((aandeel.spec as { data: { values: unknown[] } }).data.values.length > 0) blocks.push({ type: "chart", chart: aandeel });
  else blocks.push(P("Een grafiek van de herkomst per jaar ontbreekt: in geen enkel jaar waren alle delen groot genoeg om te publiceren."));
  blocks.push({
    type: "table",
    table: presentTable(
      cells,
      "status",
      `Tabel: stand van zaken ${agg.periode.tot.maand === 12 ? "op 31 december" : "aan het eind van elke periode"}`,
      "Stand van zaken",
    ),
  });
  blocks.push(...pooledHerkomstStatus(ctx));
  return { id: "aantal", number: "", title: "Aantal meldingen", blocks, subsections: [] };
}

function meldingenPerJaar(ctx: SectionContext): ChartBlock {
  const { cells, agg } = ctx;
  const title = `Aantal meldingen ${periodLabel(agg.meldingenSerie[0]?.jaar ?? agg.jaar)}–${agg.periode.label}`;
  const where = `Grafiek: ${title}`;
  const { points, rows, hidden } = seriesRows(cells, agg.meldingenSerie, where, "meldingen", ["herkomst", "totaal"]);
  const alt =
    `Staafdiagram van het aantal meldingen per jaar: ` +
    points.map((p) => `${p.x}: ${formatGetal(p.y)}`).join("; ") +
    (hidden.length ? `; niet vermeld: ${hidden.join(", ")}` : "") +
    `. Jaren vóór ${periodLabel(agg.recordYears[0] ?? agg.jaar)} komen uit eerder gepubliceerde jaarverslagen.`;
  return barChart("grafiek-meldingen", title, points, "Aantal meldingen", alt, {
    id: "data-meldingen",
    caption: `Cijfers bij de grafiek ${title}`,
    headers: ["Jaar", "Meldingen"],
    rows,
    notes: [],
  });
}

function herkomstAandeel(ctx: SectionContext): ChartBlock {
  const { cells, agg } = ctx;
  const title = "Herkomst van de melders per jaar (aandeel)";
  const where = `Grafiek: ${title}`;
  const order = HERKOMST_RIJEN.map((r) => r.label);
  const points: { jaar: string; herkomst: string; aandeel: number }[] = [];
  const rows: PresentedTable["rows"] = [];
  const altParts: string[] = [];
  for (const jaar of agg.recordYears) {
    const y = String(jaar);
    const total = cells.cell("herkomst", "totaal", y)!;
    const parts = HERKOMST_RIJEN.map((r) => cells.cell("herkomst", r.key, y)!);
    // A share is shown only when every part of the year and its total are published.
    const allPublished = !cells.isSuppressed(total) && total.value > 0 && parts.every((c) => !cells.isSuppressed(c));
    const displays = HERKOMST_RIJEN.map(({ key: h, label }, i) => {
      if (!allPublished) return cells.mark;
      const pct = Math.round((100 * parts[i]!.value) / total.value);
      points.push({ jaar: periodLabel(jaar), herkomst: label, aandeel: pct });
      return cells.book.add({
        id: `${where}|${y}|${h}`,
        table: where,
        row: label,
        column: y,
        kind: "aandeel",
        universe: "meldingen",
        scope: parts[i]!.scope,
        denominator: { universe: "meldingen", scope: total.scope },
        value: pct,
        display: formatProcent(pct),
      });
    });
    rows.push({ label: periodLabel(jaar), cells: displays, total: false });
    altParts.push(
      allPublished
        ? `${periodLabel(jaar)}: ${HERKOMST_RIJEN.map((r, i) => `${r.label.toLowerCase()} ${displays[i]}`).join(", ")}`
        : `${periodLabel(jaar)}: niet vermeld`,
    );
  }
  const alt = `Gestapeld staafdiagram van de herkomst van de melders per jaar, in procenten: ${altParts.join("; ")}.`;
  return stackedShareChart(
    "grafiek-herkomst",
    title,
    points,
    order,
    alt,
    {
      id: "data-herkomst",
      caption: `Cijfers bij de grafiek ${title}`,
      headers: ["Jaar", ...order],
      rows,
      notes: [`${cells.mark} = niet vermeld: een aandeel wordt alleen getoond als alle delen van dat jaar gepubliceerd zijn.`],
    },
    agg.recordYears.map((y) => periodLabel(y)),
  );
}

function aard(ctx: SectionContext): Section {
  const { cells } = ctx;
  const recodings = cells.protectedReport.description.recodings;
  const notesOf = (table: string) => recodings.filter((r) => r.table === table).map((r) => `"${r.label}" omvat: ${r.members.join(", ")}.`);
  const pooled = cells.hasTable(POOLED_TABLES.aard) ? cells.table(POOLED_TABLES.aard) : null;
  // The rule as it is applied (choose-presentation.ts): a merge is chosen when the table then
  // shows more, not because a category is small, so a row standing alone says nothing about
  // its size; an x says only that the figure is not shown.
  const blocks: Block[] = [
    P(
      "In het belang van de anonimiteit is de aard van de meldingen zo weergegeven dat herleiding tot een persoon uitgesloten is. " +
        `De tabel noemt alle categorieën van de woordenlijst, ook die zonder meldingen. Waar een aantal niet getoond kan worden, staat ${cells.mark}. ` +
        (recodings.some((r) => r.table === "aard" || r.table === POOLED_TABLES.aard)
          ? "Sommige categorieën zijn samengevoegd tot hun hoofdgroep of tot 'Overige', omdat de tabel zo meer kan laten zien; de namen van de samengevoegde categorieën staan onder de tabel, zonder aantallen."
          : ""),
    ),
    { type: "table", table: presentTable(cells, "aard", `Tabel: aard van de meldingen`, "Aard van de melding", notesOf("aard")) },
  ];
  if (pooled && !partsHidden(ctx, POOLED_TABLES.aard)) {
    const span = pooled.columns[0]!.label;
    blocks.push(
      P(
        `Eén jaar telt te weinig meldingen om de aard ervan in detail te tonen zonder dat een melder herkenbaar kan worden. Daarom staat hieronder ook de aard van alle meldingen van ${span} samen: elk cijfer is het aantal meldingen in die ${yearsInWords(pooled, pooled.columns[0]!.key)} bij elkaar.`,
      ),
      {
        type: "table",
        table: presentTable(
          cells,
          POOLED_TABLES.aard,
          `Tabel: aard van de meldingen, ${span} samen`,
          "Aard van de melding",
          notesOf(POOLED_TABLES.aard),
        ),
      },
    );
  }
  const t = cells.table("aard");
  const chartRows = t.rows.filter((r) => r.key !== t.totalRow && !r.label.endsWith("(telt niet mee)"));
  // One bar for "everything together" says nothing the table does not: no chart then.
  if (chartRows.length < 2) return { id: "aard", number: "", title: "Aard van de meldingen", blocks, subsections: [] };
  // A chart whose every visible bar is 0 says nothing the table does not (the categories that
  // did occur are all "x"): no chart then, and none of its figures in the book.
  const visible = (key: string, column: string) => {
    const cell = cells.cell("aard", key, column)!;
    return !cells.isSuppressed(cell) && cell.value > 0;
  };
  if (!chartRows.some((r) => t.columns.some((c) => visible(r.key, c.key))))
    return { id: "aard", number: "", title: "Aard van de meldingen", blocks, subsections: [] };
  const labels = t.columns.map((c) => c.label);
  const title = `Aard van de meldingen, ${labels.length > 1 ? `${labels.slice(0, -1).join(", ")} en ${labels[labels.length - 1]}` : labels[0]}`;
  const where = `Grafiek: ${title}`;
  const points: { groep: string; reeks: string; y: number }[] = [];
  const rows: PresentedTable["rows"] = [];
  for (const r of chartRows) {
    rows.push({
      label: r.label,
      total: false,
      cells: t.columns.map((c) => {
        const cell = cells.cell("aard", r.key, c.key)!;
        if (!cells.isSuppressed(cell)) points.push({ groep: r.label, reeks: c.label, y: cell.value });
        return cells.print(cell, where, r.label, c.label);
      }),
    });
  }
  const alt = `Staafdiagram van de aard van de meldingen per jaar: ${rows.map((r) => `${r.label}: ${t.columns.map((c, i) => `${c.label} ${r.cells[i]}`).join(", ")}`).join("; ")}.`;
  // The chart right after the introduction, the exact figures below it: after a long table a
  // chart would slip to the next page, away from what leads into it.
  blocks.splice(1, 0, {
    type: "chart",
    chart: groupedBarChart(
      "grafiek-aard",
      title,
      points,
      alt,
      { id: "data-aard", caption: `Cijfers bij de grafiek ${title}`, headers: ["Aard", ...t.columns.map((c) => c.label)], rows, notes: [] },
      { series: labels, groups: chartRows.map((r) => r.label) },
    ),
  });
  return { id: "aard", number: "", title: "Aard van de meldingen", blocks, subsections: [] };
}

/**
 * Interventies or resultaten: named when at least k meldingen had them, never counted. The
 * PUBLIC threshold serves both audiences, so both versions name the same list (else the
 * confidential reader learns that what only their version names was used 3 or 4 times).
 * The rule is knowledge too: each named item is a fact "at least k", each unnamed item of
 * the vocabulary "at most k − 1", in figures.json. They live in their own universe (code ×
 * period): a melding can have several, so they are no partition of the meldingen and link
 * to no table of them.
 */
function namedCodes(ctx: SectionContext, soort: "interventie" | "resultaat"): { named: string[]; k: number } {
  const { agg, d } = ctx;
  const k = d.instellingen.drempel.openbaar;
  const N = String(agg.jaar);
  const list = soort === "interventie" ? agg.interventies : agg.resultaten;
  const n = (code: string) => list.find((c) => c.jaar === agg.jaar && c.code === code)?.n ?? 0;
  const label = (code: string) => d.vocabulaire.find((t) => t.soort === soort && t.code === code)?.label ?? code;
  const codes = [
    ...new Set([
      ...d.vocabulaire.filter((t) => t.soort === soort).map((t) => t.code),
      ...list.filter((c) => c.jaar === agg.jaar).map((c) => c.code),
    ]),
  ];
  const universe = soort === "interventie" ? "interventies" : "resultaten";
  const where = soort === "interventie" ? "Lijst: interventies" : "Lijst: resultaten";
  const named: string[] = [];
  for (const code of codes) {
    const isNamed = n(code) >= k;
    const display = isNamed ? label(code) : "";
    ctx.cells.book.add({
      id: `${where}|${N}|${code}`,
      table: where,
      row: label(code),
      column: N,
      kind: "grens",
      universe,
      scope: { jaar: [N], code: [code] },
      value: null,
      bounds: isNamed ? { min: k, max: null } : { min: 0, max: k - 1 },
      layout: isNamed ? "genoemd in lijst" : "niet genoemd in lijst",
      display,
    });
    if (isNamed) named.push(display);
  }
  return { named, k };
}

function lijst(ctx: SectionContext, _kind: "interventies"): Section {
  const { named, k } = namedCodes(ctx, "interventie");
  const intro =
    "Om de melder bij te staan hebben de vertrouwenspersonen verschillende interventies tot hun beschikking, van een luisterend oor tot bijstand in een klachtenprocedure.";
  const lead =
    named.length === 0
      ? "Geen enkele interventie is bij genoeg meldingen ingezet om haar hier zonder risico op herkenning te noemen."
      : named.length === 1
        ? "Deze interventie is het vaakst ingezet:"
        : "De volgende interventies zijn het vaakst ingezet:";
  const blocks: Block[] = [P(`${intro} ${lead}`)];
  if (named.length) blocks.push({ type: "list", items: named });
  blocks.push(
    P(
      `Een interventie wordt hier alleen genoemd als ze bij minstens ${k} meldingen is ingezet; andere interventies worden niet afzonderlijk genoemd, zodat geen melder herkenbaar wordt.`,
    ),
  );
  return { id: "interventies", number: "", title: "Interventies", blocks, subsections: [] };
}

function afwikkeling(ctx: SectionContext): Section {
  const { named, k } = namedCodes(ctx, "resultaat");
  const intro =
    "Het resultaat van een melding is niet altijd bekend, bijvoorbeeld omdat de melder na een gesprek geen vervolg nodig heeft. De stand van zaken aan het eind van de verslagperiode staat in de tabel bij het aantal meldingen.";
  const lead =
    named.length === 0
      ? "Geen enkel resultaat is bij genoeg meldingen gemeld om het hier zonder risico op herkenning te noemen."
      : named.length === 1
        ? "Dit resultaat is bij genoeg meldingen gemeld om het te noemen:"
        : "Deze resultaten zijn bij genoeg meldingen gemeld om ze te noemen:";
  const blocks: Block[] = [P(`${intro} ${lead}`)];
  if (named.length) blocks.push({ type: "list", items: named });
  blocks.push(
    P(
      `Een resultaat wordt hier alleen genoemd als het bij minstens ${k} meldingen is gemeld; andere resultaten worden niet afzonderlijk genoemd.`,
    ),
  );
  return { id: "afwikkeling", number: "", title: "Afwikkeling en resultaten", blocks, subsections: [] };
}

function tijd(ctx: SectionContext): Section {
  const { cells, agg } = ctx;
  const N = agg.jaar;
  const L = agg.periode.label;
  const where = "Tekst: tijdsbesteding";
  const blocks: Block[] = [];
  const urenN = cells.cell("uren-meldingen", "afhandeling", String(N))!;
  const avg = average(ctx, N);
  if (!cells.isSuppressed(urenN)) {
    let s = `Aan de afhandeling van meldingen hebben de vertrouwenspersonen in ${L} in totaal ${cells.print(urenN, where, "uren aan meldingen", String(N))} uur besteed`;
    // The sentence names what the average divides by, so the reader can recompute it from
    // figures printed in the same sentence.
    if (avg !== null) s += `, gemiddeld ${recordAverage(ctx, avg.a, where, N)} uur per melding over ${basisZin(ctx, avg, where)}`;
    blocks.push(P(`${s}.`));
  }
  blocks.push({
    type: "table",
    table: presentTable(cells, "uren-activiteit", "Tabel: tijdsbesteding naar activiteit (uren)", "Activiteit"),
  });
  blocks.push({
    type: "table",
    table: presentTable(cells, "uren-groep", `Tabel: tijdsbesteding naar groep vertrouwenspersonen, ${L} (uren)`, "Groep"),
  });
  if (cells.hasTable("vpgroep"))
    blocks.push({
      type: "table",
      table: presentTable(cells, "vpgroep", "Tabel: meldingen naar groep vertrouwenspersonen (vertrouwelijk)", "Groep"),
    });
  blocks.push(
    P(
      "De uren per groep en per activiteit komen uit dezelfde registratie en tellen op tot hetzelfde totaal. Uren aan een melding die door twee vertrouwenspersonen samen is behandeld, zijn gelijk over hen verdeeld.",
    ),
  );
  // Chart: hours per melding over the years.
  const title = "Gemiddeld aantal uren per melding";
  const chartWhere = `Grafiek: ${title}`;
  const points: { x: string; y: number }[] = [];
  const rows: PresentedTable["rows"] = [];
  for (const y of agg.recordYears) {
    // The hours and the meldingen behind each average are printed beside it: an average is
    // never published without its numerator (so the audit can weigh what it reveals about
    // the count) nor without its denominator (so the reader can recompute it).
    const urenY = cells.cell("uren-meldingen", "afhandeling", String(y))!;
    const urenText = cells.print(urenY, chartWhere, "uren aan meldingen", String(y));
    const a = average(ctx, y);
    if (a === null) rows.push({ label: periodLabel(y), cells: [urenText, cells.mark, cells.mark], total: false });
    else {
      points.push({ x: periodLabel(y), y: a.a });
      rows.push({
        label: periodLabel(y),
        cells: [urenText, recordBasis(ctx, a, chartWhere, y), recordAverage(ctx, a.a, chartWhere, y)],
        total: false,
      });
    }
  }
  const alt = `Staafdiagram van het gemiddeld aantal uren per melding: ${rows.map((r) => `${r.label}: ${r.cells[2]}`).join("; ")}.`;
  blocks.push({
    type: "chart",
    chart: barChart("grafiek-uren", title, points, "Uren per melding", alt, {
      id: "data-uren",
      caption: `Cijfers bij de grafiek ${title}`,
      headers: ["Jaar", "Uren aan meldingen", "Geregistreerde meldingen", "Uren per melding"],
      rows,
      notes: [
        "Uren per melding = uren aan meldingen gedeeld door alle geregistreerde meldingen, ook die volgens de telregel niet meetellen (daar is ook tijd aan besteed).",
        ...(rows.some((r) => r.cells.includes(cells.mark))
          ? [`${cells.mark} = niet vermeld: het gemiddelde rust op te weinig meldingen of op een beschermd cijfer.`]
          : []),
      ],
    }),
  });
  return { id: "tijd", number: "", title: "Verantwoording van de tijdsbesteding", blocks, subsections: [] };
}

/** An average and what it divides by: the counted total plus the printed rows outside the count. */
interface Average {
  a: number;
  n: number;
  y: PeriodeId;
  total: TableCell;
  apart: { label: string; cell: TableCell }[];
}

/** Hours per registered melding, or null when it would rest on too few meldingen. */
function average(ctx: SectionContext, y: PeriodeId): Average | null {
  const { cells, agg } = ctx;
  const uren = cells.cell("uren-meldingen", "afhandeling", String(y))!;
  const total = cells.cell("herkomst", "totaal", String(y))!;
  const n = agg.geregistreerd.find((g) => g.jaar === y)?.n ?? 0;
  if (n < ctx.k || cells.isSuppressed(uren) || cells.isSuppressed(total)) return null;
  // The average gives away n, which includes the meldingen outside the count: with the
  // published total that reveals them, unless they are printed (unsuppressed) this year.
  const apart: Average["apart"] = [];
  if (n !== total.value) {
    const rows = cells.table("aard").rows.filter((r) => r.label.endsWith("(telt niet mee)"));
    const apartCells = rows.map((r) => ({ label: r.label.replace(" (telt niet mee)", ""), c: cells.cell("aard", r.key, String(y)) }));
    if (
      apartCells.some((x) => !x.c || cells.isSuppressed(x.c)) ||
      total.value + apartCells.reduce((s, x) => s + (x.c?.value ?? 0), 0) !== n
    )
      return null;
    for (const x of apartCells) if (x.c!.value > 0) apart.push({ label: x.label, cell: x.c! });
  }
  return { a: Math.round((10 * uren.value) / n) / 10, n, y, total, apart };
}

/** "18 geregistreerde meldingen (de 13 die meetellen en 5 corona-gerelateerd)". */
function basisZin(ctx: SectionContext, avg: Average, where: string): string {
  const n = recordBasis(ctx, avg, where, avg.y);
  if (avg.apart.length === 0) return `${n} meldingen`;
  const y = String(avg.y);
  const delen = avg.apart.map((p) => `${ctx.cells.print(p.cell, where, p.label, y)} in de categorie "${p.label}"`);
  return `alle ${n} geregistreerde meldingen (de ${ctx.cells.print(avg.total, where, "totaal", y)} die meetellen en ${delen.join(" en ")})`;
}

/** The number of registered meldingen an average divides by, recorded as a printed figure. */
function recordBasis(ctx: SectionContext, avg: Average, where: string, y: PeriodeId): string {
  return ctx.cells.book.add({
    id: `${where}|geregistreerd|${y}`,
    table: where,
    row: "geregistreerde meldingen",
    column: String(y),
    kind: "aantal",
    universe: "meldingen",
    scope: { jaar: [String(y)] },
    value: avg.n,
    display: formatGetal(avg.n),
  });
}

function recordAverage(ctx: SectionContext, a: number, where: string, y: PeriodeId): string {
  const uren = ctx.cells.cell("uren-meldingen", "afhandeling", String(y))!;
  return ctx.cells.book.add({
    id: `${where}|gemiddelde|${y}`,
    table: where,
    row: "uren per melding",
    column: String(y),
    kind: "gemiddelde",
    universe: "uren",
    scope: uren.scope,
    denominator: { universe: "meldingen", scope: { jaar: [String(y)] } },
    value: a,
    display: formatUren(a),
  });
}

/**
 * True when a pooled table prints none of its parts: such a table is left out. Its total is
 * the sum of yearly totals the yearly table shows, so a table of x's and a total tells the
 * reader nothing; leaving it out says only that every part is hidden, as the x's would.
 */
function partsHidden(ctx: SectionContext, table: string): boolean {
  const t = ctx.cells.table(table);
  return t.cells.filter((c) => c.row !== t.totalRow).every((c) => ctx.cells.isSuppressed(c));
}

interface PooledShown {
  id: string;
  /** "de herkomst", "de stand van zaken" */
  what: string;
  caption: string;
  stub: string;
  span: { key: string; label: string };
  years: string;
}

/** The pooled herkomst and status tables that print at least one part, with their spans. */
function pooledShown(ctx: SectionContext): PooledShown[] {
  const { cells } = ctx;
  const specs = [
    { id: POOLED_TABLES.herkomst, what: "de herkomst", caption: "Tabel: meldingen naar herkomst van de melder", stub: "Herkomst" },
    {
      id: POOLED_TABLES.status,
      what: "de stand van zaken",
      caption: "Tabel: stand van zaken aan het eind van het jaar van melding",
      stub: "Stand van zaken",
    },
  ];
  return specs.flatMap((spec) => {
    if (!cells.hasTable(spec.id) || partsHidden(ctx, spec.id)) return [];
    const t = cells.table(spec.id);
    const span = t.columns[0]!;
    return [{ ...spec, caption: `${spec.caption}, ${span.label} samen`, span, years: yearsInWords(t, span.key) }];
  });
}

/** "de herkomst en de stand van zaken van alle meldingen van 2019–2021 samen; …" */
function pooledIntro(shown: PooledShown[]): string {
  const first = shown[0]!;
  const sameSpan = shown.every((x) => x.span.key === first.span.key);
  const body = sameSpan
    ? `${shown.map((x) => x.what).join(" en ")} van alle meldingen van ${first.span.label} samen; elk cijfer is de som over die ${first.years}.`
    : `${shown.map((x) => `${x.what} van alle meldingen van ${x.span.label} samen (de som over die ${x.years})`).join(" en ")}.`;
  return `Omdat één jaar weinig meldingen telt, staan hieronder ook ${body}`;
}

/**
 * Herkomst and status over the pooled spans (describe-pooled.ts), with the one sentence the
 * real reports opened with — "het merendeel kwam uit de ambtelijke organisatie" — when the
 * pooled share is printed: a share of published cells, recorded as a figure of kind aandeel.
 */
function pooledHerkomstStatus(ctx: SectionContext): Block[] {
  const { cells } = ctx;
  const shown = pooledShown(ctx);
  if (shown.length === 0) return [];
  let zin = pooledIntro(shown);
  const herkomst = shown.find((x) => x.id === POOLED_TABLES.herkomst);
  if (herkomst) {
    zin += " Extern personeel en stagiairs tellen mee bij de ambtelijke organisatie.";
    const { span } = herkomst;
    const total = cells.cell(POOLED_TABLES.herkomst, "totaal", span.key)!;
    const ambtelijk = cells.cell(POOLED_TABLES.herkomst, "ambtelijk", span.key)!;
    if (!cells.isSuppressed(total) && !cells.isSuppressed(ambtelijk) && total.value > 0 && 2 * ambtelijk.value > total.value) {
      const pct = Math.round((100 * ambtelijk.value) / total.value);
      const share = cells.book.add({
        id: `aandeel/${span.key}/ambtelijk`,
        table: `Tekst: herkomst ${span.label}`,
        row: rowLabel("ambtelijk"),
        column: span.label,
        kind: "aandeel",
        universe: "meldingen",
        scope: ambtelijk.scope,
        denominator: { universe: "meldingen", scope: total.scope },
        value: pct,
        display: formatProcent(pct),
      });
      zin += ` Over ${span.label} kwam het merendeel van de meldingen (${share}) uit de ambtelijke organisatie.`;
    }
  }
  return [P(zin), ...shown.map((x): Block => ({ type: "table", table: presentTable(cells, x.id, x.caption, x.stub) }))];
}

/** The label of a herkomst row as the tables print it. */
function rowLabel(key: string): string {
  return HERKOMST_RIJEN.find((r) => r.key === key)?.label ?? key;
}
