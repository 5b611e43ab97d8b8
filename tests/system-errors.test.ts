// System errors in Dutch, naming the file the user knows (not the temporary one).
import { describe, expect, it } from "vitest";
import { dutchMessage, isSystemError, userPath } from "../src/system-errors.ts";
import { JsonFileError } from "../src/ingest/json-error.ts";

const errno = (code: string, path: string, syscall = "open") =>
  Object.assign(new Error(`${code}: something in English, ${syscall} '${path}'`), { code, path, syscall, errno: -1 });

describe("dutchMessage", () => {
  const cases: [string, RegExp][] = [
    ["EROFS", /^\/r\/2021\/a\.pdf kan niet worden geschreven: de map staat op een schijf die alleen gelezen kan worden/],
    ["EACCES", /^geen toestemming voor \/r\/2021\/a\.pdf\./],
    ["EPERM", /^geen toestemming voor \/r\/2021\/a\.pdf\./],
    ["ENOSPC", /^de schijf is vol: \/r\/2021\/a\.pdf kon niet worden geschreven/],
    ["ENOENT", /^\/r\/2021\/a\.pdf bestaat niet\.$/],
    ["EISDIR", /^\/r\/2021\/a\.pdf is een map, geen bestand\.$/],
    ["ENOTDIR", /^\/r\/2021\/a\.pdf kan niet worden gemaakt: een deel van dit pad is een bestand, geen map\.$/],
    ["EMFILE", /^er staan te veel bestanden tegelijk open \(bij \/r\/2021\/a\.pdf\)/],
  ];
  for (const [code, expected] of cases) {
    it(`${code}: Dutch, with the file, without the English text`, () => {
      const msg = dutchMessage(errno(code, "/r/2021/a.pdf"));
      expect(msg).toMatch(expected);
      expect(msg).not.toMatch(/something in English|open '/);
      expect(isSystemError(errno(code, "/x"))).toBe(true);
    });
  }

  it("names the file the user knows, not the staging or temporary name", () => {
    expect(dutchMessage(errno("ENOSPC", "/r/.2021.nieuw-4242/intern/log.json"))).toContain("/r/2021/intern/log.json");
    expect(dutchMessage(errno("EROFS", "/d/gepubliceerd/x.json.4242.tmp"))).toContain("/d/gepubliceerd/x.json kan niet");
    expect(userPath("/r/.2021-01_2021-06.oud-17")).toBe("/r/2021-01_2021-06");
    expect(userPath("/d/.jaarverslag.lock.4242.9f3a0b1c.nieuw")).toBe("/d/.jaarverslag.lock");
    expect(userPath("/r/.verborgen/a.pdf")).toBe("/r/.verborgen/a.pdf");
  });

  it("a file where a folder must come", () => {
    expect(dutchMessage(errno("EEXIST", "/r/2021/intern", "mkdir"))).toBe(
      "/r/2021/intern kan niet worden gemaakt: er staat een bestand met die naam waar een map moet komen.",
    );
  });

  it("an unknown system code still says which file, in Dutch", () => {
    expect(dutchMessage(errno("ESOMETHING", "/x/y"))).toBe("het besturingssysteem meldt fout ESOMETHING bij /x/y.");
  });

  it("keeps a message that is already Dutch, and a program error is not a system error", () => {
    const json = new JsonFileError("/d/oplegnotitie.json", "fout op regel 2, teken 3", 2);
    expect(dutchMessage(json)).toBe(json.message);
    expect(isSystemError(json)).toBe(true);
    expect(isSystemError(new TypeError("x is undefined"))).toBe(false);
  });
});
