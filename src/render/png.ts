// A chart as PNG, ready to paste into the Sociaal Jaarverslag: Chromium screenshots the same
// inline SVG that the PDF prints, with the shipped font and without any request.
import { fontFaceCss } from "./fonts.ts";
import type { Renderer } from "./pdf.ts";

export function svgToPng(renderer: Renderer, svg: string, scale = 2): Promise<Uint8Array> {
  return renderer.png(
    `<!DOCTYPE html><html lang="nl-NL"><head><style>${fontFaceCss()} body{margin:0;background:#fff}</style></head><body>${svg}</body></html>`,
    scale,
  );
}
