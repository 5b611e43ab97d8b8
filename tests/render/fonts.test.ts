import { describe, expect, it } from "vitest";
import { FONT_FAMILY, fontFaceCss, headerFooterFontFaceCss } from "../../src/render/fonts.ts";

describe("fontFaceCss", () => {
  it("embeds Noto Sans regular, italic and bold for latin and latin-ext as data URLs", () => {
    const css = fontFaceCss();
    expect(FONT_FAMILY).toBe("Noto Sans");
    const rules = css.match(/@font-face \{[^}]*\}/g) ?? [];
    const faces = rules.map((rule) => {
      const weight = /font-weight: (\d+)/.exec(rule)?.[1];
      const style = /font-style: (\w+)/.exec(rule)?.[1];
      const latinExt = rule.includes("U+0100-02BA");
      return `${weight} ${style} ${latinExt ? "latin-ext" : "latin"}`;
    });
    for (const face of ["400 normal", "400 italic", "700 normal"]) {
      expect(faces).toContain(`${face} latin`);
      expect(faces).toContain(`${face} latin-ext`);
    }
    for (const rule of rules) {
      expect(rule).toContain("font-family: 'Noto Sans';");
      expect(rule).toMatch(/src: url\(data:font\/woff2;base64,[A-Za-z0-9+/]{1000,}={0,2}\) format\('woff2'\);/);
    }
    expect(css).not.toMatch(/url\((?!data:)/);
  });

  it("is read once and cached", () => {
    expect(fontFaceCss()).toBe(fontFaceCss());
  });

  it("has a small latin-only variant for header and footer", () => {
    const css = headerFooterFontFaceCss();
    expect(css.match(/@font-face/g)).toHaveLength(2);
    expect(css.length).toBeLessThan(fontFaceCss().length / 4);
  });
});
