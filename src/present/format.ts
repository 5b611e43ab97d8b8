// Dutch number and date formats: 21,5 uur; 39%; 2 maart 2021; 1.250.

const DATUM = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

// One formatter per number of decimals: constructing an Intl.NumberFormat costs far more than
// formatting with it, and a report formats hundreds of numbers.
const formatters = new Map<number, Intl.NumberFormat>();

export function formatGetal(x: number, decimals = 0): string {
  let f = formatters.get(decimals);
  if (!f)
    formatters.set(
      decimals,
      (f = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 0, maximumFractionDigits: decimals, useGrouping: true })),
    );
  return f.format(x);
}

export function formatUren(x: number): string {
  return formatGetal(Math.round(x * 10) / 10, 1);
}

export function formatProcent(p: number): string {
  return `${formatGetal(p, 0)}%`;
}

export function formatDatum(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return DATUM.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** "1 melding", "3 meldingen": only ever used for published (safe) counts. */
export function meervoud(n: number, enkel: string, meer: string): string {
  return n === 1 ? enkel : meer;
}
