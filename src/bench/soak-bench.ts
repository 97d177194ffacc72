/**
 * Soak: the embedded stack of `sim` (coffee scenario, its default controller, the safety monitor,
 * zstd recording) for a long simulated run, sampling the process's memory every simulated minute
 * after a warm-up. A leak shows as a heap that keeps growing after a forced GC: least-squares slopes
 * over all post-warm-up samples (`heap_slope_kb_per_min`) and over the second half of the run
 * (`heap_slope_late_kb_per_min`: the report trace has reached its bound of 10 min by then, so what
 * still grows is the recording's MCAP index, a few kB per minute, or a leak).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runScenario } from '../sim/runner.js';
import type { MetricsCollector } from '../sim/metrics.js';
import { registerBenchmark } from './registry.js';

const SCENARIO = 'coffee';
const SAMPLE_EVERY_S = 60;

/** A GC the bench can call without `node --expose-gc`, so heap samples hold live objects only. */
function exposeGc(): () => void {
  setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
}

/** Least-squares slope of y over x. */
export function slope(x: readonly number[], y: readonly number[]): number {
  const n = Math.min(x.length, y.length);
  if (n < 2) return Number.NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    sxy += dx * ((y[i] as number) - my);
    sxx += dx * dx;
  }
  return sxx > 0 ? sxy / sxx : Number.NaN;
}

interface MemorySamples {
  minute: number[];
  rssMb: number[];
  heapMb: number[];
}

function memorySampler(
  warmupS: number,
  gc: () => void,
): { samples: MemorySamples; onSample: (m: MetricsCollector) => void } {
  const samples: MemorySamples = { minute: [], rssMb: [], heapMb: [] };
  let nextS = warmupS;
  const onSample = (m: MetricsCollector): void => {
    const tSec = m.latest().tSec;
    if (tSec < nextS - 1e-9) return;
    nextS += SAMPLE_EVERY_S;
    gc();
    const mem = process.memoryUsage();
    samples.minute.push(tSec / 60);
    samples.rssMb.push(mem.rss / 1e6);
    samples.heapMb.push(mem.heapUsed / 1e6);
  };
  return { samples, onSample };
}

registerBenchmark({
  name: 'soak',
  description: `${SCENARIO} with its default controller, safety monitor and recording for 20 sim min (quick: 4): memory every sim minute after 2 (quick: 1) min of warm-up`,
  async run({ quick }) {
    const durationS = (quick ? 4 : 20) * 60;
    const warmupS = (quick ? 1 : 2) * 60;
    const gc = exposeGc();
    const { samples, onSample } = memorySampler(warmupS, gc);
    const dir = mkdtempSync(join(tmpdir(), 'wmpc-soak-'));
    try {
      const file = join(dir, 'soak.mcap');
      const r = await runScenario({
        scenario: SCENARIO,
        seed: 1,
        durationS,
        // SOAK_PLANNER=mpc soaks the embedded default pipeline (encoder → MPC → monitor) instead
        ...(process.env.SOAK_PLANNER ? { planner: process.env.SOAK_PLANNER } : {}),
        record: file,
        recordCompression: 'zstd',
        onSample,
      });
      const first = 0;
      const last = samples.rssMb.length - 1;
      const half = Math.floor(samples.minute.length / 2);
      return {
        sim_min: durationS / 60,
        samples: samples.rssMb.length,
        realtime_factor: durationS / r.wallS,
        rss_start_mb: samples.rssMb[first] ?? Number.NaN,
        rss_peak_mb: Math.max(...samples.rssMb),
        rss_end_mb: samples.rssMb[last] ?? Number.NaN,
        heap_start_mb: samples.heapMb[first] ?? Number.NaN,
        heap_end_mb: samples.heapMb[last] ?? Number.NaN,
        heap_slope_kb_per_min: slope(samples.minute, samples.heapMb) * 1000,
        heap_slope_late_kb_per_min: slope(samples.minute.slice(half), samples.heapMb.slice(half)) * 1000,
        rss_slope_kb_per_min: slope(samples.minute, samples.rssMb) * 1000,
        recording_mb: statSync(file).size / 1e6,
        planner: r.summary.planner,
        monitor: r.summary.monitor,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
});
