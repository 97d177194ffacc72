import { describe, expect, it } from 'vitest';
import { PlannerConfigError, defaultPlannerConfig } from '../../src/core/planner/config.js';
import { MpcPlanner } from '../../src/core/planner/planner.js';
import { createRng } from '../../src/core/math/rng.js';
import type { WorldSnapshot } from '../../src/core/types.js';
import type { TestRig } from './builders.js';
import { latentOf, makeRig, person, stepWorld, worldAt } from './builders.js';

/** Runs the planner closed-loop against the fake's own kinematics; returns the statuses seen. */
async function drive(
  rig: TestRig,
  world: WorldSnapshot,
  goal: Float32Array,
  cycles: number,
  each?: (i: number) => void,
) {
  const statuses: string[] = [];
  for (let i = 0; i < cycles; i++) {
    each?.(i);
    const r = await rig.planner.plan({ world, z0: latentOf(rig.model, world), goal });
    statuses.push(r.status);
    stepWorld(world, r.firstAction, rig.constraints.stepSec);
  }
  return statuses;
}

function goalLatent(rig: TestRig, x: number, y: number, yaw = 0): Float32Array {
  return latentOf(rig.model, worldAt(x, y, yaw));
}

describe('MPC planner reaching a goal', () => {
  for (const method of ['mppi', 'cem'] as const) {
    it(`with ${method}, when the goal is 1.5 m ahead and 1 m aside (facing away from the start), expect to end within 0.15 m of it`, async () => {
      const rig = makeRig({ method });
      const world = worldAt(0, 0, 0);
      const statuses = await drive(rig, world, goalLatent(rig, 1.5, 1, Math.atan2(1, 1.5)), 80);
      const b = world.robot.base;
      expect(Math.hypot(b.xInOdomM - 1.5, b.yInOdomM - 1)).toBeLessThan(0.15);
      expect(statuses.every((s) => s === 'ok')).toBe(true);
    });
  }

  it("with the goal-pose energy ('pose'), when the goal is 0.5 m to the left with the robot's heading, expect to end within 0.15 m of it", async () => {
    // the diff-drive case latent distance gets stuck in: every turn toward the goal costs heading
    const rig = makeRig({ latentNorm: 'pose', horizon: 20 });
    const world = worldAt(0, 0, 0);
    await drive(rig, world, goalLatent(rig, 0, 0.5, 0), 80);
    const b = world.robot.base;
    expect(Math.hypot(b.xInOdomM, b.yInOdomM - 0.5)).toBeLessThan(0.15);
  });

  it("on the analytic model, the 'pose' energy without its bearing term equals the L2 latent distance (same plan, same energy)", async () => {
    const world = worldAt(0.2, -0.3, 0.4);
    const results: { energy: number; first: number[] }[] = [];
    for (const latentNorm of ['l2', 'pose'] as const) {
      const rig = makeRig({ latentNorm, poseBearingWeight: 0 });
      const r = await rig.planner.plan({
        world,
        z0: latentOf(rig.model, world),
        goal: goalLatent(rig, 1, 1, 2),
      });
      results.push({ energy: r.energy, first: Array.from(r.firstAction) });
    }
    expect(results[1]?.energy).toBeCloseTo(results[0]?.energy as number, 4);
    results[1]?.first.forEach((v, j) => expect(v).toBeCloseTo(results[0]?.first[j] as number, 5));
  });

  it("refuses the 'pose' energy for a world model without a goal-pose head, naming the model", () => {
    const rig = makeRig();
    const headless = Object.create(rig.model, {
      spec: { value: { ...rig.model.spec, goalPose: false, modelId: 'no-head' } },
    }) as typeof rig.model;
    expect(
      () =>
        new MpcPlanner(
          { ...defaultPlannerConfig(0), latentNorm: 'pose' },
          { worldModel: headless, constraints: rig.constraints, rng: createRng(1), nowMs: () => 0 },
        ),
    ).toThrow(/'pose' needs a world model with a goal-pose head; 'no-head' has none/);
  });

  it('builds every sample through the projection, so all of them pass the full check', async () => {
    const rig = makeRig({ iterations: 2 });
    const r = await rig.planner.plan({
      world: worldAt(0, 0, 0),
      z0: latentOf(rig.model, worldAt(0, 0, 0)),
      goal: goalLatent(rig, 3, 0),
    });
    expect(r.samples).toBe(256);
    expect(r.feasibleSamples).toBe(256);
    // K projections per iteration plus one for the mean; one (allocation-free) stopping check of the
    // first action, and no Evaluation built since nothing needs explaining
    expect(rig.constraints.calls.project).toBe(2 * 128 + 1);
    expect(rig.constraints.calls.stoppable).toBe(1);
    expect(rig.constraints.calls.checkStopping).toBe(0);
  });

  it('in the generate-then-filter baseline, rejects raw samples that exceed the limits', async () => {
    // noise std 0.25 m/s around a 0.5 m/s mean: about half of the speeds exceed vMax = 0.5 somewhere
    const rig = makeRig({ mode: 'filter', iterations: 1 });
    const w = worldAt(0, 0, 0);
    await drive(rig, w, goalLatent(rig, 3, 0), 5);
    const r = await rig.planner.plan({ world: w, z0: latentOf(rig.model, w), goal: goalLatent(rig, 3, 0) });
    expect(r.feasibleSamples).toBeGreaterThan(0);
    expect(r.feasibleSamples).toBeLessThan(r.samples);
    expect(Math.abs(r.firstAction[0] as number)).toBeLessThanOrEqual(0.5);
  });

  it('reports the cycle time from the injected clock', async () => {
    const rig = makeRig();
    const w = worldAt(0, 0, 0);
    const r = await rig.planner.plan({ world: w, z0: latentOf(rig.model, w), goal: goalLatent(rig, 1, 0) });
    // the fake clock advances 2 ms per reading; plan reads it twice
    expect(r.cycleMs).toBe(2);
  });

  it('gives the same first action for the same seed', async () => {
    const first = async () => {
      const rig = makeRig({}, {}, 42);
      const w = worldAt(0, 0, 0);
      const r = await rig.planner.plan({ world: w, z0: latentOf(rig.model, w), goal: goalLatent(rig, 1, 1) });
      return Array.from(r.firstAction);
    };
    expect(await first()).toEqual(await first());
  });
});

describe('MPC planner under constraints', () => {
  it('when a person stands at the goal, waits outside the clearance with a reason, and goes once they leave', async () => {
    // at the clearance boundary the sampled plans only jitter sideways (energy gain ≪ 0.05): no progress
    const rig = makeRig({ stallEnergyEps: 0.05 });
    const world = worldAt(0, 0, 0);
    const goal = goalLatent(rig, 1.5, 0);
    const reasons: string[] = [];
    const people = [person(3, 1.6, 0)];
    const log: number[] = [];
    const statuses = await drive(rig, world, goal, 120, (i) => {
      if (i === 70) people.length = 0; // the person walks away
      world.people = [...people];
      const b = world.robot.base;
      if (people.length > 0) log.push(Math.hypot(1.6 - b.xInOdomM, -b.yInOdomM));
    });
    const r = await rig.planner.plan({ world, z0: latentOf(rig.model, world), goal });
    reasons.push(r.reason);
    // never inside the 0.5 m clearance while the person was there
    expect(Math.min(...log)).toBeGreaterThanOrEqual(0.5 - 1e-6);
    expect(statuses.slice(0, 70)).toContain('infeasible');
    expect(statuses.slice(100)).not.toContain('infeasible');
    expect(Math.hypot(world.robot.base.xInOdomM - 1.5, world.robot.base.yInOdomM)).toBeLessThan(0.15);
  });

  it('names the person and the gap to the path in the waiting reason', async () => {
    const rig = makeRig();
    // robot 0.5 m from the person standing 0.1 m beyond the goal: any step closer breaks the clearance
    const world = worldAt(1.1, 0, 0, [person(3, 1.6, 0)]);
    const r = await rig.planner.plan({
      world,
      z0: latentOf(rig.model, world),
      goal: goalLatent(rig, 1.5, 0),
    });
    expect(r.status).toBe('infeasible');
    expect(r.reason).toMatch(/^person 3 is \d+\.\d m from the path to the goal; waiting$/);
    expect(Array.from(r.firstAction)).toEqual([0, 0]);
  });

  it('brakes and explains when every candidate breaks a constraint, even holding still', async () => {
    const rig = makeRig({}, { wallXM: -1 });
    const world = worldAt(0, 0, 0);
    const r = await rig.planner.plan({ world, z0: latentOf(rig.model, world), goal: goalLatent(rig, 1, 0) });
    expect(r.status).toBe('infeasible');
    expect(r.feasibleSamples).toBe(0);
    expect(r.reason).toContain("constraint 'keep_out'");
    expect(Array.from(r.firstAction)).toEqual([0, 0]);
  });

  it('holds with a fallback status naming the bad value when the goal latent is not finite', async () => {
    const rig = makeRig();
    const world = worldAt(0, 0, 0);
    const goal = goalLatent(rig, 1, 0);
    goal[2] = Number.NaN;
    const r = await rig.planner.plan({ world, z0: latentOf(rig.model, world), goal });
    expect(r.status).toBe('fallback');
    expect(r.reason).toBe('goal latent value 2 is NaN; holding');
  });

  it("brings the arm to the goal's posture when the goal comes with one, and leaves it otherwise", async () => {
    // 'pose' reads the base pose only: the arm's way to the goal posture is the arm posture cost alone
    const goalQ = Float64Array.from([0.6, -0.4]);
    const finalPosture = async (withPosture: boolean): Promise<number[]> => {
      const rig = makeRig({ latentNorm: 'pose' }, { armJoints: 2 });
      const world = worldAt(0, 0, 0, [], 2);
      const goal = latentOf(rig.model, worldAt(0.5, 0, 0, [], 2));
      const q = world.robot.jointPos;
      for (let i = 0; i < 40; i++) {
        const input = { world, z0: latentOf(rig.model, world), goal };
        const r = await rig.planner.plan(withPosture ? { ...input, goalJointPos: goalQ } : input);
        stepWorld(world, r.firstAction, rig.constraints.stepSec);
        for (let j = 0; j < 2; j++) q[j] = (q[j] as number) + (r.firstAction[2 + j] as number) * 0.1;
      }
      return Array.from(q);
    };
    const reached = await finalPosture(true);
    expect(Math.abs((reached[0] as number) - 0.6)).toBeLessThan(0.05);
    expect(Math.abs((reached[1] as number) + 0.4)).toBeLessThan(0.05);
    const left = await finalPosture(false);
    expect(Math.hypot((left[0] as number) - 0.6, (left[1] as number) + 0.4)).toBeGreaterThan(0.4);
  });

  it('holds with a fallback status when the goal posture does not fit the arm', async () => {
    const rig = makeRig({}, { armJoints: 2 });
    const world = worldAt(0, 0, 0, [], 2);
    const input = {
      world,
      z0: latentOf(rig.model, world),
      goal: latentOf(rig.model, worldAt(1, 0, 0, [], 2)),
    };
    const short = await rig.planner.plan({ ...input, goalJointPos: Float64Array.from([0.1]) });
    expect(short.status).toBe('fallback');
    expect(short.reason).toBe('goal posture has 1 joint positions, the arm 2; holding');
    const nan = await rig.planner.plan({ ...input, goalJointPos: Float64Array.from([0.1, Number.NaN]) });
    expect(nan.reason).toBe('goal posture joint 1 is NaN; holding');
  });

  it('rejects a config with one sample, naming the key', () => {
    expect(() => makeRig({ samples: 1 })).toThrow(PlannerConfigError);
    expect(() => makeRig({ samples: 1 })).toThrow(/'samples': expected an integer in \[2, 65536\], got 1/);
  });
});
