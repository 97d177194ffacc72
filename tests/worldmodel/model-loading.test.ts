import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OnnxWorldModel } from '../../src/runtime/onnx-world-model.js';
import { parseManifest } from '../../src/core/worldmodel/manifest.js';

const FIXTURE = 'tests/fixtures/worldmodel/tiny';
const ARM = ['arm_shoulder_yaw', 'arm_shoulder_pitch', 'arm_elbow_pitch'];
const tmp = mkdtempSync(join(tmpdir(), 'wm-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function manifestJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURE, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

/** A copy of the fixture model whose manifest was edited by `edit`. */
function editedModel(name: string, edit: (m: Record<string, unknown>) => void): string {
  const dir = join(tmp, name);
  cpSync(FIXTURE, dir, { recursive: true });
  const m = manifestJson();
  edit(m);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
  return dir;
}

describe('loading a world model', () => {
  it('reports the provider it fell back to, with the reason for each one skipped', async () => {
    const warnings: string[] = [];
    const logger = { info: () => {}, warn: (m: string) => warnings.push(m) };
    const wm = await OnnxWorldModel.load({
      modelDir: FIXTURE,
      armJointNames: ARM,
      providers: ['cuda', 'cpu'],
      logger,
    });
    expect(wm.provider).toBe('cpu');
    expect(wm.spec).toMatchObject({ latentDim: 8, actionDim: 5, stepSec: 0.1 });
    await wm.dispose();
    expect(warnings.some((w) => w.includes("execution provider 'cuda' unavailable"))).toBe(true);
  });

  it('refuses a robot whose arm joints differ from the manifest', async () => {
    await expect(
      OnnxWorldModel.load({
        modelDir: FIXTURE,
        armJointNames: ['arm_shoulder_yaw', 'arm_elbow_pitch'],
        providers: ['cpu'],
      }),
    ).rejects.toThrow(
      'trained for arm joints [arm_shoulder_yaw, arm_shoulder_pitch, arm_elbow_pitch] but the robot has [arm_shoulder_yaw, arm_elbow_pitch]',
    );
  });

  it('refuses a model whose outputs are not the ones the manifest declares', async () => {
    const dir = editedModel('renamed', (m) => {
      const io = m.io as { rollout: { outputs: { name: string }[] } };
      (io.rollout.outputs[0] as { name: string }).name = 'energy';
    });
    await expect(
      OnnxWorldModel.load({ modelDir: dir, armJointNames: ARM, providers: ['cpu'] }),
    ).rejects.toThrow("rollout.onnx: manifest io lacks 'energy_l1' where expected");
  });

  it('refuses a model whose latent size disagrees with its ONNX files', async () => {
    const dir = editedModel('wrong-d', (m) => {
      m.latent_dim = 9;
      const io = m.io as Record<string, { inputs: { shape: unknown[] }[]; outputs: { shape: unknown[] }[] }>;
      for (const part of Object.values(io)) {
        for (const t of [...part.inputs, ...part.outputs]) t.shape = t.shape.map((s) => (s === 8 ? 9 : s));
      }
    });
    await expect(
      OnnxWorldModel.load({ modelDir: dir, armJointNames: ARM, providers: ['cpu'] }),
    ).rejects.toThrow("encoder.onnx: output 'z' has shape [batch, 8], manifest declares [batch, 9]");
  });

  it('refuses a planner period that is not the model step', async () => {
    await expect(
      OnnxWorldModel.load({ modelDir: FIXTURE, armJointNames: ARM, providers: ['cpu'], stepSec: 0.05 }),
    ).rejects.toThrow('steps 0.1 s but the planner');
  });

  it('names the manifest key that is wrong', () => {
    const m = manifestJson();
    m.format_version = 7;
    expect(() => parseManifest(m)).toThrow("manifest.json: 'format_version': expected 1, got 7");
    const n = manifestJson();
    (n.image as Record<string, unknown>).channel_order = 'BGR';
    expect(() => parseManifest(n)).toThrow("'image.channel_order': expected 'RGB', got \"BGR\"");
  });

  it('refuses rollout buffers that are too small, naming the field', async () => {
    const wm = await OnnxWorldModel.load({ modelDir: FIXTURE, armJointNames: ARM, providers: ['cpu'] });
    const req = {
      z0: new Float32Array(8),
      goal: new Float32Array(8),
      k: 4,
      h: 3,
      actions: new Float32Array(59),
      energies: new Float32Array(4),
    };
    await expect(wm.rollout(req)).rejects.toThrow('rollout.actions: expected ≥ K·H·A = 60 floats, got 59');
    await wm.dispose();
  });

  it('serves two callers with their own buffers, alternating, each as if it were alone', async () => {
    const wm = await OnnxWorldModel.load({ modelDir: FIXTURE, armJointNames: ARM, providers: ['cpu'] });
    const request = (k: number, h: number, seed: number) => ({
      z0: Float32Array.from({ length: 8 }, (_, i) => Math.sin(seed + i)),
      goal: Float32Array.from({ length: 8 }, (_, i) => Math.cos(seed * i)),
      k,
      h,
      actions: Float32Array.from({ length: k * h * 5 }, (_, i) => 0.3 * Math.sin(seed * 7 + i)),
      energies: new Float32Array(k),
      goalPoses: new Float32Array(k * h * 4),
    });
    // a planner-sized caller and a one-step reader, first each alone, then interleaved
    const planner = request(4, 3, 1);
    const reader = request(1, 1, 2);
    await wm.rollout(planner);
    await wm.rollout(reader);
    const alone = [Array.from(planner.goalPoses), Array.from(reader.goalPoses)];
    for (let i = 0; i < 3; i++) {
      planner.goalPoses.fill(0);
      reader.goalPoses.fill(0);
      await wm.rollout(reader);
      await wm.rollout(planner);
      expect([Array.from(planner.goalPoses), Array.from(reader.goalPoses)]).toEqual(alone);
    }
    await wm.dispose();
  });
});
