// Colours: WCAG AA contrast for every text and graphical colour the report uses
// (templates/style.css, the running header and footer, the charts as rendered), and chart
// series that differ clearly in lightness, so they survive black-and-white print and
// colour-blind readers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { barChart, DONKER, groupedBarChart, LICHT, MIDDEN, SERIEKLEUREN, stackedShareChart } from "../../src/present/charts.ts";
import type { ChartBlock, PresentedTable } from "../../src/present/model.ts";
import { vegaLiteToSvg } from "../../src/render/charts.ts";
import { HEADER_FOOTER_COLOUR } from "../../src/render/pdf.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const WHITE = "#ffffff";
const TEXT_AA = 4.5;
const GRAPHIC_AA = 3;
/** Minimum difference in CIELAB lightness between any two series colours. */
const LIGHTNESS_MARGIN = 15;

const NAMED: Record<string, string> = { white: "#ffffff", black: "#000000" };

function hex(colour: string): string {
  const c = colour.trim().toLowerCase();
  if (NAMED[c]) return NAMED[c];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  throw new Error(`onbekende kleur ${colour}`);
}

function luminance(colour: string): number {
  const h = hex(colour);
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** CIELAB L* (0 black … 100 white): what a greyscale print keeps of a colour. */
function lightness(colour: string): number {
  const y = luminance(colour);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (y * 24389) / 27;
}

describe("contrast arithmetic", () => {
  it("agrees with the WCAG examples", () => {
    expect(contrast("#000", "#fff")).toBeCloseTo(21, 5);
    expect(contrast("#767676", WHITE)).toBeCloseTo(4.54, 2);
    expect(contrast("#777777", WHITE)).toBeLessThan(TEXT_AA);
  });
});

describe("templates/style.css", () => {
  const css = readFileSync(join(ROOT, "templates", "style.css"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  const rules = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].map((m) => ({ selector: m[1]!.trim(), body: m[2]! }));
  const colours = (body: string, property: RegExp) =>
    [...body.matchAll(new RegExp(`(?:^|;)\\s*(?:${property.source})\\s*:\\s*([^;]+)`, "g"))].flatMap(
      (m) => m[1]!.match(/#[0-9a-fA-F]{3,6}\b|\b(?:white|black)\b/g) ?? [],
    );
  const text = rules.flatMap((r) => colours(r.body, /color/).map((c) => ({ where: r.selector, c })));
  const backgrounds = [WHITE, ...rules.flatMap((r) => colours(r.body, /background(?:-color)?/))];
  const borders = rules.flatMap((r) =>
    colours(r.body, /border(?:-(?:top|bottom|left|right))?(?:-color)?/).map((c) => ({ where: r.selector, c })),
  );

  it("finds the colours it checks", () => {
    expect(text.length).toBeGreaterThan(5);
    expect(borders.length).toBeGreaterThan(3);
  });

  it("has text at 4.5:1 or more against every background the stylesheet uses", () => {
    for (const { where, c } of [...text, { where: "running header and footer", c: HEADER_FOOTER_COLOUR }]) {
      for (const bg of backgrounds) {
        expect(contrast(c, bg), `${where}: ${c} op ${bg}`).toBeGreaterThanOrEqual(TEXT_AA);
      }
    }
  });

  it("has rules and borders at 3:1 or more (graphical objects)", () => {
    for (const { where, c } of borders) {
      for (const bg of backgrounds) {
        expect(contrast(c, bg), `${where}: ${c} op ${bg}`).toBeGreaterThanOrEqual(GRAPHIC_AA);
      }
    }
  });
});

const table: PresentedTable = { id: "t", caption: "Tabel", headers: ["", "2020"], rows: [], notes: [] };

async function charts(): Promise<ChartBlock[]> {
  return [
    barChart(
      "a",
      "Aantal meldingen",
      [
        { x: "2019", y: 21 },
        { x: "2020", y: 13 },
      ],
      "Aantal meldingen",
      "alt",
      table,
    ),
    barChart(
      "b",
      "Uren",
      [
        { x: "2019", y: 3.5 },
        { x: "2020", y: 2.1 },
      ],
      "Uren per melding",
      "alt",
      table,
    ),
    groupedBarChart(
      "c",
      "Aard",
      [
        { groep: "Pesten en roddelen", reeks: "2019", y: 6 },
        { groep: "Pesten en roddelen", reeks: "2020", y: 5 },
        { groep: "Overige", reeks: "2019", y: 15 },
      ],
      "alt",
      table,
    ),
    groupedBarChart(
      "d",
      "Drie jaren",
      ["2019", "2020", "2021"].flatMap((reeks, i) => [
        { groep: "Klachten", reeks, y: 5 + i },
        { groep: "Meldingen", reeks, y: 10 + i },
      ]),
      "alt",
      table,
    ),
    stackedShareChart(
      "e",
      "Herkomst",
      [
        { jaar: "2021", herkomst: "Fracties", aandeel: 20 },
        { jaar: "2021", herkomst: "Ambtelijke organisatie", aandeel: 70 },
        { jaar: "2021", herkomst: "Extern", aandeel: 10 },
      ],
      ["Fracties", "Ambtelijke organisatie", "Extern"],
      "alt",
      table,
    ),
  ];
}

describe("chart colours", () => {
  it("give every series at least 3:1 against the white page", () => {
    for (const c of SERIEKLEUREN) expect(contrast(c, WHITE), c).toBeGreaterThanOrEqual(GRAPHIC_AA);
  });

  it("differ clearly in lightness, so they stay apart in black-and-white print", () => {
    const pairs: Array<[string, string]> = [
      [DONKER, MIDDEN],
      [MIDDEN, LICHT],
      [DONKER, LICHT],
    ];
    for (const [a, b] of pairs) {
      expect(Math.abs(lightness(a) - lightness(b)), `${a} / ${b}`).toBeGreaterThanOrEqual(LIGHTNESS_MARGIN);
    }
  });

  it("use only the series colours in their scales", async () => {
    for (const chart of await charts()) {
      const ranges = JSON.stringify(chart.spec).match(/"range":\[[^\]]*\]/g) ?? [];
      for (const range of ranges) {
        for (const c of range.match(/#[0-9a-fA-F]{6}/g) ?? []) expect(SERIEKLEUREN, `${chart.id}: ${c}`).toContain(c);
      }
    }
  });

  it("pass AA in the rendered SVG: text 4.5:1, bars, axes and strokes 3:1", async () => {
    let checked = 0;
    for (const chart of await charts()) {
      const svg = await vegaLiteToSvg(chart.spec);
      expect(svg, chart.id).not.toMatch(/(?:fill-|stroke-)?opacity="0?\.\d+"/);
      for (const element of svg.matchAll(/<(\w+)\b([^>]*)>/g)) {
        const [, name, attributes] = element as unknown as [string, string, string];
        for (const paint of attributes.matchAll(/\s(fill|stroke)="([^"]+)"/g)) {
          const [, kind, value] = paint as unknown as [string, string, string];
          if (value === "none" || value === "transparent") continue;
          const where = `${chart.id}: <${name} ${kind}="${value}">`;
          if (name === "text") {
            expect(contrast(value, WHITE), where).toBeGreaterThanOrEqual(TEXT_AA);
          } else if (hex(value) !== WHITE) {
            // White is the page itself (background, separators between stacked segments).
            expect(contrast(value, WHITE), where).toBeGreaterThanOrEqual(GRAPHIC_AA);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
