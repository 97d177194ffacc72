import { describe, expect, it } from 'vitest';
import { AnalyticWorldModel } from '../../src/core/worldmodel/analytic-world-model.js';
import { GoalPoseReader } from '../../src/core/worldmodel/goal-pose-reader.js';

describe('goal-pose reader', () => {
  const model = new AnalyticWorldModel({ armJointCount: 1, stepSec: 0.1 });
  const pose = (x: number, y: number, yaw: number): Float32Array => {
    const z = new Float32Array(model.spec.latentDim);
    model.encodePose(x, y, yaw, [0], z);
    return z;
  };

  it("reads the goal's distance and pose in the robot's frame from two latents", async () => {
    const reader = new GoalPoseReader(model);
    // robot at (1, 1) facing +y; goal 2 m ahead of it, facing −x (a quarter turn left)
    expect(await reader.distanceM(pose(1, 1, Math.PI / 2), pose(1, 3, Math.PI))).toBeCloseTo(2, 5);
    expect(Array.from(reader.pose).map((v) => +v.toFixed(4))).toEqual([2, 0, 0, 1]);
  });

  it('refuses a model without a goal-pose head and latents of the wrong size, naming both', async () => {
    const headless = Object.create(model, {
      spec: { value: { ...model.spec, goalPose: false, modelId: 'plain' } },
    }) as AnalyticWorldModel;
    expect(() => new GoalPoseReader(headless)).toThrow(/'plain' has no goal-pose head/);
    await expect(new GoalPoseReader(model).distanceM(new Float32Array(2), pose(0, 0, 0))).rejects.toThrow(
      /5 values, got 2 and 5/,
    );
  });
});
