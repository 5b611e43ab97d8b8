// The CLI as one bundle for the test run. The suite starts the real command about 170
// times; under `node --import tsx src/cli.ts` each start spends about 1.2 s of CPU loading tsx
// and transforming the sources, a bundle about 0.4 s (measured with `--help`, 3 December 2026).
// It is built from the same sources at the start of every run (never kept between runs, so
// never stale), with esbuild, the transformer tsx itself uses. Packages stay external and are
// loaded from the project's node_modules as under tsx. Code split at the dynamic imports, so a
// command loads no more modules than under tsx (a single file would load Chromium's driver,
// exceljs and the rest on every start). `jaarverslag` itself still runs the sources with tsx:
// tests/werkplaats/cli.test.ts starts it that way.
import { readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, stop, type Plugin } from "esbuild";

const ROOT = join(import.meta.dirname, "..", "..");

/**
 * Builds src/cli.ts into `dir` and returns the file to run with `node`. `import.meta.url` in a
 * source file is written as that file's own URL, so that templates, fonts and the werkplaats'
 * worker are found where they are under tsx, not beside the bundle.
 */
export async function bundleCli(dir: string): Promise<string> {
  await build({
    entryPoints: [join(ROOT, "src", "cli.ts")],
    outdir: dir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    plugins: [ownUrls],
  });
  // esbuild's service process is not needed again in this run.
  await stop();
  // Packages are resolved from the bundle's folder upwards, so it needs the project's.
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return join(dir, "cli.js");
}

const ownUrls: Plugin = {
  name: "own-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
      loader: "ts",
    }));
  },
};
