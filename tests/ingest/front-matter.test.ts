import { describe, it, expect } from "vitest";
import { parseVerslag, type VerslagResult } from "../../src/ingest/front-matter.ts";
import type { Verslagtekst } from "../../src/domain.ts";

function verslag(r: VerslagResult): Verslagtekst {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.problems)}`);
  return r.verslag;
}

const TEXT = [
  "---", //                                   1
  "titel: Jaarverslag 2021", //               2
  "vastgesteld: 2022-03-01", //               3
  "auteurs:   De vertrouwenspersonen  ", //   4
  "---", //                                   5
  "", //                                      6
  "## Voorwoord", //                          7
  "", //                                      8
  "Eerste alinea.", //                        9
  "Nog een regel.", //                        10
  "", //                                      11
  "## Trends en aanbevelingen", //            12
  "Direct tekst.", //                         13
  "### Een subkop", //                        14
  "Meer tekst.", //                           15
  "", //                                      16
  "## Team  ", //                             17
  "", //                                      18
  "   ", //                                   19
  "", //                                      20
  "Drie lege regels hierboven.", //           21
].join("\n");

describe("parseVerslag", () => {
  it("reads the front matter as trimmed name: value pairs", () => {
    const v = verslag(parseVerslag("verslag/2021.md", 2021, TEXT));
    expect(v.jaar).toBe(2021);
    expect(v.bestand).toBe("verslag/2021.md");
    expect(v.voorwerk).toEqual({ titel: "Jaarverslag 2021", vastgesteld: "2022-03-01", auteurs: "De vertrouwenspersonen" });
  });

  it("splits on '## ' headings only, keeping ### inside the text", () => {
    const v = verslag(parseVerslag("verslag/2021.md", 2021, TEXT));
    expect(v.secties.map((s) => s.titel)).toEqual(["Voorwoord", "Trends en aanbevelingen", "Team"]);
    expect(v.secties[0]!.tekst).toBe("Eerste alinea.\nNog een regel.");
    expect(v.secties[1]!.tekst).toBe("Direct tekst.\n### Een subkop\nMeer tekst.");
    expect(v.secties[2]!.tekst).toBe("Drie lege regels hierboven.");
  });

  it("sets regel to the line of the first text line of each section", () => {
    const v = verslag(parseVerslag("verslag/2021.md", 2021, TEXT));
    expect(v.secties.map((s) => s.regel)).toEqual([9, 13, 21]);
  });

  it("gives the same lines for CRLF and with a BOM", () => {
    const crlf = "\uFEFF" + TEXT.replace(/\n/g, "\r\n");
    const v = verslag(parseVerslag("verslag/2021.md", 2021, crlf));
    expect(v.voorwerk.titel).toBe("Jaarverslag 2021");
    expect(v.secties.map((s) => [s.titel, s.regel])).toEqual([
      ["Voorwoord", 9],
      ["Trends en aanbevelingen", 13],
      ["Team", 21],
    ]);
    expect(v.secties[0]!.tekst).not.toMatch(/\r/);
  });

  it("works without front matter", () => {
    const v = verslag(parseVerslag("v.md", 2020, "Inleiding die nergens bij hoort\n## Voorwoord\nTekst\n"));
    expect(v.voorwerk).toEqual({});
    expect(v.secties).toEqual([{ titel: "Voorwoord", tekst: "Tekst", regel: 3 }]);
  });

  it("refuses an unclosed front matter", () => {
    const r = parseVerslag("v.md", 2020, "---\ntitel: x\n\nauteurs: y\n");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(1);
      expect(r.problems[0]).toMatchObject({ bestand: "v.md", regel: 1 });
      expect(r.problems[0]!.melding).toMatch(/voorwerk.*niet afgesloten/);
    }
  });

  it("refuses a front matter line that is not 'naam: waarde', on its line", () => {
    const r = parseVerslag("v.md", 2020, "---\ntitel: x\ndit is geen veld\n---\n## Voorwoord\nTekst\n");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toEqual([
        {
          bestand: "v.md",
          regel: 3,
          kolom: null,
          waarde: "dit is geen veld",
          melding: "regel in het voorwerk is niet van de vorm 'naam: waarde'",
        },
      ]);
    }
  });
});
