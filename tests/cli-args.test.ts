// The command line as words (src/cli-args.ts), and the real command's answer to a mistyped
// option: Dutch, with the usage, exit code 2. Expected values are written out by hand.
import { describe, expect, it } from "vitest";
import { parseCommandLine, UsageError } from "../src/cli-args.ts";
import { cli } from "./helpers/cli.ts";

const refused = (argv: string[]): string => {
  try {
    parseCommandLine(argv);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error(`accepted: ${argv.join(" ")}`);
};

describe("parseCommandLine", () => {
  it("reads every option of build: values, switches, the --name=value form and a value that starts with a dash", () => {
    const args = parseCommandLine([
      "build",
      "--year",
      "2021",
      "--all",
      "--data=map met spatie",
      "--out",
      "uit",
      "--audience",
      "vertrouwelijk",
      "--telregel",
      "alles",
      "--scheidingsteken",
      ";",
      "--vaststellen",
      "--herziening",
      "--reden",
      "-",
      "--watch",
    ]);
    expect(args.command).toBe("build");
    expect(Object.fromEntries(args.flags)).toEqual({
      year: "2021",
      data: "map met spatie",
      out: "uit",
      audience: "vertrouwelijk",
      telregel: "alles",
      scheidingsteken: ";",
      reden: "-",
    });
    expect([...args.switches].sort()).toEqual(["all", "herziening", "vaststellen", "watch"]);
    expect(args.positional).toEqual([]);
  });

  it("keeps the Dutch spellings --jaar and --publiek, and the file of audit", () => {
    expect(Object.fromEntries(parseCommandLine(["check", "--jaar", "2020", "--problemen-csv", "p.csv"]).flags)).toEqual({
      jaar: "2020",
      "problemen-csv": "p.csv",
    });
    expect(parseCommandLine(["build", "--publiek", "openbaar", "--year", "2020"]).flags.get("publiek")).toBe("openbaar");
    const audit = parseCommandLine(["audit", "verslag.figures.json", "--data", "d"]);
    expect(audit.positional).toEqual(["verslag.figures.json"]);
    expect(audit.flags.get("data")).toBe("d");
    expect(parseCommandLine(["werkplaats", "--no-open", "--port", "8080"]).switches.has("no-open")).toBe(true);
    expect(parseCommandLine(["--help"]).command).toBe("help");
  });

  it("refuses in Dutch: an unknown option (naming the ones there are), a missing value, a value for a switch, an extra word", () => {
    expect(refused(["build", "--jaartal", "2021"])).toBe(
      'onbekende optie --jaartal bij "jaarverslag build"; mogelijk zijn: --year, --jaar, --periode, --all, --watch, --data, --out, --audience, --publiek, --telregel, --scheidingsteken, --vaststellen, --herziening, --reden',
    );
    expect(refused(["register", "-d", "x"])).toBe('onbekende optie -d bij "jaarverslag register"; mogelijk zijn: --data, --out');
    // An option of another command is unknown here: check takes build's options, but not --watch.
    expect(refused(["check", "--watch"])).toMatch(/^onbekende optie --watch bij "jaarverslag check"/);
    expect(refused(["template", "--vaststellen"])).toMatch(/^onbekende optie --vaststellen bij "jaarverslag template"/);
    expect(refused(["build", "--year"])).toBe("optie --year heeft een waarde nodig");
    expect(refused(["build", "--all=ja"])).toBe("optie --all heeft geen waarde");
    expect(refused(["check", "2021"])).toBe('onverwacht argument "2021" bij "jaarverslag check"');
    expect(refused(["audit", "a.json", "b.json"])).toBe('onverwacht argument "b.json" bij "jaarverslag audit"');
    expect(refused(["bouw"])).toBe('onbekende opdracht "bouw"');
    expect(refused([])).toBe("geen opdracht opgegeven");
  });
});

describe("jaarverslag with a mistyped option", () => {
  it("says so in Dutch with the usage, exit code 2, before reading any data", async () => {
    const result = await cli(["build", "--year", "2021", "--audiance", "openbaar"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Fout: onbekende optie --audiance bij "jaarverslag build"');
    expect(result.stderr).toContain("Gebruik:");
  });
});
