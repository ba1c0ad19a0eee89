// Types of cases.mjs (plain JavaScript so bare node can run it).
export interface BenchCase {
  id: string;
  label: string;
  build: (n: number) => Record<string, unknown>;
}
export const CASES: BenchCase[];
/** The cases BENCH_CASES names, or every case; exits with the ids when it names none. */
export function selectedCases(): BenchCase[];
