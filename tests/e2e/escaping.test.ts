// Labels from the woordenlijst with markup and with `;` (issue 16), through a real build of
// a copy of the example data: shown literally in the HTML (escaped), in the PDF's text, and
// in the Sociaal Jaarverslag feed (the CSV read back with csv-parse). The expected texts are
// written out by hand.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { readPdf } from "../helpers/pdf-read.ts";
import { cli, copyOfExampleData } from "../helpers/cli.ts";

const AARD = "<b>Pesten & co</b>";
const APART = "Corona; thuiswerken & eenzaamheid";
// The group Pesten belongs to: the 2021 chart shows the group (the yearly table merges it).
const GROEP = "<i>Pesten</i> & roddelen";

let dir = "";
const file = (name: string) => readFileSync(join(dir, name), "utf8");
const flat = (text: string) => text.replace(/\s+/g, " ");

beforeAll(async () => {
  const data = copyOfExampleData("jaarverslag-escaping-");
  const vocabulaire = join(data, "vocabulaire.csv");
  const before = readFileSync(vocabulaire, "utf8");
  const after = before
    .replace("aard,pesten,Pesten,", `aard,pesten,${AARD},`)
    .replace("aard,pesten-en-roddelen,Pesten en roddelen,", `aard,pesten-en-roddelen,${GROEP},`)
    .replace('"Corona: thuiswerken, eenzaamheid, niet verbonden voelen"', APART)
    .replace("Gelegenheid gegeven het verhaal te doen / hart te luchten", '"Hart <em>luchten</em> & ""steunen"""');
  // Each label was found and replaced.
  expect(after.split("\n").filter((l, i) => l !== before.split("\n")[i])).toHaveLength(4);
  writeFileSync(vocabulaire, after);
  const out = join(data, "..", "reports");
  const { code, stderr } = await cli(["build", "--year", "2021", "--all", "--data", data, "--out", out]);
  expect(stderr).toContain("audit geslaagd");
  expect(code).toBe(0);
  dir = join(out, "2021");
});

describe("a label with markup or `;` survives every output", () => {
  it("HTML: escaped wherever it is printed, never a tag", () => {
    const html = file("jaarverslag-vpoo-2021.html");
    expect(html).not.toMatch(/<b>Pesten|<em>luchten|<i>Pesten/);
    // The aard table's row, the chart's SVG text and the interventies list.
    expect(html).toContain('<th scope="row">&lt;b&gt;Pesten &amp; co&lt;/b&gt;</th>');
    expect(html).toContain(">&lt;i&gt;Pesten&lt;/i&gt; &amp; roddelen</text>");
    expect(html).toContain("<li>Hart &lt;em&gt;luchten&lt;/em&gt; &amp; &quot;steunen&quot;</li>");
    expect(html).toContain("in de categorie &quot;Corona; thuiswerken &amp; eenzaamheid&quot; tellen niet mee in het totaal");
    const notitie = file("oplegnotitie-presidium-2021.html");
    expect(notitie).not.toContain("<b>");
    expect(notitie).toContain("apart 5 gesprekken in de categorie &quot;Corona; thuiswerken &amp; eenzaamheid&quot;;");
  });

  it("PDF: the text a reader sees is the label as written", async () => {
    const pdf = await readPdf(readFileSync(join(dir, "jaarverslag-vpoo-2021.pdf")));
    const text = flat(pdf.pages.join("\n"));
    expect(text).toContain("<b>Pesten & co</b>");
    expect(text).toContain('Hart <em>luchten</em> & "steunen"');
    expect(text).toContain('Telregel: meldingen in de categorie "Corona; thuiswerken & eenzaamheid" tellen niet mee in het totaal');
    const notitie = flat((await readPdf(readFileSync(join(dir, "oplegnotitie-presidium-2021.pdf")))).pages.join("\n"));
    expect(notitie).toContain('5 gesprekken in de categorie "Corona; thuiswerken & eenzaamheid"');
  });

  it("HR feed: the CSV stays one cell per value; the rule with the `;` label is in the feed and its note", () => {
    const rows = parse(file("sociaal-jaarverslag-2021.csv"), { delimiter: ";", bom: true }) as string[][];
    expect(rows).toEqual([
      [
        "jaar",
        "Klachten klachtencommissie",
        "Meldingen vertrouwenspersonen ongewenste omgangsvormen",
        "Meldingen vertrouwenspersoon integriteit",
      ],
      ["2018", "0", "10", "0"],
      ["2019", "0", "21", "0"],
      ["2020", "0", "13", "0"],
      ["2021", "0", "26", "x"],
    ]);
    const rule =
      'Telregel: meldingen in de categorie "Corona; thuiswerken & eenzaamheid" tellen niet mee in het totaal; ze worden apart vermeld.';
    expect((JSON.parse(file("sociaal-jaarverslag-2021.json")) as { telregel: string }).telregel).toBe(rule);
    expect(file("sociaal-jaarverslag-2021.toelichting.txt").endsWith(`\n\n${rule}\n`)).toBe(true);
  });
});
