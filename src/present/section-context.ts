// What the sections of the jaarverslag are written from: the data, its aggregates and the
// protected cells (shared by meldingen.ts and personeel.ts).
import type { Aggregates } from "../aggregate/types.ts";
import type { Dataset } from "../domain.ts";
import type { ProtectedCells } from "./cells.ts";
import type { Publicatie } from "./publicatie.ts";

export interface SectionContext {
  d: Dataset;
  agg: Aggregates;
  cells: ProtectedCells;
  k: number;
  publicatie?: Publicatie;
}
