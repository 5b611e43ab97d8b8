// The counsellors' own text: Markdown with a small front matter and `## ` sections.
//
// The front matter is read here, not by a front-matter library (issue 16 asked): gray-matter
// 4.0.3 and front-matter 4.0.2 have had no release since 2019/2020 and bring js-yaml 3, and
// any YAML reading (also the maintained `yaml` 2) changes what a counsellor may write:
// "titel: Jaarverslag 2021: terugblik" becomes an error, "# 2" a comment, "titel: 2021" a
// number. The fields are three lines of "naam: waarde"; this reader keeps each line's number
// for messages (the text scan names the line of a field that leaks).
import type { VerslagSectie, Verslagtekst } from "../domain.ts";
import { problem, type Problem } from "./problem.ts";

/**
 * The `## ` sections the reports print (present/index.ts, present/klachtencommissie.ts); a
 * heading that matches none of them (in any capitals) is text that no report shows.
 */
export const VERSLAG_SECTIES = [
  "Voorwoord",
  "Deskundigheidsbevordering",
  "Voorlichting",
  "Team",
  "Trends en aanbevelingen",
  "Opvolging aanbevelingen",
  "Klachtencommissie",
] as const;

/** A warning for every heading that is no section of the report, with the nearest section name. */
export function unknownHeadings(verslag: Verslagtekst): Problem[] {
  const known = new Set(VERSLAG_SECTIES.map((s) => s.toLowerCase()));
  const out: Problem[] = [];
  for (const s of verslag.secties) {
    if (known.has(s.titel.toLowerCase())) continue;
    const nearest = [...VERSLAG_SECTIES].sort((a, b) => editDistance(s.titel, a) - editDistance(s.titel, b))[0]!;
    const close = editDistance(s.titel, nearest) <= Math.max(3, Math.floor(nearest.length * 0.4));
    // `regel` of a section is its text's first line, not the heading's: the heading is named instead.
    out.push(
      problem(
        verslag.bestand,
        null,
        null,
        `## ${s.titel}`,
        `deze kop is geen sectie van het verslag, dus de tekst eronder komt in geen enkel verslag${close ? `; bedoelt u "${nearest}"?` : ""} (secties: ${VERSLAG_SECTIES.join(", ")})`,
      ),
    );
  }
  return out;
}

/** Levenshtein distance, ignoring capitals. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}

export type VerslagResult = { ok: true; verslag: Verslagtekst } | { ok: false; problems: Problem[] };

export function parseVerslag(bestand: string, jaar: number, text: string): VerslagResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const voorwerk: Record<string, string> = {};
  const voorwerkRegels: Record<string, number> = {};
  let i = 0;
  if (lines[0]?.trim() === "---") {
    i = 1;
    while (i < lines.length && lines[i]?.trim() !== "---") {
      const line = lines[i] ?? "";
      const m = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
      if (line.trim() !== "" && !m) {
        return { ok: false, problems: [problem(bestand, i + 1, null, line, "regel in het voorwerk is niet van de vorm 'naam: waarde'")] };
      }
      if (m) {
        voorwerk[m[1]!] = m[2]!.trim();
        voorwerkRegels[m[1]!] = i + 1;
      }
      i++;
    }
    if (i >= lines.length) {
      return { ok: false, problems: [problem(bestand, 1, null, null, "het voorwerk (tussen '---' regels) wordt niet afgesloten")] };
    }
    i++;
  }
  const secties: VerslagSectie[] = [];
  let current: VerslagSectie | null = null;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const h = /^##\s+(.+?)\s*$/.exec(line);
    if (h && !line.startsWith("###")) {
      current = { titel: h[1]!, tekst: "", regel: i + 1 };
      secties.push(current);
    } else if (current) {
      current.tekst += line + "\n";
    }
  }
  for (const s of secties) {
    // `regel` becomes the line of the text's first line, so messages point at the right line.
    const lead = /^(\s*\n)*/.exec(s.tekst)![0].split("\n").length - 1;
    s.regel += 1 + lead;
    s.tekst = s.tekst.trim();
  }
  return { ok: true, verslag: { jaar, bestand, voorwerk, voorwerkRegels, secties } };
}
