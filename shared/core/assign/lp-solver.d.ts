declare module "javascript-lp-solver" {
  interface Model {
    optimize: string;
    opType: "min" | "max";
    constraints: Record<string, { min?: number; max?: number; equal?: number }>;
    variables: Record<string, Record<string, number>>;
    ints?: Record<string, 1>;
  }
  const solver: {
    Solve(model: Model): Record<string, number> & { feasible: boolean; result: number; bounded?: boolean };
  };
  export default solver;
}
