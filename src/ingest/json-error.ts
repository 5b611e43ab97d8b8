// Where a JSON text is broken, in Dutch: line and character, for messages that name the file.
// (JSON.parse of Node 20 gives a position only for some mistakes, and in English.)

/** A JSON file that cannot be read, in Dutch: which file, where the mistake is, what to do. */
export class JsonFileError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
    readonly regel: number | null,
  ) {
    super(`${path} is geen geldige JSON: ${detail}. Herstel het bestand of zet een eerdere versie terug.`);
  }
}

/** The one JSON reader for files: a byte-order mark is dropped, a mistake named by line and character. */
export function parseJsonText(text: string, path: string): unknown {
  const body = text.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(body);
  } catch (e) {
    const place = jsonErrorPlace(body, (e as Error).message);
    throw new JsonFileError(path, place.detail, place.regel);
  }
}

/** What is wrong with `text`, given JSON.parse's message: "fout op regel 3, teken 8". */
export function jsonErrorPlace(text: string, message: string): { detail: string; regel: number | null } {
  if (text.trim() === "") return { detail: "het bestand is leeg", regel: null };
  const pos = /position (\d+)/.exec(message);
  const at = pos ? Number(pos[1]) : jsonErrorOffset(text);
  const before = text.slice(0, at);
  const regel = before.split("\n").length;
  const kolom = at - before.lastIndexOf("\n");
  return {
    detail: at >= text.length ? `het bestand houdt halverwege op (regel ${regel})` : `fout op regel ${regel}, teken ${kolom}`,
    regel,
  };
}

/** Where JSON.parse stumbles, for the messages that do not say so: a small recursive-descent reader. */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && " \t\r\n".includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text[i++] !== ch) {
        i--;
        fail();
      }
    }
  };
  const string = (): void => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i]! < " ") fail();
      i += text[i] === "\\" ? 2 : 1;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        string();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail();
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail();
      }
    } else if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else number();
  };
  try {
    value();
    ws();
    return i;
  } catch (at) {
    return at as number;
  }
}
