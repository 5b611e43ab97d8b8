// Where a column's text occurred first: the duplicate-id check of a million meldingen.
//
// A Map of a million distinct ids was a quarter of validate's time (hashing and growing a
// general-purpose table). Here the number of rows is known beforehand, so one open-addressing
// table of row numbers, sized once, does: texts are compared only when their hashes agree.

import type { CsvColumn } from "../ingest/column.ts";

/**
 * For each row: the first earlier row with the same non-empty text, or -1 (the first of its
 * text, or an empty cell).
 */
export function firstOccurrences(column: CsvColumn): Int32Array {
  const n = column.length;
  const first = new Int32Array(n).fill(-1);
  if (column.coded) {
    // Few distinct texts: the dictionary code identifies the text.
    const seen = new Int32Array(column.dictionary.length).fill(-1);
    for (let k = 0; k < n; k++) {
      const code = column.code(k);
      if (column.dictionary[code] === "") continue;
      if (seen[code] === -1) seen[code] = k;
      else first[k] = seen[code] as number;
    }
    return first;
  }
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1); // row number, -1 = free
  const hashes = new Int32Array(size);
  for (let k = 0; k < n; k++) {
    const text = column.text(k);
    if (text === "") continue;
    const h = fnv1a(text);
    let i = h & mask;
    for (;;) {
      const row = slots[i] as number;
      if (row === -1) {
        slots[i] = k;
        hashes[i] = h;
        break;
      }
      if (hashes[i] === h && column.text(row) === text) {
        first[k] = row;
        break;
      }
      i = (i + 1) & mask;
    }
  }
  return first;
}

/** 32-bit FNV-1a over the UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}
