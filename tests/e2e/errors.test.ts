// What a counsellor reads when the system is in the way: Dutch, naming the file, no stack
// trace, no "klaar" for a file that was not written, earlier reports untouched, nothing
// temporary left behind. And `check` refuses an unreadable file with build's own words.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtOnce } from "../helpers/built-once.ts";
import { cli, copyOfExampleData } from "../helpers/cli.ts";
import { tree } from "../helpers/tree.ts";

const noEnglish = (stderr: string) => {
  expect(stderr).not.toMatch(/\n\s+at |Error:|ENOENT|ENOTDIR|EROFS|ENOSPC|Unexpected token|is not valid JSON/);
};

/** The 2021 public report, built once for the tests that break something after it. */
const built2021 = builtOnce("jaarverslag-err-", (data, out) => ["build", "--year", "2021", "--data", data, "--out", out]);

describe("errors reach the user in Dutch", () => {
  it("an output folder that cannot be made: the file named, nothing 'klaar', no temporary files, earlier reports untouched", async () => {
    const { root, data, out } = await built2021();
    // `intern` (where the internal log goes, in the data folder) is a file now: the new set
    // cannot be staged (as root, a chmod would not stop us).
    rmSync(join(data, "intern"), { recursive: true });
    writeFileSync(join(data, "intern"), "een bestand waar een map moet staan");
    const before = { out: tree(out), data: tree(data) };
    const r = await cli(["build", "--year", "2021", "--data", data, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `Fout: ${join(data, "intern", "2021")} kan niet worden gemaakt: een deel van dit pad is een bestand, geen map.`,
    );
    expect(r.stderr).not.toMatch(/klaar:/);
    noEnglish(r.stderr);
    expect(tree(out)).toEqual(before.out);
    expect(tree(data)).toEqual(before.data);
    expect(readdirSync(out)).toEqual(["2021"]);
    // An output folder below a file: the same message, naming the folder.
    const file = join(root, "een-bestand");
    writeFileSync(file, "x");
    const below = await cli(["build", "--year", "2021", "--data", data, "--out", join(file, "reports")]);
    expect(below.code).toBe(1);
    expect(below.stderr).toMatch(/Fout: .*een-bestand\/reports kan niet worden gemaakt: een deel van dit pad is een bestand, geen map\./);
    noEnglish(below.stderr);
    expect(tree(data)).toEqual(before.data);
  });

  it("a corrupt oplegnotitie.json, instellingen.json or register file: build and check refuse with the same message", async () => {
    const { data, out } = await built2021();
    const before = { out: tree(out), data: tree(data) };
    const cases: [string, string, RegExp][] = [
      ["oplegnotitie.json", '{\n  "status": B\n}\n', /oplegnotitie\.json, regel 2: geen geldige JSON: fout op regel 2, teken 13/],
      ["oplegnotitie.json", '{ "status": "D" }\n', /oplegnotitie\.json, kolom status: kies een van: A, B, C/],
      [
        "gepubliceerd/2021-openbaar-woordenlijst-versie-1.json",
        '{ "report": "x", ',
        /gepubliceerd\/2021-openbaar-woordenlijst-versie-1\.json, regel 1: geen geldige JSON: het bestand houdt halverwege op/,
      ],
      [
        "instellingen.json",
        '{\n  "organisatie": "X",\n  "drempel": { "openbaar": 5,, }\n}\n',
        /instellingen\.json, regel 3: geen geldige JSON: fout op regel 3, teken 30/,
      ],
    ];
    for (const [file, text, expected] of cases) {
      const path = join(data, file);
      const original = existsSync(path) ? readFileSync(path) : null;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      const built = await cli(["build", "--year", "2021", "--data", data, "--out", out]);
      const checked = await cli(["check", "--year", "2021", "--data", data]);
      expect(built.code, file).toBe(1);
      expect(checked.code, file).toBe(1);
      expect(built.stderr).toMatch(expected);
      expect(checked.stderr).toMatch(expected);
      expect(checked.stderr).not.toMatch(/in orde/);
      noEnglish(built.stderr);
      noEnglish(checked.stderr);
      expect(tree(out)).toEqual(before.out);
      if (original) writeFileSync(path, original);
      else rmSync(path);
    }
  });

  it("while another build holds the data folder, a build waits its turn with a Dutch message", async () => {
    const data = copyOfExampleData("jaarverslag-err-");
    // This test process is alive: its lock is not stale.
    writeFileSync(
      join(data, ".jaarverslag.lock"),
      JSON.stringify({ pid: process.pid, gestart: new Date().toISOString(), host: hostname(), token: "t" }),
    );
    const r = await cli(["build", "--year", "2021", "--data", data, "--out", join(data, "..", "reports")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `Fout: Er loopt al een build voor deze gegevensmap \\(gestart om \\d\\d:\\d\\d:\\d\\d op \\d\\d-\\d\\d-\\d{4}, proces ${process.pid}\\)\\. Wacht tot die klaar is\\.`,
      ),
    );
    noEnglish(r.stderr);
    expect(existsSync(join(data, "..", "reports"))).toBe(false);
  });
});
