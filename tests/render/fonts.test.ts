import { readFileSync as realReadFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";

// Count the reads of font files: the CSS must be built from disk once per process.
vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs")>();
  return { ...actual, readFileSync: vi.fn(actual.readFileSync) };
});
const fs = await import("node:fs");
const readFileSync = vi.mocked(fs.readFileSync);

/** A fresh copy of the module, so that its cache starts empty. */
async function freshFonts(): Promise<typeof import("../../src/render/fonts.ts")> {
  vi.resetModules();
  return import("../../src/render/fonts.ts");
}

// The oracle for the embedded bytes: the package's own files, read here.
const FILES = join(import.meta.dirname, "..", "..", "node_modules", "@fontsource", "noto-sans", "files");
const fileBase64 = (name: string) => realReadFileSync(join(FILES, name)).toString("base64");

const fontReads = () => readFileSync.mock.calls.filter(([path]) => String(path).endsWith(".woff2")).length;

describe("fontFaceCss", () => {
  beforeEach(() => {
    readFileSync.mockClear();
  });

  it("embeds Noto Sans regular, italic, bold and bold italic for latin and latin-ext, byte for byte", async () => {
    const { FONT_FAMILY, fontFaceCss } = await freshFonts();
    expect(FONT_FAMILY).toBe("Noto Sans");
    const rules = fontFaceCss().match(/@font-face \{[^}]*\}/g) ?? [];
    expect(rules).toHaveLength(8);
    const faces = rules.map((rule) => {
      const weight = /font-weight: (\d+)/.exec(rule)?.[1];
      const style = /font-style: (\w+)/.exec(rule)?.[1];
      const subset = rule.includes("unicode-range: U+0100-02BA")
        ? "latin-ext"
        : rule.includes("unicode-range: U+0000-00FF")
          ? "latin"
          : "?";
      const data = /src: url\(data:font\/woff2;base64,([A-Za-z0-9+/]+={0,2})\) format\('woff2'\);/.exec(rule)?.[1];
      expect(rule).toContain("font-family: 'Noto Sans';");
      expect(data, `${subset} ${weight} ${style}`).toBe(fileBase64(`noto-sans-${subset}-${weight}-${style}.woff2`));
      return `${subset} ${weight} ${style}`;
    });
    expect(faces.sort()).toEqual([
      "latin 400 italic",
      "latin 400 normal",
      "latin 700 italic",
      "latin 700 normal",
      "latin-ext 400 italic",
      "latin-ext 400 normal",
      "latin-ext 700 italic",
      "latin-ext 700 normal",
    ]);
    expect(fontFaceCss()).not.toMatch(/url\((?!data:)/);
  });

  it("reads each font file from disk once, however often the CSS is asked for", async () => {
    const { fontFaceCss, headerFooterFontFaceCss } = await freshFonts();
    const first = fontFaceCss();
    expect(fontReads()).toBe(8);
    expect(fontFaceCss()).toBe(first);
    headerFooterFontFaceCss();
    expect(fontReads()).toBe(8);
  });

  it("has a small latin-only variant for header and footer: regular and bold", async () => {
    const { fontFaceCss, headerFooterFontFaceCss } = await freshFonts();
    const css = headerFooterFontFaceCss();
    expect(fontReads()).toBe(2);
    const rules = css.match(/@font-face \{[^}]*\}/g) ?? [];
    expect(rules.map((r) => `${/font-weight: (\d+)/.exec(r)?.[1]} ${/font-style: (\w+)/.exec(r)?.[1]}`)).toEqual([
      "400 normal",
      "700 normal",
    ]);
    expect(rules.every((r) => r.includes("unicode-range: U+0000-00FF"))).toBe(true);
    expect(css).toContain(fileBase64("noto-sans-latin-700-normal.woff2"));
    expect(css.length).toBeLessThan(fontFaceCss().length / 3);
  });
});
