// Closes the Chromium that the builds of a test file shared (tests/helpers/cli.ts), when the
// file is done: the worker goes on with the next file, which starts its own if it builds.
import { afterAll } from "vitest";
import { closeSharedRenderer } from "../helpers/cli.ts";

afterAll(closeSharedRenderer);
