// Opens the workspace in the user's own browser, the way each system does it. When nothing can
// be opened (a server without a screen), the printed address is enough.
import { spawn } from "node:child_process";

/**
 * `verbatim`: on Windows the arguments go to cmd as they are. Quoted by Node, the empty title
 * "" would reach `start` as \"\" and the address would not open. (The address holds only
 * letters, digits and `:/?=.-_`, nothing cmd would read as its own.)
 */
export function openCommand(platform: NodeJS.Platform, url: string): { command: string; args: string[]; verbatim: boolean } {
  if (platform === "win32") return { command: "cmd", args: ["/c", "start", '""', url], verbatim: true };
  if (platform === "darwin") return { command: "open", args: [url], verbatim: false };
  return { command: "xdg-open", args: [url], verbatim: false };
}

export function openBrowser(url: string, onFail: () => void): void {
  const { command, args, verbatim } = openCommand(process.platform, url);
  try {
    const child = spawn(command, args, { stdio: "ignore", detached: true, windowsHide: true, windowsVerbatimArguments: verbatim });
    child.on("error", onFail);
    child.on("exit", (code) => {
      if (code !== 0) onFail();
    });
    child.unref();
  } catch {
    onFail();
  }
}
