// What protect returns, and how it refuses: shared by protect (index.ts) and the choice of
// layouts (choose-presentation.ts), which calls back into it.
import type { GroupMode } from "./recode.ts";
import type { DerivedEntry } from "./derived.ts";
import type { Description } from "./tables.ts";

/**
 * The set cannot be protected. `unprotectable`: the cell no pattern protects and the cells its
 * value follows from (engine ids), for a message in the reader's words (pipeline).
 */
export class ProtectionError extends Error {
  constructor(
    message: string,
    readonly unprotectable?: { cell: string; from: string[] },
  ) {
    super(message);
  }
}

export interface LogEntry {
  key: string;
  cells: string[];
  value: number;
  reden: string;
  soort: "primair" | "secundair" | "eerder onderdrukt";
  requiredWidth: number;
  /** What hiding it cost in the information measure (choose-presentation.ts). */
  kosten?: number;
}

export interface Protected {
  description: Description;
  /** scope keys of every suppressed figure */
  suppressed: Set<string>;
  /** Internal only: which cell, which rule, which complement. Never in a public output. */
  log: LogEntry[];
  /** Internal only: the counts a reader could derive by subtracting pooled tables, and how each is kept (derived.ts). */
  derived?: DerivedEntry[];
  optimal: boolean;
  /** Internal only: how the aard tables' rows were chosen, and the measure of each option. */
  presentatie?: PresentationLogEntry[];
  /** The information measure of the published pattern (choose-presentation.ts). */
  informatie?: number;
}

/** Internal log: one protected candidate layout ("tabel: groep" → mode; unnamed groups apart). */
export interface PresentationLogEntry {
  indeling: Record<string, GroupMode>;
  /** The estimate that put it among the candidates, and the real measure after suppression. */
  schatting: number;
  maat: number | null;
  verborgen?: number;
  reden?: string;
  gekozen: boolean;
}
