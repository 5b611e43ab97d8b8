// The auditor's parts, as the exact and the pass-only audit use them.
import type { AttackModels } from "./attack-models.ts";
import type { ExactEnds } from "./exact-ends.ts";
import type { Neighbourhood } from "./neighbourhood.ts";
import type { WitnessPool } from "./witness-pool.ts";

export interface AuditParts {
  models: AttackModels;
  pool: WitnessPool;
  ends: ExactEnds;
  neighbourhood: Neighbourhood;
}
