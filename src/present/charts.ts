// Vega-Lite specifications for the charts, built from protected figures only.
//
// Colours (tests/render/colours.test.ts holds them to this): every series colour has at least
// 3:1 contrast against the white page (WCAG 1.4.11, graphical objects), all text in a chart at
// least 4.5:1, and the series colours are one hue (blue) at clearly different lightness
// (CIELAB L* at least 15 apart), so they stay distinct in black-and-white print and for
// colour-blind readers. Labels on the bars carry every value as text.
import type { ChartBlock, PresentedTable } from "./model.ts";

/** Series colours, dark to light; L* 26.7, 42.8 and 60.5. */
export const DONKER = "#1f3f6e";
export const MIDDEN = "#3a66a3";
export const LICHT = "#7094c6";
export const SERIEKLEUREN = [DONKER, MIDDEN, LICHT] as const;

/** Text in charts (axis and legend labels, values on the bars). */
const TEKSTKLEUR = "#1a1a1a";
/** Axis lines and ticks. */
const ASKLEUR = "#595959";
/** Drawn between stacked segments: not a graphical object of its own. */
const SCHEIDING = "#ffffff";

/** The mark for a suppressed value, drawn where its bar would be. */
const VERBORGEN = "x";

const base = {
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  width: 440,
  height: 200,
  background: "#ffffff",
  config: {
    view: { stroke: null },
    axis: {
      labelFontSize: 10,
      titleFontSize: 10,
      grid: false,
      labelColor: TEKSTKLEUR,
      titleColor: TEKSTKLEUR,
      domainColor: ASKLEUR,
      tickColor: ASKLEUR,
    },
    // labelLimit 0: a legend label is never cut off ("Ambtelijke organis…").
    legend: { labelFontSize: 10, titleFontSize: 10, labelColor: TEKSTKLEUR, titleColor: TEKSTKLEUR, labelLimit: 0 },
    text: { color: TEKSTKLEUR },
  },
};

/** Counts get whole-number ticks (no "0,5 klachten"); hours keep their decimals. */
function countAxis(values: number[]): Record<string, unknown> {
  return values.every((v) => Number.isInteger(v)) ? { tickMinStep: 1, format: "d" } : {};
}

/** Dutch value label: 21,5 and 13 (no thousands separator needed at these sizes). */
const LABEL = "replace(format(datum.y, '.1~f'), '.', ',')";

/** Legend entries of a series that starts with totals from earlier reports (historie). */
const BRON_EERDER = "uit eerdere verslagen";
const BRON_REGISTRATIE = "uit de registratie";

export function barChart(
  id: string,
  title: string,
  points: { x: string; y: number; eerder?: boolean }[],
  yTitle: string,
  alt: string,
  data: PresentedTable,
): ChartBlock {
  // Years known only from earlier reports are drawn light, with a legend entry, so that they
  // are not read as registered years.
  const mixed = points.some((p) => p.eerder);
  const values = points.map((p) => ({ x: p.x, y: p.y, bron: p.eerder ? BRON_EERDER : BRON_REGISTRATIE }));
  const color = mixed
    ? {
        color: {
          field: "bron",
          type: "nominal",
          title: null,
          scale: { domain: [BRON_EERDER, BRON_REGISTRATIE], range: [LICHT, DONKER] },
          legend: { orient: "top", direction: "horizontal" },
        },
      }
    : {};
  return {
    id,
    title,
    alt,
    data,
    spec: {
      ...base,
      data: { values },
      layer: [
        {
          mark: { type: "bar", color: DONKER, stroke: DONKER, strokeWidth: 0.5 },
          encoding: {
            ...color,
            // A period label ("2018 t/m november 2019") does not fit under one bar: slant them.
            x: {
              field: "x",
              type: "ordinal",
              title: null,
              axis: points.some((p) => p.x.length > 6) ? { labelAngle: -30, labelAlign: "right", labelLimit: 0 } : { labelAngle: 0 },
            },
            y: { field: "y", type: "quantitative", title: yTitle, axis: countAxis(points.map((p) => p.y)) },
          },
        },
        {
          mark: { type: "text", dy: -6, fontSize: 9, color: TEKSTKLEUR },
          encoding: { x: { field: "x", type: "ordinal" }, y: { field: "y", type: "quantitative" }, text: { field: "label" } },
        },
      ],
      transform: [{ calculate: LABEL, as: "label" }],
    },
  };
}

/**
 * Horizontal bars per group, one bar per series (year). A value that is not published
 * (missing from `points` while its group and series are there) is shown as "x" at zero, as in
 * the table, so that an empty slot is not read as a zero.
 */
export function groupedBarChart(
  id: string,
  title: string,
  points: { groep: string; reeks: string; y: number }[],
  alt: string,
  data: PresentedTable,
  options: { legendTitle?: string; xTitle?: string; series?: string[]; groups?: string[] } = {},
): ChartBlock {
  // The series in the caller's order (oldest year first), also a series whose every point is
  // hidden: taken from the points, a year hidden in the first group would move to the end and
  // swap colours with the years after it.
  const series = options.series ?? [...new Set(points.map((p) => p.reeks))];
  // Likewise every group the caller names, also one whose every point is hidden ("x" bars):
  // left out, the chart would seem to say that category did not occur.
  const groups = options.groups ?? [...new Set(points.map((p) => p.groep))];
  const values: { groep: string; reeks: string; y: number; verborgen: boolean }[] = [];
  for (const groep of groups) {
    for (const reeks of series) {
      const point = points.find((p) => p.groep === groep && p.reeks === reeks);
      values.push(point ? { ...point, verborgen: false } : { groep, reeks, y: 0, verborgen: true });
    }
  }
  // Long category names get room instead of an ellipsis; the plot narrows to keep the chart
  // (labels + plot + legend) within the text width.
  const longest = Math.max(0, ...groups.map((g) => g.length));
  const labelWidth = Math.min(260, Math.ceil(longest * 5.6));
  // Oldest series lightest. Beyond three series lightness alone cannot tell them apart, so
  // every bar then also names its series in its label ("2019: 6").
  const range =
    series.length <= 1 ? [DONKER] : series.length === 2 ? [LICHT, DONKER] : series.map((_, i) => [LICHT, MIDDEN, DONKER][i % 3]!);
  const named = series.length > 3;
  return {
    id,
    title,
    alt,
    data,
    spec: {
      ...base,
      width: Math.max(300, Math.min(440, 560 - labelWidth)),
      height: Math.max(120, 22 * groups.length * series.length),
      data: { values },
      encoding: {
        y: { field: "groep", type: "nominal", title: null, sort: null, axis: { labelLimit: 0 } },
        yOffset: { field: "reeks", sort: series },
        x: { field: "y", type: "quantitative", title: options.xTitle ?? "Aantal meldingen", axis: countAxis(points.map((p) => p.y)) },
      },
      layer: [
        {
          transform: [{ filter: "!datum.verborgen" }],
          mark: { type: "bar", stroke: DONKER, strokeWidth: 0.5 },
          encoding: {
            color: {
              field: "reeks",
              type: "nominal",
              title: options.legendTitle ?? "Jaar",
              scale: { domain: series, range },
              legend: { orient: series.some((s) => s.length > 12) ? "bottom" : "right", direction: "vertical" },
            },
          },
        },
        {
          transform: [{ calculate: `${named ? "datum.reeks + ': ' + " : ""}(datum.verborgen ? '${VERBORGEN}' : ${LABEL})`, as: "label" }],
          mark: { type: "text", align: "left", dx: 3, fontSize: 9, color: TEKSTKLEUR },
          encoding: { text: { field: "label" } },
        },
      ],
    },
  };
}

export function stackedShareChart(
  id: string,
  title: string,
  points: { jaar: string; herkomst: string; aandeel: number }[],
  order: string[],
  alt: string,
  data: PresentedTable,
  /** Every year on the axis, also those without a bar (their shares are not published). */
  years?: string[],
): ChartBlock {
  return {
    id,
    title,
    alt,
    data,
    spec: {
      ...base,
      data: { values: points },
      mark: { type: "bar", stroke: SCHEIDING, strokeWidth: 0.5 },
      encoding: {
        x: { field: "jaar", type: "ordinal", title: null, axis: { labelAngle: 0 }, ...(years ? { scale: { domain: years } } : {}) },
        y: { field: "aandeel", type: "quantitative", title: "Aandeel (%)", stack: "zero", scale: { domain: [0, 100] } },
        // Neighbouring segments differ most in lightness: dark, light, middle.
        color: {
          field: "herkomst",
          type: "nominal",
          title: "Herkomst",
          sort: order,
          scale: { domain: order, range: [DONKER, LICHT, MIDDEN] },
        },
        order: { field: "volgorde", type: "quantitative" },
      },
      transform: [{ calculate: `indexof(${JSON.stringify(order)}, datum.herkomst)`, as: "volgorde" }],
    },
  };
}
