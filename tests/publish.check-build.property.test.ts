// `jaarverslag check --year N [options]` is `build` without writing, the register included:
// over the mutation corpus and register states (nothing adopted, an adopted set, a late
// melding after it, adopting twice, a revision without a reason, a revision), the decision
// check takes (publish.ts, decideSet) refuses exactly when the real build (publishSet: the
// lock, rendering with Chromium, writing) refuses, with the same messages. Besides that, the
// register's rules are held against hand-stated expectations (adopting the same period twice
// without --herziening is refused; a revision of nothing is refused; a concept is never
// refused for a register reason). More cases: CHECK_PUBLISH_RUNS=100.
import fc from "fast-check";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatProblem, type Problem } from "../src/ingest/problem.ts";
import { registerPath } from "../src/output.ts";
import { decideSet, publishSet, type PublishRequest } from "../src/publish.ts";
import type { RegisterEntry } from "../src/protect/register.ts";
import type { Renderer } from "../src/render/pdf.ts";
import type { RawInput } from "../src/ingest/raw-input.ts";
import { baseTables, BASE_VERSLAG, makeRawInput, VANDAAG, type Rows } from "./fixtures/make-fixtures.ts";
import { apply, mutation, type Mutation } from "./fixtures/mutation-corpus.ts";
import { printRenderer } from "./helpers/cli.ts";
import { fcParams } from "./helpers/fast-check.ts";

/** A melding of November 2021 registered after the 2021 report was adopted. */
const LATE: string[] = [
  "M2021-09",
  "2021-11",
  "ongewenste-omgangsvormen",
  "pesten",
  "ambtelijk",
  "VP-A",
  "1",
  "afgerond-resultaat",
  "adviesgesprek",
  "opgelost",
  "nee",
];

/** The same, from an external melder: the adopted 2021 set may have printed Extern 0. */
const LATE_EXTERN: string[] = [
  "M2021-08",
  "2021-11",
  "ongewenste-omgangsvormen",
  "pesten",
  "extern",
  "VP-A",
  "1",
  "afgerond-resultaat",
  "adviesgesprek",
  "opgelost",
  "nee",
];

/**
 * The register before the build: nothing; the public 2021 set adopted; that and a late melding
 * (of an ambtelijk or an external melder) in the data; the confidential 2021 set adopted.
 */
type State = "leeg" | "vastgesteld" | "laat" | "laat-extern" | "vertrouwelijk";
const STATES: State[] = ["leeg", "vastgesteld", "laat", "laat-extern", "vertrouwelijk"];
type Adopt = "concept" | "vaststellen" | "herziening" | "herziening-zonder-reden";

function writeFolder(dir: string, raw: RawInput): void {
  const put = (rel: string, bytes: Uint8Array) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), bytes);
  };
  for (const t of Object.values(raw.tables)) if (t) put(t.bestand, t.bytes);
  if (raw.instellingen) put("instellingen.json", raw.instellingen.bytes);
  for (const v of raw.verslagen) put(v.bestand, v.bytes);
}

function request(dataDir: string, jaar: number, audience: "openbaar" | "vertrouwelijk", adopt: Adopt): PublishRequest {
  const vaststellen =
    adopt === "concept"
      ? null
      : adopt === "vaststellen"
        ? { herziening: false, opdracht: `jaarverslag build --year ${jaar}` }
        : adopt === "herziening"
          ? { herziening: true, reden: "een late melding", opdracht: `jaarverslag build --year ${jaar}` }
          : { herziening: true, opdracht: `jaarverslag build --year ${jaar}` };
  return {
    jaar,
    audience,
    telregel: undefined,
    dataDir,
    outDir: join(dataDir, "..", "reports"),
    documents: ["vpoo"],
    bundle: false,
    vaststellen,
    vandaag: VANDAAG,
    vandaagIso: "2022-03-01",
  };
}

const lines = (ps: Problem[]) => ps.map(formatProblem).sort();

let renderer: Renderer;
/** The 2021 sets as adopted from the unchanged registration (their register entries). */
const adopted: Partial<Record<"openbaar" | "vertrouwelijk", RegisterEntry>> = {};
const folders: string[] = [];

function freshFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "jaarverslag-check-publish-"));
  folders.push(dir);
  return join(dir, "data");
}

beforeAll(async () => {
  // The run's print cache (src/print-cache.ts): what is compared here is the decision.
  renderer = printRenderer();
  const data = freshFolder();
  writeFolder(data, makeRawInput());
  for (const audience of ["openbaar", "vertrouwelijk"] as const) {
    const plan = await decideSet(request(data, 2021, audience, "vaststellen"));
    if (!plan.ok) throw new Error(`the base registration cannot be adopted: ${lines(plan.problems).join("; ")}`);
    adopted[audience] = plan.entry!;
  }
}, 120_000);

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

async function agree(m: Mutation | null, state: State, adopt: Adopt, jaar: number, audience: "openbaar" | "vertrouwelijk"): Promise<void> {
  const tables: Record<string, Rows> = m ? apply(m).tables : baseTables();
  if (state === "laat" || state === "laat-extern")
    tables["meldingen.csv"] = [...tables["meldingen.csv"]!, state === "laat" ? LATE : LATE_EXTERN];
  const data = freshFolder();
  writeFolder(data, makeRawInput({ tables, verslagen: [{ jaar: 2021, text: BASE_VERSLAG }] }));
  if (state !== "leeg") {
    const entry = adopted[state === "vertrouwelijk" ? "vertrouwelijk" : "openbaar"]!;
    mkdirSync(join(data, "gepubliceerd"), { recursive: true });
    writeFileSync(registerPath(data, entry), JSON.stringify(entry, null, 2));
  }
  const req = request(data, jaar, audience, adopt);
  const checked = await decideSet(req);
  const built = await publishSet(req, { renderer });
  expect(built.ok, JSON.stringify(checked.ok ? "check: geen bezwaar" : lines(checked.problems))).toBe(checked.ok);
  if (!checked.ok && !built.ok) {
    expect(lines(built.problems)).toEqual(lines(checked.problems));
    expect(built.reason).toBe(checked.reason);
  }
  // The register's rules, stated by hand.
  // Does the register hold this period and audience?
  const same = jaar === 2021 && (state === "vertrouwelijk" ? audience === "vertrouwelijk" : audience === "openbaar");
  const says = (re: RegExp) => !checked.ok && checked.problems.some((p) => re.test(p.melding));
  if (state !== "leeg" && same && adopt === "vaststellen") expect(checked.ok).toBe(false);
  if ((state === "leeg" || !same) && adopt.startsWith("herziening")) expect(checked.ok).toBe(false);
  if (adopt === "concept") expect(says(/al vastgesteld|niets te herzien|reden nodig/)).toBe(false);
  if (m === null) {
    // The registration itself is valid: what refuses is the register (or the protection).
    if (state !== "leeg" && same && adopt === "vaststellen") expect(says(/is al vastgesteld op 1 maart 2022 \(versie 1\)/)).toBe(true);
    if ((state === "leeg" || !same) && adopt.startsWith("herziening")) expect(says(/er valt niets te herzien/)).toBe(true);
    if (state !== "leeg" && same && adopt === "herziening-zonder-reden") expect(says(/een herziening heeft een reden nodig/)).toBe(true);
    if ((state === "vastgesteld" || state === "vertrouwelijk") && same && adopt === "herziening")
      expect(checked.ok || checked.problems.every((p) => p.bestand === "(bescherming)")).toBe(true);
  }
}

describe("check and build agree, the register included", () => {
  it("check refuses exactly when the real build refuses, with the same messages", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(mutation, { freq: 2 }),
        fc.constantFrom<State>(...STATES),
        fc.constantFrom<Adopt>("concept", "vaststellen", "herziening", "herziening-zonder-reden"),
        fc.constantFrom<number>(2021, 2021, 2020),
        fc.constantFrom<"openbaar" | "vertrouwelijk">("openbaar", "openbaar", "vertrouwelijk"),
        (m, state, adopt, jaar, audience) => agree(m, state, adopt, jaar, audience),
      ),
      fcParams(20),
    );
  }, 900_000);

  it("every register state and adoption option on the valid registration (the other audience after a confidential set)", async () => {
    for (const state of STATES)
      for (const adopt of ["concept", "vaststellen", "herziening", "herziening-zonder-reden"] as const)
        await agree(null, state, adopt, 2021, "openbaar");
  }, 900_000);
});
