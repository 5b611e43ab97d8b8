// Where a document stands in the publication register, and what every page must say about it:
// "Concept" until it is adopted; what a concept changes against the version that was sent; the
// erratum of a revision; earlier periods' figures that changed after they were sent.
import { reportLabel } from "./figure-label.ts";
import type { FigureBook } from "./figures.ts";
import { formatDatum, formatGetal, formatUren } from "./format.ts";
import type { Block, Section } from "./model.ts";

/** One published figure that today's data gives differently. */
export interface Wijziging {
  /** Scope key (universe.ts). */
  key: string;
  /** Where the reader finds it: table, row, column. */
  label: string;
  kind: "aantal" | "uren";
  oud: number;
  /** Null when the new version hides it. */
  nieuw: number | null;
  /** For earlier periods: true when a revision already adopted the new figure. */
  herzien?: boolean;
  /** The report (version) that sent the old figure. */
  bron: string;
}

export interface Publicatie {
  concept: boolean;
  /** The last adopted version of this period, audience and rule, if any. */
  vorige: { versie: number; vastgesteld: string } | null;
  /** This period's figures that differ from the version sent (a concept or a revision). */
  wijzigingen: Wijziging[];
  /** Set for an adopted revision. */
  herziening: { versie: number; reden: string; datum: string } | null;
  /** Earlier periods' figures that differ from what was sent then. */
  eerder: Wijziging[];
}

export const GEEN_PUBLICATIE: Publicatie = { concept: false, vorige: null, wijzigingen: [], herziening: null, eerder: [] };

function datum(iso: string): string {
  return iso === "0000-01-01" ? "een eerdere datum" : formatDatum(iso);
}

/** The marking in every page header: null for an adopted, unchanged set. */
export function pageMarking(p: Publicatie): string | null {
  if (!p.concept) return p.herziening ? `Herziene versie ${p.herziening.versie}` : null;
  if (p.vorige && p.wijzigingen.length > 0) {
    const first = p.wijzigingen
      .slice(0, 1)
      .map((w) => `${w.label}: eerder ${show(w.kind, w.oud)}, nu ${w.nieuw === null ? "niet vermeld" : show(w.kind, w.nieuw)}`);
    const more = p.wijzigingen.length > 1 ? `; en ${p.wijzigingen.length - 1} meer, zie het begin` : "";
    return `Concept — wijkt af van het verzonden verslag (versie ${p.vorige.versie}): ${first.join("; ")}${more}`;
  }
  return "Concept";
}

function show(kind: "aantal" | "uren", v: number): string {
  return kind === "uren" ? formatUren(v) : formatGetal(v);
}

/** Records an old or new value as a printed figure (the old one was published before). */
function printed(book: FigureBook, w: Wijziging, which: "oud" | "nieuw", where: string): string {
  const value = which === "oud" ? w.oud : w.nieuw;
  if (value === null) return "niet meer vermeld";
  return book.add({
    id: `${where}|${which}|${w.key}`,
    table: where,
    row: w.label,
    column: which,
    kind: "constante",
    universe: null,
    scope: null,
    value,
    display: show(w.kind, value),
  });
}

/** The sections a document starts with: the concept notice or the erratum, and earlier changes. */
export function publicatieSections(p: Publicatie, book: FigureBook): Section[] {
  const out: Section[] = [];
  // "eerder 5, nu 6" in words: an arrow is not in the report's font (Noto Sans), and would be
  // drawn from whatever font the machine has.
  const list = (ws: Wijziging[], where: string) =>
    ws.map((w) => `${w.label}: eerder ${printed(book, w, "oud", where)}, nu ${printed(book, w, "nieuw", where)}`);
  if (p.concept) {
    const blocks: Block[] = [
      { type: "paragraph", text: "Dit is een concept. Het is nog niet vastgesteld en niet verzonden; de cijfers kunnen nog veranderen." },
    ];
    if (p.vorige && p.wijzigingen.length > 0) {
      blocks.push({
        type: "paragraph",
        text: `Dit concept wijkt af van het verslag dat op ${datum(p.vorige.vastgesteld)} is vastgesteld en verzonden (versie ${p.vorige.versie}). ${p.wijzigingen.length === 1 ? "Dit cijfer is" : "Deze cijfers zijn"} anders:`,
      });
      blocks.push({ type: "list", items: list(p.wijzigingen, "Concept: afwijkingen") });
      blocks.push({ type: "paragraph", text: "Vaststellen kan alleen als herziening met een reden; zie de handleiding." });
    }
    out.push({ id: "concept", number: "", title: "Concept", blocks, subsections: [] });
  }
  if (p.herziening) {
    const blocks: Block[] = [
      {
        type: "paragraph",
        text: `Dit is versie ${p.herziening.versie} van dit verslag, herzien op ${datum(p.herziening.datum)}. Het vervangt versie ${p.vorige?.versie ?? p.herziening.versie - 1}, vastgesteld op ${datum(p.vorige?.vastgesteld ?? "0000-01-01")}. Reden: ${p.herziening.reden}`,
      },
    ];
    if (p.wijzigingen.length > 0) {
      blocks.push({ type: "paragraph", text: p.wijzigingen.length === 1 ? "Gewijzigd cijfer:" : "Gewijzigde cijfers:" });
      blocks.push({ type: "list", items: list(p.wijzigingen, "Erratum") });
    } else blocks.push({ type: "paragraph", text: "Er zijn geen gepubliceerde cijfers gewijzigd." });
    out.push({ id: "erratum", number: "", title: "Erratum", blocks, subsections: [] });
  }
  if (p.eerder.length > 0) {
    const items = p.eerder.map(
      (w) =>
        `${list([w], "Eerdere verslagen: gewijzigde cijfers")[0]} (${w.herzien ? "herzien" : "na verzending gewijzigd, niet als herziening vastgesteld"}; eerder verzonden in ${reportLabel(w.bron)})`,
    );
    out.push({
      id: "herziene-cijfers",
      number: "",
      title: "Cijfers van eerdere verslagen",
      blocks: [
        {
          type: "paragraph",
          text: `${items.length === 1 ? "Dit cijfer over een eerdere periode is" : "Deze cijfers over eerdere perioden zijn"} anders dan in het verslag dat toen is verzonden. Dit verslag gebruikt de huidige registratie:`,
        },
        { type: "list", items },
      ],
      subsections: [],
    });
  }
  return out;
}

/** "(herzien)" or "(verzonden: 26)" after a figure of an earlier period that changed. */
export function changedNote(p: Publicatie | undefined, key: string, book: FigureBook, where: string): string {
  const w = p?.eerder.find((x) => x.key === key);
  if (!w) return "";
  return w.herzien ? " (herzien)" : ` (eerder verzonden: ${printed(book, w, "oud", where)})`;
}
