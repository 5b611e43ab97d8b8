// The test run's suppression and audit results on disk (src/suppression-cache.ts,
// src/audit-cache.ts) as protection options, when the environment names their folders: what
// every command, the werkplaats and the suite's own builds protect and audit with. Unset (as
// for a counsellor): no options, nothing read or written.
import { cachedAudit } from "./audit-cache.ts";
import type { ProtectOptions } from "./protect/index.ts";
import { cachedProtection } from "./suppression-cache.ts";

export function runCaches(env: NodeJS.ProcessEnv): Pick<ProtectOptions, "suppress" | "attack"> {
  return { ...cachedProtection(env), ...cachedAudit(env) };
}
