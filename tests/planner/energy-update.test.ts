import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalyticWorldModel } from '../../src/core/worldmodel/analytic-world-model.js';
import { PlannerBuffers } from '../../src/core/planner/buffers.js';
import { defaultPlannerConfig } from '../../src/core/planner/config.js';
import {
  armPostureCost,
  goalPoseEnergies,
  latentEnergies,
  separationCost,
} from '../../src/core/planner/energy.js';
import { cemUpdate, mppiUpdate } from '../../src/core/planner/update.js';

const cfg = { ...defaultPlannerConfig(0), runningWeight: 0.2, terminalWeight: 1 };

describe('task energy', () => {
  // one sample, H = 2, D = 2, goal at the origin; step 0 at (3, 4), step 1 at (0, 1)
  const latents = Float32Array.from([3, 4, 0, 1]);
  const goal = new Float32Array(2);

  it('with L2: 0.2·5 + 1·1 = 2.0', () => {
    const e = new Float32Array(1);
    latentEnergies(latents, goal, 1, 2, { ...cfg, latentNorm: 'l2' }, e);
    expect(e[0]).toBeCloseTo(2.0, 6);
  });

  it('with L1: 0.2·7 + 1·1 = 2.4', () => {
    const e = new Float32Array(1);
    latentEnergies(latents, goal, 1, 2, { ...cfg, latentNorm: 'l1' }, e);
    expect(e[0]).toBeCloseTo(2.4, 6);
  });
});

describe("goal-pose energy ('pose')", () => {
  const pose = { ...cfg, latentNorm: 'pose' as const, poseHeadingScaleM: 0.25, poseBearingWeight: 0 };

  it('weighs position in metres and a heading error at s per unit-vector difference', () => {
    // step 0: goal 3 m ahead, 4 m left, same heading -> 5; step 1: on the goal, turned 180° -> 0.25·2
    const poses = Float32Array.from([3, 4, 1, 0, 0, 0, -1, 0]);
    const e = new Float32Array(1);
    goalPoseEnergies(poses, 1, 2, pose, e);
    expect(e[0]).toBeCloseTo(0.2 * 5 + 1 * 0.5, 6);
  });

  it('ranks turning toward a goal beside the robot below staying parallel to it', () => {
    // the goal 0.4 m to the left with the robot's heading; after a quarter turn left and 0.3 m of
    // driving the goal is 0.1 m ahead, turned −90° from the robot
    const parallel = Float32Array.from([0, 0.4, 1, 0]);
    const turned = Float32Array.from([0.1, 0, 0, -1]);
    const e = new Float32Array(2);
    goalPoseEnergies(Float32Array.from([...parallel, ...turned]), 2, 1, pose, e);
    expect(e[1] as number).toBeLessThan(e[0] as number);
    // with heading worth 1 m per unit-vector difference the same turn is worse: the local minimum
    goalPoseEnergies(Float32Array.from([...parallel, ...turned]), 2, 1, { ...pose, poseHeadingScaleM: 1 }, e);
    expect(e[1] as number).toBeGreaterThan(e[0] as number);
  });

  it('adds b·(r − x) with a bearing weight: nothing for a goal dead ahead, 2b·r for one behind', () => {
    const ahead = [2, 0, 1, 0];
    const left = [0, 2, 1, 0];
    const behind = [-2, 0, 1, 0];
    const e = new Float32Array(3);
    const b = { ...pose, terminalWeight: 1, poseBearingWeight: 0.5 };
    goalPoseEnergies(Float32Array.from([...ahead, ...left, ...behind]), 3, 1, b, e);
    expect(e[0]).toBeCloseTo(2, 6);
    expect(e[1]).toBeCloseTo(2 + 0.5 * 2, 6);
    expect(e[2]).toBeCloseTo(2 + 0.5 * 4, 6);
  });

  it('with a bearing weight, a view that reads nearer but faces away no longer wins', () => {
    // readings from one spot in the crossing corridor (session 5): facing a side wall, the head reads
    // the subgoal 2.3 m away and behind-left; facing along the corridor, 3.2 m ahead
    const facingWall = Float32Array.from([-0.84, -2.16, Math.cos(-1.88), Math.sin(-1.88)]);
    const facingGoal = Float32Array.from([3.13, 0.56, 1, 0.03]);
    const e = new Float32Array(2);
    const both = Float32Array.from([...facingWall, ...facingGoal]);
    goalPoseEnergies(both, 2, 1, pose, e);
    expect(e[0] as number).toBeLessThan(e[1] as number);
    goalPoseEnergies(both, 2, 1, { ...pose, poseBearingWeight: 0.5 }, e);
    expect(e[0] as number).toBeGreaterThan(e[1] as number);
  });
});

describe("'pose' energy on the analytic model's exact goal poses", () => {
  it('equals the L2 distance of the analytic latents for any robot and goal pose (property)', async () => {
    const model = new AnalyticWorldModel({ armJointCount: 0, stepSec: 0.1 });
    const pose = {
      ...cfg,
      terminalWeight: 1,
      runningWeight: 0,
      poseHeadingScaleM: 0.25,
      poseBearingWeight: 0,
    };
    const coord = fc.double({ min: -20, max: 20, noNaN: true });
    const yaw = fc.double({ min: -Math.PI, max: Math.PI, noNaN: true });
    await fc.assert(
      fc.asyncProperty(coord, coord, yaw, coord, coord, yaw, async (x, y, th, gx, gy, gth) => {
        const z0 = new Float32Array(4);
        const goal = new Float32Array(4);
        model.encodePose(x, y, th, [], z0);
        model.encodePose(gx, gy, gth, [], goal);
        const goalPoses = new Float32Array(4);
        const latents = new Float32Array(4);
        // one step of a zero action: the robot stays where it is
        await model.rollout({
          z0,
          goal,
          actions: new Float32Array(2),
          k: 1,
          h: 1,
          energies: new Float32Array(1),
          latents,
          goalPoses,
        });
        const byPose = new Float32Array(1);
        const byLatent = new Float32Array(1);
        goalPoseEnergies(goalPoses, 1, 1, pose, byPose);
        latentEnergies(latents, goal, 1, 1, { ...pose, latentNorm: 'l2' }, byLatent);
        expect(byPose[0]).toBeCloseTo(byLatent[0] as number, 3);
      }),
      { numRuns: 300 },
    );
  });
});

describe('arm posture cost', () => {
  // A = 2 base + 2 arm joints, H = 2, step 0.1 s; the arm starts at (0.5, −0.2), goal posture (0, 0)
  const a = 4;
  const arm = { ...defaultPlannerConfig(2), runningWeight: 0.2, terminalWeight: 1, armPostureWeight: 2 };

  it('integrates the joint velocities: 2·(0.2·(0.4 + 0.2) + 1·(0.3 + 0.2)) = 1.24', () => {
    // joint 0 at −1 rad/s: 0.5 → 0.4 → 0.3; joint 1 holds at −0.2; base speeds do not count
    const actions = Float32Array.from([0.7, 0.3, -1, 0, 0.7, 0.3, -1, 0]);
    const c = armPostureCost(actions, 0, 2, a, [0.5, -0.2], [0, 0], 0.1, arm);
    expect(c).toBeCloseTo(2 * (0.2 * 0.6 + 1 * 0.5), 6);
  });

  it('ranks moving toward the goal posture below holding, and holding below moving away', () => {
    const cost = (qd: number): number =>
      armPostureCost(Float32Array.from([0, 0, qd, 0, 0, 0, qd, 0]), 0, 2, a, [0.5, -0.2], [0, 0], 0.1, arm);
    expect(cost(-1)).toBeLessThan(cost(0));
    expect(cost(0)).toBeLessThan(cost(1));
  });

  it('reads sample i of a batch and is 0 with weight 0 or at the goal posture', () => {
    const batch = Float32Array.from([0, 0, 9, 9, 0, 0, 9, 9, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(armPostureCost(batch, 1, 2, a, [0.1, 0.2], [0.1, 0.2], 0.1, arm)).toBe(0);
    expect(armPostureCost(batch, 0, 2, a, [0, 0], [0, 0], 0.1, { ...arm, armPostureWeight: 0 })).toBe(0);
  });
});

describe('soft separation term', () => {
  const person = { id: 1, xInOdomM: 0, yInOdomM: 0, vxMps: 0, vyMps: 0, radiusM: 0.2 };
  it('charges weight·(cap − gap) per step: gap 0.8 m under a 1.5 m cap at weight 0.5 costs 0.35', () => {
    const poses = Float64Array.from([1, 0, 0]);
    expect(
      separationCost(poses, 1, [person], { ...cfg, separationWeight: 0.5, separationCapM: 1.5 }),
    ).toBeCloseTo(0.35, 9);
  });
  it('costs nothing beyond the cap or without people', () => {
    const far = Float64Array.from([3, 0, 0]);
    expect(separationCost(far, 1, [person], { ...cfg, separationCapM: 1.5 })).toBe(0);
    expect(separationCost(far, 1, [], cfg)).toBe(0);
  });
});

/** K samples of one step, one action dimension, with the given values and costs. */
function buffers(values: number[], costs: number[]): PlannerBuffers {
  const b = new PlannerBuffers(values.length, 1, 1, 1, false);
  b.actions.set(values);
  b.costs.set(costs);
  return b;
}

describe('distribution updates over feasible samples only', () => {
  it('MPPI: cost spread 1 at λ = 0.1 gives the cheaper sample weight 1 and the other e^-10', () => {
    const b = buffers([1, 3, 100], [0, 1, Number.POSITIVE_INFINITY]);
    const best = mppiUpdate(b, { ...cfg, temperature: 0.1, noiseStd: [1] });
    expect(best).toBe(0);
    const w = Math.exp(-10);
    expect(b.mean[0]).toBeCloseTo((1 + 3 * w) / (1 + w), 6);
  });

  it('CEM: elite fraction 0.5 of 4 feasible samples refits on the 2 cheapest', () => {
    const b = buffers([10, 2, 4, 8, -50], [4, 1, 2, 3, Number.POSITIVE_INFINITY]);
    const best = cemUpdate(b, { ...cfg, eliteFraction: 0.5, minStdFraction: 0, noiseStd: [1] });
    expect(best).toBe(1);
    expect(b.mean[0]).toBeCloseTo(3, 6); // (2 + 4) / 2
    expect(b.std[0]).toBeCloseTo(1, 6); // population std of {2, 4}
  });

  it('returns −1 and leaves the mean alone when nothing is feasible', () => {
    const b = buffers([1, 2], [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]);
    b.mean[0] = 7;
    expect(mppiUpdate(b, cfg)).toBe(-1);
    expect(cemUpdate(b, cfg)).toBe(-1);
    expect(b.mean[0]).toBe(7);
  });
});
