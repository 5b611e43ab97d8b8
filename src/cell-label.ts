// A cell of the protection named in the reader's words, for the messages counsellors read on
// the console: a cell of this report's tables as the table prints it ("Meldingen naar aard,
// Pesten, 2020"), a figure an earlier report hid, a total from historie.csv. The protection
// names cells by scope key ("meldingen:aard=pesten;jaar=2020", universe.ts); that key is no
// word of theirs.
import type { Term } from "./domain.ts";
import { figureLabel, reportLabel } from "./present/figure-label.ts";
import { cellInTable } from "./protect/labels.ts";
import type { Description } from "./protect/tables.ts";
import { scopeKey, type Scope } from "./protect/universe.ts";

export function cellLabel(id: string, description: Description, vocabulaire: Term[]): string {
  const historie = /^historie\/([^/]+)\/(.+)$/.exec(id);
  if (historie) return `historie.csv, ${historie[1]}, ${historie[2]!.split("+").join(" en ")}`;
  const universes = new Set<string>(description.universes.map((u) => u.id));
  const [first = "", second = ""] = id.split(":");
  // "<report>:<universe>:<scope>": a cell an earlier report hid.
  if (!universes.has(first) && universes.has(second))
    return `${scopeLabel(id.slice(first.length + 1), description, vocabulaire)} (verborgen in ${reportLabel(first)})`;
  return universes.has(first) ? scopeLabel(id, description, vocabulaire) : id;
}

function scopeLabel(key: string, description: Description, vocabulaire: Term[]): string {
  for (const t of description.tables) for (const c of t.cells) if (scopeKey(c.universe, c.scope) === key) return cellInTable(t, c);
  const [universe = "", rest = ""] = key.split(":");
  const scope: Scope = Object.fromEntries(
    rest
      .split(";")
      .filter((p) => p !== "")
      .map((p) => [p.split("=")[0]!, (p.split("=")[1] ?? "").split("+")]),
  );
  // Every aard that counts: the total, not a list of sixteen categories.
  const counted = vocabulaire.filter((t) => t.soort === "aard" && t.teltMee).map((t) => t.code);
  if (scope["aard"] && counted.length > 0 && counted.every((code) => scope["aard"]!.includes(code))) delete scope["aard"];
  return figureLabel(universe, scope, vocabulaire);
}
