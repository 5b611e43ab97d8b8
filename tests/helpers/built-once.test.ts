// The shared builds of tests/helpers/built-once.ts, with a cheap real command (`template`, a
// workbook in a second or two) instead of a build: each caller gets its own copy with the
// command's output naming that copy, a longer chain starts from the shorter one's folder, and a
// failing command fails every caller with its message.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { builtOnce, type BuildStep } from "./built-once.ts";

const workbook: BuildStep = (data, out) => ["template", "--data", data, "--out", join(out, "sjabloon.xlsx")];
const second: BuildStep = (data, out) => ["template", "--data", data, "--out", join(out, "tweede.xlsx")];

describe("builtOnce", () => {
  it("gives each caller its own copy, the output naming that copy, built once per run", async () => {
    const built = builtOnce("jaarverslag-gedeeld-", workbook);
    const [a, b] = await Promise.all([built(), built()]);
    expect(a.root).not.toBe(b.root);
    for (const copy of [a, b]) {
      expect(readdirSync(copy.out)).toEqual(["sjabloon.xlsx"]);
      expect(existsSync(join(copy.data, "meldingen.csv"))).toBe(true);
      expect(copy.results).toHaveLength(1);
      expect(copy.results[0]!.code).toBe(0);
      expect(copy.results[0]!.stderr).toContain(`Geschreven: ${join(copy.out, "sjabloon.xlsx")} `);
    }
    // A copy is the test's own: a change to one is not in the other, nor in a later copy.
    writeFileSync(join(a.out, "eigen.txt"), "x");
    expect(readdirSync(b.out)).toEqual(["sjabloon.xlsx"]);
    expect(readdirSync((await built()).out)).toEqual(["sjabloon.xlsx"]);
    // Another file's builtOnce with the same command is the same build: one finished folder in
    // the run's folder of builds holds this command's output (other files build other things).
    const c = await builtOnce("jaarverslag-ander-", workbook)();
    expect(readdirSync(c.out)).toEqual(["sjabloon.xlsx"]);
    const cache = inject("buildCache");
    const ours = readdirSync(cache).filter((n) => {
      const results = join(cache, n, "results.json");
      if (!existsSync(results)) return false;
      const printed = JSON.parse(readFileSync(results, "utf8")) as { stderr: string }[];
      return printed.length === 1 && printed[0]!.stderr.includes("sjabloon.xlsx");
    });
    expect(ours).toHaveLength(1);
  });

  it("runs a chain's last step on a copy of its first steps, and keeps what each step printed", async () => {
    const chain = await builtOnce("jaarverslag-keten-", workbook, second)();
    expect(readdirSync(chain.out).sort()).toEqual(["sjabloon.xlsx", "tweede.xlsx"]);
    expect(chain.results.map((r) => r.code)).toEqual([0, 0]);
    expect(chain.results[0]!.stderr).toContain(join(chain.out, "sjabloon.xlsx"));
    expect(chain.results[1]!.stderr).toContain(join(chain.out, "tweede.xlsx"));
  });

  it("fails every caller when a step exits non-zero, naming the command and its message", async () => {
    const broken = builtOnce("jaarverslag-kapot-", (data, out) => ["template", "--data", data, "--out", join(out, "sjabloon.csv")]);
    await expect(broken()).rejects.toThrow(/de gedeelde build mislukte \(2\) bij "template --data .*sjabloon\.csv"/);
    await expect(broken()).rejects.toThrow(/mislukte/);
    await expect(
      builtOnce("jaarverslag-kapot2-", (data, out) => ["template", "--data", data, "--out", join(out, "sjabloon.csv")])(),
    ).rejects.toThrow(/\.xlsx/);
  });
});
