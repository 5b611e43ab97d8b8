// The lint run by ./scripts/test (after tsc, before vitest). Besides typescript-eslint's
// recommended rules it holds the design the README describes:
//   - the stage order: no module imports a later layer (LAYERS below);
//   - (import cycles are found by scripts/import-cycles.ts, run beside eslint by ./scripts/test:
//     it counts every import, type-only and dynamic ones too, so import-x/no-cycle, which skips
//     type-only imports and took a fifth of eslint's time, is not run);
//   - no function over 80 lines in src/ without a reason in a comment.
// Unused exports are found by knip (knip.json), the other step of the lint: it sees the whole
// project at once, with the tests counted as users.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { createNodeResolver, importX } from "eslint-plugin-import-x";

// The layers of src/, lowest first. A module may import its own layer and any lower one, never
// a higher one, nor a sibling (another layer of the same rank).
//   0 base       domain.ts and domain/ (the validated registration, periods, the counting rule)
//                and excel-csv.ts (the Excel-safe CSV dialect): what every stage shares.
//   1 ingest     ingest/, and memo.ts (keys results by the raw input files).
//   2 validate
//   3 aggregate
//   4 protect
//   5 present
//   6 render     render/ (HTML, charts, PDF);
//     pipeline   pipeline.ts runs ingest → present as pure functions and never renders;
//     template   template/ builds the blank workbook from ingest and validate.
//                These three are siblings: render must not import the pipeline, nor the reverse.
//   7 edges      output.ts, data-files.ts, lock.ts, system-errors.ts: files on disk, the lock,
//                the Dutch system errors.
//   8 publish    publish.ts: build, render and adopt one set (used by the command and the werkplaats).
//   9 werkplaats the local web app.
//  10 cli        cli.ts (the entry) and cli-main.ts: the command line, which ties everything together.
const LAYERS = [
  { rank: 0, name: "base", paths: ["src/domain.ts", "src/domain", "src/excel-csv.ts"] },
  { rank: 1, name: "ingest", paths: ["src/ingest", "src/memo.ts"] },
  { rank: 2, name: "validate", paths: ["src/validate"] },
  { rank: 3, name: "aggregate", paths: ["src/aggregate"] },
  { rank: 4, name: "protect", paths: ["src/protect"] },
  { rank: 5, name: "present", paths: ["src/present"] },
  { rank: 6, name: "render", paths: ["src/render"] },
  { rank: 6, name: "pipeline", paths: ["src/pipeline.ts"] },
  { rank: 6, name: "template", paths: ["src/template"] },
  { rank: 7, name: "edges", paths: ["src/output.ts", "src/data-files.ts", "src/lock.ts", "src/system-errors.ts"] },
  { rank: 8, name: "publish", paths: ["src/publish.ts"] },
  { rank: 9, name: "werkplaats", paths: ["src/werkplaats"] },
  { rank: 10, name: "cli", paths: ["src/cli.ts", "src/cli-main.ts"] },
];

const stageOrderZones = LAYERS.flatMap((layer) =>
  layer.paths.map((target) => ({
    target: `./${target}`,
    from: LAYERS.filter((other) => other.rank > layer.rank || (other.rank === layer.rank && other.name !== layer.name)).flatMap((other) =>
      other.paths.map((p) => `./${p}`),
    ),
    message: `de laag '${layer.name}' mag geen latere laag importeren (volgorde in eslint.config.js)`,
  })),
).filter((zone) => zone.from.length > 0);

export default tseslint.config(
  // suppress-worker.mjs: plain JavaScript that registers tsx in a worker thread (outside the TypeScript project).
  { ignores: ["node_modules/**", "reports/**", "data/**", "src/werkplaats/assets/**", "src/werkplaats/suppress-worker.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        // Type-aware rules where they are cheap: the project service reuses tsconfig.json.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".js"] })],
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "import-x/no-self-import": "error",
      "import-x/no-useless-path-segments": "error",
      "import-x/no-restricted-paths": ["error", { zones: stageOrderZones }],
    },
  },
  {
    files: ["src/**/*.ts"],
    rules: {
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    // Outside tsconfig.json: linted without types.
    files: ["**/*.js", "vitest.config.ts"],
    ...tseslint.configs.disableTypeChecked,
  },
);
