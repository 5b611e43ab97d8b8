// The command counsellors type, `./jaarverslag`, must work from any folder: a bare
// "--import tsx" is looked up from the current folder and failed outside the repository
// (ERR_MODULE_NOT_FOUND), seen when the register was listed from a copy of the data.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const run = promisify(execFile);

it("./jaarverslag answers from a folder outside the repository", async () => {
  const elsewhere = mkdtempSync(join(tmpdir(), "jaarverslag-elders-"));
  const { stdout } = await run(resolve("jaarverslag"), ["--help"], { cwd: elsewhere });
  expect(stdout).toContain("jaarverslag build");
}, 60_000);
