// Property tests run with a fixed seed, so that CI is reproducible: a failure names its seed
// and shrinks to the same counterexample every time. Every `fc.assert` takes its parameters
// from tests/helpers/fast-check.ts (FC_SEED, FC_RUNS); this global setting covers the rest
// (a property that forgot them) with the same seed.
import fc from "fast-check";
import { fcSeed } from "../helpers/fast-check.ts";

const seed = fcSeed();
if (seed !== undefined) fc.configureGlobal({ seed });
