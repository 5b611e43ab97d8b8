// pdfjs-dist for the tests, loaded so that it slows nothing else. Its legacy build (the one that
// runs on Node 20) installs core-js polyfills when it loads, and among them it REPLACES
// Array.prototype.push, JSON.stringify and JSON.parse, which Node 20 has natively (core-js
// forces them for a proposal Node 20 lacks, JSON.rawJSON). In a test worker every later push and
// JSON call then runs through them — the solver's, the caches' keys, Puppeteer's messages — in
// every file the worker runs after (vitest.config.ts: isolate false): JSON.stringify about 8×
// slower, push about 1.4× (BENCHMARKS.md §8, Round 8). So pdfjs and its worker module (which it
// would otherwise load at the first document, polyfilling again) are loaded here, and the three
// natives put back; what the polyfills add (Set.prototype.union, Promise.withResolvers, …) stays,
// for pdfjs itself. Every test that reads a PDF with pdfjs imports it from here.
const natives = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
// Sets globalThis.pdfjsWorker, which pdfjs's stand-in worker in Node uses instead of loading it.
// @ts-expect-error -- the package ships no types for its worker module
await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
Array.prototype.push = natives.push;
JSON.stringify = natives.stringify;
JSON.parse = natives.parse;

export const getDocument: typeof pdfjs.getDocument = pdfjs.getDocument;
