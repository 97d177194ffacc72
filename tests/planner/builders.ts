/** Builders for planner tests: a world at a pose, people, and a planner wired to the analytic model. */
import { createRng } from '../../src/core/math/rng.js';
import type { PlannerConfig } from '../../src/core/planner/config.js';
import { defaultPlannerConfig } from '../../src/core/planner/config.js';
import { MpcPlanner } from '../../src/core/planner/planner.js';
import type { Person, WorldSnapshot } from '../../src/core/types.js';
import { AnalyticWorldModel } from '../../src/core/worldmodel/analytic-world-model.js';
import type { FakeConstraintOptions } from './fake-constraints.js';
import { FakeConstraints } from './fake-constraints.js';

export function worldAt(
  x: number,
  y: number,
  yaw: number,
  people: Person[] = [],
  armJoints = 0,
): WorldSnapshot {
  return {
    robot: {
      base: { xInOdomM: x, yInOdomM: y, yawInOdomRad: yaw, vMps: 0, wRadps: 0 },
      jointPos: new Float64Array(armJoints),
      jointVel: new Float64Array(armJoints),
    },
    people,
    tool: { name: 'none', held: false, sharp: false },
    stampSec: 0,
  };
}

export function person(id: number, x: number, y: number): Person {
  return { id, xInOdomM: x, yInOdomM: y, vxMps: 0, vyMps: 0, radiusM: 0.2 };
}

export interface TestRig {
  planner: MpcPlanner;
  model: AnalyticWorldModel;
  constraints: FakeConstraints;
}

export function makeRig(
  cfg: Partial<PlannerConfig> = {},
  cons: Partial<FakeConstraintOptions> = {},
  seed = 1,
): TestRig {
  const constraints = new FakeConstraints(cons);
  const armJoints = constraints.actionDim - 2;
  const model = new AnalyticWorldModel({ armJointCount: armJoints, stepSec: constraints.stepSec });
  let t = 0;
  const planner = new MpcPlanner(
    { ...defaultPlannerConfig(armJoints), samples: 128, horizon: 10, ...cfg },
    { worldModel: model, constraints, rng: createRng(seed), nowMs: () => (t += 2) },
  );
  return { planner, model, constraints };
}

/** Latent of a world's robot state. */
export function latentOf(model: AnalyticWorldModel, w: WorldSnapshot): Float32Array {
  const z = new Float32Array(model.spec.latentDim);
  model.encodeState(w.robot, z);
  return z;
}

/** Moves the world's base by one step of `action` (unicycle, midpoint heading), as the fake does. */
export function stepWorld(w: WorldSnapshot, action: Float64Array, dt: number): void {
  const b = w.robot.base;
  const v = action[0] as number;
  const om = action[1] as number;
  const mid = b.yawInOdomRad + 0.5 * om * dt;
  b.xInOdomM += v * Math.cos(mid) * dt;
  b.yInOdomM += v * Math.sin(mid) * dt;
  b.yawInOdomRad += om * dt;
  b.vMps = v;
  b.wRadps = om;
}
