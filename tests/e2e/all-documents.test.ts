// Every document the users receive, from one run: they must agree with the jaarverslag's
// figures.json, and the Sociaal Jaarverslag feed must reproduce the published §14 table.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { FiguresFile } from "../../src/present/figures.ts";
import type { SjvFeed } from "../../src/present/sjv.ts";
import { scopeKey } from "../../src/protect/universe.ts";
import { readPdf } from "../helpers/pdf-read.ts";
import { builtOnce, buildStep } from "../helpers/built-once.ts";

async function buildAll(year: number, extra: string[]): Promise<string> {
  // Shared with other files that start from the same build (tests/helpers/built-once.ts).
  const built = await builtOnce("jaarverslag-all-", buildStep("--year", String(year), "--all", ...extra))();
  const { code, stderr } = built.results[0]!;
  expect(stderr).toContain("audit geslaagd");
  expect(code).toBe(0);
  return join(built.out, String(year));
}

const figuresOf = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, `${name}.figures.json`), "utf8")) as FiguresFile;

describe("build --all (openbaar, 2020)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await buildAll(2020, []);
  });

  it("prints no figure that disagrees with the jaarverslag VPOO", () => {
    const vpoo = figuresOf(dir, "jaarverslag-vpoo-2020");
    const byKey = new Map(vpoo.figures.filter((f) => f.universe && f.scope).map((f) => [scopeKey(f.universe!, f.scope!), f.value]));
    let shared = 0;
    for (const name of ["jaarverslag-vpi-2020", "sociaal-jaarverslag-2020", "oplegnotitie-presidium-2020", "klachtencommissie-2020"]) {
      for (const f of figuresOf(dir, name).figures) {
        if (!f.universe || !f.scope) continue;
        const key = scopeKey(f.universe, f.scope);
        if (byKey.has(key)) {
          shared++;
          expect(f.value, `${name}: ${f.id}`).toBe(byKey.get(key));
        }
      }
    }
    expect(shared).toBeGreaterThan(5);
  });

  it("writes the feed for HR as CSV, JSON, SVG and PNG with a note on what changed", () => {
    const feed = JSON.parse(readFileSync(join(dir, "sociaal-jaarverslag-2020.json"), "utf8")) as SjvFeed;
    expect(feed.rows.map((r) => [r.jaar, r.klachten.display, r.meldingenVpoo.display, r.meldingenVpi.display])).toEqual([
      [2018, "0", "10", "0"],
      [2019, "0", "21", "0"],
      [2020, "0", "13", "0"],
    ]);
    expect(feed.notitie).toContain("gedaald van 21 in 2019 naar 13 in 2020");
    expect(feed.telregel).toContain("tellen niet mee");
    const csv = readFileSync(join(dir, "sociaal-jaarverslag-2020.csv"), "utf8");
    expect(csv.startsWith("\uFEFFjaar;")).toBe(true);
    expect(csv).toContain("2020;0;13;0\r\n");
    expect(readFileSync(join(dir, "sociaal-jaarverslag-2020.svg"), "utf8")).toContain("<svg");
    expect(readFileSync(join(dir, "sociaal-jaarverslag-2020.png")).subarray(1, 4).toString()).toBe("PNG");
  });

  it("fills the cover note from the protected figures", async () => {
    const pdf = await readPdf(readFileSync(join(dir, "oplegnotitie-presidium-2020.pdf")));
    const text = pdf.pages.join(" ").replace(/\s+/g, " ");
    for (const field of [
      "Titel/onderwerp",
      "Opgesteld door",
      "Aard van de bespreking",
      "Beknopte samenvatting",
      "Te nemen besluit",
      "Status",
      "Volgnummer Presidium",
      "Datum vergadering",
    ]) {
      expect(text).toContain(field);
    }
    expect(text).toContain("Zij ontvingen 13 meldingen (2019: 21)");
    expect(text).toContain("Telregel");
  });

  it("bundles cover note, both jaarverslagen and the klachtencommissie with a bookmark each", async () => {
    const pdf = await readPdf(readFileSync(join(dir, "presidium-bundel-2020.pdf")));
    expect(pdf.outline.map((o) => o.title)).toEqual([
      "Oplegnotitie Presidium",
      "Jaarverslag vertrouwenspersonen ongewenste omgangsvormen 2020",
      "Jaarverslag vertrouwenspersonen integriteit 2020",
      "Verslag klachtencommissie 2020",
    ]);
    const parts = await Promise.all(
      ["oplegnotitie-presidium-2020", "jaarverslag-vpoo-2020", "jaarverslag-vpi-2020", "klachtencommissie-2020"].map(async (n) =>
        readPdf(readFileSync(join(dir, `${n}.pdf`))),
      ),
    );
    expect(pdf.numPages).toBe(parts.reduce((a, p) => a + p.numPages, 0));
  });

  it("keeps the parts' structure trees and their internal links in the bundle", async () => {
    const pdf = await readPdf(readFileSync(join(dir, "presidium-bundel-2020.pdf")));
    const parts = await Promise.all(
      ["oplegnotitie-presidium-2020", "jaarverslag-vpoo-2020", "jaarverslag-vpi-2020", "klachtencommissie-2020"].map(async (n) =>
        readPdf(readFileSync(join(dir, `${n}.pdf`))),
      ),
    );
    expect(pdf.hasStructTree).toBe(true);
    expect(pdf.marked).toBe(true);
    // Every heading, table, list and figure of every part, each once.
    for (const role of ["H1", "H2", "Table", "TH", "L", "Figure"]) {
      const inParts = parts.reduce((sum, p) => sum + (p.roleCounts[role] ?? 0), 0);
      expect(pdf.roleCounts[role] ?? 0, role).toBe(inParts);
    }
    expect(pdf.roleCounts["H1"]).toBeGreaterThan(3);
    expect(pdf.alts).toEqual(parts.flatMap((p) => p.alts));
    // The table of contents and the other internal links lead to the same page of the same
    // part as in the part itself (offset by the pages before it).
    expect(pdf.links.length).toBe(parts.reduce((sum, p) => sum + p.links.length, 0));
    expect(pdf.links.length).toBeGreaterThan(10);
    let offset = 0;
    const expected: { page: number; targetPage: number | null }[] = [];
    for (const part of parts) {
      for (const link of part.links) {
        expect(link.targetPage, `${link.dest} in the part itself`).not.toBeNull();
        expected.push({ page: link.page + offset, targetPage: (link.targetPage as number) + offset });
      }
      offset += part.numPages;
    }
    expect(pdf.links.map((l) => ({ page: l.page, targetPage: l.targetPage }))).toEqual(expected);
  });
});

describe("the Sociaal Jaarverslag under the rule the real §14 table used (--telregel alles)", () => {
  it("reproduces 0/10/0, 0/21/0, 0/18/0 for 2018–2020 and states the rule", async () => {
    const dir = await buildAll(2020, ["--telregel", "alles"]);
    const feed = JSON.parse(readFileSync(join(dir, "sociaal-jaarverslag-2020.json"), "utf8")) as SjvFeed;
    expect(feed.rows.map((r) => `${r.klachten.display}/${r.meldingenVpoo.display}/${r.meldingenVpi.display}`)).toEqual([
      "0/10/0",
      "0/21/0",
      "0/18/0",
    ]);
    expect(feed.telregel).toContain("alle geregistreerde meldingen tellen mee");
  });
});

describe("build --all --audience vertrouwelijk", () => {
  it("marks every page of every document Vertrouwelijk, in text and metadata", async () => {
    const dir = await buildAll(2021, ["--audience", "vertrouwelijk"]);
    for (const name of [
      "jaarverslag-vpoo-2021-vertrouwelijk",
      "jaarverslag-vpi-2021-vertrouwelijk",
      "oplegnotitie-presidium-2021-vertrouwelijk",
      "presidium-bundel-2021-vertrouwelijk",
    ]) {
      const pdf = await readPdf(readFileSync(join(dir, `${name}.pdf`)));
      expect(pdf.info.Keywords ?? "", name).toContain("Vertrouwelijk");
      pdf.pages.forEach((page, i) => expect(page, `${name} pagina ${i + 1}`).toContain("Vertrouwelijk"));
    }
  });
});
