// The LP writer: a structured model (highs.ts) as CPLEX LP text, for debugging and for
// solvers that read LP files. It generates its own valid LP names.
import { checkModel, SolverError, type LinearModel, type LinearTerm } from "./highs.ts";

/**
 * An LP-format name: letters, digits and underscore only, starting with a letter that is not
 * "e"/"E" (the LP reader can take "e12" for an exponent), unique through its index suffix.
 */
export function lpName(prefix: "x" | "r", index: number, name?: string): string {
  const clean = (name ?? "").replace(/[^A-Za-z0-9_]/g, "_").slice(0, 40);
  return clean ? `${prefix}${index}_${clean}` : `${prefix}${index}`;
}

function lpNumber(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  // Full precision, never "1e-7" style exponents that some readers misparse next to names.
  return Number.isInteger(v) ? String(v) : v.toPrecision(17).replace(/\.?0+$/, "");
}

function lpExpression(terms: readonly LinearTerm[], names: readonly string[]): string {
  if (terms.length === 0) return `0 ${names[0] ?? "x0"}`;
  return terms
    .map((t, k) => {
      const sign = t.coef < 0 ? "-" : k === 0 ? "" : "+";
      return `${k === 0 ? sign : ` ${sign}`} ${lpNumber(Math.abs(t.coef))} ${names[t.col]}`.trim();
    })
    .join(" ");
}

/**
 * Render a model as CPLEX LP text. Ranged rows (both bounds finite and different) become two
 * rows, so row indices in the text need not match `model.rows`.
 */
export function toLpText(model: LinearModel): string {
  checkModel(model);
  if (model.columns.length === 0) throw new SolverError("Een LP-model zonder kolommen kan niet als tekst");
  const names = model.columns.map((c, j) => lpName("x", j, c.name));
  const objective = model.columns.flatMap((c, j) => ((c.cost ?? 0) !== 0 ? [{ col: j, coef: c.cost ?? 0 }] : []));
  const lines = [model.sense === "max" ? "Maximize" : "Minimize", ` obj: ${lpExpression(objective, names)}`, "Subject To"];
  model.rows.forEach((r, i) => {
    const base = lpName("r", i, r.name);
    const expr = lpExpression(r.terms, names);
    if (r.lo === r.hi) lines.push(` ${base}: ${expr} = ${lpNumber(r.lo)}`);
    else {
      if (Number.isFinite(r.lo)) lines.push(` ${base}_lo: ${expr} >= ${lpNumber(r.lo)}`);
      if (Number.isFinite(r.hi)) lines.push(` ${base}_hi: ${expr} <= ${lpNumber(r.hi)}`);
    }
  });
  lines.push("Bounds");
  model.columns.forEach((c, j) => {
    const n = names[j];
    if (c.lo === -Infinity && c.hi === Infinity) lines.push(` ${n} free`);
    else lines.push(` ${lpNumber(c.lo)} <= ${n} <= ${lpNumber(c.hi)}`);
  });
  const generals = names.filter((_, j) => model.columns[j]?.integer);
  if (generals.length > 0) lines.push("General", ` ${generals.join(" ")}`);
  lines.push("End", "");
  return lines.join("\n");
}
