// Excel on a Dutch Windows laptop writes Windows-1252 or UTF-8 (with or without BOM).
// Valid UTF-8 is taken as UTF-8; anything else as Windows-1252, which decodes every byte.

export interface Decoded {
  text: string;
  encoding: "utf-8" | "windows-1252";
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { text: fixCp1252(new TextDecoder("windows-1252").decode(body)), encoding: "windows-1252" };
  }
}

// Bytes 0x80–0x9F in Windows-1252 (€, ‘ ’ “ ” – — …). Node ≥ 20.18.3 decodes "windows-1252" as
// Latin-1 and turns them into control characters (nodejs/node#60888), so map them here.
const CP1252_80_9F =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function fixCp1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]!);
}

/** A file that holds NUL bytes or mostly control characters is not a text file at all. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}
