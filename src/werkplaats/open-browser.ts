// Opens the workspace in the user's own browser, the way each system does it. When nothing can
// be opened (a server without a screen), the printed address is enough.
import { spawn } from "node:child_process";

export function openCommand(platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  if (platform === "win32") return { command: "cmd", args: ["/c", "start", '""', url] };
  if (platform === "darwin") return { command: "open", args: [url] };
  return { command: "xdg-open", args: [url] };
}

export function openBrowser(url: string, onFail: () => void): void {
  const { command, args } = openCommand(process.platform, url);
  try {
    const child = spawn(command, args, { stdio: "ignore", detached: true, windowsHide: true });
    child.on("error", onFail);
    child.on("exit", (code) => {
      if (code !== 0) onFail();
    });
    child.unref();
  } catch {
    onFail();
  }
}
