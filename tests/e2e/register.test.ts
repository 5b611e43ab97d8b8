// The publication register and the life of a report: concept, adopted (vastgesteld), a late
// melding with and without a revision, the next year's report, and `jaarverslag register`.
// The real command on a copy of the example data; expected figures worked out by hand from
// data/meldingen.csv (2020: 13 meldingen that count, 21 in 2019; one late melding makes 14).
import { appendFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLedger } from "../../src/output.ts";
import { readPdf } from "../helpers/pdf-read.ts";
import { builtOnce, buildStep, CONFIDENTIAL_THEN_PUBLIC_2021 } from "../helpers/built-once.ts";
import { cli, copyOfExampleData } from "../helpers/cli.ts";

const normalise = (s: string) => s.replace(/\s+/g, " ");
// A corona conversation from December 2020, registered late. It counts apart (the counting rule),
// so its change shows in printed figures only (5 → 6). A late melding that counts would change
// hidden cells of 2020 in a way the pooled tables pin down (which herkomst, which aard): the
// tool refuses that revision, as the next test shows for an external melding.
const LATE =
  "M2020-99,2020-12,ongewenste-omgangsvormen,corona-gerelateerd,ambtelijk,VP-A1,1.0,afgerond-resultaat,hart-luchten,zelf-opgelost,nee\n";

/** The lines of a refusal ("- …" under "… gevonden:"), as build and check print them. */
const refusal = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("- "));

async function pages(path: string): Promise<{ pages: string[]; keywords: string }> {
  const pdf = await readPdf(readFileSync(path));
  return { pages: pdf.pages.map(normalise), keywords: pdf.info.Keywords ?? "" };
}

// The concept of 2020, and the same adopted after it.
const CONCEPT_2020 = builtOnce("jaarverslag-register-", buildStep("--year", "2020"));
const ADOPTED_2020 = builtOnce("jaarverslag-register-", buildStep("--year", "2020"), buildStep("--year", "2020", "--vaststellen"));

describe("a year's report from concept to revision", () => {
  it("concept, adoption, refusal to adopt twice, a late melding, a revision, the next year, and the register check", async () => {
    // Steps 1 and 2 are builds shared with other files (tests/helpers/built-once.ts): each is
    // checked on a copy of the folder as that step left it; the story goes on from step 2's.
    const [afterConcept, afterAdoption] = await Promise.all([CONCEPT_2020(), ADOPTED_2020()]);
    const { data, out } = afterAdoption;
    const build = (...args: string[]) => cli(["build", "--data", data, "--out", out, ...args]);
    const register = join(data, "gepubliceerd");

    // 1. A concept: "Concept" on every page and in the metadata, not in the register.
    const concept = afterConcept.results[0]!;
    expect(concept.code).toBe(0);
    expect(existsSync(join(afterConcept.data, "gepubliceerd"))).toBe(false);
    const c = await pages(join(afterConcept.out, "2020", "jaarverslag-vpoo-2020.pdf"));
    for (const p of c.pages) expect(p).toContain("Concept");
    expect(c.keywords).toContain("Concept");
    expect(existsSync(join(afterConcept.data, "intern", "2020", "2020-openbaar.onderdrukkingslog.json"))).toBe(true);

    // 2. Adopted: enters the register, in its own folder, without the concept marking.
    const adopted = afterAdoption.results[1]!;
    expect(adopted.code).toBe(0);
    const v1File = join(register, "2020-openbaar-woordenlijst-versie-1.json");
    const v1Bytes = readFileSync(v1File);
    const v1Dir = join(out, "2020", "vastgesteld", "openbaar-versie-1");
    const a = await pages(join(v1Dir, "jaarverslag-vpoo-2020.pdf"));
    expect(a.pages.join(" ")).not.toContain("Concept");
    expect(a.keywords).not.toContain("Concept");
    expect(a.pages.join(" ")).toContain("in totaal 13 meldingen ontvangen, tegen 21 in 2019");

    // 3. Adopting again is refused, with both choices and no advice to delete anything.
    const again = await build("--year", "2020", "--vaststellen");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("is al vastgesteld");
    expect(again.stderr).toContain("--herziening --reden");
    expect(again.stderr).not.toMatch(/verwijder/i);
    expect(readdirSync(register)).toEqual(["2020-openbaar-woordenlijst-versie-1.json"]);
    // `check` with the same options says the same, and exits 1.
    const checkAgain = await cli(["check", "--data", data, "--out", out, "--year", "2020", "--vaststellen"]);
    expect(checkAgain.code).toBe(1);
    expect(refusal(checkAgain.stderr)).toEqual(refusal(again.stderr));
    expect(checkAgain.stderr).not.toContain("in orde");

    // 4. A late melding for 2020. The concept says on every page that it differs, and what.
    appendFileSync(join(data, "meldingen.csv"), LATE);
    expect((await build("--year", "2020")).code).toBe(0);
    const changed = await pages(join(out, "2020", "jaarverslag-vpoo-2020.pdf"));
    for (const p of changed.pages) expect(p).toContain("wijkt af van het verzonden verslag (versie 1)");
    expect(normalise(changed.pages.join(" "))).toContain("(telt niet mee), 2018–2020: eerder 5, nu 6");

    // 5. Without a revision, the next year's report compares with the figure now registered
    //    and says what was sent.
    expect((await build("--year", "2021")).code).toBe(0);
    const next = normalise((await pages(join(out, "2021", "jaarverslag-vpoo-2021.pdf"))).pages.join(" "));
    expect(next).toContain("(telt niet mee), 2020: eerder 5, nu 6 (na verzending gewijzigd, niet als herziening vastgesteld");
    // Every earlier figure in the reader's words: the pooled one that no 2021 table shows as well,
    // and the report it was sent in.
    expect(next).toContain(
      "Meldingen naar aard, Corona: thuiswerken, eenzaamheid, niet verbonden voelen (telt niet mee), 2018–2020 samen: eerder 5, nu 6",
    );
    expect(next).toContain("eerder verzonden in het openbare jaarverslag van de vertrouwenspersonen ongewenste omgangsvormen over 2020)");
    expect(next).not.toMatch(/\((aard|herkomst|vpgroep|status|activiteit): |corona-gerelateerd(?!e)|jaarverslag-vpoo-2020-openbaar/);

    // 6. The revision: a new entry beside the first (which keeps its bytes), with an erratum.
    const reden = "Een gesprek uit december 2020 is pas in 2021 geregistreerd.";
    const revised = await build("--year", "2020", "--vaststellen", "--herziening", "--reden", reden);
    expect(revised.stderr).toContain("Vastgesteld als versie 2");
    expect(revised.code).toBe(0);
    expect(readdirSync(register).sort()).toEqual(["2020-openbaar-woordenlijst-versie-1.json", "2020-openbaar-woordenlijst-versie-2.json"]);
    expect(readFileSync(v1File).equals(v1Bytes)).toBe(true);
    const erratum = normalise(
      (await pages(join(out, "2020", "vastgesteld", "openbaar-versie-2", "jaarverslag-vpoo-2020.pdf"))).pages.join(" "),
    );
    expect(erratum).toContain("Erratum");
    expect(erratum).toContain(`Reden: ${reden}`);
    expect(erratum).toContain("Gewijzigde cijfers:");
    expect(erratum).toContain("(telt niet mee), 2020: eerder 5, nu 6");
    expect(erratum).toContain("in totaal 13 meldingen ontvangen");
    // Both versions are known to the next report's attack.
    expect(
      readLedger(data)
        .map((e) => e.report)
        .sort(),
    ).toEqual(["jaarverslag-vpoo-2020-openbaar", "jaarverslag-vpoo-2020-openbaar (versie 2)"]);

    // 7. The next year's report now says the figure was revised.
    expect((await build("--year", "2021")).code).toBe(0);
    const after = normalise((await pages(join(out, "2021", "jaarverslag-vpoo-2021.pdf"))).pages.join(" "));
    expect(after).toContain("(telt niet mee), 2020: eerder 5, nu 6 (herzien");

    // 8. `jaarverslag register` lists both versions and checks the files' fingerprints.
    const ok = await cli(["register", "--data", data, "--out", out]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("2020, openbaar, telregel woordenlijst, versie 1");
    expect(ok.stdout).toContain(`versie 2, vastgesteld op`);
    expect(ok.stdout).toContain(`herziening, reden: ${reden}`);
    expect(ok.stdout).toContain("Alle vastgelegde bestanden zijn ongewijzigd.");
    const pdf = join(v1Dir, "jaarverslag-vpoo-2020.pdf");
    const original = readFileSync(pdf);
    writeFileSync(pdf, Buffer.concat([original, Buffer.from("\n%")]));
    const tampered = await cli(["register", "--data", data, "--out", out]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(`GEWIJZIGD: ${pdf}`);
    writeFileSync(pdf, original);
    rmSync(join(v1Dir, "jaarverslag-vpoo-2020.html"));
    const missing = await cli(["register", "--data", data, "--out", out]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain(`ONTBREEKT: ${join(v1Dir, "jaarverslag-vpoo-2020.html")}`);
  }, 600_000);
});

describe("a revision that would itself expose a melder", () => {
  it("is refused: a late external melding is one more in the hidden 2020 herkomst cell, and the reader can see which", async () => {
    // By hand: 2020 was sent with its herkomst column hidden (Fracties x, Ambtelijke organisatie
    // (met extern) x, Totaal 13) and 2019–2020 pooled printed (Fracties 6, Ambtelijke
    // organisatie (met extern) 28, Totaal 34). One late melding from an external melder makes
    // 14 and 29 of 35: the pooled fracties stay 6, so the one added melding is in the hidden
    // 2020 "Ambtelijke organisatie (met extern)" — a change of one melding the reader can place.
    const data = copyOfExampleData("jaarverslag-register-bloot-");
    const out = join(data, "..", "reports");
    expect((await cli(["build", "--year", "2020", "--vaststellen", "--data", data, "--out", out])).code).toBe(0);
    // A late melding that counts, from an external melder.
    appendFileSync(
      join(data, "meldingen.csv"),
      "M2020-98,2020-12,ongewenste-omgangsvormen,pesten,extern,VP-A1,1.0,afgerond-resultaat,hart-luchten,zelf-opgelost,nee\n",
    );
    const r = await cli([
      "build",
      "--year",
      "2020",
      "--vaststellen",
      "--herziening",
      "--reden",
      "late melding",
      "--data",
      data,
      "--out",
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'de wijziging valt zeker in het verborgen cijfer "Meldingen naar herkomst van de melder, Ambtelijke organisatie (met extern), 2020" (er komt minstens 1 bij)',
    );
    expect(r.stderr).toContain("zou dus zelf een melder prijsgeven");
    // `check` with the same options refuses with the same message.
    const checked = await cli([
      "check",
      "--year",
      "2020",
      "--vaststellen",
      "--herziening",
      "--reden",
      "late melding",
      "--data",
      data,
      "--out",
      out,
    ]);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain("zou dus zelf een melder prijsgeven");
    expect(refusal(checked.stderr)).toEqual(refusal(r.stderr));
    expect(readdirSync(join(data, "gepubliceerd"))).toEqual(["2020-openbaar-woordenlijst-versie-1.json"]);
    expect(existsSync(join(out, "2020", "vastgesteld", "openbaar-versie-2"))).toBe(false);
  }, 300_000);
});

describe("every counting rule and audience joins the register", () => {
  it("keeps the --telregel alles set beside the woordenlijst one, and both are known", async () => {
    // Adopted 2021, shared with other files (tests/helpers/built-once.ts).
    const { data, out, results } = await builtOnce("jaarverslag-register-telregel-", buildStep("--year", "2021", "--vaststellen"))();
    expect(results[0]!.code).toBe(0);
    const alles = await cli(["build", "--year", "2021", "--telregel", "alles", "--vaststellen", "--data", data, "--out", out]);
    expect(alles.code).toBe(0);
    expect(readdirSync(join(data, "gepubliceerd")).sort()).toEqual([
      "2021-openbaar-alles-versie-1.json",
      "2021-openbaar-woordenlijst-versie-1.json",
    ]);
    expect(
      readLedger(data)
        .map((e) => e.report)
        .sort(),
    ).toEqual(["jaarverslag-vpoo-2021-openbaar", "jaarverslag-vpoo-2021-openbaar (telregel alles)"]);
    // Both sets are known to every reader: each one, attacked with the whole register (the
    // other counting rule's totals included: 31 − 26 gives the corona count), stays safe.
    for (const dir of ["openbaar-versie-1", "openbaar-telregel-alles-versie-1"]) {
      const audit = await cli(["audit", join(out, "2021", "vastgesteld", dir, "jaarverslag-vpoo-2021.figures.json"), "--data", data]);
      expect(audit.stdout + audit.stderr, dir).toMatch(/veilig|geslaagd/i);
      expect(audit.code, dir).toBe(0);
      // The other rule's set is in the attack: its hidden cells are attacked here as well.
      if (dir === "openbaar-versie-1") expect(audit.stdout).toContain("jaarverslag-vpoo-2021-openbaar (telregel alles): eerder onderdrukt");
    }
  }, 120_000);

  it("public first, then confidential, both adopted and safe; confidential first, then public, both adopted and safe", async () => {
    // Public first (the order the guide gives): both adopt, and the confidential reader, who
    // holds both, finds nothing.
    const data = copyOfExampleData("jaarverslag-register-volgorde-");
    const out = join(data, "..", "reports");
    expect((await cli(["build", "--year", "2021", "--all", "--vaststellen", "--data", data, "--out", out])).code).toBe(0);
    const conf = await cli([
      "build",
      "--year",
      "2021",
      "--all",
      "--audience",
      "vertrouwelijk",
      "--vaststellen",
      "--data",
      data,
      "--out",
      out,
    ]);
    expect(conf.stderr).toContain("audit geslaagd");
    expect(conf.code).toBe(0);
    const dir = join(out, "2021", "vastgesteld", "vertrouwelijk-versie-1");
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".figures.json"))) {
      const audit = await cli(["audit", join(dir, f), "--data", data]);
      expect(audit.code, f).toBe(0);
    }
    // Confidential first: the public set that follows is adopted too, and the confidential figures files
    // still pass the audit with the public set in the register. The same build is attacked on
    // its documents by tests/attack/either-order.test.ts (made once per run).
    const second = await builtOnce("jaarverslag-register-volgorde2-", ...CONFIDENTIAL_THEN_PUBLIC_2021)();
    expect(second.results.map((r) => r.code)).toEqual([0, 0]);
    expect(readdirSync(join(second.data, "gepubliceerd")).sort()).toEqual([
      "2021-openbaar-woordenlijst-versie-1.json",
      "2021-vertrouwelijk-woordenlijst-versie-1.json",
    ]);
    const confDir = join(second.out, "2021", "vastgesteld", "vertrouwelijk-versie-1");
    const confFigures = readdirSync(confDir).filter((n) => n.endsWith(".figures.json"));
    expect(confFigures.length).toBeGreaterThan(1);
    for (const f of confFigures) expect((await cli(["audit", join(confDir, f), "--data", second.data])).code, f).toBe(0);
  }, 300_000);
});
