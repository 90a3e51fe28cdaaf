/** Types of build.cjs for the TypeScript that loads the compiled solver. */
export interface SolverBundle {
  dir: string;
  file(name: "solve.thread" | "parts.thread" | "plan" | "bench"): string;
}

export function ensureSolverBundle(options?: { force?: boolean; log?: (line: string) => void }): SolverBundle;
export const ENTRIES: Record<string, string>;
export const OUT: string;
