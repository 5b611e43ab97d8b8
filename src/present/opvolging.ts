// "Opvolging aanbevelingen": what became of last year's recommendations. Last year's
// "### Aanbevelingen" (part of "Trends en aanbevelingen" in last year's text) is quoted, and
// this year's optional section "Opvolging aanbevelingen" says what happened to them.
import type { Aggregates } from "../aggregate/types.ts";
import type { Dataset } from "../domain.ts";
import type { Block, Section } from "./model.ts";
import { sectionText, verslagVan } from "./narrative.ts";

export function opvolgingSection(d: Dataset, agg: Aggregates): Section[] {
  const jaar = agg.periode.van.jaar;
  const vorig = verslagVan(d, undefined, jaar - 1);
  const aanbevelingen = sectionText(vorig, "Trends en aanbevelingen", "Aanbevelingen");
  if (!aanbevelingen) return [];
  const opvolging = sectionText(verslagVan(d, undefined, jaar), "Opvolging aanbevelingen");
  // The lead-in fits the quoted text: a list of one recommendation, or several (or prose).
  const wat = (aanbevelingen.match(/<li[\s>]/g) ?? []).length === 1 ? "deze aanbeveling" : "deze aanbevelingen";
  const blocks: Block[] = [
    { type: "paragraph", text: `In het jaarverslag over ${jaar - 1} deden de vertrouwenspersonen ${wat}:` },
    { type: "markdown", html: aanbevelingen },
    ...(opvolging
      ? [
          { type: "paragraph" as const, text: "Wat er sindsdien mee is gebeurd:" },
          { type: "markdown" as const, html: opvolging },
        ]
      : []),
  ];
  if (!opvolging) {
    blocks.push({
      type: "missing",
      text: `(De vertrouwenspersonen hebben nog niet beschreven wat er met ${wat} is gebeurd; dat kan in de sectie "Opvolging aanbevelingen" van verslag/${jaar}.md.)`,
    });
  }
  return [{ id: "opvolging", number: "", title: "Opvolging aanbevelingen van vorig jaar", blocks, subsections: [] }];
}
