// Reporting periods (issue 5). Every month belongs to exactly one period: a configured one
// (instellingen.json `perioden`), or else its calendar year — except the months of a calendar
// year that a configured period covers partly: the remaining months of that year form their
// own period. A calendar year keeps its key "2019" (so earlier ledgers and scopes keep their
// meaning); any other period has the key "2018-01..2019-11". Periods are disjoint, so every
// published figure has one meaning.
//
// In the aggregates a period is identified by a `PeriodeId`: a calendar year stays the number
// it always was (String(id) is its key), any other period is its key. Fields called `jaar`
// hold such an id: "the period", which is a calendar year unless periods are configured.
import type { Maand } from "../domain.ts";

export interface PeriodeInstelling {
  van: string; // "YYYY-MM"
  tot: string; // "YYYY-MM", inclusive
}

export type PeriodeId = number | string;

export interface Periode {
  id: PeriodeId;
  key: string;
  label: string;
  van: Maand;
  tot: Maand;
}

const MAAND_NAAM = new Intl.DateTimeFormat("nl-NL", { month: "long", timeZone: "UTC" });

/** The Dutch name of month 1..12 ("maart"), from Intl rather than a list of our own. */
export function maandNaam(maand: number): string {
  return MAAND_NAAM.format(new Date(Date.UTC(2000, maand - 1, 1)));
}
const KEY = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/;

export function maandFromKey(s: string): Maand | null {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return { jaar: Number(m[1]), maand: Number(m[2]) };
}

const ord = (m: Maand) => m.jaar * 12 + (m.maand - 1);
const fromOrd = (n: number): Maand => ({ jaar: Math.floor(n / 12), maand: (n % 12) + 1 });
const pad = (m: Maand) => `${m.jaar}-${String(m.maand).padStart(2, "0")}`;

/** The period from `van` to `tot`: a whole calendar year is that year (a number). */
function periode(van: Maand, tot: Maand): Periode {
  const whole = van.jaar === tot.jaar && van.maand === 1 && tot.maand === 12;
  const id: PeriodeId = whole ? van.jaar : `${pad(van)}..${pad(tot)}`;
  return { id, key: String(id), label: labelOf(van, tot), van, tot };
}

/** The period an id or key names (the id alone says which months it holds). */
export function periodById(id: PeriodeId): Periode {
  if (typeof id === "number" || /^\d{4}$/.test(id)) {
    const y = Number(id);
    return periode({ jaar: y, maand: 1 }, { jaar: y, maand: 12 });
  }
  const m = KEY.exec(id);
  if (!m) throw new Error(`onbekende periode ${id}`);
  return periode({ jaar: Number(m[1]), maand: Number(m[2]) }, { jaar: Number(m[3]), maand: Number(m[4]) });
}

const maand = (m: Maand): string => `${maandNaam(m.maand)} ${m.jaar}`;

/** What a reader sees: "2019", "december 2019", "2018 t/m november 2019". */
function labelOf(van: Maand, tot: Maand): string {
  if (van.jaar === tot.jaar) {
    if (van.maand === 1 && tot.maand === 12) return String(van.jaar);
    if (van.maand === tot.maand) return maand(van);
    return `${maandNaam(van.maand)} t/m ${maand(tot)}`;
  }
  const from = van.maand === 1 ? String(van.jaar) : maand(van);
  const to = tot.maand === 12 ? String(tot.jaar) : maand(tot);
  return `${from} t/m ${to}`;
}

// Labels are asked for every cell of every table: worked out once per period.
const labels = new Map<PeriodeId, string>();

export function periodLabel(id: PeriodeId): string {
  let label = labels.get(id);
  if (label === undefined) labels.set(id, (label = periodById(id).label));
  return label;
}

/** The form of a key in file and folder names: "2019", "2018-01_2019-11". */
export function fileKey(id: PeriodeId): string {
  return String(id).replace("..", "_");
}

/** Checks the configured periods; Dutch messages, empty when they are valid. */
export function periodProblems(config: PeriodeInstelling[]): string[] {
  const out: string[] = [];
  const parsed: { van: Maand; tot: Maand; i: number }[] = [];
  config.forEach((p, i) => {
    const van = maandFromKey(p.van);
    const tot = maandFromKey(p.tot);
    if (!van || !tot) return void out.push(`periode ${i + 1}: van en tot zijn maanden als JJJJ-MM, bijvoorbeeld "2018-01"`);
    if (ord(tot) < ord(van)) return void out.push(`periode ${p.van}..${p.tot}: tot ligt vóór van`);
    if (van.maand !== 1) {
      return void out.push(
        `periode ${p.van}..${p.tot} moet in januari beginnen: anders hebben de maanden van ${van.jaar} vóór de periode geen eigen verslagperiode`,
      );
    }
    parsed.push({ van, tot, i });
  });
  for (const a of parsed) {
    for (const b of parsed) {
      if (a.i < b.i && ord(a.van) <= ord(b.tot) && ord(b.van) <= ord(a.tot)) {
        out.push(
          `perioden ${config[a.i]!.van}..${config[a.i]!.tot} en ${config[b.i]!.van}..${config[b.i]!.tot} overlappen; elke maand hoort bij precies één verslagperiode`,
        );
      }
    }
  }
  return out;
}

function configured(config: PeriodeInstelling[] | undefined): { van: Maand; tot: Maand }[] {
  return (config ?? []).map((p) => ({ van: maandFromKey(p.van)!, tot: maandFromKey(p.tot)! }));
}

/** The period a month belongs to. `config` must be valid (periodProblems empty). */
export function periodOfMonth(config: PeriodeInstelling[] | undefined, m: Maand): Periode {
  const ps = configured(config);
  const own = ps.find((p) => ord(p.van) <= ord(m) && ord(m) <= ord(p.tot));
  if (own) return periode(own.van, own.tot);
  // Periods start in January, so a configured period that touches this year covers it from
  // January to some month: the rest of the year is one period.
  const touching = ps.filter((p) => p.tot.jaar === m.jaar);
  if (touching.length === 0) return periode({ jaar: m.jaar, maand: 1 }, { jaar: m.jaar, maand: 12 });
  const after = Math.max(...touching.map((p) => p.tot.maand));
  return periode({ jaar: m.jaar, maand: after + 1 }, { jaar: m.jaar, maand: 12 });
}

/** The ordered periods that hold the months from `first` to `last` (each period whole). */
export function timeline(config: PeriodeInstelling[] | undefined, first: Maand, last: Maand): Periode[] {
  const out: Periode[] = [];
  let n = ord(first);
  while (n <= ord(last)) {
    const p = periodOfMonth(config, fromOrd(n));
    out.push(p);
    n = ord(p.tot) + 1;
  }
  return out;
}

/**
 * The period of a row that only has a year (activiteiten): the period that holds most of
 * that year's months; on a tie (six and six) the earlier one.
 */
export function periodOfYear(config: PeriodeInstelling[] | undefined, jaar: number): Periode {
  const months = new Map<string, { p: Periode; n: number }>();
  for (let m = 1; m <= 12; m++) {
    const p = periodOfMonth(config, { jaar, maand: m });
    const e = months.get(p.key);
    if (e) e.n++;
    else months.set(p.key, { p, n: 1 });
  }
  let best: { p: Periode; n: number } | undefined;
  for (const e of months.values()) if (!best || e.n > best.n) best = e;
  return best!.p;
}

/** Whether a key names a period of the timeline that `config` makes (any months). */
export function isTimelineKey(config: PeriodeInstelling[] | undefined, key: string): boolean {
  let p: Periode;
  try {
    p = periodById(key);
  } catch {
    return false;
  }
  const own = periodOfMonth(config, p.van);
  return own.key === p.key;
}

export function ordMaand(m: Maand): number {
  return ord(m);
}

/** The last day of a period, for "stand van zaken op …" and peildatum: "31 december 2019". */
export function peildatum(p: Periode): string {
  const days = new Date(Date.UTC(p.tot.jaar, p.tot.maand, 0)).getUTCDate();
  return `${days} ${maandNaam(p.tot.maand)} ${p.tot.jaar}`;
}
