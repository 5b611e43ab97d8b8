// Universes: the finest cross-classification of one measure. Every published figure is the
// sum of the inner cells that its scope selects, so tables that share totals, earlier
// reports and the audit all speak one language (published = Xᵀ · inner).

export type UniverseId = "meldingen" | "uren" | "klachten" | "vpi" | "interventies" | "resultaten";

export interface UniverseSpec {
  id: UniverseId;
  /** Counts are whole numbers; hours are not. */
  integer: boolean;
  dimensions: { name: string; categories: string[] }[];
}

/** Dimension → selected categories; a dimension left out means all its categories. */
export type Scope = Record<string, string[]>;

export interface Indexed {
  /** Offset of each universe's first inner variable in the shared variable space. */
  offsets: Map<UniverseId, number>;
  size: number;
  integer: boolean[];
}

export function indexUniverses(universes: UniverseSpec[]): Indexed {
  const offsets = new Map<UniverseId, number>();
  const integer: boolean[] = [];
  let size = 0;
  for (const u of universes) {
    offsets.set(u.id, size);
    const n = u.dimensions.reduce((acc, d) => acc * d.categories.length, 1);
    for (let i = 0; i < n; i++) integer.push(u.integer);
    size += n;
  }
  return { offsets, size, integer };
}

/** Indices of the inner variables a scope selects. Unknown categories select nothing. */
export function expandScope(universes: UniverseSpec[], index: Indexed, universe: UniverseId, scope: Scope): number[] {
  const u = universes.find((x) => x.id === universe);
  if (!u) throw new Error(`onbekend universum ${universe}`);
  for (const key of Object.keys(scope)) {
    if (!u.dimensions.some((d) => d.name === key)) throw new Error(`onbekende dimensie ${key} in universum ${universe}`);
  }
  let positions: number[] = [0];
  for (const d of u.dimensions) {
    const chosen = scope[d.name];
    const idx = chosen === undefined ? d.categories.map((_, i) => i) : d.categories.flatMap((c, i) => (chosen.includes(c) ? [i] : []));
    const next: number[] = [];
    for (const p of positions) for (const i of idx) next.push(p * d.categories.length + i);
    positions = next;
  }
  const offset = index.offsets.get(universe)!;
  return positions.map((p) => p + offset).sort((a, b) => a - b);
}

/**
 * The single-year parts of a scope over several periods (a pooled table's cell): one scope per
 * period, the rest of the scope unchanged. None for a scope of one period or without one.
 */
export function singleYearParts(scope: Scope): Scope[] {
  const jaren = scope["jaar"];
  if (!jaren || jaren.length < 2) return [];
  return jaren.map((j) => ({ ...scope, jaar: [j] }));
}

/** A canonical key: two figures with the same key are the same linear combination. */
export function scopeKey(universe: UniverseId, scope: Scope): string {
  const parts = Object.keys(scope)
    .sort()
    .map((k) => `${k}=${[...scope[k]!].sort().join("+")}`);
  return `${universe}:${parts.join(";")}`;
}

/**
 * Where a figure lies, checked: an unknown universe, dimension or category is an error (a
 * figure the audit cannot place must fail it, never silently drop out of the attack).
 * `fromLedger` is for figures of earlier reports: a period outside this universe is allowed
 * and reported as `partial` (the terms then cover only part of the figure), and another
 * unknown category (a code that no longer occurs) selects nothing, as it holds no records.
 */
export function placeScope(
  universes: UniverseSpec[],
  index: Indexed,
  universe: string,
  scope: Scope,
  fromLedger = false,
): { terms: number[]; partial: boolean } | { error: string } {
  const u = universes.find((x) => x.id === universe);
  if (!u) return { error: `onbekend universum "${universe}"` };
  let partial = false;
  for (const [name, cats] of Object.entries(scope)) {
    const dim = u.dimensions.find((d) => d.name === name);
    if (!dim) return { error: `onbekende dimensie "${name}" in universum ${universe}` };
    const unknown = cats.filter((c) => !dim.categories.includes(c));
    if (unknown.length === 0) continue;
    if (fromLedger && name === "jaar") partial = true;
    else if (!fromLedger) return { error: `onbekende categorie "${unknown[0]}" in dimensie ${name} van universum ${universe}` };
  }
  return { terms: expandScope(universes, index, universe as UniverseId, scope), partial };
}
