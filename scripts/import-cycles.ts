// Import cycles among the modules of src/, type-only imports included.
//
//   npx tsx scripts/import-cycles.ts [folder]     (default: src)
//
// eslint's import-x/no-cycle skips `import type` (such an import vanishes at run time), but a
// cycle of types still ties two modules into one: neither can be read, moved or tested without
// the other. This script counts every import: static, type-only, `export … from`, dynamic
// `import("…")` and `import("…").Type`. It prints each cycle and exits with 1 when there is one.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** The relative module names a file imports, in any of the ways above. */
function importedNames(text: string): string[] {
  const file = ts.createSourceFile("x.ts", text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      names.push(node.moduleSpecifier.text);
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      names.push(node.arguments[0].text);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal))
      names.push(node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names.filter((n) => n.startsWith("."));
}

/** Each cycle once, as the files in import order (Tarjan's strongly connected components). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  return out;
}

/** Prints each cycle among the modules of `folder` (through `log`); 1 when there is one, else 0. */
export function main(folder: string, log: (line: string) => void = console.log): number {
  const files = sourceFiles(folder).filter((f) => !f.includes(`${join("src", "werkplaats", "assets")}`));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const targets = importedNames(readFileSync(f, "utf8"))
      .map((n) => resolve(dirname(f), n))
      .filter((t) => known.has(t));
    graph.set(f, [...new Set(targets)]);
  }
  let failed = false;
  for (const c of cycles(graph)) {
    const named = c.map((f) => relative(ROOT, f).split(sep).join("/")).join(" ↔ ");
    log(`importkringloop: ${named}`);
    failed = true;
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exit(main(resolve(process.argv[2] ?? join(ROOT, "src"))));
