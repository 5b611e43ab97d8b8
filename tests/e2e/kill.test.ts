// Killing the build at any moment leaves no partial PDF: the earlier report stays as it was,
// or the new one is complete. Outputs are renamed into place only when all are written.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { cli, copyOfExampleData, ROOT } from "../helpers/cli.ts";

function killAfter(args: string[], ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn("node", ["--import", "tsx", join(ROOT, "src", "cli.ts"), ...args], { cwd: ROOT, stdio: "ignore" });
    const timer = setTimeout(() => child.kill("SIGKILL"), ms);
    child.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe("a killed build", () => {
  it("never leaves a partial PDF, and the next build clears its temporary files", async () => {
    const data = copyOfExampleData("jaarverslag-kill-");
    const out = join(data, "..", "reports");
    const args = ["build", "--year", "2021", "--data", data, "--out", out];
    expect((await cli(args)).code).toBe(0);
    const pdfPath = join(out, "2021", "jaarverslag-vpoo-2021.pdf");
    const before = readFileSync(pdfPath);
    for (const ms of [300, 900, 1500, 2100, 2700, 3300]) {
      await killAfter(args, ms);
      expect(existsSync(pdfPath)).toBe(true);
      const now = readFileSync(pdfPath);
      // Either untouched, or a whole new PDF (same input: the same bytes).
      expect(now.equals(before), `na ${ms} ms`).toBe(true);
      await expect(PDFDocument.load(now)).resolves.toBeDefined();
    }
    expect((await cli(args)).code).toBe(0);
    expect(readdirSync(join(out, "2021")).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});
