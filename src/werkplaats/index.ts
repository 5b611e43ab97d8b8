// `jaarverslag werkplaats`: starts the workspace, prints its address (with the session's key)
// as the first line, opens the browser, and runs until Ctrl+C.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { openBrowser } from "./open-browser.ts";
import { startWerkplaats } from "./server.ts";

export interface WerkplaatsArgs {
  data?: string;
  out?: string;
  port?: string;
  open: boolean;
}

/** A Dutch message for a wrong option; the CLI prints it with the usage. */
export class WerkplaatsUsage extends Error {}

export async function runWerkplaats(args: WerkplaatsArgs): Promise<number> {
  const dataDir = resolve(args.data ?? "data");
  if (!existsSync(dataDir)) throw new WerkplaatsUsage(`gegevensmap ${dataDir} bestaat niet`);
  const port = args.port === undefined ? 0 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new WerkplaatsUsage("--port is een poortnummer, bijvoorbeeld --port 8080");
  let werkplaats;
  try {
    werkplaats = await startWerkplaats({ dataDir, outDir: resolve(args.out ?? "reports"), port, env: process.env });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EADDRINUSE")
      throw new WerkplaatsUsage(
        `poort ${port} is al in gebruik; kies een andere met --port, of laat --port weg (dan kiest de werkplaats zelf een vrije poort)`,
      );
    throw e;
  }
  console.log(`Werkplaats geopend op ${werkplaats.url}`);
  console.log("Dit adres bevat een sleutel: deel het niet. Stoppen met Ctrl+C.");
  if (args.open)
    openBrowser(werkplaats.url, () => console.log("De browser kon niet vanzelf worden geopend: open het adres hierboven zelf."));
  return new Promise<number>((done) => {
    const stop = (): void => {
      void werkplaats.close().then(() => {
        console.log("Werkplaats gestopt.");
        done(0);
      });
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
