// The pipeline's `check` (the werkplaats's quick check, and `jaarverslag check` without a
// year) against the pipeline's `build`: over the mutation corpus of the registration, plus the
// reasons to refuse that live outside the tables (the text scan, the register, the period),
// `check` finds problems exactly when `build` refuses for a reason that needs no solver, and
// with the same messages. What only the protection can tell (a pattern that cannot be
// protected, a failed audit, a revision that would expose a melder) is the one refusal this
// `check` does not foresee; the property allows it and nothing else. `jaarverslag check
// --year N` foresees that too: it runs build's own decision (tests/publish.check-build.property.test.ts).
// More cases: CHECK_BUILD_RUNS=200.
import fc from "fast-check";
import { fcParams } from "./helpers/fast-check.ts";
import { describe, expect, it } from "vitest";
import { build, check } from "../src/pipeline.ts";
import { formatProblem } from "../src/ingest/problem.ts";
import type { LedgerEntry } from "../src/protect/ledger.ts";
import { BASE_VERSLAG, makeRawInput, VANDAAG } from "./fixtures/make-fixtures.ts";
import { apply, mutation } from "./fixtures/mutation-corpus.ts";

const RUNS = Number(process.env["CHECK_BUILD_RUNS"] ?? 25);

/** A published report about a period that is not on the timeline (no periods configured). */
const CONFLICTING: LedgerEntry = {
  report: "jaarverslag-vpoo-2018-01_2019-11-openbaar",
  jaar: "2018-01..2019-11",
  audience: "openbaar",
  figures: [],
};

const VERSLAGEN = {
  gewoon: [{ jaar: 2021, text: BASE_VERSLAG }],
  ontbreekt: [],
  telling: [{ jaar: 2021, text: `${BASE_VERSLAG}\n## Trends en aanbeveling\n\nEr kwamen twee meldingen over pesten binnen.\n` }],
  naam: [{ jaar: 2021, text: `${BASE_VERSLAG}\n## Team\n\nSjoerd ging met pensioen.\n` }],
  anderJaar: [
    { jaar: 2021, text: BASE_VERSLAG },
    { jaar: 2020, text: `${BASE_VERSLAG}\n## Team\n\nSjoerd begon.\n` },
  ],
} as const;

const lines = (ps: { bestand: string; regel: number | null; kolom: string | null; waarde: string | null; melding: string }[]) =>
  ps.map(formatProblem).sort();

describe("check and build agree", () => {
  it("check reports problems exactly when build refuses without the solver, with the same messages", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(mutation, { freq: 3 }),
        fc.constantFrom<number>(2021, 2021, 2020, 2019, 2030),
        fc.constantFrom(...(Object.keys(VERSLAGEN) as (keyof typeof VERSLAGEN)[])),
        fc.boolean(),
        async (m, jaar, verslag, conflict) => {
          const tables = m ? apply(m).tables : undefined;
          const raw = () => makeRawInput({ ...(tables ? { tables } : {}), verslagen: [...VERSLAGEN[verslag]] });
          const ledger = conflict ? [CONFLICTING] : [];
          const checked = await check(raw(), VANDAAG, undefined, jaar, ledger);
          const built = await build(raw(), { jaar, audience: "openbaar", vandaag: VANDAAG, ledger });
          if (checked.problems.length > 0) {
            expect(built.ok).toBe(false);
            if (!built.ok) expect(lines(built.problems)).toEqual(lines(checked.problems));
          } else if (!built.ok) {
            // Only the protection may refuse what check passed.
            expect(
              built.problems.every((p) => p.bestand === "(bescherming)"),
              JSON.stringify(built.problems),
            ).toBe(true);
          }
          // The same warnings about the period's text in both.
          const text = (ws: { bestand: string; melding: string }[]) =>
            ws
              .filter((w) => w.bestand === `verslag/${jaar}.md`)
              .map((w) => w.melding)
              .sort();
          if (checked.problems.length === 0 && built.ok) expect(text(built.warnings)).toEqual(text(checked.warnings));
        },
      ),
      fcParams(RUNS),
    );
  });
});

describe("the refusals check shares with build", () => {
  it("a klacht dated in the future is refused by both", async () => {
    const tables = {
      "klachten.csv": [
        ["id", "datum", "ontvankelijk", "advies"],
        ["K2021-01", "2022-04", "ja", "ongegrond"],
      ],
    };
    const checked = await check(makeRawInput({ tables }), VANDAAG, undefined, 2021);
    const built = await build(makeRawInput({ tables }), { jaar: 2021, audience: "openbaar", vandaag: VANDAAG, ledger: [] });
    expect(lines(checked.problems)).toEqual(['klachten.csv, regel 2, kolom datum: deze datum ligt in de toekomst (waarde: "2022-04")']);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(lines(built.problems)).toEqual(lines(checked.problems));
  });

  it("a misspelled heading gets the nearest section as a suggestion, and a missing text is a warning, in check and build", async () => {
    const text = `${BASE_VERSLAG}\n## Trends en aanbeveling\n\nMeer voorlichting.\n\n## Financiën\n\nGeen.\n`;
    const checked = await check(makeRawInput({ verslagen: [{ jaar: 2021, text }] }), VANDAAG, undefined, 2021);
    const expected = [
      'verslag/2021.md: deze kop is geen sectie van het verslag, dus de tekst eronder komt in geen enkel verslag; bedoelt u "Trends en aanbevelingen"? (secties: Voorwoord, Deskundigheidsbevordering, Voorlichting, Team, Trends en aanbevelingen, Opvolging aanbevelingen, Klachtencommissie) (waarde: "## Trends en aanbeveling")',
      'verslag/2021.md: deze kop is geen sectie van het verslag, dus de tekst eronder komt in geen enkel verslag (secties: Voorwoord, Deskundigheidsbevordering, Voorlichting, Team, Trends en aanbevelingen, Opvolging aanbevelingen, Klachtencommissie) (waarde: "## Financiën")',
    ];
    expect(checked.problems).toEqual([]);
    expect(lines(checked.warnings.filter((w) => w.bestand === "verslag/2021.md"))).toEqual(expected.sort());
    const built = await build(makeRawInput({ verslagen: [{ jaar: 2021, text }] }), {
      jaar: 2021,
      audience: "openbaar",
      vandaag: VANDAAG,
      ledger: [],
    });
    expect(built.ok).toBe(true);
    expect(lines(built.warnings.filter((w) => w.bestand === "verslag/2021.md"))).toEqual(expected.sort());

    const missing = await check(makeRawInput({ verslagen: [] }), VANDAAG, undefined, 2021);
    const missingBuilt = await build(makeRawInput({ verslagen: [] }), { jaar: 2021, audience: "openbaar", vandaag: VANDAAG, ledger: [] });
    const says = /^verslag\/2021\.md: dit bestand ontbreekt: de hoofdstukken met eigen tekst .* blijven leeg in het verslag over 2021$/;
    expect(missing.problems).toEqual([]);
    expect(missing.warnings.map(formatProblem)).toContainEqual(expect.stringMatching(says));
    expect(missingBuilt.warnings.map(formatProblem)).toContainEqual(expect.stringMatching(says));
  });

  it("a register entry whose period is no longer on the timeline: the same refusal", async () => {
    const checked = await check(makeRawInput(), VANDAAG, undefined, 2021, [CONFLICTING]);
    const built = await build(makeRawInput(), { jaar: 2021, audience: "openbaar", vandaag: VANDAAG, ledger: [CONFLICTING] });
    expect(checked.problems.map((p) => p.waarde)).toEqual(["jaarverslag-vpoo-2018-01_2019-11-openbaar"]);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(lines(built.problems)).toEqual(lines(checked.problems));
  });
});
