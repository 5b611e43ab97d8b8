// The problems of a registration as a short list of causes, each with the follow-on problems
// folded under it, so a counsellor fixes the cause first instead of reading 40 rows that all
// say the same. Two rules, both about where a mistake shows up again:
//  1. A problem on a row of a list the others refer to (vertrouwenspersonen, vocabulaire) is
//     the cause of every problem elsewhere that names that row's code as its value: a wrongly
//     registered counsellor makes every melding of that counsellor wrong. The row's code comes
//     from `codeOfRow` (the problem's own value when it is about the code column).
//  2. A problem in a column's header (a missing or unknown column) is the cause of every row
//     problem in that column of that file.
// Whatever is left stands on its own.
import type { Problem } from "../ingest/problem.ts";

export interface ProblemNode {
  problem: Problem;
  /** Follow-on problems: fixing the cause usually makes them go away. */
  followOn: Problem[];
}

const REFERENCE_FILES = /^(vertrouwenspersonen|vocabulaire)(\.csv|\.xlsx)?(,|$)|tabblad (vertrouwenspersonen|vocabulaire)/;

function isReferenceList(p: Problem): boolean {
  return REFERENCE_FILES.test(p.bestand);
}

/** A problem with a column of the header row (validate/rows.ts): missing, unknown or twice. */
function isHeaderProblem(p: Problem): boolean {
  return p.kolom !== null && p.waarde === null && /^(verplichte kolom|onbekende kolom|kolom ".*" staat er twee keer)/.test(p.melding);
}

export function foldProblems(
  problems: Problem[],
  codeOfRow: (bestand: string, regel: number | null) => string | null = () => null,
): ProblemNode[] {
  const nodes: ProblemNode[] = problems.map((problem) => ({ problem, followOn: [] }));
  const codeOf = (p: Problem): string | null => codeOfRow(p.bestand, p.regel) ?? (p.kolom === "code" ? p.waarde : null);
  const causes = nodes.filter((n) => (isReferenceList(n.problem) && codeOf(n.problem) !== null) || isHeaderProblem(n.problem));
  const folded = new Set<ProblemNode>();
  for (const node of nodes) {
    if (causes.includes(node)) continue;
    const p = node.problem;
    const cause = causes.find((c) => {
      const q = c.problem;
      if (isHeaderProblem(q)) return q.bestand === p.bestand && q.kolom === p.kolom && p.regel !== null && p.regel > (q.regel ?? 0);
      return q.bestand !== p.bestand && p.waarde !== null && p.waarde === codeOf(q);
    });
    if (cause) {
      cause.followOn.push(p);
      folded.add(node);
    }
  }
  return nodes.filter((n) => !folded.has(n));
}
