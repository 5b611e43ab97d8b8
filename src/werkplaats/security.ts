// The workspace's guards, as pure functions of a request's parts, so each can be tested on its
// own. The server (server.ts) refuses a request as soon as one of them says no.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { realpathSync, existsSync } from "node:fs";

export function randomToken(): string {
  return randomBytes(24).toString("base64url");
}

/** Compares secrets in constant time (a timing difference would leak the token bit by bit). */
export function sameSecret(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * DNS rebinding: a web page on evil.example can make its own name point at 127.0.0.1, but the
 * browser still sends `Host: evil.example`. Only the names of this machine's own address and
 * port are accepted.
 */
export function hostAllowed(host: string | undefined, port: number, bindAddress: string): boolean {
  if (!host) return false;
  const names = new Set([bindAddress, "127.0.0.1", "localhost", "[::1]"]);
  return [...names].some((name) => host.toLowerCase() === `${name}:${port}`);
}

/**
 * A change must come from the workspace's own pages: the browser sends Origin with every POST
 * (and fetch); a missing Origin on a POST is refused too.
 */
export function originAllowed(origin: string | undefined, port: number, bindAddress: string): boolean {
  if (!origin) return false;
  try {
    const url = new URL(origin);
    return url.protocol === "http:" && hostAllowed(url.host, port, bindAddress);
  } catch {
    return false;
  }
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

/**
 * A file name the user (or a URL) asked for, inside one of the allowed folders; null when it
 * is not: `..`, an absolute path, a drive letter, a NUL byte, or a symbolic link that leads out.
 */
export function safePath(root: string, requested: string): string | null {
  if (requested === "" || requested.includes("\0") || isAbsolute(requested) || /^[a-zA-Z]:/.test(requested) || requested.startsWith("\\"))
    return null;
  const parts = requested.split(/[\\/]/);
  if (parts.some((p) => p === ".." || p === "." || p === "")) return null;
  const base = resolve(root);
  const full = resolve(base, ...parts);
  if (!inside(base, full)) return null;
  if (existsSync(full)) {
    // A link inside the folder may point anywhere: judge where it really leads.
    const real = realpathSync(full);
    const realBase = realpathSync(base);
    if (!inside(realBase, real)) return null;
  }
  return full;
}

function inside(base: string, path: string): boolean {
  const rel = relative(base, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) && !rel.split(sep).includes("..");
}

/** The Content-Security-Policy of every workspace page: nothing from outside, no inline script. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; frame-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'; object-src 'none'";

/**
 * The report preview is the report's own HTML (inline styles, fonts and charts as data:), shown
 * in a frame: no script at all, nothing from outside.
 */
export const PREVIEW_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
