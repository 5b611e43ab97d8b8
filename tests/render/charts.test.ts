import { describe, expect, it } from "vitest";
import { vegaLiteToSvg } from "../../src/render/charts.ts";

const barChart = {
  description: "Meldingen per aard in 2020",
  data: {
    values: [
      { aard: "Pesten", aantal: 12 },
      { aard: "Intimidatie", aantal: 7.5 },
      { aard: "Discriminatie", aantal: 3 },
    ],
  },
  encoding: {
    y: { field: "aard", type: "nominal", title: "Aard", sort: null },
    x: { field: "aantal", type: "quantitative", title: "Aantal meldingen" },
  },
  layer: [{ mark: "bar" }, { mark: { type: "text", align: "left", dx: 3 }, encoding: { text: { field: "aantal", format: ".1f" } } }],
};

describe("vegaLiteToSvg", () => {
  it("renders a bar chart with its data labels, in the embedded font and Dutch number format", async () => {
    const svg = await vegaLiteToSvg(barChart);
    expect(svg.startsWith("<svg")).toBe(true);
    for (const label of ["Pesten", "Intimidatie", "Discriminatie", "12,0", "7,5", "3,0", "Aantal meldingen"]) {
      expect(svg).toContain(`>${label}</text>`);
    }
    expect(svg).toContain('font-family="Noto Sans"');
    expect(svg).not.toMatch(/font-family="(?!Noto Sans")/);
  });

  it("contains no URL other than the SVG namespace", async () => {
    const svg = await vegaLiteToSvg(barChart);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', "")).not.toMatch(/https?:|file:|\/\//);
  });

  it("is an accessible image named by the Dutch description", async () => {
    const svg = await vegaLiteToSvg(barChart);
    expect(svg).toMatch(/^<svg[^>]* role="img" aria-label="Meldingen per aard in 2020"><title>Meldingen per aard in 2020<\/title>/);
    // Vega's own ARIA texts are English; they are switched off.
    expect(svg).not.toMatch(/aria-roledescription|X-axis|Y-axis/);
  });

  it("is deterministic, also after other charts were rendered (clip path ids)", async () => {
    const clipped = { ...barChart, width: 200, height: 100, mark: { type: "bar", clip: true } };
    delete (clipped as { layer?: unknown }).layer;
    const first = await vegaLiteToSvg(clipped);
    await vegaLiteToSvg(barChart);
    await vegaLiteToSvg({ ...clipped, description: "Andere grafiek" });
    const again = await vegaLiteToSvg(clipped);
    expect(again).toBe(first);
    const ids = [...first.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(first).toContain(`url(#${id})`);
    // Another chart gets other ids, so both can be inlined in one HTML page.
    const other = await vegaLiteToSvg({ ...clipped, description: "Andere grafiek" });
    const otherIds = [...other.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(otherIds.some((id) => ids.includes(id))).toBe(false);
  });

  it("refuses to load data from anywhere", async () => {
    await expect(vegaLiteToSvg({ data: { url: "http://example.invalid/meldingen.csv" }, mark: "bar" })).rejects.toThrow(
      /Een grafiek probeert iets te laden \(http:\/\/example\.invalid\/meldingen\.csv\)/,
    );
    await expect(vegaLiteToSvg({ data: { url: "data/meldingen.csv" }, mark: "bar" })).rejects.toThrow(/grafiek/);
  });

  it("reports an invalid spec in Dutch", async () => {
    await expect(vegaLiteToSvg({ mark: "geen-mark" })).rejects.toThrow(/De grafiek kan niet worden opgebouwd/);
  });
});
