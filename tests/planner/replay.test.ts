import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { McapSource } from '../../src/nodes/mpc-planner/mcap-source.js';
import { replayBag } from '../../src/nodes/mpc-planner/replay.js';
import { findPackageRoot } from '../../src/nodes/registry.js';
import { runScenario } from '../../src/sim/runner.js';

const dir = mkdtempSync(join(tmpdir(), 'planner-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('replay over a recorded MCAP', () => {
  it('plans every control period and writes the plans beside the recorded inputs', async () => {
    const bag = join(dir, 'run.mcap');
    await runScenario({ scenario: 'crossing', planner: 'baseline', seed: 1, durationS: 2, record: bag });
    const out = join(dir, 'plans.mcap');
    const r = await replayBag({
      bagPath: bag,
      outPath: out,
      packageRoot: findPackageRoot(),
      modelDir: 'models/jepa-sim',
      constraintsFile: 'config/constraints.yaml',
      oracleGoal: { xM: 5, yM: 0, yawRad: 0 },
      plannerParams: { samples: 64 },
    });
    // 2 s at 10 Hz: 19 or 20 timer ticks after the first message
    expect(r.plans).toBeGreaterThanOrEqual(19);
    expect(r.statuses.NO_GOAL ?? 0).toBe(0);
    const src = await McapSource.open(out);
    const topics = new Set([...src.channels.values()].map((c) => c.topic));
    await src.close();
    for (const t of [
      '/odom',
      '/people',
      '/mpc_planner/plan',
      '/mpc_planner/proposal',
      '/world_model/latent',
    ]) {
      expect(topics).toContain(t);
    }
  });

  it('refuses a file that is not MCAP, naming it', async () => {
    const notBag = join(findPackageRoot(), 'package.json');
    await expect(
      replayBag({
        bagPath: notBag,
        outPath: join(dir, 'x.mcap'),
        packageRoot: findPackageRoot(),
        modelDir: 'models/jepa-sim',
        constraintsFile: 'config/constraints.yaml',
        oracleGoal: { xM: 0, yM: 0, yawRad: 0 },
        plannerParams: {},
      }),
    ).rejects.toThrow(/package\.json' as an MCAP file/);
  });
});
