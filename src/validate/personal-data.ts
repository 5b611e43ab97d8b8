// Fields that look like personal data do not belong in an anonymised registration,
// in any column: an e-mail address, a phone number, a BSN-like number or a listed name.

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const PHONE = /(?:\+31|0031|\b0)[\s-]?(?:\d[\s-]?){9}\b/;
const NINE_DIGITS = /\b\d{9}\b/g;
const ANY_DIGIT = /\d/;

/** The BSN "elfproef": 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11. */
export function isBsnLike(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0 && sum !== 0;
}

export function personalDataIn(value: string, names: string[]): string | null {
  // (an e-mail address has an "@": the cheap test first changes no answer)
  if (value.includes("@") && EMAIL.test(value)) return "lijkt een e-mailadres";
  // A phone number and a BSN both need nine digits: most cells (codes, dates, hours) are skipped.
  if (value.length >= 9 && ANY_DIGIT.test(value)) {
    if (PHONE.test(value)) return "lijkt een telefoonnummer";
    // Every nine-digit number, not only the first: "123456789 of 111222333" holds a BSN.
    for (const m of value.matchAll(NINE_DIGITS)) if (isBsnLike(m[0])) return "lijkt een burgerservicenummer (BSN)";
  }
  const name = findName(value, names);
  if (name) return `bevat de naam "${name}" uit de namenlijst`;
  return null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const nameRegExp = (alternatives: string) => new RegExp(`(^|[^\\p{L}])${alternatives}($|[^\\p{L}])`, "iu");

interface NameMatcher {
  names: string[];
  snapshot: string[];
  /** one pattern for all names: when it does not match, no name does */
  any: RegExp | null;
  each: { name: string; re: RegExp }[];
}
let lastMatcher: NameMatcher | null = null;

/**
 * The patterns for a name list, compiled once per list (validation calls findName for every
 * cell of every row with the same list; compiling them per call was most of validate's time).
 */
function nameMatcher(names: string[]): NameMatcher {
  const m = lastMatcher;
  if (m && m.names === names && m.snapshot.length === names.length && m.snapshot.every((n, i) => n === names[i])) return m;
  const each = names.filter((n) => n.trim() !== "").map((n) => ({ name: n.trim(), re: nameRegExp(escapeRegExp(n.trim())) }));
  const any = each.length > 0 ? nameRegExp(`(?:${each.map((e) => escapeRegExp(e.name)).join("|")})`) : null;
  lastMatcher = { names, snapshot: [...names], any, each };
  return lastMatcher;
}

/** The first name of the list (in list order) that occurs in the text as a whole word. */
export function findName(text: string, names: string[]): string | null {
  const matcher = nameMatcher(names);
  if (matcher.any === null || !matcher.any.test(text)) return null;
  for (const { name, re } of matcher.each) if (re.test(text)) return name;
  return null;
}
