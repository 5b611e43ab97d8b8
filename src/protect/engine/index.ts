// Public surface of the protection engine: the audit (`attack`) and secondary suppression.
export { attack } from "./attack.ts";
export { NotProtectableError } from "./not-protectable.ts";
export { suppress, suppressBlock, type SolveBlock, type SuppressOptions } from "./suppress.ts";
export { splitBlocks } from "./blocks.ts";
export { problemKey } from "./problem-key.ts";
export type * from "./types.ts";
