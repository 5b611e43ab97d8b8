// Public surface of the protection engine: the audit (`attack`) and secondary suppression.
export { attack } from "./attack.ts";
export { suppress } from "./suppress.ts";
export { problemKey } from "./problem-key.ts";
export type * from "./types.ts";
