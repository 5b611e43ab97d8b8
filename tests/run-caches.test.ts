// src/run-caches.ts: the test run's caches as protection options, only where the environment
// names their folders.
import { describe, expect, it } from "vitest";
import { runCaches } from "../src/run-caches.ts";

describe("the run's caches as protection options", () => {
  it("gives none without the folders, each one whose folder is named", () => {
    expect(runCaches({})).toEqual({});
    expect(Object.keys(runCaches({ JAARVERSLAG_SUPPRESSIECACHE: "/tmp/s" }))).toEqual(["suppress"]);
    expect(Object.keys(runCaches({ JAARVERSLAG_AUDITCACHE: "/tmp/a" }))).toEqual(["attack"]);
    expect(Object.keys(runCaches({ JAARVERSLAG_SUPPRESSIECACHE: "/tmp/s", JAARVERSLAG_AUDITCACHE: "/tmp/a" })).sort()).toEqual([
      "attack",
      "suppress",
    ]);
  });
});
