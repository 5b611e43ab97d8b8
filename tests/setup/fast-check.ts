// Property tests run with a fixed seed, so that CI is reproducible: a failure names its seed
// and shrinks to the same counterexample every time. Explore other seeds with
// FC_SEED=<number> (or FC_SEED=random) ./scripts/test.
import fc from "fast-check";

const seed = process.env["FC_SEED"];
if (seed !== "random") fc.configureGlobal({ seed: seed === undefined ? 20261128 : Number(seed) });
