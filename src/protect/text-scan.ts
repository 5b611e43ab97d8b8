// Words too: the counsellors' own text can disclose what the tables protect ("twee
// meldingen over…", "10% van de meldingen", a name). Such a line stops the build.
import type { Verslagtekst } from "../domain.ts";
import { problem, type Problem } from "../ingest/problem.ts";
import { findName } from "../validate/personal-data.ts";

const NUMBER_WORDS = ["één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"];
const MELDING_WORD = /^(meldingen|melding|melders|melder|meldster|klachten|klacht|casus|casussen|zaken|zaak)$/i;

function numberValue(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  // "Eén" is how "één" is capitalised at the start of a sentence.
  const w = word.toLowerCase();
  if (w === "eén") return 1;
  const i = NUMBER_WORDS.indexOf(w);
  return i >= 0 ? i + 1 : null;
}

export function scanVerslag(v: Verslagtekst, k: number, names: string[]): Problem[] {
  const out: Problem[] = [];
  for (const s of v.secties) {
    const lines = s.tekst.split("\n");
    lines.forEach((line, i) => {
      const regel = s.regel + i;
      const name = findName(line, names);
      if (name) out.push(problem(v.bestand, regel, s.titel, name, `de tekst noemt "${name}" uit de namenlijst; haal de naam weg`));
      const words = line.split(/[^\p{L}\p{N}%]+/u).filter((w) => w !== "");
      words.forEach((w, j) => {
        if (!MELDING_WORD.test(w)) return;
        // A count just before the melding-word ("twee meldingen", "3 nieuwe melders").
        for (let back = 1; back <= 2 && j - back >= 0; back++) {
          const n = numberValue(words[j - back]!);
          if (n !== null && n > 0 && n < k) {
            out.push(problem(v.bestand, regel, s.titel, `${words[j - back]} ${words.slice(j - back + 1, j + 1).join(" ")}`, `een klein aantal (${n}) bij "${w}" kan een melder herkenbaar maken; laat het aantal weg of verwijs naar de tabellen`));
          }
        }
      });
      if (/\d+\s*(%|procent)/i.test(line) && /meld|klacht/i.test(line)) {
        out.push(problem(v.bestand, regel, s.titel, /\d+\s*(%|procent)/i.exec(line)![0], "een percentage van meldingen in eigen tekst kan een klein aantal verraden; gebruik de beschermde tabellen"));
      }
      if (/\b(een|één) melder (heeft|is|kreeg|werd|had)\b/i.test(line)) {
        out.push(problem(v.bestand, regel, s.titel, /\b(een|één) melder \w+/i.exec(line)![0], "een zin over één melder kan die melder herkenbaar maken; schrijf in algemene termen"));
      }
    });
  }
  return out;
}
