// The section names of verslag/<jaar>.md: the list the heading check uses is the list the
// reports print, and a misspelling gets the nearest name.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { editDistance, parseVerslag, unknownHeadings, VERSLAG_SECTIES } from "../../src/ingest/front-matter.ts";
import { ROOT } from "../helpers/cli.ts";

describe("verslag headings", () => {
  it("VERSLAG_SECTIES is exactly the set of sections the presenters ask for", () => {
    const asked = new Set<string>();
    for (const file of ["index.ts", "klachtencommissie.ts", "opvolging.ts"]) {
      const src = readFileSync(join(ROOT, "src", "present", file), "utf8");
      // md("…"), missingText("…"), and this year's own text: sectionText(verslag, "…") or
      // sectionText(verslagVan(d, undefined, jaar), "…") (not last year's, which is quoted).
      for (const m of src.matchAll(/(?:\bmd|sectionText\((?:verslag|verslagVan\(d, undefined, jaar\)),|missingText)\(?\s*"([^"]+)"/g))
        asked.add(m[1]!);
    }
    expect([...asked].sort()).toEqual([...VERSLAG_SECTIES].sort());
  });

  it("edit distance, by hand", () => {
    expect(editDistance("Trends en aanbeveling", "Trends en aanbevelingen")).toBe(2);
    expect(editDistance("voorwoord", "Voorwoord")).toBe(0);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "Team")).toBe(4);
  });

  it("known headings in any capitals pass; others are named with the nearest section", () => {
    const parsed = parseVerslag("verslag/2021.md", 2021, "## voorwoord\n\nx\n\n## Voorlichtng\n\ny\n\n## Begroting 2022\n\nz\n");
    if (!parsed.ok) throw new Error("parse");
    const warnings = unknownHeadings(parsed.verslag);
    expect(warnings.map((w) => w.waarde)).toEqual(["## Voorlichtng", "## Begroting 2022"]);
    expect(warnings[0]!.melding).toContain('bedoelt u "Voorlichting"?');
    expect(warnings[1]!.melding).not.toContain("bedoelt u");
  });
});
