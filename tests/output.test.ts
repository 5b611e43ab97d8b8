// Writing a document set as a whole: after a failure or a crash at any step, the period folder
// holds the old set or the new set (after the next build's recovery), never a mix, and nothing
// temporary is left. The oracle is the file tree itself: every file's bytes, before and after.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JsonFileError } from "../src/ingest/json-error.ts";
import {
  JOURNAL_FILE,
  readJsonFile,
  recoverWrites,
  setMembership,
  systemFs,
  WRITE_STEPS,
  writeAllOrNothing,
  writeDocumentSet,
  type DocumentSet,
  type WriteFs,
  type WriteStep,
} from "../src/output.ts";
import { tree } from "./helpers/tree.ts";

/** Every file under dir (hidden ones too) → the SHA-256 of its bytes. */

const NAMES = ["jaarverslag-vpoo", "jaarverslag-vpi", "oplegnotitie"];

/** A workspace with an earlier `--all`-like set for openbaar and a confidential set beside it. */
function workspace() {
  const root = mkdtempSync(join(tmpdir(), "jaarverslag-output-"));
  const data = join(root, "data");
  const dir = join(root, "reports", "2021");
  mkdirSync(join(data, "gepubliceerd"), { recursive: true });
  mkdirSync(join(dir, "intern"), { recursive: true });
  const old: Record<string, string> = {
    "jaarverslag-vpoo-2021.pdf": "oud vpoo 26",
    "jaarverslag-vpoo-2021.figures.json": "oud figures 26",
    "jaarverslag-vpi-2021.pdf": "oud vpi 26",
    "oplegnotitie-2021.pdf": "oud oplegnotitie 26",
    "presidium-bundel-2021.pdf": "oude bundel 26",
    "intern/2021-openbaar.onderdrukkingslog.json": "oud log",
    // the other audience, and a file of the user's own: carried over untouched
    "jaarverslag-vpoo-2021-vertrouwelijk.pdf": "vertrouwelijk 26",
    "intern/2021-vertrouwelijk.onderdrukkingslog.json": "vertrouwelijk log",
    "aantekeningen.txt": "van de gebruiker",
    // left by a writer killed in an older version
    "jaarverslag-vpoo-2021.pdf.4242.tmp": "half",
  };
  for (const [rel, text] of Object.entries(old)) writeFileSync(join(dir, rel), text);
  writeFileSync(join(data, "gepubliceerd", "jaarverslag-vpoo-2021-openbaar.json"), "oud register vpoo");
  writeFileSync(join(data, "gepubliceerd", "jaarverslag-vpi-2021-openbaar.json"), "oud register vpi");
  const set: DocumentSet = {
    dir,
    files: [
      { path: join(dir, "jaarverslag-vpoo-2021.pdf"), content: "nieuw vpoo 27" },
      { path: join(dir, "jaarverslag-vpoo-2021.figures.json"), content: "nieuw figures 27" },
      { path: join(dir, "intern", "2021-openbaar.onderdrukkingslog.json"), content: "nieuw log" },
    ],
    belongs: setMembership(NAMES, "2021", "openbaar"),
    dataFiles: [{ path: join(data, "gepubliceerd", "jaarverslag-vpoo-2021-openbaar.json"), content: "nieuw register vpoo" }],
    removeDataFiles: [join(data, "gepubliceerd", "jaarverslag-vpi-2021-openbaar.json")],
  };
  // What the folders must hold once the new set is in: the rebuilt vpoo, the other audience
  // and the user's file; the vpi, oplegnotitie and bundle of the earlier build are gone.
  const expectedNew = {
    "jaarverslag-vpoo-2021.pdf": "nieuw vpoo 27",
    "jaarverslag-vpoo-2021.figures.json": "nieuw figures 27",
    "intern/2021-openbaar.onderdrukkingslog.json": "nieuw log",
    "jaarverslag-vpoo-2021-vertrouwelijk.pdf": "vertrouwelijk 26",
    "intern/2021-vertrouwelijk.onderdrukkingslog.json": "vertrouwelijk log",
    "aantekeningen.txt": "van de gebruiker",
  };
  const hash = (o: Record<string, string>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [k, createHash("sha256").update(v).digest("hex")]));
  return {
    root,
    data,
    dir,
    set,
    oldTree: tree(dir),
    oldData: tree(data),
    newTree: hash(expectedNew),
    newData: hash({ "gepubliceerd/jaarverslag-vpoo-2021-openbaar.json": "nieuw register vpoo" }),
  };
}

const leftovers = (w: { root: string; data: string }) => [
  ...readdirSync(join(w.root, "reports")).filter((n) => n.startsWith(".")),
  ...Object.keys(tree(w.data)).filter((n) => n.endsWith(".tmp") || n.startsWith(".")),
];

class Killed extends Error {}

describe("writeDocumentSet", () => {
  it("replaces the set as a whole: rebuilt files new, not-rebuilt ones of the set removed, others kept, register last", () => {
    const w = workspace();
    writeDocumentSet(w.data, w.set, { pause: () => {} });
    expect(tree(w.dir)).toEqual(w.newTree);
    expect(tree(w.data)).toEqual(w.newData);
    expect(leftovers(w)).toEqual([]);
  });

  it("writes a first set into a folder that does not exist yet", () => {
    const w = workspace();
    const dir = join(w.root, "reports", "2022");
    writeDocumentSet(
      w.data,
      { dir, files: [{ path: join(dir, "jaarverslag-vpoo-2022.pdf"), content: "x" }], belongs: () => true, dataFiles: [] },
      { pause: () => {} },
    );
    expect(Object.keys(tree(dir))).toEqual(["jaarverslag-vpoo-2022.pdf"]);
    expect(leftovers(w)).toEqual([]);
  });

  for (const failAt of [1, 2, 4, 5, 6]) {
    it(`a full disk at write ${failAt} leaves every earlier file as it was and nothing temporary`, () => {
      const w = workspace();
      let writes = 0;
      const fullDisk: WriteFs = {
        ...systemFs,
        writeFileSync: (path, content, o) => {
          if (++writes === failAt)
            throw Object.assign(new Error(`ENOSPC: no space left on device, open '${path}'`), { code: "ENOSPC", path, syscall: "open" });
          systemFs.writeFileSync(path, content, o);
        },
      };
      expect(() => writeDocumentSet(w.data, w.set, { fs: fullDisk, pause: () => {} })).toThrow(/ENOSPC/);
      expect(tree(w.dir)).toEqual(w.oldTree);
      expect(tree(w.data)).toEqual(w.oldData);
      expect(leftovers(w)).toEqual([]);
      expect(recoverWrites(w.data)).toBeNull();
    });
  }

  for (const step of WRITE_STEPS) {
    it(`a crash at step "${step}" leaves the old set or the new set; the next build's recovery completes it`, () => {
      const w = workspace();
      const crash = (s: WriteStep) => {
        if (s === step) throw new Killed(s);
      };
      expect(() => writeDocumentSet(w.data, w.set, { pause: crash })).toThrow(Killed);
      const now = tree(w.dir);
      if (step === "opzij")
        expect(existsSync(w.dir)).toBe(false); // between the two renames: absent, never mixed
      else expect([w.oldTree, w.newTree]).toContainEqual(now);
      // Before the commit point an exception rolls back at once (a real kill there is in tests/e2e/kill.test.ts).
      expect(existsSync(join(w.data, JOURNAL_FILE))).toBe(step !== "klaarzetten");
      const said = recoverWrites(w.data);
      expect(said).toEqual(step === "klaarzetten" ? null : expect.stringMatching(/afgemaakt/));
      if (step === "klaarzetten") {
        expect(tree(w.dir)).toEqual(w.oldTree);
        expect(tree(w.data)).toEqual(w.oldData);
      } else {
        expect(tree(w.dir)).toEqual(w.newTree);
        expect(tree(w.data)).toEqual(w.newData);
      }
      expect(leftovers(w)).toEqual([]);
      expect(recoverWrites(w.data)).toBeNull();
    });
  }

  it("recovery clears a journal's temporary file and older versions' register temporaries, nothing else", () => {
    const w = workspace();
    const stray = [join(w.data, `${JOURNAL_FILE}.4242.tmp`), join(w.data, "gepubliceerd", "jaarverslag-vpoo-2020-openbaar.json.4242.tmp")];
    for (const p of stray) writeFileSync(p, "half");
    expect(recoverWrites(w.data)).toBeNull();
    expect(stray.filter((p) => existsSync(p))).toEqual([]);
    expect(tree(w.data)).toEqual(w.oldData);
  });

  it("a crash during recovery is recovered by the next one (recovery is idempotent)", () => {
    const w = workspace();
    expect(() =>
      writeDocumentSet(w.data, w.set, {
        pause: (s) => {
          if (s === "opzij") throw new Killed(s);
        },
      }),
    ).toThrow(Killed);
    let renames = 0;
    const dying: WriteFs = {
      ...systemFs,
      renameSync: (a, b) => {
        if (++renames === 2) throw new Killed("herstel");
        systemFs.renameSync(a, b);
      },
    };
    expect(() => recoverWrites(w.data, dying)).toThrow(Killed);
    recoverWrites(w.data);
    expect(tree(w.dir)).toEqual(w.newTree);
    expect(tree(w.data)).toEqual(w.newData);
    expect(leftovers(w)).toEqual([]);
  });
});

describe("setMembership", () => {
  const openbaar = setMembership(NAMES, "2021", "openbaar");
  const vertrouwelijk = setMembership(NAMES, "2021", "vertrouwelijk");
  it("tells the two audiences' files apart, and never claims a user's file", () => {
    expect(openbaar("jaarverslag-vpoo-2021.pdf")).toBe(true);
    expect(openbaar("jaarverslag-vpi-2021.figures.json")).toBe(true);
    expect(openbaar("presidium-bundel-2021.pdf")).toBe(true);
    expect(openbaar("intern/2021-openbaar.onderdrukkingslog.json")).toBe(true);
    expect(openbaar("jaarverslag-vpoo-2021-vertrouwelijk.pdf")).toBe(false);
    expect(openbaar("intern/2021-vertrouwelijk.onderdrukkingslog.json")).toBe(false);
    expect(vertrouwelijk("jaarverslag-vpoo-2021-vertrouwelijk.pdf")).toBe(true);
    expect(vertrouwelijk("jaarverslag-vpoo-2021.pdf")).toBe(false);
    expect(openbaar("jaarverslag-vpoo-20210.pdf")).toBe(false);
    expect(openbaar("aantekeningen.txt")).toBe(false);
    expect(openbaar("oud/jaarverslag-vpoo-2021.pdf")).toBe(false);
  });
});

describe("writeAllOrNothing", () => {
  it("with a full disk on the second file writes neither and leaves no temporary file", () => {
    const dir = mkdtempSync(join(tmpdir(), "jaarverslag-aon-"));
    writeFileSync(join(dir, "a.txt"), "oud");
    let n = 0;
    const fs: WriteFs = {
      ...systemFs,
      writeFileSync: (p, c, o) => {
        if (++n === 2) throw Object.assign(new Error("ENOSPC"), { code: "ENOSPC", path: p });
        systemFs.writeFileSync(p, c, o);
      },
    };
    expect(() =>
      writeAllOrNothing(
        [
          { path: join(dir, "a.txt"), content: "nieuw" },
          { path: join(dir, "b.txt"), content: "nieuw" },
        ],
        fs,
      ),
    ).toThrow();
    expect(readdirSync(dir)).toEqual(["a.txt"]);
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("oud");
  });
});

describe("readJsonFile", () => {
  it("names the file and the line of the mistake", () => {
    const dir = mkdtempSync(join(tmpdir(), "jaarverslag-json-"));
    const path = join(dir, "instellingen.json");
    writeFileSync(path, '{\n  "a": 1,\n  "b": }\n');
    let err: unknown;
    try {
      readJsonFile(path);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(JsonFileError);
    expect((err as JsonFileError).message).toBe(
      `${path} is geen geldige JSON: fout op regel 3, teken 8. Herstel het bestand of zet een eerdere versie terug.`,
    );
    writeFileSync(path, '{"a": [1, 2');
    expect(() => readJsonFile(path)).toThrow(/houdt halverwege op \(regel 1\)/);
    writeFileSync(path, "");
    expect(() => readJsonFile(path)).toThrow(/het bestand is leeg/);
  });
});
