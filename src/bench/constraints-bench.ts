/**
 * `constraints`: evaluateBatch over K = 1024 candidates × H = 16 steps for the package robot with 3 people
 * and the 4 zones of config/constraints.yaml, single thread. Candidates are projected random sequences, so
 * most are feasible and the early exit rarely helps (the planner's usual case). Target: ms_p50 ≤ 10.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createConstraintSet, parseConstraintConfig } from '../core/constraints/index.js';
import { createRng } from '../core/math/rng.js';
import { percentile } from '../core/math/stats.js';
import { loadUrdf } from '../core/robot/index.js';
import type { WorldSnapshot } from '../core/types.js';
import { registerBenchmark } from './registry.js';

const ROOT = new URL('../../', import.meta.url);
const read = (rel: string): string => readFileSync(fileURLToPath(new URL(rel, ROOT)), 'utf8');

registerBenchmark({
  name: 'constraints',
  description: 'evaluateBatch K=1024 × H=16, package robot, 3 people, 4 zones',
  async run({ quick }) {
    const robot = loadUrdf(read('urdf/robot.urdf'));
    const set = createConstraintSet(robot, parseConstraintConfig(read('config/constraints.yaml')));
    const k = 1024;
    const h = 16;
    const a = set.actionDim;
    const world: WorldSnapshot = {
      robot: {
        base: { xInOdomM: 0, yInOdomM: 0, yawInOdomRad: 0.3, vMps: 0.3, wRadps: 0.1 },
        jointPos: Float64Array.from([0.2, -0.4, 0.8]),
        jointVel: new Float64Array(3),
      },
      people: [
        { id: 1, xInOdomM: 4.5, yInOdomM: 1.0, vxMps: -0.5, vyMps: 0, radiusM: 0.3 },
        { id: 2, xInOdomM: -3.5, yInOdomM: 2.5, vxMps: 0, vyMps: 0, radiusM: 0.3 },
        { id: 3, xInOdomM: 1.0, yInOdomM: -5.0, vxMps: 0, vyMps: 0.4, radiusM: 0.3 },
      ],
      tool: { name: 'gripper', held: false, sharp: false },
      stampSec: 0,
    };
    const rng = createRng(7);
    const desired = new Float32Array(h * a);
    const actions = new Float32Array(k * h * a);
    const one = new Float32Array(h * a);
    for (let c = 0; c < k; c++) {
      for (let i = 0; i < h * a; i++) desired[i] = 0.6 * rng.normal();
      set.projectSequence(world, desired, h, one);
      actions.set(one, c * h * a);
    }
    const feasible = new Uint8Array(k);
    const margin = new Float32Array(k);
    const reps = quick ? 5 : 40;
    const samplesMs = new Float64Array(reps);
    const cpuMs = new Float64Array(reps);
    set.evaluateBatch(world, actions, k, h, feasible, margin); // warm-up
    for (let r = 0; r < reps; r++) {
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      set.evaluateBatch(world, actions, k, h, feasible, margin);
      samplesMs[r] = Number(process.hrtime.bigint() - t0) / 1e6;
      const c1 = process.cpuUsage(c0);
      cpuMs[r] = (c1.user + c1.system) / 1e3;
    }
    const t0 = process.hrtime.bigint();
    for (let c = 0; c < 64; c++) set.projectSequence(world, desired, h, one);
    const projectUs = Number(process.hrtime.bigint() - t0) / 1e3 / 64;
    return {
      k,
      h,
      ms_p50: percentile(samplesMs, 50),
      ms_p90: percentile(samplesMs, 90),
      // CPU time of this thread: steadier than wall time on a loaded machine
      cpu_ms_p50: percentile(cpuMs, 50),
      feasible_fraction: feasible.reduce((s, f) => s + f, 0) / k,
      project_sequence_us: projectUs,
    };
  },
});
