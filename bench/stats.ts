/** Timing helpers of the benchmark: percentiles over repeated runs, and the process's peak memory. */

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? NaN;
}

/** Runs `work` `warmup` times unmeasured, then `runs` times, each with the next input. */
export async function measure(runs: number, work: (i: number) => Promise<unknown>, warmup = 3): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work(warmup + i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), runs };
}

/** Samples the resident set size while `work` runs: the peak and what it was before. */
export async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; baselineMb: number; peakMb: number }> {
  const mb = () => process.memoryUsage.rss() / 1024 / 1024;
  const baselineMb = mb();
  let peakMb = baselineMb;
  const timer = setInterval(() => {
    peakMb = Math.max(peakMb, mb());
  }, 20);
  try {
    const result = await work();
    peakMb = Math.max(peakMb, mb());
    return { result, baselineMb, peakMb };
  } finally {
    clearInterval(timer);
  }
}
