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
    return { text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252" };
  }
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
