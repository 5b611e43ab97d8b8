// History is never lost through the registration workbook. As counsellors would work: the 2021
// report is adopted, a late 2021 conversation is registered, the workbook is made from the data
// folder, the 2022 registration is typed into it, and then — following the workbook's own
// instructions on its sheet Uitleg, read here, not known by the test — it is saved into the
// data folder and the CSV files it names are removed. The 2022 report built from it shows
// every year from 2011, with 2020 as registered (13, not the 18 of historie.csv) and 2021 as
// published (26, the register's figure). Oracle: the figures worked out by hand from
// data/meldingen.csv and data/historie.csv, and the same 2022 report built from the CSV files.
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { builtOnce, buildStep } from "../helpers/built-once.ts";
import { cli } from "../helpers/cli.ts";

// A corona conversation from December 2021, registered after the 2021 report was adopted. It
// counts apart (the counting rule), so the total sent for 2021 (26) stays what it was.
const LATE_2021 =
  "M2021-99,2021-12,ongewenste-omgangsvormen,corona-gerelateerd,ambtelijk,VP-A1,1.0,afgerond-resultaat,hart-luchten,zelf-opgelost,nee\n";

const csvRows = (path: string) =>
  readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(","));
const day = (text: string) => new Date(Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, 15));

/** The text of a rendered HTML document, tags removed, spaces collapsed. */
const htmlText = (path: string) =>
  readFileSync(path, "utf8")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;|&#160;/g, " ")
    .replace(/\s+/g, " ");

/** The 2022 registration: the 2021 meldingen and activities one year on (all 2021 counsellors are still active). */
function rows2022(data: string): { meldingen: ExcelJS.CellValue[][]; activiteiten: ExcelJS.CellValue[][] } {
  const meldingen = csvRows(join(data, "meldingen.csv"))
    .filter((r) => r[1]!.startsWith("2021-") && r[0] !== "M2021-99")
    .map((r) => [
      r[0]!.replace(/^([A-Z])2021/, "$12022"),
      day(r[1]!.replace("2021", "2022")),
      r[2]!,
      r[3]!,
      r[4]!,
      r[5]!,
      Number(r[6]),
      r[7]!,
      r[8] || null,
      r[9] || null,
      r[10]!,
    ]);
  const activiteiten = csvRows(join(data, "activiteiten.csv"))
    .filter((r) => r[0] === "2021")
    .map((r) => [2022, r[1]!, r[2]!, Number(r[3])]);
  return { meldingen, activiteiten };
}

describe("the registration workbook keeps every earlier year", () => {
  it("a 2022 report from the filled-in workbook, following its own instructions, shows 2011–2022 with the published 2021 figure", async () => {
    // Adopted 2021, shared with other files (tests/helpers/built-once.ts).
    const { data, out, results } = await builtOnce("jaarverslag-werkboek-", buildStep("--year", "2021", "--vaststellen"))();
    expect(results[0]!.code).toBe(0);
    appendFileSync(join(data, "meldingen.csv"), LATE_2021);
    // The same data as CSV files, for the comparison at the end.
    const asCsv = join(mkdtempSync(join(tmpdir(), "jaarverslag-werkboek-csv-")), "data");
    cpSync(data, asCsv, { recursive: true });

    // 1. The workbook, made from the data folder.
    const work = mkdtempSync(join(tmpdir(), "jaarverslag-werkboek-sjabloon-"));
    const made = await cli(["template", "--data", data, "--out", join(work, "registratie.xlsx")]);
    expect(made.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(work, "registratie.xlsx"));
    const uitleg = Array.from(wb.getWorksheet("Uitleg")!.getSheetValues() as unknown[][], (r) => String((r ?? [])[1] ?? ""));
    // It holds the earlier years, and says to keep them.
    expect(uitleg.join("\n")).toContain("ook de eerdere jaren: 84 meldingen uit 2018–2021");
    expect(uitleg.join("\n")).toContain("Laat daarom alle regels van eerdere jaren staan");
    expect(wb.getWorksheet("meldingen")!.actualRowCount).toBe(1 + 84);

    // 2. Filled in during 2022, as a counsellor would: new rows below the existing ones.
    const fill = rows2022(data);
    for (const r of fill.meldingen) wb.getWorksheet("meldingen")!.addRow(r);
    for (const r of fill.activiteiten) wb.getWorksheet("activiteiten")!.addRow(r);
    for (const r of fill.meldingen)
      appendFileSync(
        join(asCsv, "meldingen.csv"),
        `${[r[0], `2022-${String((r[1] as Date).getUTCMonth() + 1).padStart(2, "0")}`, ...r.slice(2, 6), Number(r[6]).toFixed(1), r[7], r[8] ?? "", r[9] ?? "", r[10]].join(",")}\n`,
      );
    for (const r of fill.activiteiten) appendFileSync(join(asCsv, "activiteiten.csv"), `${r.join(",")}\n`);
    await wb.xlsx.writeFile(join(work, "registratie.xlsx"));

    // 3. The instructions: where the workbook goes, which CSV files go, what stays.
    const save = uitleg.find((l) => l.startsWith("Sla het werkboek op als"))!;
    expect(save).toMatch(/^Sla het werkboek op als registratie\.xlsx in de gegevensmap\. Verwijder daarna deze CSV-bestanden/);
    copyFileSync(join(work, "registratie.xlsx"), join(data, "registratie.xlsx"));
    const remove = save.slice(save.indexOf(":")).match(/[\w-]+\.csv/g)!;
    expect(remove.sort()).toEqual([
      "activiteiten.csv",
      "historie.csv",
      "klachten.csv",
      "meldingen.csv",
      "vertrouwenspersonen.csv",
      "vocabulaire.csv",
    ]);
    for (const f of remove) rmSync(join(data, f));
    expect(uitleg.find((l) => l.startsWith("Laat al het andere"))).toContain("personeel.csv");
    expect(readdirSync(data).filter((f) => f.endsWith(".csv"))).toEqual(["personeel.csv"]);

    // The year's own text and headcount, in both folders.
    for (const dir of [data, asCsv]) {
      writeFileSync(join(dir, "verslag", "2022.md"), readFileSync(join(dir, "verslag", "2021.md"), "utf8").replaceAll("2021", "2022"));
      appendFileSync(join(dir, "personeel.csv"), "2022,2150\n");
    }

    // 4. check, then build, from the workbook.
    const checked = await cli(["check", "--year", "2022", "--data", data, "--out", out]);
    expect(checked.stderr).toContain("De gegevens zijn in orde.");
    expect(checked.code).toBe(0);
    const built = await cli(["build", "--year", "2022", "--data", data, "--out", out]);
    expect(built.stderr).toContain("audit geslaagd");
    expect(built.code).toBe(0);
    const text = htmlText(join(out, "2022", "jaarverslag-vpoo-2022.html"));

    // Every year from 2011 in the appendix of chart figures: historie up to 2017 (by hand from
    // data/historie.csv), then the registration (data/meldingen.csv: 10, 21, 13 counted, 26 in
    // 2021 as sent, and 2022 = the 2021 meldingen one year on).
    const series: [number, number][] = [
      [2011, 21],
      [2012, 17],
      [2013, 22],
      [2014, 24],
      [2015, 24],
      [2016, 9],
      [2017, 13],
      [2018, 10],
      [2019, 21],
      [2020, 13],
      [2021, 26],
      [2022, 26],
    ];
    const start = text.indexOf("Cijfers bij de grafiek Aantal meldingen 2011–2022");
    expect(start).toBeGreaterThan(0);
    const bijlage = text.slice(start, text.indexOf("Cijfers bij de grafiek", start + 10));
    for (const [jaar, n] of series)
      expect(bijlage, String(jaar)).toMatch(new RegExp(`\\b${jaar}${jaar < 2018 ? " \\(gepubliceerd\\)" : ""} ${n}\\b`));
    expect(text).toContain("tegen 26 in 2021");
    expect(bijlage).not.toMatch(/\b2020 18\b/);
    // The late conversation is listed as changed since the 2021 report was sent.
    expect(text).toMatch(/Corona[^;]*2021: eerder 5, nu 6 \(na verzending gewijzigd/);

    // The same report from the CSV files: the workbook lost nothing.
    const outCsv = join(asCsv, "..", "reports");
    expect((await cli(["build", "--year", "2022", "--data", asCsv, "--out", outCsv])).code).toBe(0);
    const figures = (dir: string) =>
      (
        JSON.parse(readFileSync(join(dir, "2022", "jaarverslag-vpoo-2022.figures.json"), "utf8")) as {
          figures: { id: string; value: number | null }[];
        }
      ).figures
        .map((f) => `${f.id}=${f.value}`)
        .sort();
    expect(figures(out)).toEqual(figures(outCsv));
    expect(existsSync(join(data, "gepubliceerd", "2021-openbaar-woordenlijst-versie-1.json"))).toBe(true);
  }, 900_000);
});
