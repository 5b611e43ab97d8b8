/**
 * The font shipped with the project: Noto Sans from @fontsource/noto-sans, embedded as
 * base64 data URLs so that rendering never depends on the fonts of the machine and never
 * fetches anything.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export const FONT_FAMILY = "Noto Sans";

/** CSS font stack for places that must name a fallback (header/footer templates, charts). */
export const FONT_STACK = `'${FONT_FAMILY}', sans-serif`;

/** The unicode ranges of the fontsource subsets (from the package's own CSS). */
const SUBSETS = {
  latin:
    "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
  "latin-ext":
    "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF",
} as const;

/** Regular, italic, bold and bold italic (so <strong><em> is not synthesised). */
const FACES: ReadonlyArray<{ weight: 400 | 700; style: "normal" | "italic" }> = [
  { weight: 400, style: "normal" },
  { weight: 400, style: "italic" },
  { weight: 700, style: "normal" },
  { weight: 700, style: "italic" },
];

type Subset = keyof typeof SUBSETS;
type Face = (typeof FACES)[number];

const ruleCache = new Map<string, string>();
let cached: string | undefined;

function fontDirectory(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@fontsource/noto-sans/package.json")), "files");
}

/**
 * One face of the shipped font as a file: woff2 for Chromium, woff for pdf-lib (whose fontkit
 * decodes woff2 glyphs wrongly: a subset of it draws slashes in place of letters).
 */
export function fontFile(subset: Subset, { weight, style }: Face, format: "woff2" | "woff" = "woff2"): Buffer {
  const file = join(fontDirectory(), `noto-sans-${subset}-${weight}-${style}.${format}`);
  try {
    return readFileSync(file);
  } catch (error) {
    throw new Error(`Het lettertype ${FONT_FAMILY} ontbreekt (${file}). Voer 'npm ci' uit om de pakketten te installeren.`, {
      cause: error,
    });
  }
}

/** One @font-face rule with the woff2 file inlined; each file is read from disk once. */
function faceRule(subset: Subset, face: Face): string {
  const { weight, style } = face;
  const key = `${subset}-${weight}-${style}`;
  const hit = ruleCache.get(key);
  if (hit !== undefined) return hit;
  const data = fontFile(subset, face);
  const rule = [
    "@font-face {",
    `  font-family: '${FONT_FAMILY}';`,
    `  font-style: ${style};`,
    `  font-weight: ${weight};`,
    "  font-display: block;",
    `  src: url(data:font/woff2;base64,${data.toString("base64")}) format('woff2');`,
    `  unicode-range: ${SUBSETS[subset]};`,
    "}",
  ].join("\n");
  ruleCache.set(key, rule);
  return rule;
}

/**
 * @font-face rules for Noto Sans (regular, italic, bold, bold italic; latin and latin-ext)
 * with the font files inlined as data URLs. Read from disk once and cached.
 */
export function fontFaceCss(): string {
  if (cached === undefined) {
    // latin-ext first, latin last, as fontsource orders them.
    cached = (["latin-ext", "latin"] as const).flatMap((subset) => FACES.map((face) => faceRule(subset, face))).join("\n");
  }
  return cached;
}

/**
 * The small part of the font that the page header and footer need (latin, regular and bold):
 * Chromium renders them in a separate document that does not see the page's fonts.
 */
export function headerFooterFontFaceCss(): string {
  return [faceRule("latin", { weight: 400, style: "normal" }), faceRule("latin", { weight: 700, style: "normal" })].join("\n");
}
