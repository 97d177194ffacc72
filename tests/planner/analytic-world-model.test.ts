import { describe, expect, it } from 'vitest';
import { AnalyticWorldModel } from '../../src/core/worldmodel/analytic-world-model.js';

function rolloutOne(
  model: AnalyticWorldModel,
  z0: Float32Array,
  goal: Float32Array,
  seq: number[],
  h: number,
) {
  const energies = new Float32Array(1);
  const latents = new Float32Array(h * model.spec.latentDim);
  return model
    .rollout({ z0, goal, actions: Float32Array.from(seq), k: 1, h, energies, latents })
    .then(() => ({ energy: energies[0] as number, latents }));
}

describe('analytic world model', () => {
  const model = new AnalyticWorldModel({
    armJointCount: 1,
    stepSec: 0.1,
    headingScaleM: 0.5,
    jointScaleM: 0.2,
  });

  it('encodes pose and arm posture into [x, y, s·cos, s·sin, c·q]', () => {
    const z = new Float32Array(5);
    model.encodePose(1, 2, Math.PI / 2, [0.5], z);
    // s = 0.5: cos(90°)·0.5 = 0, sin(90°)·0.5 = 0.5; c = 0.2: 0.2·0.5 = 0.1
    expect(Array.from(z).map((v) => +v.toFixed(6))).toEqual([1, 2, 0, 0.5, 0.1]);
  });

  it('when driving straight at 0.5 m/s for 10 steps of 0.1 s, expect 0.5 m travelled and energy = remaining distance', async () => {
    const z0 = new Float32Array(5);
    model.encodePose(0, 0, 0, [0], z0);
    const goal = new Float32Array(5);
    model.encodePose(2, 0, 0, [0], goal);
    const seq = new Array(10).fill([0.5, 0, 0]).flat();
    const { energy, latents } = await rolloutOne(model, z0, goal, seq, 10);
    expect(latents[9 * 5]).toBeCloseTo(0.5, 5);
    expect(energy).toBeCloseTo(1.5, 5);
  });

  it('when turning in place at 1 rad/s for 10 steps, expect 1 rad of heading and no translation', async () => {
    const z0 = new Float32Array(5);
    model.encodePose(0, 0, 0, [0], z0);
    const seq = new Array(10).fill([0, 1, 0]).flat();
    const { latents } = await rolloutOne(model, z0, z0, seq, 10);
    const last = latents.subarray(45, 50);
    expect(last[0]).toBeCloseTo(0, 6);
    expect(Math.atan2(last[3] as number, last[2] as number)).toBeCloseTo(1, 5);
  });

  it('integrates arm joint velocities: 0.5 rad/s for 4 steps of 0.1 s moves the joint 0.2 rad', async () => {
    const z0 = new Float32Array(5);
    model.encodePose(0, 0, 0, [0], z0);
    const { latents } = await rolloutOne(model, z0, z0, new Array(4).fill([0, 0, 0.5]).flat(), 4);
    expect((latents[3 * 5 + 4] as number) / 0.2).toBeCloseTo(0.2, 5);
  });

  it('reports the goal seen from every predicted step: 1 m ahead turning into 1 m to the right after a quarter turn left', async () => {
    const z0 = new Float32Array(5);
    model.encodePose(0, 0, 0, [0], z0);
    const goal = new Float32Array(5);
    model.encodePose(1, 0, 0, [0], goal);
    // ten steps of π/2 rad/s: heading π/2 at the end, no translation
    const seq = new Array(10).fill([0, Math.PI / 2, 0]).flat();
    const goalPoses = new Float32Array(10 * 4);
    await model.rollout({
      z0,
      goal,
      actions: Float32Array.from(seq),
      k: 1,
      h: 10,
      energies: new Float32Array(1),
      goalPoses,
    });
    const first = Math.PI / 20;
    expect(goalPoses[0]).toBeCloseTo(Math.cos(first), 5);
    expect(goalPoses[1]).toBeCloseTo(-Math.sin(first), 5);
    const last = Array.from(goalPoses.subarray(36, 40));
    expect(last[0]).toBeCloseTo(0, 5);
    expect(last[1]).toBeCloseTo(-1, 5);
    // goal heading 0 seen from heading π/2: −90°
    expect(last[2]).toBeCloseTo(0, 5);
    expect(last[3]).toBeCloseTo(-1, 5);
  });

  it('refuses to encode without ground truth, saying what is missing', async () => {
    await expect(
      model.encode({ imageHwc: new Float32Array(3), jointPos: new Float32Array(1) }, new Float32Array(5)),
    ).rejects.toThrow(/stateSource/);
  });

  it('rejects a latent of the wrong size with both sizes in the message', async () => {
    const energies = new Float32Array(1);
    const req = {
      z0: new Float32Array(3),
      goal: new Float32Array(5),
      actions: new Float32Array(3),
      k: 1,
      h: 1,
      energies,
    };
    await expect(model.rollout(req)).rejects.toThrow(/5 values, got 3 and 5/);
  });
});
