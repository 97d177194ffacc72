/**
 * Planner benchmarks on the real constraint library (robot URDF + config/constraints.yaml):
 *  - `planner` / `planner-k1024`: cycle time of one full planning cycle (sample, project, check,
 *    roll out, update, verify) at K=512,H=12 and K=1024,H=16, with the ONNX world model when
 *    models/jepa-sim exists (provider cpu…), else the analytic one;
 *  - `planner-vs-filter`: per-step projection vs the generate-then-filter baseline at the same compute
 *    (same K, H, iterations, seed): fraction of feasible samples and achieved task energy.
 * The scene: the robot at the origin, a goal 2 m ahead and 1 m left, one person walking across 4.5 m
 * ahead, a second standing 3.5 m ahead and 1.5 m right (close enough to bind the separation rule on
 * some samples, far enough that the robot may move).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../core/math/rng.js';
import { mean, percentile } from '../core/math/stats.js';
import type { PlannerConfig } from '../core/planner/config.js';
import { defaultPlannerConfig } from '../core/planner/config.js';
import type { PlannerConstraints } from '../core/planner/constraints-port.js';
import { MpcPlanner } from '../core/planner/planner.js';
import type { Person, WorldSnapshot } from '../core/types.js';
import { AnalyticWorldModel } from '../core/worldmodel/analytic-world-model.js';
import type { WorldModel } from '../core/worldmodel/world-model.js';
import { findPackageRoot } from '../nodes/registry.js';
import { buildMonitorConstraints } from '../nodes/safety-monitor/constraint-source.js';
import type { Figures } from './registry.js';
import { registerBenchmark } from './registry.js';
// the slow closed-loop acceptance table lives beside it
import './planner-acceptance.js';

type BenchConstraints = PlannerConstraints & { readonly armJointNames: readonly string[] };

function loadConstraints(root: string): BenchConstraints {
  const yaml = join(root, 'config', 'constraints.yaml');
  return buildMonitorConstraints({
    urdfXml: readFileSync(join(root, 'urdf', 'robot.urdf'), 'utf8'),
    constraintsYaml: existsSync(yaml) ? readFileSync(yaml, 'utf8') : null,
  });
}

function benchWorld(n: number, tSec: number): WorldSnapshot {
  const people: Person[] = [
    { id: 1, xInOdomM: 4.5, yInOdomM: -2 + 0.8 * tSec, vxMps: 0, vyMps: 0.8, radiusM: 0.25 },
    { id: 2, xInOdomM: 3.5, yInOdomM: -1.5, vxMps: 0, vyMps: 0, radiusM: 0.25 },
  ];
  return {
    robot: {
      base: { xInOdomM: 0, yInOdomM: 0, yawInOdomRad: 0, vMps: 0.2, wRadps: 0 },
      jointPos: new Float64Array(n),
      jointVel: new Float64Array(n),
    },
    people,
    tool: { name: '', held: false, sharp: false },
    stampSec: tSec,
  };
}

async function loadModel(root: string, c: BenchConstraints): Promise<WorldModel> {
  const dir = join(root, 'models', 'jepa-sim');
  if (existsSync(join(dir, 'manifest.json'))) {
    const { OnnxWorldModel } = await import('../runtime/onnx-world-model.js');
    const model = await OnnxWorldModel.load({
      modelDir: dir,
      armJointNames: c.armJointNames,
      providers: ['cpu'],
    });
    return model;
  }
  return new AnalyticWorldModel({ armJointCount: c.armJointNames.length, stepSec: c.stepSec });
}

interface RunStats {
  cycleMs: Float64Array;
  feasibleFraction: number;
  energy: number;
}

/** Runs `cycles` planning cycles (after 3 warm-up ones) on a world whose crossing person moves. */
async function runCycles(
  planner: MpcPlanner,
  model: WorldModel,
  n: number,
  cycles: number,
): Promise<RunStats> {
  const d = model.spec.latentDim;
  const z0 = new Float32Array(d);
  const goal = new Float32Array(d);
  if (model instanceof AnalyticWorldModel) {
    model.encodePose(0, 0, 0, new Float64Array(n), z0);
    model.encodePose(2, 1, 0, new Float64Array(n), goal);
  } else {
    // learned latents: a fixed pseudo-random pair (timing only; energies are not comparable)
    const rng = createRng(7);
    for (let i = 0; i < d; i++) {
      z0[i] = rng.normal();
      goal[i] = rng.normal();
    }
  }
  const cycleMs = new Float64Array(cycles);
  let feasible = 0;
  let samples = 0;
  const energies: number[] = [];
  for (let i = -3; i < cycles; i++) {
    const r = await planner.plan({ world: benchWorld(n, Math.max(0, i) * 0.1), z0, goal });
    if (i < 0) continue;
    cycleMs[i] = r.cycleMs;
    feasible += r.feasibleSamples;
    samples += r.samples;
    if (Number.isFinite(r.energy)) energies.push(r.energy);
  }
  return { cycleMs, feasibleFraction: feasible / samples, energy: mean(energies) };
}

function makePlanner(c: BenchConstraints, model: WorldModel, cfg: Partial<PlannerConfig>): MpcPlanner {
  const base = defaultPlannerConfig(c.armJointNames.length);
  return new MpcPlanner(
    { ...base, ...cfg },
    { worldModel: model, constraints: c, rng: createRng(1), nowMs: () => performance.now() },
  );
}

async function timing(k: number, h: number, quick: boolean): Promise<Figures> {
  const root = findPackageRoot();
  const c = loadConstraints(root);
  const model = await loadModel(root, c);
  try {
    const planner = makePlanner(c, model, { samples: k, horizon: h });
    const s = await runCycles(planner, model, c.armJointNames.length, quick ? 10 : 60);
    const p50 = percentile(s.cycleMs, 50);
    return {
      provider: model.provider,
      k,
      h,
      iterations: planner.config.iterations,
      hz: 1000 / p50,
      cycle_ms_p50: p50,
      cycle_ms_p99: percentile(s.cycleMs, 99),
    };
  } finally {
    await model.dispose();
  }
}

registerBenchmark({
  name: 'planner',
  description: 'one MPC cycle at K=512, H=12 (real constraints; ONNX model if present, else analytic)',
  run: ({ quick }) => timing(512, 12, quick),
});

registerBenchmark({
  name: 'planner-k1024',
  description: 'one MPC cycle at K=1024, H=16',
  run: ({ quick }) => timing(1024, 16, quick),
});

registerBenchmark({
  name: 'planner-vs-filter',
  description:
    'per-step projection vs generate-then-filter at the same compute (analytic model, K=512, H=12)',
  async run({ quick }) {
    const root = findPackageRoot();
    const c = loadConstraints(root);
    const model = new AnalyticWorldModel({ armJointCount: c.armJointNames.length, stepSec: c.stepSec });
    const n = c.armJointNames.length;
    const cycles = quick ? 10 : 40;
    const project = await runCycles(makePlanner(c, model, { mode: 'project' }), model, n, cycles);
    const filter = await runCycles(makePlanner(c, model, { mode: 'filter' }), model, n, cycles);
    return {
      k: 512,
      h: 12,
      feasible_fraction_project: project.feasibleFraction,
      feasible_fraction_filter: filter.feasibleFraction,
      energy_project: project.energy,
      energy_filter: filter.energy,
      cycle_ms_p50_project: percentile(project.cycleMs, 50),
      cycle_ms_p50_filter: percentile(filter.cycleMs, 50),
    };
  },
});
