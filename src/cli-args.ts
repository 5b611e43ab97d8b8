// The command line as words: which command, its options and its file. node:util's parseArgs
// splits the words; the checks and every message are ours, in Dutch, because its own messages
// are English.
import { parseArgs } from "node:util";

/** A mistake in how the command was typed: cli.ts prints it with the usage, exit code 2. */
export class UsageError extends Error {}

export interface Args {
  command: string;
  positional: string[];
  /** Options with a value, such as --year 2021. */
  flags: Map<string, string>;
  /** Options without a value, such as --all. */
  switches: Set<string>;
}

type OptionType = "string" | "boolean";

const PERIOD = { year: "string", jaar: "string", periode: "string" } as const;

/**
 * Every command's options (`--jaar` and `--publiek` are the Dutch spellings of --year and
 * --audience) and how many files it takes.
 */
const COMMANDS: Record<string, { options: Record<string, OptionType>; files: number }> = {
  build: {
    options: {
      ...PERIOD,
      all: "boolean",
      watch: "boolean",
      data: "string",
      out: "string",
      audience: "string",
      publiek: "string",
      telregel: "string",
      scheidingsteken: "string",
      vaststellen: "boolean",
      herziening: "boolean",
      reden: "string",
    },
    files: 0,
  },
  register: { options: { data: "string", out: "string" }, files: 0 },
  // check is build without writing: it takes build's options (not --watch) besides its own.
  check: {
    options: {
      ...PERIOD,
      all: "boolean",
      data: "string",
      out: "string",
      audience: "string",
      publiek: "string",
      telregel: "string",
      vaststellen: "boolean",
      herziening: "boolean",
      reden: "string",
      "problemen-csv": "string",
      scheidingsteken: "string",
    },
    files: 0,
  },
  audit: { options: { data: "string" }, files: 1 },
  template: { options: { out: "string", data: "string", scheidingsteken: "string" }, files: 0 },
  werkplaats: { options: { data: "string", out: "string", port: "string", "no-open": "boolean" }, files: 0 },
  help: { options: {}, files: 0 },
};

export function parseCommandLine(argv: string[]): Args {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError("geen opdracht opgegeven");
  const command = first === "--help" ? "help" : first;
  const spec = COMMANDS[command];
  if (!spec) throw new UsageError(`onbekende opdracht "${command}"`);
  const options = Object.fromEntries(Object.entries(spec.options).map(([name, type]) => [name, { type }]));
  // Not strict: an unknown option or a missing value comes back as a token, and is refused
  // below in Dutch. A value may start with "-" (as before: --reden "-").
  const { tokens } = parseArgs({ args: rest, options, strict: false, allowPositionals: true, tokens: true });
  const args: Args = { command, positional: [], flags: new Map(), switches: new Set() };
  for (const token of tokens) {
    if (token.kind === "positional") args.positional.push(token.value);
    if (token.kind !== "option") continue;
    const type = spec.options[token.name];
    if (type === undefined)
      throw new UsageError(`onbekende optie ${token.rawName} bij "jaarverslag ${command}"; mogelijk zijn: ${optionList(spec.options)}`);
    if (type === "boolean") {
      if (token.inlineValue) throw new UsageError(`optie --${token.name} heeft geen waarde`);
      args.switches.add(token.name);
    } else {
      if (token.value === undefined) throw new UsageError(`optie --${token.name} heeft een waarde nodig`);
      args.flags.set(token.name, token.value);
    }
  }
  if (args.positional.length > spec.files) {
    const extra = args.positional[spec.files]!;
    throw new UsageError(`onverwacht argument "${extra}" bij "jaarverslag ${command}"`);
  }
  return args;
}

function optionList(options: Record<string, OptionType>): string {
  const names = Object.keys(options).map((name) => `--${name}`);
  return names.length > 0 ? names.join(", ") : "geen";
}
