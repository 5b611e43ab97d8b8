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
    expect(findChromium({}, only("/usr/bin/chromium-browser", "/usr/bin/google-chrome"))).toBe("/usr/bin/chromium-browser");
    expect(findChromium({}, only("/usr/bin/google-chrome"))).toBe("/usr/bin/google-chrome");
  });

  it("prefers JAARVERSLAG_CHROMIUM, then PUPPETEER_EXECUTABLE_PATH", () => {
    const exists = only("/opt/chrome/chrome", "/opt/pptr/chrome", "/usr/bin/chromium");
    expect(findChromium({ JAARVERSLAG_CHROMIUM: "/opt/chrome/chrome", PUPPETEER_EXECUTABLE_PATH: "/opt/pptr/chrome" }, exists)).toBe(
      "/opt/chrome/chrome",
    );
    expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: "/opt/pptr/chrome" }, exists)).toBe("/opt/pptr/chrome");
    // An empty variable counts as not set.
    expect(findChromium({ JAARVERSLAG_CHROMIUM: "" }, exists)).toBe("/usr/bin/chromium");
  });

  it("refuses a variable that points at nothing instead of silently using another browser", () => {
    expect(() => findChromium({ JAARVERSLAG_CHROMIUM: "/nergens/chrome" }, only("/usr/bin/chromium"))).toThrow(
      /JAARVERSLAG_CHROMIUM wijst naar '\/nergens\/chrome'/,
    );
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

describe("findChromium on Windows and macOS", () => {
  const winEnv = {
    PROGRAMFILES: "C:\\Program Files",
    "PROGRAMFILES(X86)": "C:\\Program Files (x86)",
    LOCALAPPDATA: "C:\\Users\\vp\\AppData\\Local",
  };

  it("finds Chrome per machine before Edge, and Edge when there is no Chrome", () => {
    const chrome = "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe";
    const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
    expect(findChromium(winEnv, only(edge, chrome), "win32")).toBe(chrome);
    expect(findChromium(winEnv, only(edge), "win32")).toBe(edge);
  });

  it("finds Chrome installed for one user in LocalAppData", () => {
    const own = "C:\\Users\\vp\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe";
    expect(findChromium(winEnv, only(own), "win32")).toBe(own);
  });

  it("uses the usual Program Files folders when the variables are missing", () => {
    const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
    expect(findChromium({}, only(edge), "win32")).toBe(edge);
  });

  it("never returns a Linux path on Windows", () => {
    expect(() => findChromium(winEnv, only("/usr/bin/chromium"), "win32")).toThrow(/niet gevonden/);
  });

  it("finds Chrome, Chromium or Edge in /Applications or ~/Applications on macOS", () => {
    const chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    const edge = "/Users/vp/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge";
    expect(findChromium({ HOME: "/Users/vp" }, only(chrome, edge), "darwin")).toBe(chrome);
    expect(findChromium({ HOME: "/Users/vp" }, only(edge), "darwin")).toBe(edge);
  });

  it("says in Dutch what to install on each platform", () => {
    const messageOn = (platform: NodeJS.Platform): string => {
      try {
        findChromium({}, () => false, platform);
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    };
    expect(messageOn("win32")).toContain("Installeer Microsoft Edge (hoort bij Windows) of Google Chrome");
    expect(messageOn("win32")).not.toContain("apt-get");
    expect(messageOn("darwin")).toContain("Installeer Google Chrome (of Microsoft Edge) in de map Programma's");
    expect(messageOn("linux")).toContain("apt-get install chromium");
  });
});
