// verslag/<jaar>.md split into its parts, so that each section can be edited on its own and
// put back without touching the others: the front matter, any text before the first section,
// and one part per `## ` heading. Joining the parts gives back the file byte for byte.

export interface VerslagParts {
  /** Everything up to and including the first `## ` line's preceding text (front matter, intro). */
  head: string;
  sections: { title: string; body: string }[];
}

/** The sections a jaarverslag is expected to have (README, data contract). */
export const EXPECTED_SECTIONS = [
  "Voorwoord",
  "Deskundigheidsbevordering",
  "Voorlichting",
  "Team",
  "Trends en aanbevelingen",
  "Klachtencommissie",
] as const;

export function splitVerslag(text: string): VerslagParts {
  const lines = text.split(/(?<=\n)/);
  let head = "";
  const sections: VerslagParts["sections"] = [];
  let inFrontMatter = lines[0]?.replace(/^\uFEFF/, "").trimEnd() === "---";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (inFrontMatter && i > 0 && line.trimEnd() === "---") {
      inFrontMatter = false;
      head += line;
      continue;
    }
    const m = inFrontMatter ? null : /^## (.*?)\s*$/.exec(line.replace(/\r?\n$/, ""));
    if (m) sections.push({ title: m[1]!, body: "" });
    else if (sections.length === 0) head += line;
    else sections[sections.length - 1]!.body += line;
  }
  return { head, sections };
}

export function joinVerslag(parts: VerslagParts): string {
  return parts.head + parts.sections.map((s) => `## ${s.title}\n${s.body}`).join("");
}

/**
 * The file with one section's body replaced (or the section added at the end). The body
 * always ends with a blank line, so the next heading stays a heading.
 */
export function replaceSection(text: string, title: string, body: string): string {
  const parts = splitVerslag(text);
  const normal = body.replace(/\r\n/g, "\n").replace(/\s*$/, "") + "\n\n";
  const clean = normal.startsWith("\n") ? normal : `\n${normal}`;
  const existing = parts.sections.find((s) => s.title === title);
  if (existing) existing.body = clean;
  else {
    const last = parts.sections[parts.sections.length - 1];
    if (last && !last.body.endsWith("\n\n")) last.body = last.body.replace(/\n?$/, "\n\n");
    else if (!last && parts.head !== "" && !parts.head.endsWith("\n\n")) parts.head = parts.head.replace(/\n?$/, "\n\n");
    parts.sections.push({ title, body: clean });
  }
  return joinVerslag(parts);
}

/** A new year's text: front matter and the expected sections, empty. */
export function emptyVerslag(jaar: number): string {
  return (
    `---\ntitel: Jaarverslag vertrouwenspersonen ongewenste omgangsvormen ${jaar}\nauteurs: De vertrouwenspersonen ongewenste omgangsvormen\n---\n\n` +
    EXPECTED_SECTIONS.map((t) => `## ${t}\n\n`).join("")
  );
}

/** The line number (1-based, in the whole file) on which each section's body starts. */
export function sectionFirstLines(text: string): Map<string, number> {
  const parts = splitVerslag(text);
  const out = new Map<string, number>();
  let line = parts.head.split("\n").length; // the heading line of the first section
  for (const s of parts.sections) {
    out.set(s.title, line + 1);
    line += s.body.split("\n").length;
  }
  return out;
}
