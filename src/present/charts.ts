// Vega-Lite specifications for the four charts, built from protected figures only.
// Colours: two blues far apart in lightness, so they stay distinct in black-and-white
// print and for colour-blind readers; labels on the bars carry the values as text.
import type { ChartBlock, PresentedTable } from "./model.ts";

export const DONKER = "#1f3f6e";
export const LICHT = "#8fb3de";
export const MIDDEN = "#4f7fb8";

const base = {
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  width: 440,
  height: 200,
  config: { view: { stroke: null }, axis: { labelFontSize: 10, titleFontSize: 10, grid: false }, legend: { labelFontSize: 10, titleFontSize: 10 } },
};

export function barChart(id: string, title: string, points: { x: string; y: number }[], yTitle: string, alt: string, data: PresentedTable): ChartBlock {
  return {
    id,
    title,
    alt,
    data,
    spec: {
      ...base,
      data: { values: points },
      layer: [
        { mark: { type: "bar", color: DONKER }, encoding: { x: { field: "x", type: "ordinal", title: null, axis: { labelAngle: 0 } }, y: { field: "y", type: "quantitative", title: yTitle } } },
        {
          mark: { type: "text", dy: -6, fontSize: 9, color: "#222" },
          encoding: { x: { field: "x", type: "ordinal" }, y: { field: "y", type: "quantitative" }, text: { field: "label" } },
        },
      ],
      transform: [{ calculate: "replace(format(datum.y, ',.1~f'), '.', ',')", as: "label" }],
    },
  };
}

export function groupedBarChart(id: string, title: string, points: { groep: string; reeks: string; y: number }[], alt: string, data: PresentedTable): ChartBlock {
  const series = [...new Set(points.map((p) => p.reeks))];
  return {
    id,
    title,
    alt,
    data,
    spec: {
      ...base,
      height: Math.max(120, 22 * new Set(points.map((p) => p.groep)).size * series.length),
      data: { values: points },
      encoding: {
        y: { field: "groep", type: "nominal", title: null, sort: null },
        yOffset: { field: "reeks", sort: series },
        x: { field: "y", type: "quantitative", title: "Aantal meldingen" },
      },
      layer: [
        {
          mark: { type: "bar", stroke: "#1f3f6e", strokeWidth: 0.5 },
          encoding: { color: { field: "reeks", type: "nominal", title: "Jaar", scale: { domain: series, range: series.length === 2 ? [LICHT, DONKER] : [DONKER] } } },
        },
        { mark: { type: "text", align: "left", dx: 3, fontSize: 9, color: "#222" }, encoding: { text: { field: "y" } } },
      ],
    },
  };
}

export function stackedShareChart(id: string, title: string, points: { jaar: string; herkomst: string; aandeel: number }[], order: string[], alt: string, data: PresentedTable): ChartBlock {
  return {
    id,
    title,
    alt,
    data,
    spec: {
      ...base,
      data: { values: points },
      mark: { type: "bar", stroke: "#ffffff", strokeWidth: 0.5 },
      encoding: {
        x: { field: "jaar", type: "ordinal", title: null, axis: { labelAngle: 0 } },
        y: { field: "aandeel", type: "quantitative", title: "Aandeel (%)", stack: "zero", scale: { domain: [0, 100] } },
        color: { field: "herkomst", type: "nominal", title: "Herkomst", sort: order, scale: { domain: order, range: [DONKER, LICHT, MIDDEN] } },
        order: { field: "volgorde", type: "quantitative" },
      },
      transform: [{ calculate: `indexof(${JSON.stringify(order)}, datum.herkomst)`, as: "volgorde" }],
    },
  };
}
