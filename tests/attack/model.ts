// The attacker's integer model of everything a reader holds, and the attack on it.
//
// Variables are the reader's atoms, per time atom (the finest cut of every period and calendar
// year the documents name):
// - meldingen VPOO: a count per aard atom (the finest categories the reader can name: row
//   labels and "omvat" members), and per counting class (counted / not counted) a count per
//   herkomst, per status and per counsellor group. No table crosses two of these dimensions,
//   so these margins with a common total are exactly what the cross-classification
//   aard × herkomst × status × group projects to (any whole-number margins with equal totals
//   can be joined into a whole-number cross table);
// - meldingen VPI: misstand / adviesvraag, and the herkomst of the misstand meldingen;
// - klachten per time atom; interventions and resultaten named in lists, per period;
// - hours per time atom × activity × counsellor group (continuous).
import { dutchNumber, type ReadDocument, type ReadTable } from "./read-documents.ts";
import { LinearModel, row, scale, sum, type Expr } from "./lp.ts";

const MAANDEN = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];

/** A period in months since year 0: [from, to], inclusive. */
export interface Period {
  from: number;
  to: number;
}

/**
 * "2020", "2018 t/m november 2019", "december 2019", "januari t/m november 2019", and a pooled
 * span "2018–2020" (or "2018–2020 samen", "2018 t/m november 2019–2020": from the start of the
 * first period to the end of the last); null otherwise.
 */
export function parsePeriod(label: string): Period | null {
  const l = label
    .replace(/\s*\(gepubliceerd\)\s*$/, "")
    .replace(/\s+samen$/i, "")
    .trim()
    .toLowerCase();
  const span = /^(.+?)\s*–\s*(.+)$/.exec(l);
  if (span) {
    const first = parsePeriod(span[1]!);
    const last = parsePeriod(span[2]!);
    return first && last && first.from <= last.to ? { from: first.from, to: last.to } : null;
  }
  const point = (s: string, end: boolean): number | null => {
    let m = /^(\d{4})$/.exec(s);
    if (m) return Number(m[1]) * 12 + (end ? 11 : 0);
    m = /^([a-z]+) (\d{4})$/.exec(s);
    if (m && MAANDEN.includes(m[1]!)) return Number(m[2]) * 12 + MAANDEN.indexOf(m[1]!);
    return null;
  };
  const range = /^(.+?) t\/m (.+)$/.exec(l);
  if (range) {
    const to = point(range[2]!, true);
    let from = point(range[1]!, false);
    if (from === null && MAANDEN.includes(range[1]!) && to !== null) from = Math.floor(to / 12) * 12 + MAANDEN.indexOf(range[1]!);
    return from !== null && to !== null ? { from, to } : null;
  }
  const from = point(l, false);
  const to = point(l, true);
  return from !== null && to !== null ? { from, to } : null;
}

/** The period of a document from its file name: "…-2020", "…-2018-01_2019-11". */
function periodOfName(name: string): Period | null {
  const m = /-(\d{4})-(\d{2})_(\d{4})-(\d{2})(?:-vertrouwelijk)?$/.exec(name);
  if (m) return { from: Number(m[1]) * 12 + Number(m[2]) - 1, to: Number(m[3]) * 12 + Number(m[4]) - 1 };
  const y = /-(\d{4})(?:-vertrouwelijk)?$/.exec(name);
  return y ? { from: Number(y[1]) * 12, to: Number(y[1]) * 12 + 11 } : null;
}

const key = (p: Period) => `${p.from}-${p.to}`;
const month = (m: number) => `${MAANDEN[m % 12]} ${Math.floor(m / 12)}`;
const show = (p: Period) =>
  p.from % 12 === 0 && p.to === p.from + 11
    ? String(p.from / 12)
    : p.from % 12 === 0 && p.to % 12 === 11
      ? `${p.from / 12}–${(p.to - 11) / 12}` // whole years: a pooled span as the report writes it
      : p.from === p.to
        ? month(p.from)
        : `${month(p.from)} t/m ${month(p.to)}`;

/** Known from outside the documents: a published total for a calendar year (historie.csv's reports). */
export interface OutsideFigure {
  reeks: "meldingen_vpoo" | "meldingen_vpi" | "klachten";
  jaar: number;
  waarde: number;
}

/** One number the reader cannot see, with the linear expression it is over the atoms. */
export interface Target {
  what: string;
  kind: "aantal" | "uren";
  expr: Expr;
  /** "Overige" etc.: used to tell which universe the insider shares. */
  universe: "vpoo" | "vpi" | "klachten" | "interventie" | "uren";
  /** Threshold of the document that hid it. */
  k: number;
  /** The document table (or list) it stands in: the insider's own melding is in the same one. */
  table?: string;
  /** Hidden in a confidential document. */
  confidential?: boolean;
}

/**
 * The verdict on a derived single-year count (no document prints it; the reader gets it by
 * subtracting): the reader learns a small count. Without the truth only when that is certain —
 * every value the documents allow is 1..k−1; a derived 0 may be published (nullenPubliceren)
 * and a derived ≥ k is no small count. With the truth: a true 1..k−1 needs k possible values,
 * as a hidden printed count does.
 */
export function derivedDisclosed([lo, hi]: [number, number], k: number, truth?: number): boolean {
  if (truth !== undefined) return truth >= 1 && truth <= k - 1 && hi - lo < k - 1;
  return lo >= 1 && hi <= k - 1;
}

interface Finding {
  what: string;
  kind: "aantal" | "uren";
  lo: number;
  hi: number;
  k: number;
  scenario: string;
}

export interface AttackResult {
  targets: { what: string; kind: "aantal" | "uren"; lo: number; hi: number; k: number }[];
  /** Single-year counts no document prints, each with what the documents allow ("afgeleid: aard Pesten, 2020"). */
  derived: { what: string; lo: number; hi: number; k: number }[];
  /** Every hidden figure (or implied count) narrowed below what the verdict allows. */
  findings: Finding[];
  /** Readings the documents contradict (the reader learns the reading is wrong, not a number). */
  contradictions: string[];
  /** Tables the attacker did not know how to read (so their numbers are not in the model). */
  unread: string[];
  /** Printed counts below the threshold (a primary disclosure on the page itself). */
  printedSmall: string[];
  /** Counsellor groups of one or two whose hours are printed (p%-rule with n−1 colluders). */
  groupHours: string[];
}

const HERKOMST: Record<string, string> = { fracties: "fractie", "ambtelijke organisatie": "ambtelijk", extern: "extern" };
/** Every herkomst a melder can have; a herkomst row may count several (extern with ambtelijk). */
const HERKOMSTEN = ["fractie", "ambtelijk", "extern"];
/** The herkomsten a row or header counts: "Ambtelijke organisatie (met extern)" is two. */
function herkomstenOf(label: string): string[] {
  const l = label.toLowerCase().trim();
  const merged = /^(.+?) \(met (.+)\)$/.exec(l);
  if (merged) return [HERKOMST[merged[1]!] ?? merged[1]!, HERKOMST[merged[2]!] ?? merged[2]!];
  return [HERKOMST[l] ?? label];
}
const GROEP: Record<string, string> = {
  "vanuit de fracties": "fractie",
  "vanuit de ambtelijke organisatie": "ambtelijk",
  "externe vertrouwenspersoon": "extern",
  "externe vertrouwenspersonen": "extern",
};

const UNNAMED = "(niet te benoemen)";

function stripRule(label: string): string {
  return label.replace(/\s*\(telt niet mee\)\s*$/, "");
}

/** The categories that a document's counting rule leaves out of its totals. */
function notCounted(doc: ReadDocument): Set<string> {
  const text = doc.paragraphs.join(" ");
  const m = /Telregel: meldingen in de categorie(?:ën)? (.+?) tellen niet mee/.exec(text);
  if (!m) return new Set();
  return new Set([...m[1]!.matchAll(/"([^"]+)"/g)].map((q) => q[1]!));
}

function thresholdOf(doc: ReadDocument, fallback: number): number {
  const text = doc.paragraphs.join(" ");
  const m =
    /geen aantal kleiner dan (\d+)/.exec(text) ?? /aantal meldingen kleiner dan (\d+)/.exec(text) ?? /minimaal (\d+) meldingen/.exec(text);
  return m ? Number(m[1]) : fallback;
}

type TableKind =
  | "per-100"
  | "herkomst"
  | "status"
  | "aard"
  | "vpgroep"
  | "uren-activiteit"
  | "uren-groep"
  | "klachten"
  | "totalen"
  | "aard-data"
  | "uren-data"
  | "herkomst-aandeel"
  | "vpi-jaren"
  | "vpi-herkomst"
  | "vpi-data";

function kindOf(t: ReadTable): TableKind | null {
  const c = t.caption.toLowerCase();
  if (c.includes("cijfers bij de grafiek")) {
    if (c.includes("integriteit")) return "vpi-data";
    if (c.includes("aantal meldingen")) return "totalen";
    if (c.includes("aard")) return "aard-data";
    if (c.includes("uren")) return "uren-data";
    if (c.includes("herkomst")) return "herkomst-aandeel";
    return null;
  }
  if (c.includes("per 100 medewerkers")) return "per-100";
  if (c.includes("meldingen en adviesvragen")) return "vpi-jaren";
  if (c.includes("herkomst van de melders")) return "vpi-herkomst";
  if (c.includes("herkomst")) return "herkomst";
  if (c.includes("stand van zaken")) return "status";
  if (c.includes("aard van de meldingen")) return "aard";
  if (c.includes("tijdsbesteding naar activiteit")) return "uren-activiteit";
  if (c.includes("tijdsbesteding naar groep")) return "uren-groep";
  if (c.includes("groep") && c.includes("vertrouwenspersonen")) return "vpgroep";
  if (c.includes("klachten")) return "klachten";
  return null;
}

/** The dimension a table names at row level (for derived targets). */
const DIMENSION: Partial<Record<TableKind, string>> = {
  herkomst: "herkomst",
  "herkomst-aandeel": "herkomst",
  status: "status",
  vpgroep: "vpgroep",
  aard: "aard",
  "aard-data": "aard",
  "vpi-jaren": "vpi",
  "vpi-data": "vpi",
  "vpi-herkomst": "vpi-herkomst",
};

function ownerOf(doc: ReadDocument, t: ReadTable): ReadTable {
  return kindOf(t) === "aard-data" ? (doc.tables.find((x) => kindOf(x) === "aard") ?? t) : t;
}

/** Everything one reader holds, turned into a model; then every hidden figure attacked. */
export class Attack {
  readonly lp = new LinearModel();
  private readonly cuts: number[];
  private readonly atoms: Period[] = [];
  private readonly vars = new Map<string, number>();
  private readonly atomOfCol = new Map<number, number>();

  private atomsIn(e: Expr): Set<number> {
    return new Set([...e.keys()].map((c) => this.atomOfCol.get(c)).filter((a): a is number => a !== undefined));
  }
  readonly targets: Target[] = [];
  /** Single calendar years of a row the reader can name, printed nowhere (see derivedTargets). */
  readonly derived: Target[] = [];
  /** Per dimension the reader can name at row level, the periods its tables cover. */
  private readonly spans = new Map<string, Period[]>();
  private readonly targetIds = new Map<string, Target>();
  /** Figures printed somewhere this reader looks (a document of their audience may print what another hides). */
  private readonly printedIds = new Set<string>();
  readonly contradictions: string[] = [];
  readonly unread: string[] = [];
  readonly printedSmall: string[] = [];
  readonly groupHours: string[] = [];
  /** Aard label → atoms it is the sum of (from "omvat" notes). */
  private readonly composite = new Map<string, string[]>();
  private readonly aardAtoms = new Set<string>();
  private readonly nonCounting = new Set<string>();
  private readonly activities = new Set<string>();
  private readonly groups = new Set<string>();
  private readonly k: number;

  constructor(
    private readonly docs: ReadDocument[],
    private readonly outside: OutsideFigure[] = [],
  ) {
    // Time atoms: cut every period the reader can name at its ends.
    const periods: Period[] = [];
    for (const d of docs) {
      const p = periodOfName(d.name);
      if (p) periods.push(p);
      for (const t of d.tables) {
        for (const h of t.headers) periods.push(...[parsePeriod(h)].filter((x): x is Period => x !== null));
        for (const r of t.rows) periods.push(...[parsePeriod(r.label)].filter((x): x is Period => x !== null));
      }
      for (const f of d.feed ?? []) periods.push({ from: f.jaar * 12, to: f.jaar * 12 + 11 });
    }
    for (const o of outside) periods.push({ from: o.jaar * 12, to: o.jaar * 12 + 11 });
    // Every calendar year inside a period is cut out too, so that a single year of a pooled span
    // is a sum of atoms (a derived figure: two spans' difference, see derivedTargets).
    const yearCuts = (p: Period) =>
      Array.from({ length: Math.floor(p.to / 12) - Math.ceil(p.from / 12) + 1 }, (_, i) => (Math.ceil(p.from / 12) + i) * 12);
    this.cuts = [...new Set(periods.flatMap((p) => [p.from, p.to + 1, ...yearCuts(p)]))].sort((a, b) => a - b);
    for (let i = 0; i + 1 < this.cuts.length; i++) this.atoms.push({ from: this.cuts[i]!, to: this.cuts[i + 1]! - 1 });
    this.k = Math.max(...docs.map((d) => thresholdOf(d, 0)), 0) || 5;
    this.k = Math.min(...docs.map((d) => thresholdOf(d, Infinity)).filter((x) => x < Infinity), this.k);
    this.collectNames();
  }

  /** The reader's threshold: the smallest any held document states. */
  get threshold(): number {
    return this.k;
  }

  private collectNames(): void {
    let n = 0;
    for (const d of this.docs) for (const t of d.tables) this.tableIds.set(t, n++);
    for (const d of this.docs) {
      for (const c of notCounted(d)) this.nonCounting.add(c);
      for (const t of d.tables) {
        const kind = kindOf(t);
        if (kind === "aard" || kind === "aard-data") {
          for (const n of t.notes) {
            const m = /^"(.+)" omvat: (.+)\.$/.exec(n);
            if (m && m[1] !== "Overige") this.composite.set(m[1]!, m[2]!.split(", "));
          }
        }
      }
    }
    for (const d of this.docs) {
      for (const t of d.tables) {
        const kind = kindOf(t);
        if (kind === "aard" || kind === "aard-data")
          for (const r of t.rows) if (!r.total) for (const a of this.membersOf(stripRule(r.label), ownerOf(d, t))) this.aardAtoms.add(a);
        if (kind === "uren-activiteit") for (const r of t.rows) if (!r.total) this.activities.add(r.label);
        if (kind === "uren-groep") for (const r of t.rows) if (!r.total) this.groups.add(GROEP[r.label.toLowerCase()] ?? r.label);
      }
    }
    for (const c of this.nonCounting) this.aardAtoms.add(c);
    // Meldingen of a kind the reader cannot name: 0 wherever a complete aard table covers
    // the period, free where none does (a total in the feed, a year without an aard table).
    this.aardAtoms.add(UNNAMED);
    this.activities.add("Afhandeling meldingen");
    if (this.groups.size === 0) this.groups.add("alle");
  }

  /**
   * The atoms a row label stands for: its own "omvat" note; else the note of the same label
   * elsewhere (a vocabulary group keeps its members) — but never for "Overige", whose members
   * differ per table; else the label itself.
   */
  private membersOf(label: string, table?: ReadTable): string[] {
    for (const n of table?.notes ?? []) {
      const m = /^"(.+)" omvat: (.+)\.$/.exec(n);
      if (m && m[1] === label) return m[2]!.split(", ");
    }
    if (label === "Overige") {
      // Without a note "Overige" is everything else: every category the reader can name that
      // no other row of this table holds, and what the reader cannot name.
      const own = table ? `Overige (${table.caption}, ${table.headers.join("/")}, ${this.tableIds.get(table)})` : label;
      if (!table) return [own];
      const others = new Set(
        table.rows.filter((r) => !r.total && r.label !== "Overige").flatMap((r) => this.membersOf(stripRule(r.label), table)),
      );
      return [own, ...[...this.aardAtoms].filter((a) => !others.has(a) && !a.startsWith("Overige ("))];
    }
    return this.composite.get(label) ?? [label];
  }

  private readonly tableIds = new Map<ReadTable, number>();

  private atomsOf(p: Period): number[] {
    const inside = this.atoms.map((a, i) => (a.from >= p.from && a.to <= p.to ? i : -1)).filter((i) => i >= 0);
    return inside;
  }

  private v(name: string, kind: "int" | "real"): number {
    let col = this.vars.get(name);
    if (col === undefined) {
      col = this.lp.variable(kind);
      this.vars.set(name, col);
      const atom = Number(name.split("|")[1]);
      if (Number.isInteger(atom)) this.atomOfCol.set(col, atom);
    }
    return col;
  }

  // --- the atoms --------------------------------------------------------------------------

  private aard(t: number, a: string): number {
    return this.v(`aard|${t}|${a}`, "int");
  }

  /** Counted meldingen of a time atom under a rule that leaves `excluded` out. */
  private total(t: number, excluded: Set<string>): Expr {
    return sum(...[...this.aardAtoms].filter((a) => !excluded.has(a)).map((a) => new Map([[this.aard(t, a), 1]])));
  }

  /** Margin cell of dimension `dim`, counting class `cls` ("mee"/"niet"), value `val`. */
  private margin(t: number, dim: string, cls: "mee" | "niet", val: string, values: string[]): number {
    const name = `marge|${t}|${dim}|${cls}`;
    if (!this.vars.has(`${name}|${values[0]}`)) {
      const cols = values.map((x) => this.v(`${name}|${x}`, "int"));
      const atoms = [...this.aardAtoms].filter((a) => (cls === "niet") === this.nonCounting.has(a));
      this.lp.equal(
        sum(new Map(cols.map((c) => [c, 1])), scale(sum(...atoms.map((a) => new Map([[this.aard(t, a), 1]]))), -1)),
        0,
        `${dim} telt op tot het totaal`,
      );
    }
    return this.v(`${name}|${val}`, "int");
  }

  private hours(t: number, act: string, g: string): number {
    return this.v(`uren|${t}|${act}|${g}`, "real");
  }

  // --- cells of the documents -------------------------------------------------------------

  private marginCell(p: Period, dim: string, val: string, values: string[], excluded: Set<string>): Expr {
    const classes: ("mee" | "niet")[] = [...this.nonCounting].some((c) => !excluded.has(c)) ? ["mee", "niet"] : ["mee"];
    return sum(...this.atomsOf(p).flatMap((t) => classes.map((cls) => new Map([[this.margin(t, dim, cls, val, values), 1]]))));
  }

  private totalCell(p: Period, excluded: Set<string>): Expr {
    return sum(...this.atomsOf(p).map((t) => this.total(t, excluded)));
  }

  private aardCell(p: Period, label: string, table?: ReadTable): Expr {
    return sum(...this.atomsOf(p).flatMap((t) => this.membersOf(stripRule(label), table).map((a) => new Map([[this.aard(t, a), 1]]))));
  }

  private hoursCell(p: Period, acts: string[], groups: string[]): Expr {
    return sum(...this.atomsOf(p).flatMap((t) => acts.flatMap((a) => groups.map((g) => new Map([[this.hours(t, a, g), 1]])))));
  }

  private vpi(t: number, soort: "misstand" | "advies"): number {
    return this.v(`vpi|${t}|${soort}`, "int");
  }

  private vpiHerkomst(t: number, h: string): number {
    const name = `vpiherkomst|${t}`;
    if (!this.vars.has(`${name}|fractie`)) {
      const cols = HERKOMSTEN.map((x) => this.v(`${name}|${x}`, "int"));
      this.lp.equal(
        sum(new Map(cols.map((c) => [c, 1])), new Map([[this.vpi(t, "misstand"), -1]])),
        0,
        "VPI-herkomst telt op tot de meldingen",
      );
    }
    return this.v(`${name}|${h}`, "int");
  }

  private vpiCell(p: Period, soort: "misstand" | "advies"): Expr {
    return sum(...this.atomsOf(p).map((t) => new Map([[this.vpi(t, soort), 1]])));
  }

  private klachtenCell(p: Period): Expr {
    return sum(...this.atomsOf(p).map((t) => new Map([[this.v(`klachten|${t}`, "int"), 1]])));
  }

  /**
   * A printed cell: a count is exact, hours ±0,05, a share or an average its rounding
   * interval (given as lo/hi by the caller); "x" becomes a target.
   */
  private cell(
    expr: Expr,
    shown: string,
    what: string,
    kind: "aantal" | "uren",
    universe: Target["universe"],
    k: number,
    source: string,
  ): void {
    const value = dutchNumber(shown);
    const id = [...expr]
      .filter(([, v]) => v !== 0)
      .sort((a, b) => a[0] - b[0])
      .map(([c, v]) => `${c}:${v}`)
      .join(" ");
    if (shown.trim().toLowerCase() === "x") {
      // The same figure hidden in several places is one target. Hidden in the public version
      // AND in a confidential one, it is hidden from the confidential reader too: it stays a
      // target for them, at the smaller threshold, named after the confidential document.
      const confidential = what.split(":")[0]!.endsWith("-vertrouwelijk");
      const seen = this.targetIds.get(id);
      if (!seen) {
        const target: Target = { what, kind, expr, universe, k, table: what.split(" — ")[0], confidential };
        this.targetIds.set(id, target);
        this.targets.push(target);
      } else if (confidential && !seen.confidential)
        Object.assign(seen, { what, k: Math.min(seen.k, k), table: what.split(" — ")[0], confidential: true });
      return;
    }
    if (value === null) return;
    this.printedIds.add(id);
    if (kind === "aantal") {
      this.lp.equal(expr, value, source);
      if (universe !== "klachten" && value > 0 && value < k) this.printedSmall.push(`${what} = ${shown}`);
    } else this.lp.constrain(expr, value - 0.05 - 1e-9, value + 0.05 + 1e-9, source);
  }

  // --- reading the documents --------------------------------------------------------------

  read(): this {
    for (const doc of this.docs) this.readDocument(doc);
    for (const o of this.outside) this.readOutside(o);
    this.listConstraints();
    this.derivedTargets();
    return this;
  }

  /**
   * What a reader gets by subtracting: "2018–2020 samen" minus "2018–2019 samen" is 2020 alone,
   * though no table prints that year at that level. For every row a dimension's tables name
   * (aard categories, herkomst, stand van zaken, groep, VPI) and every calendar year inside a
   * period those tables cover, the year's count is a target of its own. Printed ones and hidden
   * printed ones are left out when the attack runs (they are figures, judged as such).
   */
  private derivedTargets(): void {
    const years = (dim: string) => {
      const out = new Set<number>();
      for (const p of this.spans.get(dim) ?? []) for (let y = Math.ceil(p.from / 12); y * 12 + 11 <= p.to; y++) out.add(y);
      return [...out].sort((a, b) => a - b);
    };
    const add = (dim: string, what: string, universe: Target["universe"], cols: (t: number) => number[]) => {
      for (const y of years(dim)) {
        const atoms = this.atomsOf({ from: y * 12, to: y * 12 + 11 });
        // The year must be whole atoms (it is, once cut in the constructor; a guard all the same).
        if (atoms.reduce((n, t) => n + this.atoms[t]!.to - this.atoms[t]!.from + 1, 0) !== 12) continue;
        const expr = sum(...atoms.flatMap((t) => cols(t).map((c) => new Map([[c, 1]]))));
        this.derived.push({ what: `afgeleid: ${what}, ${y}`, kind: "aantal", expr, universe, k: this.k });
      }
    };
    // Not the atoms that stand for no category: one table's "Overige" without a note, and what
    // the reader cannot name.
    for (const a of this.aardAtoms)
      if (a !== UNNAMED && !a.startsWith("Overige (")) add("aard", `aard ${a}`, "vpoo", (t) => [this.aard(t, a)]);
    // Herkomst as its rows print it ("Ambtelijke organisatie (met extern)" is one row: extern
    // alone is no row the reader can name then); margins of the counted meldingen (the class
    // the totals count).
    for (const [label, hs] of this.herkomstRows.get("herkomst") ?? [])
      add("herkomst", `herkomst ${label}`, "vpoo", (t) => hs.map((h) => this.margin(t, "herkomst", "mee", h, HERKOMSTEN)));
    for (const [label, hs] of this.herkomstRows.get("vpi-herkomst") ?? [])
      add("vpi-herkomst", `VPI-herkomst ${label}`, "vpi", (t) => hs.map((h) => this.vpiHerkomst(t, h)));
    const named: Record<string, string> = { status: "stand van zaken", vpgroep: "groep" };
    for (const dim of ["status", "vpgroep"]) {
      const values = new Set<string>();
      for (const name of this.vars.keys()) {
        const m = /^marge\|\d+\|([^|]+)\|mee\|(.+)$/.exec(name);
        if (m && m[1] === dim) values.add(m[2]!);
      }
      for (const val of values) add(dim, `${named[dim]} ${val}`, "vpoo", (t) => [this.margin(t, dim, "mee", val, [...values])]);
    }
    add("vpi", "VPI meldingen", "vpi", (t) => [this.vpi(t, "misstand")]);
    add("vpi", "VPI adviesvragen", "vpi", (t) => [this.vpi(t, "advies")]);
  }

  /** Per herkomst dimension, the rows its tables print: label (the first seen) → the herkomsten it counts. */
  private readonly herkomstRows = new Map<string, Map<string, string[]>>();

  private herkomstRow(dim: string, label: string): void {
    const rows = this.herkomstRows.get(dim) ?? this.herkomstRows.set(dim, new Map()).get(dim)!;
    const hs = herkomstenOf(label).sort();
    if (![...rows.values()].some((x) => x.join() === hs.join())) rows.set(label, hs);
  }

  private readDocument(doc: ReadDocument): void {
    const k = thresholdOf(doc, this.k);
    const excluded = notCounted(doc);
    const own = periodOfName(doc.name);
    const src = (what: string) => `${doc.name}: ${what}`;
    for (const t of doc.tables) this.readTable(doc, t, k, excluded);
    for (const f of doc.feed ?? []) {
      const p = { from: f.jaar * 12, to: f.jaar * 12 + 11 };
      this.cell(this.totalCell(p, excluded), f.meldingenVpoo, `${doc.name}: meldingen VPOO ${f.jaar}`, "aantal", "vpoo", k, src("feed"));
      this.cell(this.vpiCell(p, "misstand"), f.meldingenVpi, `${doc.name}: meldingen VPI ${f.jaar}`, "aantal", "vpi", k, src("feed"));
      this.cell(this.klachtenCell(p), f.klachten, `${doc.name}: klachten ${f.jaar}`, "aantal", "klachten", k, src("feed"));
    }
    for (const p of doc.paragraphs) {
      this.readSentence(doc, p, k, excluded, own);
      this.readTeam(p);
    }
    this.readLists(doc, k, own);
  }

  private readTable(doc: ReadDocument, t: ReadTable, k: number, excluded: Set<string>): void {
    const kind = kindOf(t);
    const what = (r: string, c: string) => `${doc.name}: ${t.caption} — ${r}, ${c}`;
    const src = `${doc.name}: ${t.caption}`;
    if (kind === null) {
      this.unread.push(src);
      return;
    }
    const columns = t.headers.map((h) => parsePeriod(h));
    const dimension = DIMENSION[kind];
    if (dimension) {
      const covered = [...columns, ...t.rows.map((r) => parsePeriod(r.label))].filter((p): p is Period => p !== null);
      this.spans.set(dimension, [...(this.spans.get(dimension) ?? []), ...covered]);
    }
    if (kind === "herkomst" || kind === "vpi-herkomst") for (const r of t.rows) if (!r.total) this.herkomstRow(kind, r.label);
    if (kind === "herkomst-aandeel") for (const h of t.headers) this.herkomstRow("herkomst", h);
    const byColumn = (fn: (p: Period, rowLabel: string, shown: string, total: boolean) => void) => {
      for (const r of t.rows) r.cells.forEach((shown, i) => columns[i] && fn(columns[i]!, r.label, shown, r.total));
    };
    switch (kind) {
      case "herkomst":
        byColumn((p, label, shown, total) => {
          const expr = total
            ? this.totalCell(p, excluded)
            : sum(...herkomstenOf(label).map((h) => this.marginCell(p, "herkomst", h, HERKOMSTEN, excluded)));
          this.cell(expr, shown, what(label, show(p)), "aantal", "vpoo", k, src);
        });
        return;
      case "status":
      case "vpgroep": {
        const values = t.rows
          .filter((r) => !r.total)
          .map((r) => HERKOMST[r.label.toLowerCase()] ?? GROEP[r.label.toLowerCase()] ?? r.label);
        byColumn((p, label, shown, total) => {
          const expr = total
            ? this.totalCell(p, excluded)
            : this.marginCell(p, kind, HERKOMST[label.toLowerCase()] ?? GROEP[label.toLowerCase()] ?? label, values, excluded);
          this.cell(expr, shown, what(label, show(p)), "aantal", "vpoo", k, src);
        });
        return;
      }
      case "aard":
      case "aard-data": {
        // The chart's figures use the rows (and notes) of the document's aard table.
        const owner = ownerOf(doc, t);
        const stated = doc.paragraphs.some((p) => p.includes("Categorieën met kleine aantallen zijn samengevoegd"));
        const covered = new Set(t.rows.filter((r) => !r.total).flatMap((r) => this.membersOf(stripRule(r.label), owner)));
        for (const [i, p] of columns.entries()) {
          if (!p) continue;
          // Rows are exhaustive: a category the reader can name but this table has no row for is 0 here.
          for (const a of this.aardAtoms)
            if (!covered.has(a) && !(kind === "aard-data")) this.lp.equal(this.aardCell(p, a), 0, `${src}: geen rij voor "${a}"`);
          for (const r of t.rows) {
            const shown = r.cells[i] ?? "";
            const expr = r.total ? this.totalCell(p, excluded) : this.aardCell(p, r.label, owner);
            this.cell(expr, shown, what(r.label, show(p)), "aantal", "vpoo", k, src);
            // The stated merge rule: a row standing on its own is 0 or at least k.
            if (stated && !r.total && r.label !== "Overige" && !r.label.endsWith("(telt niet mee)"))
              this.lp.zeroOrAtLeast(expr, k, 10_000, `${src}: samenvoegregel, rij ${r.label}`);
          }
        }
        // Every category the table names — on its own row or in a note — was registered in
        // one of its periods: a table that names only categories that occur says so. Unless the
        // report states that the table names every category of the vocabulary, occurred or not.
        const namesAll = doc.paragraphs.some((p) => /noemt alle categorie(ë|e)n van de woordenlijst, ook die zonder meldingen/i.test(p));
        if (kind === "aard" && !namesAll) {
          const periods = columns.filter((p): p is Period => p !== null);
          const named = [
            ...t.rows
              .filter(
                (r) =>
                  !r.total &&
                  r.label !== "Overige" &&
                  !r.label.endsWith("(telt niet mee)") &&
                  !t.notes.some((n) => n.startsWith(`"${r.label}" omvat`)),
              )
              .map((r) => r.label),
            ...t.notes.flatMap((n) => /^"(.+)" omvat: (.+)\.$/.exec(n)?.[2]!.split(", ") ?? []),
          ];
          for (const a of named)
            this.lp.constrain(sum(...periods.map((p) => this.aardCell(p, a))), 1, Infinity, `${src}: "${a}" komt voor`);
        }
        return;
      }
      case "totalen":
        for (const r of t.rows) {
          const p = parsePeriod(r.label);
          if (p) this.cell(this.totalCell(p, excluded), r.cells[0] ?? "", what(r.label, "totaal"), "aantal", "vpoo", k, src);
        }
        return;
      case "per-100":
        // Per year: the total, the headcount and the rate to one decimal. The rate bounds the
        // total too: (r − 0,05)·h/100 ≤ total ≤ (r + 0,05)·h/100.
        for (const r of t.rows) {
          const p = parsePeriod(r.label);
          if (!p) continue;
          const total = this.totalCell(p, excluded);
          this.cell(total, r.cells[0] ?? "", what(r.label, "totaal"), "aantal", "vpoo", k, src);
          const h = dutchNumber(r.cells[1] ?? "");
          const rate = dutchNumber(r.cells[2] ?? "");
          if (h !== null && rate !== null)
            this.lp.constrain(total, ((rate - 0.05) * h) / 100, ((rate + 0.05) * h) / 100, `${src}: ${r.label} per 100`);
        }
        return;
      case "uren-activiteit": {
        const present = new Set(t.rows.filter((r) => !r.total).map((r) => r.label));
        byColumn((p, label, shown, total) => {
          const acts = total ? [...this.activities] : [label];
          this.cell(this.hoursCell(p, acts, [...this.groups]), shown, what(label, show(p)), "uren", "uren", k, src);
        });
        // An activity the reader can name without a row here had no hours in these periods.
        for (const p of columns)
          if (p)
            for (const a of this.activities)
              if (!present.has(a)) this.lp.equal(this.hoursCell(p, [a], [...this.groups]), 0, `${src}: geen rij voor "${a}"`);
        return;
      }
      case "uren-groep": {
        const present = new Set(t.rows.filter((r) => !r.total).map((r) => GROEP[r.label.toLowerCase()] ?? r.label));
        byColumn((p, label, shown, total) => {
          const g = GROEP[label.toLowerCase()] ?? label;
          this.cell(
            this.hoursCell(p, [...this.activities], total ? [...this.groups] : [g]),
            shown,
            what(label, show(p)),
            "uren",
            "uren",
            k,
            src,
          );
          if (!total && shown !== "x") this.printedGroupHours.push({ doc: doc.name, group: g, label, period: p, shown });
        });
        for (const p of columns)
          if (p)
            for (const g of this.groups)
              if (!present.has(g)) this.lp.equal(this.hoursCell(p, [...this.activities], [g]), 0, `${src}: geen rij voor groep "${g}"`);
        return;
      }
      case "uren-data": {
        // Columns by their headers: hours on meldingen, every registered melding, the average.
        const column = (start: string, fallback: number) => {
          const i = t.headers.findIndex((x) => x.toLowerCase().startsWith(start));
          return i >= 0 ? i : fallback;
        };
        const [hoursAt, registeredAt, averageAt] = [column("uren aan", 0), column("geregistreerde", -1), column("uren per", 1)];
        for (const r of t.rows) {
          const p = parsePeriod(r.label);
          if (!p) continue;
          const h = this.hoursCell(p, ["Afhandeling meldingen"], [...this.groups]);
          this.cell(h, r.cells[hoursAt] ?? "", what(r.label, "uren aan meldingen"), "uren", "uren", k, src);
          // (an "x" there hides the row with its hours; the registered total is no target of its own)
          if (registeredAt >= 0 && dutchNumber(r.cells[registeredAt] ?? "") !== null)
            this.cell(
              this.totalCell(p, new Set()),
              r.cells[registeredAt]!,
              what(r.label, "geregistreerde meldingen"),
              "aantal",
              "vpoo",
              k,
              src,
            );
          this.average(h, p, r.cells[averageAt] ?? "", src);
        }
        return;
      }
      case "herkomst-aandeel": {
        const values = t.headers.map((h) => herkomstenOf(h));
        for (const r of t.rows) {
          const p = parsePeriod(r.label);
          if (!p) continue;
          r.cells.forEach((shown, i) => {
            const pct = dutchNumber(shown);
            if (pct === null) return;
            const part = sum(...values[i]!.map((h) => this.marginCell(p, "herkomst", h, HERKOMSTEN, excluded)));
            const total = this.totalCell(p, excluded);
            // pct − 0,5 ≤ 100·part/total ≤ pct + 0,5
            this.lp.constrain(sum(scale(part, 100), scale(total, -(pct - 0.5))), 0, Infinity, src);
            this.lp.constrain(sum(scale(part, 100), scale(total, -(pct + 0.5))), -Infinity, 0, src);
          });
        }
        return;
      }
      case "vpi-jaren":
        byColumn((p, label, shown) =>
          this.cell(
            this.vpiCell(p, label.toLowerCase().startsWith("advies") ? "advies" : "misstand"),
            shown,
            what(label, show(p)),
            "aantal",
            "vpi",
            k,
            src,
          ),
        );
        return;
      case "vpi-data":
        for (const r of t.rows) {
          const p = parsePeriod(r.label);
          if (p) this.cell(this.vpiCell(p, "misstand"), r.cells[0] ?? "", what(r.label, "meldingen"), "aantal", "vpi", k, src);
        }
        return;
      case "vpi-herkomst":
        byColumn((p, label, shown, total) => {
          const expr = total
            ? this.vpiCell(p, "misstand")
            : sum(...this.atomsOf(p).flatMap((t) => herkomstenOf(label).map((h) => new Map([[this.vpiHerkomst(t, h), 1]]))));
          this.cell(expr, shown, what(label, show(p)), "aantal", "vpi", k, src);
        });
        return;
      case "klachten":
        for (const r of t.rows) {
          const p = parsePeriod(r.label);
          if (p) this.cell(this.klachtenCell(p), r.cells[0] ?? "", what(r.label, "klachten"), "aantal", "klachten", k, src);
        }
        return;
    }
  }

  /** "gemiddeld 2,1 uur per geregistreerde melding": hours / every registered melding, ±0,05. */
  private average(hours: Expr, p: Period, shown: string, source: string): void {
    const a = dutchNumber(shown);
    if (a === null) return;
    const n = this.totalCell(p, new Set());
    this.lp.constrain(sum(hours, scale(n, -(a - 0.05))), -1e-9, Infinity, `${source}: gemiddelde`);
    this.lp.constrain(sum(hours, scale(n, -(a + 0.05))), -Infinity, 1e-9, `${source}: gemiddelde`);
  }

  private readSentence(doc: ReadDocument, text: string, k: number, excluded: Set<string>, own: Period | null): void {
    const src = `${doc.name}: tekst`;
    const count = (label: string, n: string, what: string, fn: (p: Period) => Expr, universe: Target["universe"]) => {
      const p = parsePeriod(label);
      if (p) this.cell(fn(p), n === "geen" ? "0" : n, `${doc.name}: ${what} ${label}`, "aantal", universe, k, src);
    };
    let m = /In (.+?) hebben de vertrouwenspersonen in totaal (\d+) meldingen ontvangen(?:, tegen (\d+) in (.+?))?\./.exec(text);
    if (m) {
      count(m[1]!, m[2]!, "totaal", (p) => this.totalCell(p, excluded), "vpoo");
      if (m[3]) count(m[4]!, m[3], "totaal", (p) => this.totalCell(p, excluded), "vpoo");
    }
    m = /jaarverslag over (.+?) opgesteld\. Zij ontvingen (\d+) meldingen(?: \((.+?): (\d+)\))?/.exec(text);
    if (m) {
      count(m[1]!, m[2]!, "totaal", (p) => this.totalCell(p, excluded), "vpoo");
      if (m[3]) count(m[3], m[4]!, "totaal", (p) => this.totalCell(p, excluded), "vpoo");
    }
    m = /Daarnaast zijn er (\d+) meldingen? geregistreerd in de categorie "(.+?)"/.exec(text);
    if (m && own) this.cell(this.aardCell(own, m[2]!), m[1]!, `${doc.name}: ${m[2]}`, "aantal", "vpoo", k, src);
    m =
      /Aan de afhandeling van meldingen hebben de vertrouwenspersonen in (.+?) in totaal ([\d.,]+) uur besteed(?:, gemiddeld ([\d,]+) uur per geregistreerde melding)?/.exec(
        text,
      );
    if (m) {
      const p = parsePeriod(m[1]!);
      if (p) {
        const h = this.hoursCell(p, ["Afhandeling meldingen"], [...this.groups]);
        this.cell(h, m[2]!, `${doc.name}: uren aan meldingen ${m[1]}`, "uren", "uren", k, src);
        if (m[3]) this.average(h, p, m[3], src);
      }
    }
    m = /In (.+?) ontving de vertrouwenspersoon integriteit (geen|\d+) meldingen/.exec(text);
    if (m) count(m[1]!, m[2]!, "VPI-meldingen", (p) => this.vpiCell(p, "misstand"), "vpi");
    m = /Er zijn (geen|\d+) adviesvragen behandeld/.exec(text);
    if (m && own)
      this.cell(this.vpiCell(own, "advies"), m[1] === "geen" ? "0" : m[1]!, `${doc.name}: adviesvragen`, "aantal", "vpi", k, src);
    // Appendix B: "meldingen_vpi 2019: gepubliceerd 0 (…), de registratie telt 1 …"
    m = /^(meldingen_vpoo|meldingen_vpi|klachten) (\d{4}): gepubliceerd .*de registratie telt (\d+)/.exec(text);
    if (m) {
      const y = Number(m[2]);
      const p = { from: y * 12, to: y * 12 + 11 };
      const expr =
        m[1] === "meldingen_vpoo"
          ? this.totalCell(p, excluded)
          : m[1] === "meldingen_vpi"
            ? this.vpiCell(p, "misstand")
            : this.klachtenCell(p);
      this.cell(
        expr,
        m[3]!,
        `${doc.name}: bijlage B ${m[1]} ${y}`,
        "aantal",
        m[1] === "klachten" ? "klachten" : m[1] === "meldingen_vpi" ? "vpi" : "vpoo",
        k,
        src,
      );
    }
  }

  /** Named interventions and resultaten: a name on the list reached k; one left off did not. */
  private readLists(doc: ReadDocument, k: number, own: Period | null): void {
    if (!own) return;
    const text = doc.paragraphs.join(" ");
    for (const [section, soort, rule] of [
      ["interventies", "interventie", /alleen genoemd als ze bij voldoende meldingen/],
      ["afwikkeling", "resultaat", /bij voldoende meldingen gemeld|bij weinig meldingen/],
    ] as const) {
      const list = doc.lists.find((l) => l.section === section);
      if (!list || !rule.test(text)) continue;
      const named = new Set(list.items);
      this.namedLists.push({ doc: doc.name, soort, period: own, named, k });
    }
  }

  private readonly printedGroupHours: { doc: string; group: string; label: string; period: Period; shown: string }[] = [];
  /** Team size per period and group, from "In 2020 bestond het team uit 6 vertrouwenspersonen: 3 vanuit de fracties, …". */
  private readonly teams = new Map<string, Map<string, number>>();

  private readTeam(text: string): void {
    const m = /In (.+?) bestond het team uit \d+ vertrouwenspersonen?: (.+?)\.?$/.exec(text);
    const p = m && parsePeriod(m[1]!);
    if (!p) return;
    const sizes = new Map<string, number>();
    for (const part of m![2]!.split(/, | en /)) {
      const n = /^(\d+|een|één|twee) (.+)$/.exec(part.trim());
      if (!n) continue;
      const count = /^\d+$/.test(n[1]!) ? Number(n[1]) : n[1] === "twee" ? 2 : 1;
      const g = n[2]!.includes("fractie")
        ? "fractie"
        : n[2]!.includes("ambtelijk")
          ? "ambtelijk"
          : n[2]!.includes("extern")
            ? "extern"
            : n[2]!;
      sizes.set(g, count);
    }
    this.teams.set(key(p), sizes);
  }

  private readonly namedLists: { doc: string; soort: string; period: Period; named: Set<string>; k: number }[] = [];

  /** After all documents: list knowledge as bounds on per-name counts, and targets where lists differ. */
  private listConstraints(): void {
    const names = new Map<string, Set<string>>();
    for (const l of this.namedLists) for (const n of l.named) (names.get(l.soort) ?? names.set(l.soort, new Set()).get(l.soort)!).add(n);
    for (const l of this.namedLists) {
      for (const n of names.get(l.soort) ?? []) {
        const col = this.v(`${l.soort}|${key(l.period)}|${n}`, "int");
        const expr = new Map([[col, 1]]);
        // A melding counts once per intervention: at most every registered melding of the period.
        this.lp.constrain(
          sum(expr, scale(this.totalCell(l.period, new Set()), -1)),
          -Infinity,
          0,
          `${l.doc}: ${l.soort} ten hoogste het aantal meldingen`,
        );
        if (l.named.has(n)) this.lp.constrain(expr, l.k, Infinity, `${l.doc}: "${n}" genoemd`);
        else this.lp.constrain(expr, 0, l.k - 1, `${l.doc}: "${n}" niet genoemd`);
      }
    }
    // A name one list gives and another (with a higher threshold) holds back is a hidden count.
    for (const l of this.namedLists) {
      for (const n of l.named) {
        const other = this.namedLists.find((o) => o !== l && o.soort === l.soort && key(o.period) === key(l.period) && !o.named.has(n));
        if (other)
          this.targets.push({
            what: `${l.soort} "${n}" in ${show(l.period)} (genoemd in ${l.doc}, niet in ${other.doc})`,
            kind: "aantal",
            expr: new Map([[this.v(`${l.soort}|${key(l.period)}|${n}`, "int"), 1]]),
            universe: "interventie",
            k: Math.min(l.k, other.k),
          });
      }
    }
  }

  private readOutside(o: OutsideFigure): void {
    const p = { from: o.jaar * 12, to: o.jaar * 12 + 11 };
    const expr =
      o.reeks === "meldingen_vpoo"
        ? this.totalCell(p, this.nonCounting)
        : o.reeks === "meldingen_vpi"
          ? this.vpiCell(p, "misstand")
          : this.klachtenCell(p);
    this.lp.equal(expr, o.waarde, `gepubliceerd elders: ${o.reeks} ${o.jaar} = ${o.waarde}`);
  }

  // --- the attack -------------------------------------------------------------------------

  /**
   * Range every target (outsider), then as an insider: a melder who knows their melding lies
   * in another hidden count of the same universe (that cell ≥ 1).
   */
  async run(
    options: {
      insider?: boolean;
      hoursTruth?: (what: string) => number | undefined;
      /** The true single-year count of a derived target ("afgeleid: …"), from the registration a test wrote. */
      countsTruth?: (what: string) => number | undefined;
    } = {},
  ): Promise<AttackResult> {
    // Readings the documents contradict are reported and left out (the reader would notice).
    if (!(await this.lp.feasible())) await this.dropContradictions();
    // From here on the model holds and does not change: each question goes to its part alone.
    const lp = this.lp.inParts();
    const findings: Finding[] = [];
    const ranged: AttackResult["targets"] = [];
    const ranges = new Map<Target, [number, number]>();
    const idOf = (e: Expr) =>
      [...e]
        .filter(([, v]) => v !== 0)
        .sort((a, b) => a[0] - b[0])
        .map(([c, v]) => `${c}:${v}`)
        .join(" ");
    // Not hidden from this reader when another of their documents prints it; and what they
    // may know is bounded by their own threshold (the confidential reader's k is smaller).
    // The confidential reader may know what the confidential version prints (counts ≥ its k):
    // for them the targets are what the confidential documents hide (and the named lists).
    const confidentialReader = this.docs.some((d) => d.audience === "vertrouwelijk");
    const targets = this.targets
      .filter((t) => !this.printedIds.has(idOf(t.expr)))
      .filter((t) => !confidentialReader || t.confidential !== false)
      .map((t) => ({ ...t, k: Math.min(t.k, this.k) }));
    const solutions = new Map<Target, { lo: (e: Expr) => number; hi: (e: Expr) => number }>();
    for (const t of targets) {
      const min = await lp.solve("min", t.expr);
      const max = await lp.solve("max", t.expr);
      if (min === null || max === null) throw new Error(`model infeasible while ranging ${t.what}`);
      const [lo, hi] = [min.value, max.value];
      solutions.set(t, { lo: min.at, hi: max.at });
      const r: [number, number] = t.kind === "aantal" ? [Math.round(lo), hi === Infinity ? hi : Math.round(hi)] : [lo, hi];
      ranges.set(t, r);
      ranged.push({ what: t.what, kind: t.kind, lo: r[0], hi: r[1], k: t.k });
      const bad = this.judge(t, r, options.hoursTruth);
      if (bad) findings.push({ what: t.what, kind: t.kind, lo: r[0], hi: r[1], k: t.k, scenario: "buitenstaander" });
    }
    // Derived single years: not when a document prints them or hides them as a figure of its
    // own (that target is judged above). No insider scenario here.
    const figureIds = new Set([...this.printedIds, ...targets.map((t) => idOf(t.expr))]);
    const derived: AttackResult["derived"] = [];
    for (const t of this.derived) {
      if (figureIds.has(idOf(t.expr))) continue;
      const [lo, hi] = [await lp.optimum("min", t.expr), await lp.optimum("max", t.expr)];
      if (lo === null || hi === null) throw new Error(`model infeasible while ranging ${t.what}`);
      const r: [number, number] = [Math.round(lo), hi === Infinity ? hi : Math.round(hi)];
      derived.push({ what: t.what, lo: r[0], hi: r[1], k: this.k });
      if (derivedDisclosed(r, this.k, options.countsTruth?.(t.what)))
        findings.push({ what: t.what, kind: "aantal", lo: r[0], hi: r[1], k: this.k, scenario: "buitenstaander" });
    }
    if (options.insider !== false) {
      // The singleton problem: a melder whose own melding lies in hidden cell d of a table
      // knows d ≥ 1 and attacks the other hidden cells of that table (same time atoms).
      const counts = targets.filter((t) => t.kind === "aantal" && t.universe !== "interventie");
      for (const d of counts) {
        if (ranges.get(d)![0] >= 1) continue; // already known to be ≥ 1: nothing new
        const extra = [row(d.expr, 1, Infinity, `insider in ${d.what}`)];
        let feasible: boolean | undefined;
        for (const t of counts) {
          if (t === d || t.table !== d.table || findings.some((f) => f.what === t.what)) continue;
          const atoms = this.atomsIn(d.expr);
          if (![...this.atomsIn(t.expr)].some((a) => atoms.has(a))) continue;
          // An outsider optimum that already has d ≥ 1 is the insider's optimum too.
          const sol = solutions.get(t)!;
          const [lo0, hi0] = ranges.get(t)!;
          const needLo = !(sol.lo(d.expr) >= 1 - 1e-6);
          const needHi = hi0 !== Infinity && !(sol.hi(d.expr) >= 1 - 1e-6);
          if (!needLo && !needHi) continue;
          feasible ??= await lp.feasible(extra);
          if (!feasible) break;
          const lo = needLo ? await lp.optimum("min", t.expr, extra) : lo0;
          const hi = needHi ? await lp.optimum("max", t.expr, extra) : hi0;
          if (lo === null || hi === null) continue;
          const r: [number, number] = [Math.round(lo), hi === Infinity ? hi : Math.round(hi)];
          if (this.judge(t, r)) findings.push({ what: t.what, kind: t.kind, lo: r[0], hi: r[1], k: t.k, scenario: `melder in ${d.what}` });
        }
      }
    }
    // p%-rule with n−1 colluders: a group of one or two counsellors whose hours are printed
    // tells each member the other's hours (or the one member's own, to everyone).
    for (const h of this.printedGroupHours) {
      const n = this.teams.get(key(h.period))?.get(h.group);
      if (n !== undefined && n <= 2 && (dutchNumber(h.shown) ?? 0) > 0)
        this.groupHours.push(`${h.doc}: ${h.label} ${show(h.period)} = ${h.shown} uur, een groep van ${n}`);
    }
    return {
      targets: ranged,
      derived,
      findings,
      contradictions: this.contradictions,
      unread: this.unread,
      printedSmall: this.printedSmall,
      groupHours: this.groupHours,
    };
  }

  private judge(t: Target, [lo, hi]: [number, number], truth?: (what: string) => number | undefined): boolean {
    if (t.kind === "aantal") return hi - lo < t.k - 1;
    // Hours: an interval at least half the true value (the upper end when the truth is not given).
    const value = truth?.(t.what) ?? hi;
    return hi - lo < 0.5 * value - 1e-6;
  }

  /** Remove whole sources of rows, one at a time from the last, until the model holds again. */
  private async dropContradictions(): Promise<void> {
    // Only what a document says can be wrong-headed; the oldest document gives way first
    // (a revised report contradicts its first version: the reader believes the newer one).
    const order = new Map(this.docs.map((d, i) => [d.name, i]));
    const docOf = (s: string) =>
      [...order.keys()]
        .filter((n) => s.startsWith(`${n}:`))
        .map((n) => order.get(n)!)
        .at(-1);
    const sources = [...new Set(this.lp.rows.map((r) => r.source))].filter(
      (s) => docOf(s) !== undefined || s.startsWith("gepubliceerd elders"),
    );
    sources.sort((a, b) => (docOf(a) ?? -1) - (docOf(b) ?? -1));
    for (const s of sources) {
      const kept = this.lp.rows.filter((r) => r.source !== s);
      const removed = this.lp.rows.length - kept.length;
      const backup = [...this.lp.rows];
      this.lp.rows.splice(0, this.lp.rows.length, ...kept);
      if (await this.lp.feasible()) {
        this.contradictions.push(`${s} (${removed} regels)`);
        return;
      }
      this.lp.rows.splice(0, this.lp.rows.length, ...backup);
    }
    // More than one reading is contradicted: drop them one by one, oldest first.
    for (const s of sources) {
      const kept = this.lp.rows.filter((r) => r.source !== s);
      if (kept.length === this.lp.rows.length) continue;
      this.contradictions.push(`${s} (${this.lp.rows.length - kept.length} regels)`);
      this.lp.rows.splice(0, this.lp.rows.length, ...kept);
      if (await this.lp.feasible()) return;
    }
    throw new Error("de documenten spreken elkaar tegen, ook zonder elke afzonderlijke lezing");
  }
}

/**
 * Attack everything one reader holds. Two versions of one document (a revised report) that
 * contradict each other describe two registrations: then each choice of one version per
 * document is attacked as its own world and the findings are put together.
 */
export async function attack(
  docs: ReadDocument[],
  outside: OutsideFigure[] = [],
  options: Parameters<Attack["run"]>[0] & { aliases?: Record<string, string> } = {},
): Promise<AttackResult> {
  if (options.aliases) docs = docs.map((d) => renamed(d, options.aliases!));
  const joint = new Attack(docs, outside).read();
  if (await joint.lp.feasible()) return joint.run(options);
  const versions = new Map<string, ReadDocument[]>();
  for (const d of docs) versions.set(d.name, [...(versions.get(d.name) ?? []), d]);
  const revised = [...versions.values()].filter((v) => v.length > 1);
  if (revised.length === 0) return joint.run(options);
  let worlds: ReadDocument[][] = [docs.filter((d) => versions.get(d.name)!.length === 1)];
  for (const v of revised) worlds = worlds.flatMap((w) => v.map((d) => [...w, d]));
  const results = await Promise.all(worlds.slice(0, 16).map((w) => new Attack(w, outside).read().run(options)));
  return {
    targets: results.flatMap((r) => r.targets),
    derived: results.flatMap((r) => r.derived),
    findings: results
      .flatMap((r) => r.findings)
      .filter((f, i, all) => all.findIndex((g) => g.what === f.what && g.lo === f.lo && g.hi === f.hi) === i),
    contradictions: [
      `versies spreken elkaar tegen: ${revised.map((v) => v[0]!.name).join(", ")}; elke versie apart aangevallen`,
      ...results.flatMap((r) => r.contradictions),
    ],
    unread: [...new Set(results.flatMap((r) => r.unread))],
    printedSmall: [...new Set(results.flatMap((r) => r.printedSmall))],
    groupHours: [...new Set(results.flatMap((r) => r.groupHours))],
  };
}

/**
 * A category renamed in the vocabulary ("Sociale onveiligheid" until 2019, "Onveilig voelen"
 * after) is one category to a reader who holds reports of both years: `aliases` maps the old
 * label to the new one in row labels, notes and text. (Without it, the newer report's row
 * looks absent from the older table, and the attacker concludes a 0 that is not true.)
 */
function renamed(doc: ReadDocument, aliases: Record<string, string>): ReadDocument {
  const text = (s: string) => Object.entries(aliases).reduce((t, [from, to]) => t.split(from).join(to), s);
  return {
    ...doc,
    tables: doc.tables.map((t) => ({ ...t, rows: t.rows.map((r) => ({ ...r, label: text(r.label) })), notes: t.notes.map(text) })),
    paragraphs: doc.paragraphs.map(text),
    lists: doc.lists.map((l) => ({ ...l, items: l.items.map(text) })),
    text: text(doc.text),
  };
}

/** One line per disclosure found (empty: the documents keep every hidden figure hidden). */
export function disclosures(result: AttackResult): string {
  return [
    ...result.findings.map(
      (f) =>
        `${f.what}: ${f.kind === "aantal" ? `${f.lo}..${f.hi}` : `${f.lo.toFixed(2)}..${f.hi.toFixed(2)} uur`} (k = ${f.k}; ${f.scenario})`,
    ),
    ...result.printedSmall.map((s) => `klein aantal afgedrukt: ${s}`),
    ...result.groupHours.map((g) => `uren van een kleine groep afgedrukt: ${g}`),
  ].join("\n");
}
