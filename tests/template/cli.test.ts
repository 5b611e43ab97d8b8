// The commands of issue 4 as a counsellor runs them: `template`, then `check` on the filled-in
// workbook, `check --year`, and `check --problemen-csv` for Excel.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cli, copyOfExampleData } from "../helpers/cli.ts";

const copyOfData = () => copyOfExampleData("jaarverslag-cli-");

describe("jaarverslag template", () => {
  it("writes a template from the data folder, which filled in passes check; it never overwrites", async () => {
    const data = copyOfData();
    const work = mkdtempSync(join(tmpdir(), "jaarverslag-template-"));
    const out = join(work, "registratie.xlsx");
    const made = await cli(["template", "--data", data, "--out", out]);
    expect(made.stderr).toContain("Geschreven:");
    expect(made.code).toBe(0);

    const again = await cli(["template", "--out", out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/bestaat al.*overschrijft nooit/);

    // A counsellor fills in the year 2022 in the workbook, which then replaces the CSV files.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));
    const meldingen = wb.getWorksheet("meldingen")!;
    meldingen.addRow([
      "M2022-01",
      d(2022, 1, 10),
      "ongewenste-omgangsvormen",
      "pesten",
      "ambtelijk",
      "VP-A1",
      3,
      "afgerond-resultaat",
      "hart-luchten",
      "zelf-opgelost",
      "nee",
    ]);
    meldingen.addRow([
      "M2022-02",
      d(2022, 4, 2),
      "ongewenste-omgangsvormen",
      "Onveilig voelen",
      "fractie",
      "VP-F1|VP-A3",
      4.5,
      "in-behandeling",
      "ondersteunende-gesprekken",
      null,
      "nee",
    ]);
    wb.getWorksheet("activiteiten")!.addRow([2022, "VP-F1", "training", 12]);
    wb.getWorksheet("klachten")!.addRow(["K2022-01", d(2022, 6, 1), null, null]);
    const filled = mkdtempSync(join(tmpdir(), "jaarverslag-filled-"));
    await wb.xlsx.writeFile(join(filled, "registratie.xlsx"));
    cpSync(join(data, "instellingen.json"), join(filled, "instellingen.json"));

    const checked = await cli(["check", "--data", filled]);
    expect(checked.stderr).toContain("De gegevens zijn in orde.");
    expect(checked.code).toBe(0);

    // With the CSV files beside it, the tables are in two places: refused, not guessed.
    cpSync(join(data, "meldingen.csv"), join(filled, "meldingen.csv"));
    const twice = await cli(["check", "--data", filled]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain("de tabel meldingen staat op meer dan één plaats (meldingen.csv; registratie.xlsx, tabblad meldingen)");
  });

  it("refuses an --out that is not .xlsx as a usage error", async () => {
    const r = await cli(["template", "--out", join(tmpdir(), "x.csv")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out is de naam van een \.xlsx-bestand/);
  });
});

describe("jaarverslag check", () => {
  it("--problemen-csv writes every problem for Excel: BOM, ';', CRLF; exit 1", async () => {
    const data = copyOfData();
    const text = readFileSync(join(data, "meldingen.csv"), "utf8").split("\n");
    const cells = text[1]!.split(",");
    cells[6] = "-2"; // uren of the first melding
    text[1] = cells.join(",");
    writeFileSync(join(data, "meldingen.csv"), text.join("\n"));
    rmSync(join(data, "klachten.csv"));
    const out = join(mkdtempSync(join(tmpdir(), "jaarverslag-problemen-")), "problemen.csv");
    const r = await cli(["check", "--data", data, "--problemen-csv", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("2 problemen gevonden:");
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString("utf8").slice(1);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.split("\r\n")).toEqual([
      "bestand;regel;kolom;waarde;melding",
      '"klachten.csv";"";"";"";"dit bestand ontbreekt in de gegevensmap; lever de tabel aan als klachten.csv, als klachten.xlsx of als tabblad ""klachten"" in registratie.xlsx"',
      '"meldingen.csv";"2";"uren";"-2";"uren kunnen niet negatief zijn"',
      "",
    ]);
  });

  it("--year N warns about rows after N, which stay out of that report, and still exits 0", async () => {
    const r = await cli(["check", "--data", copyOfData(), "--year", "2020"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /Let op: meldingen\.csv, kolom datum: \d+ meldingen van na 2020 \(M2021-01, .*\) tellen niet mee in het verslag over 2020/,
    );
    const last = await cli(["check", "--data", copyOfData(), "--year", "2021"]);
    expect(last.stderr).not.toContain("van na 2021");
    expect((await cli(["check", "--year", "21"])).code).toBe(2);
  });

  it("leaves the input files as they were", async () => {
    const data = copyOfData();
    const before = readFileSync(join(data, "meldingen.csv"));
    await cli(["check", "--data", data]);
    expect(readFileSync(join(data, "meldingen.csv"))).toEqual(before);
    expect(existsSync(join(data, "registratie.xlsx"))).toBe(false);
  });
});
