import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScenario } from '../sim/runner.js';
import { Simulator } from '../sim/simulator.js';
import { getScenario } from '../sim/scenarios/index.js';
import { createRng } from '../core/math/rng.js';
import { readFileSync } from 'node:fs';
import { PACKAGE_ROOT } from '../sim/runner.js';
import { percentile } from '../core/math/stats.js';
import { McapIndexedReader } from '@mcap/core';
import { registerBenchmark } from './registry.js';

/** File size and what it would be with plain chunks (chunk index sizes), in bytes. */
async function recordingSizes(path: string): Promise<{ bytes: number; uncompressedBytes: number }> {
  const data = readFileSync(path);
  const reader = await McapIndexedReader.Initialize({
    readable: {
      size: async () => BigInt(data.length),
      read: async (offset, size) => data.subarray(Number(offset), Number(offset + size)),
    },
  });
  let saved = 0n;
  for (const c of reader.chunkIndexes) saved += c.uncompressedSize - c.compressedSize;
  return { bytes: data.length, uncompressedBytes: data.length + Number(saved) };
}

registerBenchmark({
  name: 'sim',
  description:
    'explore scenario with zstd recording: sim seconds per wall second, camera frame time, dataset size (and without compression)',
  async run({ quick }) {
    const dir = mkdtempSync(join(tmpdir(), 'wmpc-simbench-'));
    try {
      const durationS = quick ? 10 : 60;
      const file = join(dir, 'explore.mcap');
      const cpu0 = process.cpuUsage();
      const r = await runScenario({
        scenario: 'explore',
        seed: 1,
        durationS,
        record: file,
        recordCompression: 'zstd',
      });
      const cpu = process.cpuUsage(cpu0);
      // CPU seconds of this process: a figure that holds up when other work shares the machine
      const cpuS = (cpu.user + cpu.system) / 1e6;
      const { bytes, uncompressedBytes } = await recordingSizes(file);
      const mbPerSimHour = (b: number): number => ((b / durationS) * 3600) / 1e6;
      const sim = await Simulator.create(
        getScenario('explore').build(createRng(1)),
        readFileSync(join(PACKAGE_ROOT, 'urdf', 'robot.urdf'), 'utf8'),
      );
      const frames = quick ? 20 : 100;
      const frameMs = new Float64Array(frames);
      for (let i = 0; i < frames; i++) {
        const t0 = performance.now();
        sim.renderCamera();
        frameMs[i] = performance.now() - t0;
      }
      sim.dispose();
      return {
        sim_s: durationS,
        wall_s: r.wallS,
        realtime_factor: durationS / r.wallS,
        realtime_factor_cpu: durationS / cpuS,
        one_hour_dataset_wall_min: 3600 / (durationS / r.wallS) / 60,
        camera_frame_ms_p50: percentile(frameMs, 50),
        camera_frame_ms_p99: percentile(frameMs, 99),
        mb_per_sim_hour: mbPerSimHour(bytes),
        mb_per_sim_hour_uncompressed: mbPerSimHour(uncompressedBytes),
        monitor: r.summary.monitor,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
});
