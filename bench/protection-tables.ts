// Generated linked tables the shape of a 15-year jaarverslag (see bench/protection.ts), shared
// by the protection benchmark and its profile.

import type { EngineCell, SuppressionProblem } from "../src/protect/engine/index.ts";
import { mulberry32 } from "../scripts/prng.ts";

const THRESHOLD = 5;
const REQUIRED_WIDTH = 4;

/** Deterministic, so every run benchmarks the same tables. */
const rng = mulberry32;

function poisson(random: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

export function reportTables(years: number, seed = 1): SuppressionProblem {
  const random = rng(seed);
  const A = 12;
  const H = 3;
  const S = 3;
  const index = (a: number, h: number, s: number, y: number): number => ((y * A + a) * H + h) * S + s;
  const values: number[] = [];
  for (let y = 0; y < years; y++) {
    for (let a = 0; a < A; a++) {
      // Rare kinds of melding give the small (unsafe) cells.
      const lambda = 3.5 * 0.84 ** a;
      for (let h = 0; h < H; h++) for (let s = 0; s < S; s++) values[index(a, h, s, y)] = poisson(random, lambda);
    }
  }
  const vars = values.map(() => ({ integer: true }));
  const cells: EngineCell[] = [];
  const add = (id: string, terms: number[]): void => {
    const value = terms.reduce((sum, t) => sum + (values[t] ?? 0), 0);
    const primary = value > 0 && value < THRESHOLD;
    cells.push({
      id,
      terms,
      value,
      status: primary ? "primary" : "candidate",
      requiredWidth: primary ? REQUIRED_WIDTH : 0,
      cost: value,
    });
  };
  const all = (pred: (a: number, h: number, s: number, y: number) => boolean): number[] => {
    const out: number[] = [];
    for (let y = 0; y < years; y++)
      for (let a = 0; a < A; a++) for (let h = 0; h < H; h++) for (let s = 0; s < S; s++) if (pred(a, h, s, y)) out.push(index(a, h, s, y));
    return out;
  };
  const pad = (n: number): string => String(n).padStart(4, "0");
  for (let y = 0; y < years; y++) {
    add(
      `jaar:${pad(y)}`,
      all((_a, _h, _s, yy) => yy === y),
    );
    for (let a = 0; a < A; a++)
      add(
        `aard:${a}:${pad(y)}`,
        all((aa, _h, _s, yy) => aa === a && yy === y),
      );
    for (let h = 0; h < H; h++)
      add(
        `herkomst:${h}:${pad(y)}`,
        all((_a, hh, _s, yy) => hh === h && yy === y),
      );
    for (let s = 0; s < S; s++)
      add(
        `status:${s}:${pad(y)}`,
        all((_a, _h, ss, yy) => ss === s && yy === y),
      );
  }
  for (let a = 0; a < A; a++)
    add(
      `aard:${a}:totaal`,
      all((aa) => aa === a),
    );
  for (let h = 0; h < H; h++)
    add(
      `herkomst:${h}:totaal`,
      all((_a, hh) => hh === h),
    );
  for (let s = 0; s < S; s++)
    add(
      `status:${s}:totaal`,
      all((_a, _h, ss) => ss === s),
    );
  add(
    "totaal",
    all(() => true),
  );
  return { vars, cells, facts: [] };
}
