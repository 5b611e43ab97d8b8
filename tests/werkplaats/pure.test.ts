// The workspace's pure parts, each against hand-worked cases.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { html, trusted } from "../../src/html.ts";
import { foldProblems } from "../../src/werkplaats/problem-tree.ts";
import { cookieValue, hostAllowed, originAllowed, safePath, sameSecret } from "../../src/werkplaats/security.ts";
import { emptyVerslag, joinVerslag, replaceSection, sectionFirstLines, splitVerslag } from "../../src/werkplaats/sections.ts";
import { backupStamp, replacedFiles, targetName } from "../../src/werkplaats/uploads.ts";
import { parseVerslag } from "../../src/ingest/front-matter.ts";
import { openCommand } from "../../src/werkplaats/open-browser.ts";

describe("html tag", () => {
  it("escapes every value, but not markup made by the tag itself", () => {
    const name = `<script>alert("x")</script> & 'ok'`;
    expect(html`<p>${name}</p>`.value).toBe("<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;ok&#x27;</p>");
    expect(html`<ul>${["a<b", "c"].map((x) => html`<li>${x}</li>`)}</ul>`.value).toBe("<ul><li>a&lt;b</li><li>c</li></ul>");
    expect(html`<i>${trusted("<b>x</b>")}</i>`.value).toBe("<i><b>x</b></i>");
    expect(html`${null}${undefined}${false}${0}`.value).toBe("0");
  });
});

describe("guards", () => {
  it("accepts only this machine's own address and port as Host", () => {
    expect(hostAllowed("127.0.0.1:4000", 4000, "127.0.0.1")).toBe(true);
    expect(hostAllowed("localhost:4000", 4000, "127.0.0.1")).toBe(true);
    expect(hostAllowed("127.0.0.1:4001", 4000, "127.0.0.1")).toBe(false);
    expect(hostAllowed("evil.example:4000", 4000, "127.0.0.1")).toBe(false);
    expect(hostAllowed("127.0.0.1", 4000, "127.0.0.1")).toBe(false);
    expect(hostAllowed(undefined, 4000, "127.0.0.1")).toBe(false);
  });

  it("accepts a change only from the workspace's own origin", () => {
    expect(originAllowed("http://127.0.0.1:4000", 4000, "127.0.0.1")).toBe(true);
    expect(originAllowed("http://evil.example", 4000, "127.0.0.1")).toBe(false);
    expect(originAllowed("https://127.0.0.1:4000", 4000, "127.0.0.1")).toBe(false);
    expect(originAllowed("null", 4000, "127.0.0.1")).toBe(false);
    expect(originAllowed(undefined, 4000, "127.0.0.1")).toBe(false);
  });

  it("compares secrets exactly", () => {
    expect(sameSecret("abc", "abc")).toBe(true);
    expect(sameSecret("abd", "abc")).toBe(false);
    expect(sameSecret("ab", "abc")).toBe(false);
    expect(sameSecret(undefined, "abc")).toBe(false);
    expect(cookieValue("a=1; werkplaats=xy=z; b=2", "werkplaats")).toBe("xy=z");
    expect(cookieValue(undefined, "werkplaats")).toBeUndefined();
  });

  it("never gives a path outside the folder: .., absolute, drive letters, links out", () => {
    const root = mkdtempSync(join(tmpdir(), "wp-pad-"));
    const outside = mkdtempSync(join(tmpdir(), "wp-buiten-"));
    mkdirSync(join(root, "2021"));
    writeFileSync(join(root, "2021", "a.pdf"), "x");
    writeFileSync(join(outside, "geheim.txt"), "x");
    symlinkSync(join(outside, "geheim.txt"), join(root, "link.txt"));
    expect(safePath(root, "2021/a.pdf")).toBe(join(root, "2021", "a.pdf"));
    for (const bad of [
      "../x",
      "2021/../../x",
      "/etc/passwd",
      "C:\\Windows\\win.ini",
      "c:x",
      "\\\\server\\share",
      "2021\\..\\..\\x",
      "",
      ".",
      "2021//a.pdf",
      "a\0b",
      "link.txt",
    ]) {
      expect(safePath(root, bad), bad).toBeNull();
    }
  });
});

describe("sections of verslag/<jaar>.md", () => {
  const text = "---\ntitel: T\n---\n\nInleiding\n\n## Voorwoord\n\nEen.\n\n## Team\n\nTwee.\n### Sub\nDrie.\n";

  it("splits and joins back byte for byte", () => {
    const parts = splitVerslag(text);
    expect(parts.sections.map((s) => s.title)).toEqual(["Voorwoord", "Team"]);
    expect(parts.sections[1]!.body).toBe("\nTwee.\n### Sub\nDrie.\n");
    expect(joinVerslag(parts)).toBe(text);
  });

  it("does not take a heading in the front matter for a section", () => {
    expect(splitVerslag("---\ntitel: ## niet\n---\n## Echt\nx\n").sections.map((s) => s.title)).toEqual(["Echt"]);
  });

  it("replaces one section and leaves the others, or adds a missing one at the end", () => {
    expect(replaceSection(text, "Voorwoord", "Nieuw.\r\nTweede regel.  \n\n")).toBe(
      "---\ntitel: T\n---\n\nInleiding\n\n## Voorwoord\n\nNieuw.\nTweede regel.\n\n## Team\n\nTwee.\n### Sub\nDrie.\n",
    );
    expect(replaceSection(text, "Voorlichting", "Vier.")).toBe(text + "\n## Voorlichting\n\nVier.\n\n");
  });

  it("gives the line on which each section's text starts, as the text scan counts lines", () => {
    const lines = sectionFirstLines(text);
    expect(lines.get("Voorwoord")).toBe(8);
    expect(lines.get("Team")).toBe(12);
    const parsed = parseVerslag("verslag/2021.md", 2021, text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(text.split("\n")[lines.get("Team")!]).toBe("Twee.");
  });

  it("makes an empty year's text that the ingest accepts, with every expected section", () => {
    const parsed = parseVerslag("verslag/2030.md", 2030, emptyVerslag(2030));
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(parsed.verslag.secties.map((s) => s.titel)).toEqual([
        "Voorwoord",
        "Deskundigheidsbevordering",
        "Voorlichting",
        "Team",
        "Trends en aanbevelingen",
        "Klachtencommissie",
      ]);
  });
});

describe("problems folded under their cause", () => {
  const p = (bestand: string, regel: number | null, kolom: string | null, waarde: string | null, melding: string) => ({
    bestand,
    regel,
    kolom,
    waarde,
    melding,
  });

  it("folds every melding of a wrongly registered counsellor under that counsellor", () => {
    const cause = p("vertrouwenspersonen.csv", 4, "code", "VP X", "een vertrouwenspersoon heeft een pseudoniem als code");
    const a = p("meldingen.csv", 3, "vertrouwenspersoon", "VP X", "onbekende vertrouwenspersoon");
    const b = p("meldingen.csv", 9, "vertrouwenspersoon", "VP X", "onbekende vertrouwenspersoon");
    const other = p("meldingen.csv", 5, "uren", "99", "meer dan 40 uur");
    const tree = foldProblems([cause, a, other, b]);
    expect(tree).toEqual([
      { problem: cause, followOn: [a, b] },
      { problem: other, followOn: [] },
    ]);
  });

  it("folds the meldingen of a counsellor whose own row is wrong under that row, by the row's code", () => {
    const cause = p("vertrouwenspersonen.csv", 5, "actief_tot", "2019-01", "ligt vóór actief_van");
    const a = p("meldingen.csv", 3, "vertrouwenspersoon", "VP-A2", "VP-A2 was in 3-2020 niet actief als vertrouwenspersoon");
    const b = p("activiteiten.csv", 4, "vertrouwenspersoon", "VP-A2", "VP-A2 was in 2020 niet actief");
    const other = p("meldingen.csv", 8, "vertrouwenspersoon", "VP-F1", "onbekende vertrouwenspersoon");
    const codeOfRow = (bestand: string, regel: number | null) => (bestand === "vertrouwenspersonen.csv" && regel === 5 ? "VP-A2" : null);
    expect(foldProblems([cause, a, b, other], codeOfRow)).toEqual([
      { problem: cause, followOn: [a, b] },
      { problem: other, followOn: [] },
    ]);
    // Without knowing the row's code, a date is no code: nothing is folded.
    expect(foldProblems([cause, a, b, other]).every((n) => n.followOn.length === 0)).toBe(true);
  });

  it("folds row problems of a column under the header problem of that column in the same file", () => {
    const header = p(
      "registratie.xlsx, tabblad meldingen",
      1,
      "uren",
      null,
      'verplichte kolom "uren" ontbreekt; verwacht zijn de kolommen: id',
    );
    const row = p("registratie.xlsx, tabblad meldingen", 4, "uren", null, "vul de uren in");
    const elsewhere = p("activiteiten.csv", 4, "uren", null, "vul de uren in");
    expect(foldProblems([header, row, elsewhere])).toEqual([
      { problem: header, followOn: [row] },
      { problem: elsewhere, followOn: [] },
    ]);
  });

  it("leaves independent problems alone, in their order", () => {
    const list = [p("meldingen.csv", 2, "aard", "x", "onbekend"), p("meldingen.csv", 3, "aard", "x", "onbekend")];
    expect(foldProblems(list).map((n) => n.problem)).toEqual(list);
  });
});

describe("uploads", () => {
  it("names the file after its table; another workbook becomes the registratie workbook", () => {
    expect(targetName("Meldingen.CSV")).toEqual({ ok: true, name: "meldingen.csv" });
    expect(targetName("C:\\fakepath\\meldingen.xlsx")).toEqual({ ok: true, name: "meldingen.xlsx" });
    expect(targetName("Registratie VP 2021.xlsx")).toEqual({ ok: true, name: "registratie.xlsx" });
    expect(targetName("../../etc/passwd")).toMatchObject({ ok: false });
    expect(targetName("meldingen.xls")).toMatchObject({ ok: false, reason: expect.stringContaining(".xlsx") });
    expect(targetName("notities.csv")).toMatchObject({ ok: false });
  });

  it("replaces the other place of each table it brings", () => {
    const existing = ["meldingen.csv", "vertrouwenspersonen.csv", "instellingen.json", "registratie.xlsx"];
    expect(replacedFiles("meldingen.xlsx", existing)).toEqual(["meldingen.csv"]);
    expect(replacedFiles("meldingen.csv", existing)).toEqual(["meldingen.csv"]);
    expect(replacedFiles("registratie.xlsx", existing, ["Meldingen", "Codes", "Uitleg"])).toEqual(["meldingen.csv", "registratie.xlsx"]);
    expect(backupStamp(new Date("2026-02-03T04:05:06.789Z"))).toBe("2026-02-03_04-05-06");
  });

  it("opens the browser the way each system does", () => {
    expect(openCommand("win32", "http://127.0.0.1:1/?sleutel=a")).toEqual({
      command: "cmd",
      args: ["/c", "start", '""', "http://127.0.0.1:1/?sleutel=a"],
      verbatim: true,
    });
    expect(openCommand("darwin", "u").command).toBe("open");
    expect(openCommand("linux", "u").command).toBe("xdg-open");
  });
});

describe("names for people", () => {
  it("says which figure a hidden cell is in words", async () => {
    const { cellName } = await import("../../src/werkplaats/views.ts");
    expect(cellName("herkomst/2021/extern")).toBe("Herkomst van de melders, 2021, extern");
    expect(cellName("uren-groep/2021/fractie")).toBe("Uren per groep, 2021, fractie");
    expect(cellName("onbekend/2021")).toBe("onbekend, 2021");
    expect(cellName("herkomst-periode/2020..2021/fractie")).toBe("Herkomst van de melders, jaren samen, 2020–2021, fractie");
  });
});

describe("the choice on Publiceren: adopt, or revise with a reason", () => {
  it("adopts without a reason, and asks a revision for one, in one line", async () => {
    const { revisionChoice } = await import("../../src/werkplaats/actions.ts");
    expect(revisionChoice("vaststellen", "wordt genegeerd")).toEqual({ ok: true, reden: null });
    expect(revisionChoice("herziening", "  Een gesprek uit december\r\nis later geregistreerd. ")).toEqual({
      ok: true,
      reden: "Een gesprek uit december is later geregistreerd.",
    });
    for (const empty of [null, "", "   \n\t "]) {
      const r = revisionChoice("herziening", empty);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.melding).toContain("Schrijf bij een herziening waarom");
    }
    expect(revisionChoice("herziening", "x".repeat(500)).ok).toBe(true);
    expect(revisionChoice("herziening", "x".repeat(501)).ok).toBe(false);
  });
});
