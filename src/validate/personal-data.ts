// Fields that look like personal data do not belong in an anonymised registration,
// in any column: an e-mail address, a phone number, a BSN-like number or a listed name.

const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const PHONE = /(?:\+31|0031|\b0)[\s-]?(?:\d[\s-]?){9}\b/;
const NINE_DIGITS = /\b\d{9}\b/g;

/** The BSN "elfproef": 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11. */
export function isBsnLike(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0 && sum !== 0;
}

export function personalDataIn(value: string, names: string[]): string | null {
  if (EMAIL.test(value)) return "lijkt een e-mailadres";
  if (PHONE.test(value)) return "lijkt een telefoonnummer";
  // Every nine-digit number, not only the first: "123456789 of 111222333" holds a BSN.
  if ([...value.matchAll(NINE_DIGITS)].some((m) => isBsnLike(m[0]))) return "lijkt een burgerservicenummer (BSN)";
  const name = findName(value, names);
  if (name) return `bevat de naam "${name}" uit de namenlijst`;
  return null;
}

export function findName(text: string, names: string[]): string | null {
  for (const name of names) {
    if (name.trim() === "") continue;
    const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, "iu").test(text)) return name.trim();
  }
  return null;
}
