// How many years a pooled span holds, in words for the sentence that explains the pooled table
// ("de som over die twee jaar"), read from the periods its cells cover.
import type { TableSpec } from "../protect/tables.ts";

const WORDS = ["geen", "één", "twee", "drie", "vier", "vijf", "zes"];

export function yearsInWords(table: Pick<TableSpec, "cells">, column: string): string {
  const jaren = table.cells.find((c) => c.column === column)?.scope["jaar"] ?? [];
  return `${WORDS[jaren.length] ?? String(jaren.length)} jaar`;
}
