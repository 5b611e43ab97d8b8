/** Finds the Chromium, Google Chrome or Microsoft Edge executable used to render the PDF. */
import * as fs from "node:fs";
import { win32, posix } from "node:path";

/** The usual places on Debian/Ubuntu and other Linux distributions, in order of preference. */
const CHROMIUM_CANDIDATES: readonly string[] = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/usr/bin/microsoft-edge",
  "/usr/bin/microsoft-edge-stable",
];

/**
 * Where Chrome, Edge and Chromium are installed on this platform. Windows installs per
 * machine (Program Files) or per user (LocalAppData); Edge comes with every Windows 10/11.
 * macOS installs in /Applications or in the user's own ~/Applications.
 */
function chromiumCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === "win32") {
    const programFiles = env["PROGRAMFILES"] ?? "C:\\Program Files";
    const programFilesX86 = env["PROGRAMFILES(X86)"] ?? "C:\\Program Files (x86)";
    const local = env["LOCALAPPDATA"];
    const roots = [programFiles, programFilesX86, ...(local ? [local] : [])];
    return [
      ...roots.map((r) => win32.join(r, "Google", "Chrome", "Application", "chrome.exe")),
      ...roots.map((r) => win32.join(r, "Microsoft", "Edge", "Application", "msedge.exe")),
      ...roots.map((r) => win32.join(r, "Chromium", "Application", "chrome.exe")),
    ];
  }
  if (platform === "darwin") {
    const apps = [
      "Google Chrome.app/Contents/MacOS/Google Chrome",
      "Chromium.app/Contents/MacOS/Chromium",
      "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
    const home = env["HOME"];
    return [...apps.map((a) => posix.join("/Applications", a)), ...(home ? apps.map((a) => posix.join(home, "Applications", a)) : [])];
  }
  return [...CHROMIUM_CANDIDATES];
}

/** What to install, said for the platform the user is on. */
function installAdvice(platform: NodeJS.Platform): string {
  if (platform === "win32") {
    return (
      "Installeer Microsoft Edge (hoort bij Windows) of Google Chrome via de gewone installatie. " +
      "Staat de browser op een andere plek, wijs die dan aan met de omgevingsvariabele JAARVERSLAG_CHROMIUM, " +
      "bijvoorbeeld: set JAARVERSLAG_CHROMIUM=C:\\pad\\naar\\chrome.exe"
    );
  }
  if (platform === "darwin") {
    return (
      "Installeer Google Chrome (of Microsoft Edge) in de map Programma's (/Applications). " +
      "Staat de browser op een andere plek, wijs die dan aan met JAARVERSLAG_CHROMIUM, " +
      'bijvoorbeeld: JAARVERSLAG_CHROMIUM="/pad/naar/Google Chrome" ./jaarverslag build --year 2021'
    );
  }
  return (
    "Installeer Chromium, op Debian/Ubuntu met: sudo apt-get install chromium " +
    "(of als root: apt-get install chromium). " +
    "Staat er al een andere Chromium, Google Chrome of Microsoft Edge op deze computer, wijs die dan aan met " +
    "JAARVERSLAG_CHROMIUM, bijvoorbeeld: JAARVERSLAG_CHROMIUM=/pad/naar/chrome ./jaarverslag build --year 2021"
  );
}

/**
 * JAARVERSLAG_CHROMIUM, then PUPPETEER_EXECUTABLE_PATH, then the usual places of the platform.
 * Pure apart from the injected `exists` (and `platform`). A variable that is set but points at
 * nothing is an error: silently falling back to another browser would hide the mistake.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = fs.existsSync,
  platform: NodeJS.Platform = process.platform,
): string {
  const candidates = chromiumCandidates(platform, env);
  for (const name of ["JAARVERSLAG_CHROMIUM", "PUPPETEER_EXECUTABLE_PATH"] as const) {
    const value = env[name]?.trim();
    if (value) {
      if (exists(value)) return value;
      throw new Error(
        `${name} wijst naar '${value}', maar daar staat geen browser. ` +
          `Geef het volledige pad naar Chromium, Google Chrome of Microsoft Edge op, of verwijder ${name} ` +
          `zodat de standaardlocaties (${candidates.join(", ")}) worden gebruikt.`,
      );
    }
  }
  for (const candidate of candidates) {
    if (exists(candidate)) return candidate;
  }
  throw new Error(
    "Chromium is niet gevonden, en ook geen Google Chrome of Microsoft Edge; een van die browsers is nodig om het jaarverslag als PDF te maken. " +
      `Gezocht op: ${candidates.join(", ")}. ` +
      installAdvice(platform),
  );
}
