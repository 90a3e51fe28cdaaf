/** Types of build.cjs for the TypeScript that loads the compiled solver. */
export interface SolverBundle {
  dir: string;
  file(name: "solve.thread" | "parts.thread" | "plan" | "bench"): string;
}

export function ensureSolverBundle(options?: { force?: boolean; log?: (line: string) => void }): SolverBundle;
export const ENTRIES: Record<string, string>;
export const OUT: string;
/** Why the bundle started as `entry` is older than its sources, or undefined (see build.cjs). */
export function staleBundleError(entry: string | undefined): string | undefined;
/** Exit with 2 and that reason when the started bundle is stale; the bundled entries call it first. */
export function refuseStaleBundle(entry?: string): void;
