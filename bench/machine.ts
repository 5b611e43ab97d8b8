// One line about the machine a benchmark ran on: cores, Node, Chromium, load.
import { execFileSync } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { findChromium } from "../src/render/chromium.ts";

export function chromiumVersion(): string {
  try {
    return execFileSync(findChromium(), ["--version"], { encoding: "utf8" }).trim();
  } catch {
    return "Chromium ?";
  }
}

/** `load0`: os.loadavg() taken when the benchmark started. */
export function machineLine(load0: number[]): string {
  return `Machine: ${availableParallelism()} cores, Node ${process.version}, ${chromiumVersion()}; load average (1 min) ${load0[0]!.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end (the machine is shared).`;
}
