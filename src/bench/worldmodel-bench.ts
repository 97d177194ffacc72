/**
 * World-model inference benchmarks on the configured execution provider.
 *   encoder: one observation → latent (batch 1, what the encoder node does per camera frame)
 *   rollout: K sequences × H steps + goal energies in one call (what the planner does per iteration),
 *            with its achieved GFLOPS next to the provider's peak, measured on a large MatMul.
 * Model: $WORLD_MODEL_DIR, else models/jepa-sim, else the test fixture. Providers: $WORLD_MODEL_PROVIDERS
 * (comma separated), else tensorrt,cuda,webgpu,cpu.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { percentile } from '../core/math/stats.js';
import { createRng } from '../core/math/rng.js';
import { DEFAULT_PROVIDERS, openSession } from '../runtime/providers.js';
import { OnnxWorldModel } from '../runtime/onnx-world-model.js';
import { registerBenchmark } from './registry.js';

const MODEL_CANDIDATES = ['models/jepa-sim', 'tests/fixtures/worldmodel/tiny'];
const PEAK_MODELS = ['models/bench/matmul.onnx', 'tests/fixtures/worldmodel/bench/matmul.onnx'];
const quiet = { info: () => {}, warn: () => {} };

function modelDir(): string {
  const dir = process.env.WORLD_MODEL_DIR ?? MODEL_CANDIDATES.find((d) => existsSync(`${d}/manifest.json`));
  if (!dir)
    throw new Error(
      `no world model found: set WORLD_MODEL_DIR or provide one of ${MODEL_CANDIDATES.join(', ')}`,
    );
  return dir;
}

function providers(): readonly string[] {
  return process.env.WORLD_MODEL_PROVIDERS?.split(',').map((s) => s.trim()) ?? DEFAULT_PROVIDERS;
}

async function load(): Promise<OnnxWorldModel> {
  const dir = modelDir();
  // the joint names are the model's own: this benchmarks inference, not the robot match
  const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as { joint_names: string[] };
  return OnnxWorldModel.load({
    modelDir: dir,
    armJointNames: manifest.joint_names,
    providers: providers(),
    logger: quiet,
  });
}

async function timeIt(n: number, warmup: number, fn: () => Promise<void>): Promise<Float64Array> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    ms[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  return ms;
}

/** Best GFLOPS of an N×N MatMul through the same provider (the yardstick for `gflops`). */
async function peakGflops(provider: string, quick: boolean): Promise<number> {
  const path = PEAK_MODELS.find((p) => existsSync(p));
  if (!path) return Number.NaN;
  const { session } = await openSession(path, [provider], quiet);
  const n = 1024;
  const a = new Float32Array(n * n).fill(0.5);
  const feeds = { a: new ort.Tensor('float32', a, [n, n]), b: new ort.Tensor('float32', a, [n, n]) };
  const ms = await timeIt(quick ? 3 : 10, 2, async () => void (await session.run(feeds)));
  await session.release();
  return (2 * n * n * n) / (percentile(ms, 0) * 1e6);
}

registerBenchmark({
  name: 'encoder',
  description: 'world model: one camera frame + joints → latent (batch 1)',
  async run({ quick }) {
    const wm = await load();
    const rng = createRng(1);
    const image = Float32Array.from(
      { length: wm.manifest.image.height * wm.manifest.image.width * 3 },
      () => rng.next() * 2 - 1,
    );
    const obs = { imageHwc: image, jointPos: new Float32Array(wm.manifest.jointNames.length) };
    const z = new Float32Array(wm.spec.latentDim);
    const ms = await timeIt(quick ? 50 : 500, 10, () => wm.encode(obs, z));
    await wm.dispose();
    return {
      model: wm.spec.modelId,
      provider: wm.provider,
      ms_p50: percentile(ms, 50),
      ms_p99: percentile(ms, 99),
    };
  },
});

registerBenchmark({
  name: 'rollout',
  description: 'world model: K action sequences × H steps + goal energy in one call',
  async run({ quick }) {
    const wm = await load();
    const { latentDim: d, actionDim: a } = wm.spec;
    const k = 512;
    const h = 12;
    const rng = createRng(2);
    const actions = Float32Array.from({ length: k * h * a }, () => rng.normal() * 0.3);
    const req = {
      z0: Float32Array.from({ length: d }, () => rng.normal()),
      goal: Float32Array.from({ length: d }, () => rng.normal()),
      actions,
      k,
      h,
      energies: new Float32Array(k),
      latents: new Float32Array(k * h * d),
    };
    const ms = await timeIt(quick ? 20 : 200, 5, () => wm.rollout(req));
    const p50 = percentile(ms, 50);
    // the predictor and, with a goal-pose head, the head on every predicted step
    const flopsPerStep = wm.manifest.predictorFlopsPerStep + wm.manifest.goalPoseFlopsPerStep;
    const gflops = (flopsPerStep * k * h) / (p50 * 1e6);
    const provider = wm.provider;
    await wm.dispose();
    const peak = await peakGflops(provider.includes(':') ? 'cpu' : provider, quick);
    return {
      model: wm.spec.modelId,
      provider,
      k,
      h,
      ms_p50: p50,
      ms_p99: percentile(ms, 99),
      gflops,
      peak_gflops: peak,
    };
  },
});
