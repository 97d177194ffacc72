/**
 * Refuses an ONNX session whose inputs/outputs do not match what the manifest declares (names and
 * fixed sizes), so a stale or mismatched model fails at load with a clear message, not mid-plan.
 */
import type * as ort from 'onnxruntime-node';
import type { ModelManifest, TensorIo } from '../core/worldmodel/manifest.js';
import { ModelManifestError } from '../core/worldmodel/errors.js';

function shapeText(shape: readonly (number | string)[]): string {
  return `[${shape.join(', ')}]`;
}

function checkList(
  file: string,
  kind: 'input' | 'output',
  names: readonly string[],
  meta: readonly ort.InferenceSession.ValueMetadata[] | undefined,
  declared: readonly TensorIo[],
): void {
  const want = declared.map((d) => d.name).join(', ');
  if (names.join(', ') !== want) {
    throw new ModelManifestError(`${file}: ${kind}s are [${names.join(', ')}], manifest declares [${want}]`);
  }
  declared.forEach((d, i) => {
    const m = meta?.[i];
    if (!m || !m.isTensor) return;
    const got = m.shape;
    const same =
      got.length === d.shape.length &&
      d.shape.every((s, j) => typeof s !== 'number' || s === 0 || got[j] === s || typeof got[j] !== 'number');
    if (!same) {
      throw new ModelManifestError(
        `${file}: ${kind} '${d.name}' has shape ${shapeText(got)}, manifest declares ${shapeText(d.shape)}`,
      );
    }
  });
}

export function checkSessionIo(
  file: string,
  session: ort.InferenceSession,
  declared: { inputs: TensorIo[]; outputs: TensorIo[] },
): void {
  checkList(file, 'input', session.inputNames, session.inputMetadata, declared.inputs);
  checkList(file, 'output', session.outputNames, session.outputMetadata, declared.outputs);
}

function expectShape(file: string, io: TensorIo | undefined, name: string, shape: (number | string)[]): void {
  if (!io || io.name !== name) {
    throw new ModelManifestError(`${file}: manifest io lacks '${name}' where expected`);
  }
  const ok =
    io.shape.length === shape.length && shape.every((s, j) => typeof s !== 'number' || io.shape[j] === s);
  if (!ok) {
    throw new ModelManifestError(
      `${file}: '${name}' declared ${shapeText(io.shape)}, expected ${shapeText(shape)}`,
    );
  }
}

/** The manifest's io declarations must agree with its own sizes (latent D, action A, joints J, image H×W). */
export function checkManifestIo(m: ModelManifest): void {
  const { latentDim: d, actionDim: a } = m;
  const j = m.jointNames.length;
  const [img, jp] = m.io.encoder.inputs;
  expectShape(m.files.encoder, img, 'image_hwc', ['batch', m.image.height, m.image.width, 3]);
  expectShape(m.files.encoder, jp, 'joint_pos', ['batch', j]);
  expectShape(m.files.encoder, m.io.encoder.outputs[0], 'z', ['batch', d]);
  const [pz, pa] = m.io.predictor.inputs;
  expectShape(m.files.predictor, pz, 'z', ['batch', d]);
  expectShape(m.files.predictor, pa, 'action', ['batch', a]);
  expectShape(m.files.predictor, m.io.predictor.outputs[0], 'z_next', ['batch', d]);
  const [z0, acts, goal] = m.io.rollout.inputs;
  expectShape(m.files.rollout, z0, 'z0', [d]);
  expectShape(m.files.rollout, acts, 'actions', ['k', 'h', a]);
  expectShape(m.files.rollout, goal, 'goal', [d]);
  const [l1, l2, lat] = m.io.rollout.outputs;
  expectShape(m.files.rollout, l1, 'energy_l1', ['k']);
  expectShape(m.files.rollout, l2, 'energy_l2', ['k']);
  expectShape(m.files.rollout, lat, 'latents', ['k', 'h', d]);
  const extra = m.io.rollout.outputs.slice(3);
  if (extra.length > 0) expectShape(m.files.rollout, extra[0], 'goal_pose', ['k', 'h', 4]);
  if (extra.length > 1) {
    throw new ModelManifestError(
      `${m.files.rollout}: unexpected outputs after goal_pose: ${extra
        .slice(1)
        .map((o) => o.name)
        .join(', ')}`,
    );
  }
}

/** Whether the model's rollout has a goal-pose head (a `goal_pose` output after the latents). */
export function hasGoalPose(m: ModelManifest): boolean {
  return m.io.rollout.outputs[3]?.name === 'goal_pose';
}
