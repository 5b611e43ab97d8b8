// The pair audit attacks the confidential reports the reader holds together, in one model
// (src/protect/pair-audit.ts). Judged against the definition it replaced: each confidential
// report audited on its own, as "this report", beside everything the reader holds, and only its
// own hidden counts that no held set printed counted. Random small registrations: a 2×2 grid of
// klachten (jaar × herkomst), reports that print or hide cells, year totals and herkomst totals.
import fc from "fast-check";
import { expect, it } from "vitest";
import { AFRONDING } from "../../src/present/figures.ts";
import { auditFigures } from "../../src/protect/audit.ts";
import type { FiguresFile } from "../../src/protect/figures.ts";
import type { LedgerEntry } from "../../src/protect/ledger.ts";
import { exposedConfidential } from "../../src/protect/pair-audit.ts";
import type { Scope, UniverseSpec } from "../../src/protect/universe.ts";
import { fcParams } from "../helpers/fast-check.ts";

const JAREN = ["2020", "2021"];
const HERKOMST = ["a", "b"];
const universes: UniverseSpec[] = [
  {
    id: "klachten",
    integer: true,
    dimensions: [
      { name: "jaar", categories: JAREN },
      { name: "herkomst", categories: HERKOMST },
    ],
  },
];
const envelope = { document: "jaarverslag-vpoo", titel: "t", jaar: 2021, markering: "x", afronding: AFRONDING, universes };
const K = 3;

// Every figure a report can hold: the four cells, the two year totals, the two herkomst totals.
const SCOPES: Scope[] = [
  ...JAREN.flatMap((j) => HERKOMST.map((h) => ({ jaar: [j], herkomst: [h] }))),
  ...JAREN.map((j) => ({ jaar: [j] })),
  ...HERKOMST.map((h) => ({ herkomst: [h] })),
];

function trueValue(cells: number[], scope: Scope): number {
  let sum = 0;
  JAREN.forEach((j, ji) =>
    HERKOMST.forEach((h, hi) => {
      if ((scope["jaar"] ?? JAREN).includes(j) && (scope["herkomst"] ?? HERKOMST).includes(h)) sum += cells[ji * 2 + hi]!;
    }),
  );
  return sum;
}

/** A report: per scope absent, printed (its true value) or hidden. */
const reportShape = fc.array(fc.constantFrom("weg", "gedrukt", "verborgen"), { minLength: SCOPES.length, maxLength: SCOPES.length });

const world = fc.record({
  cells: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 4 }),
  confidential: fc.array(fc.record({ shape: reportShape, held: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  publicNow: reportShape,
  otherPublic: fc.option(reportShape, { nil: undefined }),
});

function entry(report: string, audience: string, shape: string[], cells: number[]): LedgerEntry {
  return {
    report,
    jaar: 2021,
    audience,
    figures: SCOPES.flatMap((scope, i) =>
      shape[i] === "weg" ? [] : [{ universe: "klachten", scope, value: shape[i] === "gedrukt" ? trueValue(cells, scope) : null }],
    ),
  };
}

/** The definition: one confidential report at a time (the implementation before the joint attack). */
async function perReport(confidential: LedgerEntry[], publicNow: LedgerEntry[], known: LedgerEntry[]) {
  const key = (f: LedgerEntry["figures"][number]) => `${f.universe}|${JSON.stringify(f.scope)}`;
  const printedElsewhere = new Set(known.flatMap((e) => e.figures.filter((f) => f.value !== null).map(key)));
  const out: { report: string; cells: number }[] = [];
  for (const e of confidential) {
    const file: FiguresFile = {
      ...envelope,
      publiek: "vertrouwelijk",
      drempel: K,
      figures: e.figures.map((f, i) => ({
        id: `${e.report}#${i}`,
        table: e.report,
        row: "",
        column: "",
        kind: "aantal",
        universe: f.universe,
        scope: f.scope,
        value: f.value,
        display: "",
      })),
    };
    const audit = await auditFigures(file, [...known, ...publicNow]);
    // The audit names a hidden cell by its scope key; compare through the figures it covers.
    const hidden = new Set(e.figures.flatMap((f, i) => (f.value === null && !printedElsewhere.has(key(f)) ? [`${e.report}#${i}`] : [])));
    const weak = audit.intervals.filter((iv) => !iv.ok && iv.requiredWidth > 0 && iv.figures.some((id) => hidden.has(id)));
    if (weak.length > 0) out.push({ report: e.report, cells: weak.length });
  }
  return out;
}

it("attacking the held confidential reports together finds exactly what attacking each alone finds", async () => {
  let exposedSeen = 0;
  await fc.assert(
    fc.asyncProperty(world, async (w) => {
      const confidential = w.confidential.map((c, i) => entry(`vertrouwelijk-${i}`, "vertrouwelijk", c.shape, w.cells));
      const publicNow = [entry("openbaar-nu", "openbaar", w.publicNow, w.cells)];
      const known = [
        ...confidential.filter((_, i) => w.confidential[i]!.held),
        ...(w.otherPublic ? [entry("openbaar-eerder", "openbaar", w.otherPublic, w.cells)] : []),
      ];
      const expected = await perReport(confidential, publicNow, known);
      if (expected.length > 0) exposedSeen++;
      expect(await exposedConfidential(confidential, publicNow, known, envelope, K)).toEqual(expected);
    }),
    fcParams(150),
  );
  // The cases must include exposures, or the comparison says little.
  expect(exposedSeen).toBeGreaterThan(10);
}, 120_000);
