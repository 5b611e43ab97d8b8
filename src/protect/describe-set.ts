// All documents of one year and audience are described — and so protected — together: the
// jaarverslag VPOO, the VPI report, the Sociaal Jaarverslag feed and the cover note share
// totals, and protecting them one by one would let a reader combine them. The pooled tables
// (the last three periods together) join the same description, so the attack sees them
// beside every yearly table.
import type { Aggregates } from "../aggregate/types.ts";
import type { Dataset } from "../domain.ts";
import { aardTable, yearlyAardSource } from "./describe-aard.ts";
import { describePooled, pooledAardSource, pooledSpan } from "./describe-pooled.ts";
import { describe, type DescribeOptions } from "./describe.ts";
import { describeVpi } from "./describe-vpi.ts";
import type { Description } from "./tables.ts";

export function describeReportSet(agg: Aggregates, d: Dataset, opts: DescribeOptions): Description {
  const vpoo = describe(agg, d, opts);
  const vpi = describeVpi(agg, d);
  const pooledAard = pooledAardSource(agg, d);
  const pooled = pooledAard ? aardTable(pooledAard, new Map()) : null;
  return {
    universes: [...vpoo.universes, vpi.universe],
    tables: [...vpoo.tables, ...(pooled ? [pooled.table] : []), ...describePooled(agg, d, vpi.trueValue), ...vpi.tables],
    recodings: [...vpoo.recodings, ...(pooled?.recodings ?? [])],
    trueValue: (universe, scope) => (universe === "vpi" ? vpi.trueValue(scope) : (vpoo.trueValue?.(universe, scope) ?? 0)),
    // Which aard categories stand apart is chosen with the suppression (choose-presentation.ts).
    choice: { sources: [yearlyAardSource(agg, d, pooledSpan(agg)?.jaren ?? null), ...(pooledAard ? [pooledAard] : [])] },
    audience: opts.audience,
  };
}
