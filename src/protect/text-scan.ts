// Words too: the counsellors' own text can disclose what the tables protect ("twee
// meldingen over…", "10% van de meldingen", a name, an e-mail address). Every such finding
// stops the build, naming the file, the line and the text.
//
// Scanned: every section, and the front matter (titel, vastgesteld, auteurs and any other
// field), which goes on the cover. The same rules everywhere, with one difference: `auteurs`
// names the counsellors who wrote the report, so a name after a title ("mw. J. de Vries") is
// allowed there. The namenlijst is the setting that decides whose names may appear: a name on
// it is refused everywhere, in `auteurs` too (a counsellor who signs by name is not listed).
import type { Verslagtekst } from "../domain.ts";
import { problem, type Problem } from "../ingest/problem.ts";
import { findCounts } from "./text-scan-counts.ts";
import { findEmails, findNames, findPhones, findTitles, type Hit } from "./text-scan-personal.ts";

interface Piece {
  kolom: string;
  text: string;
  /** Line in the file of the text's first line. */
  regel: number;
  titlesAllowed: boolean;
}

function pieces(v: Verslagtekst): Piece[] {
  const front = Object.entries(v.voorwerk).map(([key, text]) => ({
    kolom: `voorwerk ${key}`,
    text,
    regel: v.voorwerkRegels?.[key] ?? 1,
    titlesAllowed: key === "auteurs",
  }));
  return [...front, ...v.secties.map((s) => ({ kolom: s.titel, text: s.tekst, regel: s.regel, titlesAllowed: false }))];
}

/** Findings in one text, in text order, one per place (the first rule that fires there). */
function scanText(text: string, k: number, names: string[], titlesAllowed = false): Hit[] {
  const hits = [
    ...findNames(text, names),
    ...findEmails(text),
    ...findPhones(text),
    ...(titlesAllowed ? [] : findTitles(text)),
    ...findCounts(text, k),
  ];
  const seen = new Set<number>();
  return hits.filter((h) => !seen.has(h.at) && seen.add(h.at)).sort((a, b) => a.at - b.at);
}

export function scanVerslag(v: Verslagtekst, k: number, names: string[]): Problem[] {
  return pieces(v).flatMap((p) =>
    scanText(p.text, k, names, p.titlesAllowed).map((h) => {
      const regel = p.regel + (p.text.slice(0, h.at).match(/\n/g)?.length ?? 0);
      return problem(v.bestand, regel, p.kolom, h.waarde, h.melding);
    }),
  );
}
