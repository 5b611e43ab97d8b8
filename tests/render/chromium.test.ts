import { describe, expect, it } from "vitest";
import { findChromium } from "../../src/render/chromium.ts";

const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

describe("findChromium", () => {
  it("finds Debian's Chromium", () => {
    expect(findChromium({}, only("/usr/bin/chromium"))).toBe("/usr/bin/chromium");
  });

  it("tries chromium-browser and google-chrome in that order", () => {
    expect(findChromium({}, only("/usr/bin/chromium-browser", "/usr/bin/google-chrome"))).toBe(
      "/usr/bin/chromium-browser",
    );
    expect(findChromium({}, only("/usr/bin/google-chrome"))).toBe("/usr/bin/google-chrome");
  });

  it("prefers JAARVERSLAG_CHROMIUM, then PUPPETEER_EXECUTABLE_PATH", () => {
    const exists = only("/opt/chrome/chrome", "/opt/pptr/chrome", "/usr/bin/chromium");
    expect(
      findChromium(
        { JAARVERSLAG_CHROMIUM: "/opt/chrome/chrome", PUPPETEER_EXECUTABLE_PATH: "/opt/pptr/chrome" },
        exists,
      ),
    ).toBe("/opt/chrome/chrome");
    expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: "/opt/pptr/chrome" }, exists)).toBe(
      "/opt/pptr/chrome",
    );
    // An empty variable counts as not set.
    expect(findChromium({ JAARVERSLAG_CHROMIUM: "" }, exists)).toBe("/usr/bin/chromium");
  });

  it("refuses a variable that points at nothing instead of silently using another browser", () => {
    expect(() =>
      findChromium({ JAARVERSLAG_CHROMIUM: "/nergens/chrome" }, only("/usr/bin/chromium")),
    ).toThrow(/JAARVERSLAG_CHROMIUM wijst naar '\/nergens\/chrome'/);
  });

  it("says in Dutch what to install when there is no browser", () => {
    let message = "";
    try {
      findChromium({}, () => false);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("Chromium is niet gevonden");
    expect(message).toContain("apt-get install chromium");
    expect(message).toContain("JAARVERSLAG_CHROMIUM");
  });
});
