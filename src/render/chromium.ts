/** Finds the Chromium (or Chrome) executable used to render the PDF. */
import * as fs from "node:fs";

export const CHROMIUM_CANDIDATES: readonly string[] = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
];

/**
 * JAARVERSLAG_CHROMIUM, then PUPPETEER_EXECUTABLE_PATH, then the usual Debian/Ubuntu paths.
 * Pure apart from the injected `exists`. A variable that is set but points at nothing is an
 * error: silently falling back to another browser would hide the mistake.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = fs.existsSync,
): string {
  for (const name of ["JAARVERSLAG_CHROMIUM", "PUPPETEER_EXECUTABLE_PATH"] as const) {
    const value = env[name]?.trim();
    if (value) {
      if (exists(value)) return value;
      throw new Error(
        `${name} wijst naar '${value}', maar daar staat geen browser. ` +
          `Geef het volledige pad naar Chromium of Google Chrome op, of verwijder ${name} ` +
          `zodat de standaardlocaties (${CHROMIUM_CANDIDATES.join(", ")}) worden gebruikt.`,
      );
    }
  }
  for (const candidate of CHROMIUM_CANDIDATES) {
    if (exists(candidate)) return candidate;
  }
  throw new Error(
    "Chromium is niet gevonden; die is nodig om het jaarverslag als PDF te maken. " +
      `Gezocht op: ${CHROMIUM_CANDIDATES.join(", ")}. ` +
      "Installeer Chromium, op Debian/Ubuntu met: sudo apt-get install chromium " +
      "(of als root: apt-get install chromium). " +
      "Staat er al een andere Chromium of Google Chrome op deze computer, wijs die dan aan met " +
      "JAARVERSLAG_CHROMIUM, bijvoorbeeld: JAARVERSLAG_CHROMIUM=/pad/naar/chrome ./jaarverslag build --year 2021",
  );
}
