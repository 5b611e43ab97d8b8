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
import { describeVpi, VPI_ADVIES } from "./describe-vpi.ts";
import { historieFacts } from "./historie.ts";
import { layoutFacts } from "./layout.ts";
import type { Description } from "./tables.ts";

export function describeReportSet(agg: Aggregates, d: Dataset, opts: DescribeOptions): Description {
  const vpoo = describe(agg, d, opts);
  const vpi = describeVpi(agg);
  const vpiMeldingen = (ps: string[]) => ({
    jaar: ps,
    aard: vpi.universe.dimensions.find((x) => x.name === "aard")!.categories.filter((c) => c !== VPI_ADVIES),
  });
  const pooledAard = pooledAardSource(agg, d);
  const pooled = pooledAard ? aardTable(pooledAard, new Map()) : null;
  const pooledTables = [...(pooled ? [pooled.table] : []), ...describePooled(agg, d, vpi.trueValue)];
  return {
    universes: [...vpoo.universes, vpi.universe],
    tables: [...vpoo.tables, ...pooledTables, ...vpi.tables],
    recodings: [...vpoo.recodings, ...(pooled?.recodings ?? [])],
    facts: [
      ...(vpoo.facts ?? []),
      // A pooled table is read as complete too (its rows cover the same categories whatever is merged).
      ...layoutFacts(pooledTables, [...vpoo.universes, vpi.universe]),
      ...layoutFacts(vpi.tables, [vpi.universe]),
      // For the VPI an advice question never counts, under either counting rule.
      ...historieFacts(
        d.historie,
        agg.perioden,
        [{ reeks: "meldingen_vpi", universe: "vpi", counted: vpiMeldingen, all: vpiMeldingen }],
        (_u, scope) => vpi.trueValue(scope),
      ),
    ],
    trueValue: (universe, scope) => (universe === "vpi" ? vpi.trueValue(scope) : (vpoo.trueValue?.(universe, scope) ?? 0)),
    // Which aard categories stand apart is chosen with the suppression (choose-presentation.ts).
    choice: { sources: [yearlyAardSource(agg, d, pooledSpan(agg)?.jaren ?? null), ...(pooledAard ? [pooledAard] : [])] },
    audience: opts.audience,
  };
}
