// Entry of a suppression worker (suppress-pool.ts). Plain JavaScript: a worker's first module
// is loaded before any loader a parent was started with, so this one registers tsx for the
// TypeScript it imports (also under vitest, which transforms only its own thread).
import { register } from "tsx/esm/api";

register();
await import("./suppress-worker-main.ts");
