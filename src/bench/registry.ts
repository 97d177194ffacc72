/**
 * Benchmarks: each prints figures, never asserts a time. `world-model-mpc bench --json` prints one JSON
 * object per benchmark on its own line ({"name": ..., ...figures}) so results compare across commits.
 */
export type Figures = Record<string, number | string | boolean>;

export interface Benchmark {
  name: string;
  description: string;
  run(options: { quick: boolean }): Promise<Figures>;
  /** long-running (e.g. closed-loop acceptance over many seeds): runs only when named with --only */
  onlyWhenNamed?: boolean;
}

const registry: Benchmark[] = [];

export function registerBenchmark(b: Benchmark): void {
  if (registry.some((r) => r.name === b.name)) throw new Error(`benchmark '${b.name}' registered twice`);
  registry.push(b);
}

export function benchmarks(): readonly Benchmark[] {
  return registry;
}
