import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OnnxWorldModel } from '../../src/runtime/onnx-world-model.js';
import { ImagePreprocessor } from '../../src/core/worldmodel/preprocess.js';
import { f32, maxAbsDiff, readParity } from './parity-fixture.js';

const ARM = ['arm_shoulder_yaw', 'arm_shoulder_pitch', 'arm_elbow_pitch'];
const TOL = 1e-4;

/** The CI fixture plus every shipped model that carries a parity file. */
const modelDirs = [
  'tests/fixtures/worldmodel/tiny',
  ...(existsSync('models') ? readdirSync('models').map((d) => join('models', d)) : []),
].filter((d) => existsSync(join(d, 'parity.json')));

describe.each(modelDirs)('ONNX Runtime reproduces PyTorch for %s', (dir) => {
  const parity = readParity(join(dir, 'parity.json'));
  let wm: OnnxWorldModel;
  beforeAll(async () => {
    wm = await OnnxWorldModel.load({ modelDir: dir, armJointNames: ARM, providers: ['cpu'] });
  });
  afterAll(async () => wm.dispose());

  it('encodes each parity image to the PyTorch latent within 1e-4', async () => {
    const { image_hwc: img, joint_pos: jp, z } = parity.encoder;
    const d = wm.spec.latentDim;
    const per = img.data.length / 2;
    const out = new Float32Array(d);
    for (let b = 0; b < 2; b++) {
      const obs = {
        imageHwc: f32(img).subarray(b * per, (b + 1) * per),
        jointPos: f32(jp).subarray(b * 3, b * 3 + 3),
      };
      await wm.encode(obs, out);
      expect(maxAbsDiff(out, z.data.slice(b * d, (b + 1) * d))).toBeLessThan(TOL);
    }
  });

  it('rolls K sequences H steps forward with the PyTorch energies and latents', async () => {
    const r = parity.rollout;
    const [k, h] = r.actions.shape as [number, number];
    const energies = new Float32Array(k);
    const latents = new Float32Array(k * h * wm.spec.latentDim);
    const req = { z0: f32(r.z0), actions: f32(r.actions), k, h, goal: f32(r.goal), energies, latents };
    await wm.rollout(req);
    expect(maxAbsDiff(energies, r.energy_l1.data)).toBeLessThan(TOL);
    expect(maxAbsDiff(latents, r.latents.data)).toBeLessThan(TOL);
  });

  it('reads the goal pose off every predicted step like PyTorch (models with a goal-pose head)', async () => {
    const r = parity.rollout;
    expect(wm.spec.goalPose === true).toBe(r.goal_pose !== undefined);
    if (!r.goal_pose) return;
    const [k, h] = r.actions.shape as [number, number];
    const goalPoses = new Float32Array(k * h * 4);
    const energies = new Float32Array(k);
    await wm.rollout({
      z0: f32(r.z0),
      actions: f32(r.actions),
      k,
      h,
      goal: f32(r.goal),
      energies,
      goalPoses,
    });
    expect(maxAbsDiff(goalPoses, r.goal_pose.data)).toBeLessThan(TOL);
    expect(maxAbsDiff(energies, r.energy_l1.data)).toBeLessThan(TOL);
  });

  it('gives the L2 energy when asked for it', async () => {
    const l2 = await OnnxWorldModel.load({
      modelDir: dir,
      armJointNames: ARM,
      providers: ['cpu'],
      energy: 'l2',
    });
    const r = parity.rollout;
    const [k, h] = r.actions.shape as [number, number];
    const energies = new Float32Array(k);
    await l2.rollout({ z0: f32(r.z0), actions: f32(r.actions), k, h, goal: f32(r.goal), energies });
    await l2.dispose();
    expect(maxAbsDiff(energies, r.energy_l2.data)).toBeLessThan(TOL);
  });

  it('predicts one batched step like PyTorch', async () => {
    const p = parity.predictor;
    const out = await wm.predictor.run({
      z: new ort.Tensor('float32', f32(p.z), p.z.shape),
      action: new ort.Tensor('float32', f32(p.action), p.action.shape),
    });
    expect(maxAbsDiff(out.z_next?.data as Float32Array, p.z_next.data)).toBeLessThan(TOL);
  });

  it('preprocesses a padded bgr8 camera image exactly as training does', () => {
    const p = parity.preprocess;
    const pre = new ImagePreprocessor(wm.manifest.image);
    const out = new Float32Array(pre.outputLength);
    pre.run({ ...p, data: Uint8Array.from(p.data) }, out);
    expect(maxAbsDiff(out, p.image_hwc.data)).toBeLessThan(1e-5);
  });
});
