import { describe, it, expect } from "vitest";
import { decodeBytes, looksBinary } from "../../src/ingest/decode.ts";

describe("decodeBytes", () => {
  it("reads plain UTF-8", () => {
    const r = decodeBytes(new TextEncoder().encode("café;ë\r\n"));
    expect(r).toEqual({ text: "café;ë\r\n", encoding: "utf-8" });
  });

  it("drops the UTF-8 byte order mark Excel writes", () => {
    const body = new TextEncoder().encode("id;datum");
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    const r = decodeBytes(bytes);
    expect(r.encoding).toBe("utf-8");
    expect(r.text).toBe("id;datum");
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it("falls back to Windows-1252 for é and ë bytes that are not UTF-8", () => {
    // "Café;België" in Windows-1252: é = 0xE9, ë = 0xEB
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x3b, 0x42, 0x65, 0x6c, 0x67, 0x69, 0xeb]);
    expect(decodeBytes(bytes)).toEqual({ text: "Café;België", encoding: "windows-1252" });
  });

  it("maps Windows-1252 specials (euro sign, curly quote) rather than Latin-1 controls", () => {
    const r = decodeBytes(new Uint8Array([0x80, 0x20, 0x92]));
    expect(r).toEqual({ text: "€ ’", encoding: "windows-1252" });
  });

  it("decodes the whole 0x80–0x9F range as the WHATWG windows-1252 table says", () => {
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    const expected = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
    expect(decodeBytes(bytes).text).toBe(expected);
    // and the Latin-1 half above it is untouched: "é ë ï ü" as 0xE9 0x20 0xEB 0x20 0xEF 0x20 0xFC
    expect(decodeBytes(new Uint8Array([0xe9, 0x20, 0xeb, 0x20, 0xef, 0x20, 0xfc])).text).toBe("é ë ï ü");
  });

  it("gives an empty text for no bytes", () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ text: "", encoding: "utf-8" });
  });
});

describe("looksBinary", () => {
  it("sees a NUL byte as binary", () => {
    expect(looksBinary(new Uint8Array([0x61, 0x00, 0x62]))).toBe(true);
  });

  it("sees the start of an xlsx (zip) file as binary", () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(looksBinary(zip)).toBe(true);
  });

  it("sees many control characters as binary", () => {
    const bytes = new Uint8Array(100).fill(0x61);
    for (let i = 0; i < 10; i++) bytes[i * 10] = 0x01;
    expect(looksBinary(bytes)).toBe(true);
  });

  it("does not flag CSV text with tabs, CR/LF and Windows-1252 letters", () => {
    const text = new TextEncoder().encode("id;datum\r\nM1;2021-01\tx\r\n");
    expect(looksBinary(text)).toBe(false);
    expect(looksBinary(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0d, 0x0a]))).toBe(false);
  });

  it("does not flag an empty file", () => {
    expect(looksBinary(new Uint8Array())).toBe(false);
  });
});
