// Recoding the aard table: how each vocabulary group is shown. A group's members stand on
// their own rows ("apart"), or on one row under the group's name ("groep"), or go into the
// one row "Overige" at the end ("overige"). Which of the three publishes most is not decided
// here but by choose-presentation.ts, together with the suppression: a category that is small
// in one year can just as well stand on its own row with that year's cell hidden.
import type { Term } from "../domain.ts";

export interface RecodeRow {
  /** Codes merged into this row (one for a category on its own row). */
  codes: string[];
  key: string;
  label: string;
  /** How finely the row shows its meldingen (the information measure weighs it). */
  level: "categorie" | "groep" | "overige";
}

export const OVERIGE = "overige";

export type GroupMode = "apart" | "groep" | "overige";

/** A vocabulary group and those of its members the table has rows for, in vocabulary order. */
export interface AardGroup {
  key: string;
  members: string[];
}

/**
 * The groups of `codes`, in the vocabulary's order (a group appears where its first member
 * would). A code without a group is a group of its own, keyed by itself.
 */
export function aardGroups(codes: string[], terms: Term[]): AardGroup[] {
  const groupOf = (code: string) => terms.find((t) => t.soort === "aard" && t.code === code)?.groep ?? null;
  const byGroup = new Map<string, string[]>();
  for (const code of codes) {
    const g = groupOf(code) ?? code;
    if (!byGroup.has(g)) byGroup.set(g, []);
    byGroup.get(g)!.push(code);
  }
  return [...byGroup].map(([key, members]) => ({ key, members }));
}

/** The modes that mean something for a group: a group of one has no group row of its own. */
export function modesOf(group: AardGroup): GroupMode[] {
  return group.members.length > 1 ? ["apart", "groep", "overige"] : ["apart", "overige"];
}

/** The rows of the table for one mode per group (missing: "apart"); "Overige" comes last. */
export function recodeRows(groups: AardGroup[], modes: ReadonlyMap<string, GroupMode>, labelOf: (code: string) => string): RecodeRow[] {
  const rows: RecodeRow[] = [];
  const leftovers: string[] = [];
  for (const g of groups) {
    const mode = modes.get(g.key) ?? "apart";
    if (mode === "apart" || (mode === "groep" && g.members.length === 1)) {
      for (const c of g.members) rows.push({ codes: [c], key: c, label: labelOf(c), level: "categorie" });
    } else if (mode === "groep") {
      rows.push({ codes: g.members, key: g.key, label: labelOf(g.key), level: "groep" });
    } else leftovers.push(...g.members);
  }
  if (leftovers.length > 0) rows.push({ codes: leftovers, key: OVERIGE, label: "Overige", level: "overige" });
  return rows;
}
