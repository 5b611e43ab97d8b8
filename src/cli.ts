// The command counsellors run (the `jaarverslag` wrapper starts this file): the commands are
// in cli-main.ts; here they print to the console and their answer is the exit code.
import { main } from "./cli-main.ts";

process.exitCode = await main(process.argv.slice(2));
