// `build --watch`: a counsellor edits the text and sees the PDF again a moment later, while
// the figures, their protection and their audit stay those of the data.
import { spawn } from "node:child_process";
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPdf } from "../helpers/pdf-read.ts";
import { ROOT, cli, cliArgv, copyOfExampleData } from "../helpers/cli.ts";

const normalise = (s: string) => s.replace(/\s+/g, " ");

describe("jaarverslag build --watch", () => {
  it("builds again after a text edit, with the same figures, and stops on SIGTERM", async () => {
    const data = copyOfExampleData("jaarverslag-watch-");
    const out = join(data, "..", "reports");
    const child = spawn("node", cliArgv(["build", "--year", "2021", "--data", data, "--out", out, "--watch"]), { cwd: ROOT });
    let stderr = "";
    const waiters: { count: number; resolve: () => void }[] = [];
    const builds = () => stderr.split("Geschreven in").length - 1;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const waiting = waiters.splice(0);
      for (const w of waiting) {
        if (builds() >= w.count) w.resolve();
        else waiters.push(w);
      }
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const waitForBuilds = (count: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`geen ${count} builds binnen de tijd:\n${stderr}`)), 90_000);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        if (builds() >= count) done();
        else waiters.push({ count, resolve: done });
      });
    try {
      await waitForBuilds(1);
      const pdfPath = join(out, "2021", "jaarverslag-vpoo-2021.pdf");
      const figuresPath = join(out, "2021", "jaarverslag-vpoo-2021.figures.json");
      const firstFigures = readFileSync(figuresPath, "utf8");
      expect(normalise((await readPdf(readFileSync(pdfPath))).pages.join("\n"))).not.toContain("Zin toegevoegd tijdens het kijken");
      // An edit of the text only: after it, a second build.
      appendFileSync(join(data, "verslag", "2021.md"), "\nZin toegevoegd tijdens het kijken.\n");
      await waitForBuilds(2);
      expect(stderr).toContain("Gewijzigd: verslag");
      expect(normalise((await readPdf(readFileSync(pdfPath))).pages.join("\n"))).toContain("Zin toegevoegd tijdens het kijken");
      // Same figures (the protection reused), and audited again: the written report passes the audit.
      expect(readFileSync(figuresPath, "utf8")).toBe(firstFigures);
      expect(stderr.match(/audit geslaagd/g)).toHaveLength(2);
      const audit = await cli(["audit", figuresPath, "--data", data]);
      expect(audit.code).toBe(0);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain("Gestopt.");
  }, 180_000);
});
