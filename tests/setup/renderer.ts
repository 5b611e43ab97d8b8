// Closes the Chromium that the builds of a test file shared (tests/helpers/cli.ts), when the
// file is done: the file's process ends after it, and Chromium with it, but not before its
// temporary profile folder is left behind.
import { afterAll } from "vitest";
import { closeSharedRenderer } from "../helpers/cli.ts";

afterAll(closeSharedRenderer);
