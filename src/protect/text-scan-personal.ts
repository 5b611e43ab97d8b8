// The person-finding half of the text scan: listed names in any spelling, e-mail addresses,
// phone numbers and "de heer/mevrouw X". Each finder returns the offending text and a Dutch
// message; text-scan.ts places it on its line.

export interface Hit {
  /** Offset in the scanned text where the offending text starts. */
  at: number;
  waarde: string;
  melding: string;
}

/**
 * Lower case, no diacritics: "Terpstréma" and "TERPSTREMA" are the same name. NFD never moves
 * a line break, so offsets into the folded text still give the right line.
 */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** A name reduced to its letters: "Van Dalsum-Hoek", "van dalsum hoek" and "VanDalsum-Hoek" → "vandalsumhoek". */
function nameKey(name: string): string {
  return fold(name).replace(/[^\p{L}]/gu, "");
}

interface Token {
  start: number;
  end: number;
  letters: string;
}

/**
 * Every listed name in the text, whatever its hyphens, spaces, capitals and accents, and with a
 * possessive ("Terpstrema's", "Kampinga’s", "Oudeboers"). A name is matched on whole words only,
 * so "Marjoleinstraat" is not "Marjolein". Words of one name may be joined by spaces, line
 * breaks and hyphens, nothing else.
 */
export function findNames(text: string, names: string[]): Hit[] {
  const keys = names.map((n) => ({ name: n.trim(), key: nameKey(n) })).filter((n) => n.key !== "");
  if (keys.length === 0) return [];
  const folded = fold(text);
  const tokens: Token[] = [...folded.matchAll(/\p{L}+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, letters: m[0] }));
  const longest = Math.max(...keys.map((k) => k.key.length)) + 1;
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let joined = "";
    for (let j = i; j < tokens.length; j++) {
      const token = tokens[j]!;
      if (j > i) {
        const gap = folded.slice(tokens[j - 1]!.end, token.start);
        // "Kampinga's": an apostrophe only before a final possessive s.
        const possessive = /^['’]$/.test(gap) && token.letters === "s";
        if (!possessive && !/^[\s\-‐‑–]+$/.test(gap)) break;
      }
      joined += token.letters;
      if (joined.length > longest) break;
      const found = keys.find((k) => joined === k.key || joined === `${k.key}s`);
      if (found) {
        // Name the possessive too ("Kampinga's"), so the counsellor finds what to change.
        const next = tokens[j + 1];
        const last = next && next.letters === "s" && /^['’]$/.test(folded.slice(token.end, next.start)) ? j + 1 : j;
        const waarde = text.slice(tokens[i]!.start, tokens[last]!.end);
        hits.push({
          at: tokens[i]!.start,
          waarde,
          melding: `de tekst noemt "${waarde}": dat is "${found.name}" uit de namenlijst; haal de naam weg`,
        });
        i = last; // one hit per occurrence
        break;
      }
    }
  }
  return hits;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
// Dutch numbers: ten digits from a leading 0 (06-12345678, 070 318 2211, 0703182211), or +31 /
// 0031 with nine more (+31 6 12345678, +31 (0)70 318 2211). Spaces and hyphens anywhere between.
const PHONE = /(?:(?:\+|00)31[\s-]*(?:\(0\)[\s-]*)?|(?<![\p{L}\p{N}])0)\d(?:[\s-]?\d){8}(?![\p{N}])/gu;
// A title and then a capitalised word, with a tussenvoegsel between ("mevrouw van Dam").
const TITLE =
  /(?<![\p{L}])(?:de heer|meneer|mevrouw|mevr\.?|mw\.?|mvr\.?|dhr\.?|mr\.|dr\.|drs\.|ir\.|prof\.)\s+(?:(?:van|de|der|den|ter|ten|te|het|'t|in|op)\s+)*\p{Lu}[\p{L}'’-]*/giu;

export function findEmails(text: string): Hit[] {
  return [...text.matchAll(EMAIL)].map((m) => ({
    at: m.index,
    waarde: m[0],
    melding: "de tekst bevat een e-mailadres; haal het weg (verwijs zo nodig naar het intranet)",
  }));
}

export function findPhones(text: string): Hit[] {
  return [...text.matchAll(PHONE)].map((m) => ({
    at: m.index,
    waarde: m[0],
    melding: "de tekst bevat een telefoonnummer; haal het weg (verwijs zo nodig naar het intranet)",
  }));
}

export function findTitles(text: string): Hit[] {
  return (
    [...text.matchAll(TITLE)]
      // (the pattern is case-insensitive for the title, so the name's capital is checked here)
      .filter((m) => /^\p{Lu}/u.test(m[0].split(/\s+/).at(-1) ?? ""))
      .map((m) => ({
        at: m.index,
        waarde: m[0],
        melding: `"${m[0]}" noemt een persoon bij naam; schrijf zonder naam, bijvoorbeeld "een collega"`,
      }))
  );
}
