// The counting half of the text scan: a small number that a reader can tie to meldingen or to
// people ("twee meldingen", "Meldingen van externen: 1", "Het aantal meldingen uit de fracties
// was 2", "Eén fractiemedewerker heeft…"), a single melding tied to a group ("Een melding kwam
// van een stagiair"), and a percentage of meldingen. What it must leave alone, because the
// counsellors write it every year: years, dates, "artikel 14", "24 uur", "twee keer", "vier
// dagdelen", counts of counsellors ("Drie vertrouwenspersonen hebben…"), hours and their shares.
//
// The text is cut into sentences (".", "!", "?", ";", a blank line or a list item; a ":" does
// not end one). Within a sentence a count belongs to the noun right after it ("twee
// vertrouwenspersonen", "vier dagdelen"); a count with no noun of its own ("was 2", ": 1")
// belongs to the nearest melding- or person-word within WINDOW words, either side, that has no
// count of its own.

import type { Hit } from "./text-scan-personal.ts";

const WINDOW = 6;

const NUMBER_WORDS = ["één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"];

/** The value of a count token: digits or a number word. "een" is an article, never a count here. */
function countValue(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  const w = word.toLowerCase();
  if (w === "eén") return 1; // "Eén" is how "één" is capitalised at the start of a sentence
  const i = NUMBER_WORDS.indexOf(w);
  return i >= 0 ? i + 1 : null;
}

/** Meldingen and their kin: what the tables count. Compounds such as "integriteitsmeldingen" too. */
const MELDING_WORD =
  /^(?:.*[s-])?meldingen$|^(?:.*[s-])?melding$|^(?:melders?|meldsters?|klachte?n?|klagers?|casus|casussen|zaak|zaken|geval|gevallen)$/;
/** People, the other thing a small count can point at. */
const PERSON_WORD =
  /^(?:.*medewerkers?|.*ambtena(?:a|re)n?|stagiaires?|stagiairs?|collega(?:['’]?s)?|.*leidinggevenden?|.*werknemers?|.*managers?|persoon|personen|vrouwen?|man|mannen|kamerleden|kamerlid|externen|(?:uitzend|inhuur|flex)krachten?|trainees?)$/;
/** The counsellors themselves: counting them tells nothing about a melder. */
const COUNSELLOR_WORD = /(?:^|-)vertrouwensperso(?:o|ne)n$|^vp['’]?s?$|^(?:commissie)?leden$/;
/** A count of these is not a count of meldingen or people. */
const UNIT_WORD =
  /^(?:uur|uren|keer|maal|dag|dagen|dagdelen?|weken|week|maanden|maand|jaar|jaren|kwartalen|kwartaal|minuten|minuut|kwartier|procent|fte|euro|trainingen|training|bijeenkomsten|bijeenkomst|sessies?|vergaderingen|vergadering|cursussen|cursus|workshops?|modules?|gesprekken|gesprek|%)$/;
/** "artikel 14", "lid 2", "tabel 3", "week 12": a number that names, not counts. */
const REFERENCE_WORD =
  /^(?:artikel|art|lid|hoofdstuk|paragraaf|bijlage|tabel|figuur|grafiek|week|pagina|blz|nr|nummer|sectie|versie|punt|stap|fase|niveau|schaal|kwartaal|regel|onderdeel|agendapunt)$/;
const MONTH =
  /^(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)$/;
/** Words that already quantify a noun, so a count further away is not its count. */
const QUANTIFIER = /^(?:alle|enkele|meerdere|veel|vele|geen|sommige|diverse|verschillende|meeste|andere|weinig)$/;
/** A share in words: "een kwart van de meldingen". */
const FRACTION_WORD = /^(?:helft|kwart|derde|vijfde|tiende|driekwart)$/;
const HOURS_WORD = /^(?:uur|uren|tijd|tijdsbesteding|urenbesteding)$/;
/** "waarvan 2", "2 daarvan": a part of what the sentence counts. */
const PART_WORD = /^(?:waarvan|daarvan|hiervan)$/;
/** A sentence with these states a rule or a possibility, not what happened. */
const GENERAL_WORD =
  /^(?:kan|kunnen|kunt|mag|mogen|moet|moeten|wordt|worden|altijd|elke|iedere|ieder|zou|zouden|als|wanneer|indien|zal|zullen)$/;
/** Past-tense verbs after "een melder" / "een stagiair": a story about one person. */
const STORY_VERB = /^(?:heeft|had|is|was|kreeg|werd|kwam|wilde|gaf|koos|vroeg|ging|meldde|stapte|diende|vond|voelde)$/;

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

/** "externe" is a person ("een externe") unless a noun follows ("de externe vertrouwenspersoon"). */
function isPersonWord(tokens: Token[], i: number): boolean {
  const w = tokens[i]!.lower;
  if (PERSON_WORD.test(w)) return true;
  if (w === "extern" || w === "externe") {
    const next = tokens[i + 1];
    return next === undefined || !/^\p{Ll}/u.test(next.text) || STORY_VERB.test(next.lower);
  }
  return false;
}

const isSensitive = (tokens: Token[], i: number): boolean => MELDING_WORD.test(tokens[i]!.lower) || isPersonWord(tokens, i);

/** Sentences as lists of tokens, with offsets into the whole text. */
function sentences(text: string): Token[][] {
  const ends = [...text.matchAll(/[.!?;](?=\s|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+•]\s|\d+[.)]\s|#|\|))/g)].map((m) => m.index);
  const out: Token[][] = [[]];
  let e = 0;
  for (const m of text.matchAll(/\d+(?:[.,:]\d+)*|\p{L}+(?:[-'’]\p{L}+)*|%/gu)) {
    while (e < ends.length && ends[e]! < m.index) {
      e++;
      if (out.at(-1)!.length > 0) out.push([]);
    }
    out.at(-1)!.push({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return out.filter((s) => s.length > 0);
}

/** A number that dates, names or measures: not a count of anything a reader could tie to a melder. */
function notACount(text: string, s: Token[], i: number): boolean {
  const t = s[i]!;
  const before = s[i - 1]?.lower ?? "";
  const after = s[i + 1]?.lower ?? "";
  if (/^[\p{L}]/u.test(text.slice(t.end, t.end + 1)) && /^\d/.test(t.text)) return true; // "1e", "2de"
  if (/§\s*$/.test(text.slice(Math.max(0, t.start - 3), t.start))) return true;
  if (REFERENCE_WORD.test(before) || MONTH.test(after) || MONTH.test(before)) return true;
  if (after === "of" && /^(?:meer|minder)$/.test(s[i + 2]?.lower ?? "")) return true; // "drie of meer"
  if (after === "op" && /^(?:de|het)$/.test(s[i + 2]?.lower ?? "")) return true; // "1 op de 4"
  if (before === "de" && s[i - 2]?.lower === "op" && s[i - 3] && countValue(s[i - 3]!.text) !== null) return true;
  return false;
}

/** The word a count directly belongs to, looking past one adjective: "twee nieuwe meldingen". */
function head(s: Token[], i: number): "unit" | "counsellor" | "sensitive" | null {
  for (let j = i + 1; j <= i + 2 && j < s.length; j++) {
    const w = s[j]!.lower;
    if (UNIT_WORD.test(w)) return "unit";
    if (COUNSELLOR_WORD.test(w)) return "counsellor";
    if (isSensitive(s, j)) return "sensitive";
  }
  return null;
}

/** Has the word at j a count or quantifier of its own (other than the count at i)? */
function bound(s: Token[], j: number, i: number): boolean {
  for (const b of [j - 1, j - 2]) {
    if (b < 0 || b === i) continue;
    const w = s[b]!;
    if (countValue(w.text) !== null || /^\d/.test(w.text) || QUANTIFIER.test(w.lower)) return true;
  }
  return false;
}

/** The sensitive word the free-standing count at i belongs to, if any. */
function nearestSensitive(s: Token[], i: number): Token | null {
  for (let d = 1; d <= WINDOW; d++) {
    for (const j of [i - d, i + d]) {
      if (j < 0 || j >= s.length) continue;
      if (COUNSELLOR_WORD.test(s[j]!.lower)) return null; // nearer to the counsellors: about them
      if (isSensitive(s, j) && !bound(s, j, i)) return s[j]!;
    }
  }
  return null;
}

function countHits(text: string, s: Token[], k: number): Hit[] {
  const hits: Hit[] = [];
  const ruleSentence = s.some((t, i) => t.lower === "of" && s[i + 1]?.lower === "meer");
  s.forEach((t, i) => {
    const n = countValue(t.text);
    if (n === null || n < 1 || n >= k) return;
    if (notACount(text, s, i) || s[i + 1]?.lower === "%" || s[i + 1]?.lower === "procent") return;
    if (ruleSentence && n === 1) return; // "bij 3 of meer signalen over één afdeling of één persoon"
    const h = head(s, i);
    if (h === "unit" || h === "counsellor") return;
    let word: Token | null = h === "sensitive" ? (s.slice(i + 1, i + 3).find((_, d) => isSensitive(s, i + 1 + d)) ?? null) : null;
    if (!word) word = nearestSensitive(s, i);
    const part = [s[i - 1], s[i + 1]].find((w) => w !== undefined && PART_WORD.test(w.lower));
    if (!word && part && s.some((_, j) => isSensitive(s, j))) word = part;
    if (!word) return;
    const from = Math.min(t.start, word.start);
    const to = Math.max(t.end, word.end);
    hits.push({
      at: t.start,
      waarde: text.slice(from, to),
      melding: `een klein aantal (${n}) bij "${word.text}" kan een melder herkenbaar maken; laat het aantal weg of verwijs naar de tabellen`,
    });
  });
  return hits;
}

/** "Een melding kwam van een stagiair", "Een melder heeft…", "een van de meldingen". */
function singleHits(text: string, s: Token[]): Hit[] {
  const hits: Hit[] = [];
  const general = s.some((t) => GENERAL_WORD.test(t.lower));
  s.forEach((t, i) => {
    if (!/^(?:een|één|eén)$/.test(t.lower)) return;
    const next = s[i + 1];
    if (!next) return;
    const span = (j: number) => text.slice(t.start, s[Math.min(j, s.length - 1)]!.end);
    // "een van de meldingen", "één uit deze melders": one of them.
    if (/^(?:van|uit)$/.test(next.lower)) {
      const j = /^(?:de|deze|die|onze|hen|hun)$/.test(s[i + 2]?.lower ?? "") ? i + 3 : i + 2;
      if (s[j] && isSensitive(s, j))
        hits.push({
          at: t.start,
          waarde: span(j),
          melding: '"één van de …" noemt een aantal van 1 en kan een melder herkenbaar maken; schrijf in algemene termen',
        });
      return;
    }
    // "Een melder heeft…", "een stagiair meldde…": a story about one person.
    if (
      (/^(?:melder|meldster|klager)$/.test(next.lower) || (isPersonWord(s, i + 1) && !/s$|en$/.test(next.lower))) &&
      STORY_VERB.test(s[i + 2]?.lower ?? "")
    ) {
      hits.push({
        at: t.start,
        waarde: span(i + 2),
        melding: "een zin over één melder of één persoon kan die persoon herkenbaar maken; schrijf in algemene termen",
      });
      return;
    }
    // "Een melding kwam van een stagiair": one melding tied to a group or a person.
    if (/^(?:melding|klacht|casus|zaak)$/.test(next.lower) && !general) {
      for (let j = i + 2; j < Math.min(s.length, i + 2 + WINDOW); j++) {
        if (isPersonWord(s, j)) {
          hits.push({
            at: t.start,
            waarde: span(j),
            melding:
              "één melding die aan een groep of persoon wordt toegeschreven maakt de melder herkenbaar; schrijf in algemene termen of verwijs naar de tabellen",
          });
          return;
        }
      }
    }
  });
  return hits;
}

/** "10% van de meldingen": a share of meldingen or people; a share of hours is fine. */
function percentageHits(text: string, s: Token[]): Hit[] {
  const hits: Hit[] = [];
  s.forEach((t, i) => {
    if (!/^\d/.test(t.text) || !/^(?:%|procent)$/.test(s[i + 1]?.lower ?? "")) return;
    let sensitive = Infinity;
    let hours = Infinity;
    s.forEach((_, j) => {
      const d = Math.abs(j - i);
      if (isSensitive(s, j)) sensitive = Math.min(sensitive, d);
      if (HOURS_WORD.test(s[j]!.lower)) hours = Math.min(hours, d);
    });
    if (sensitive < hours) {
      hits.push({
        at: t.start,
        waarde: text.slice(t.start, s[i + 1]!.end),
        melding: "een percentage van meldingen of melders in eigen tekst kan een klein aantal verraden; gebruik de beschermde tabellen",
      });
    }
  });
  // "Een kwart van de meldingen": a share in words.
  s.forEach((t, i) => {
    if (!FRACTION_WORD.test(t.lower) || s[i + 1]?.lower !== "van") return;
    const j = [i + 2, i + 3].find((x) => s[x] && isSensitive(s, x));
    if (j !== undefined)
      hits.push({
        at: t.start,
        waarde: text.slice(t.start, s[j]!.end),
        melding:
          "een deel van de meldingen of melders in eigen tekst (een helft, een kwart) kan een klein aantal verraden; gebruik de beschermde tabellen",
      });
  });
  return hits;
}

export function findCounts(text: string, k: number): Hit[] {
  return sentences(text).flatMap((s) => [...countHits(text, s, k), ...singleHits(text, s), ...percentageHits(text, s)]);
}
