// scripts/import-cycles.ts (run by ./scripts/test): an import cycle fails it, type-only and
// dynamic imports included, and a folder without one passes. The folders are written here, so
// which cycles exist is known by construction.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../scripts/import-cycles.ts";
import { ROOT } from "./helpers/cli.ts";

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "jaarverslag-cycles-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The script's `main` in this process (what `npx tsx scripts/import-cycles.ts DIR` exits with and prints). */
function check(dir: string): { status: number | null; out: string } {
  let out = "";
  const status = main(dir, (line) => (out += `${line}\n`));
  return { status, out };
}

describe("scripts/import-cycles.ts", () => {
  it("fails on a cycle of type-only imports, a dynamic import and an export-from, naming each cycle once", () => {
    const dir = folderWith({
      "a.ts": 'import type { B } from "./b.ts";\nexport type A = B | 1;\n',
      "b.ts": 'import type { A } from "./a.ts";\nexport type B = A | 2;\n',
      "c.ts": 'export async function c(): Promise<unknown> {\n  return import("./sub/d.ts");\n}\n',
      "sub/d.ts": 'export { c } from "../c.ts";\n',
      "e.ts": 'import type { A } from "./a.ts";\nexport type E = A;\n',
    });
    const { status, out } = check(dir);
    expect(status).toBe(1);
    const lines = out.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines.some((l) => /a\.ts ↔ .*b\.ts$/.test(l))).toBe(true);
    expect(lines.some((l) => /c\.ts ↔ .*sub\/d\.ts$/.test(l))).toBe(true);
    expect(out).not.toMatch(/e\.ts/);
  });

  it("passes a folder whose imports form no cycle, and src/ as it is", () => {
    const dir = folderWith({
      "a.ts": 'import type { B } from "./b.ts";\nexport type A = B | 1;\n',
      "b.ts": 'import { x } from "node:os";\nexport type B = 2;\nexport const y = x;\n',
    });
    expect(check(dir)).toEqual({ status: 0, out: "" });
    expect(check(join(ROOT, "src")).status).toBe(0);
  });
});
