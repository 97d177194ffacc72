/**
 * The model manifest (models/<name>/manifest.json, written by training/export.py): what the ONNX
 * files expect. Parsing is pure: the runtime reads the file and hands the JSON here.
 */
import { ModelManifestError } from './errors.js';

export const MANIFEST_FORMAT_VERSION = 1;

export interface TensorIo {
  name: string;
  /** fixed sizes as numbers, dynamic axes by name ("batch", "k", "h") */
  shape: (number | string)[];
}

export interface ManifestImage {
  height: number;
  width: number;
  channels: 3;
  channelOrder: 'RGB';
  layout: 'HWC';
  /** pixel [0..255] → ((p · scale) − mean[c]) / std[c] */
  scale: number;
  mean: [number, number, number];
  std: [number, number, number];
}

export interface ManifestAction {
  name: string;
  unit: string;
  min: number;
  max: number;
}

export interface ModelManifest {
  formatVersion: number;
  modelId: string;
  files: { encoder: string; predictor: string; rollout: string };
  image: ManifestImage;
  jointNames: string[];
  actions: ManifestAction[];
  controlPeriodSec: number;
  latentDim: number;
  actionDim: number;
  predictorFlopsPerStep: number;
  /** FLOPs of the goal-pose head on one predicted step inside rollout.onnx (0 without a head) */
  goalPoseFlopsPerStep: number;
  io: Record<'encoder' | 'predictor' | 'rollout', { inputs: TensorIo[]; outputs: TensorIo[] }>;
  /** the rest (metrics, training arguments, data hash) as written */
  raw: Record<string, unknown>;
}

function fail(key: string, expected: string, got: unknown): never {
  throw new ModelManifestError(`manifest.json: '${key}': expected ${expected}, got ${JSON.stringify(got)}`);
}

function obj(v: unknown, key: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(key, 'an object', v);
  return v as Record<string, unknown>;
}

function posInt(v: unknown, key: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) fail(key, 'a positive integer', v);
  return v;
}

function num(v: unknown, key: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(key, 'a finite number', v);
  return v;
}

function str(v: unknown, key: string): string {
  if (typeof v !== 'string' || v.length === 0) fail(key, 'a non-empty string', v);
  return v;
}

function triple(v: unknown, key: string): [number, number, number] {
  if (!Array.isArray(v) || v.length !== 3) fail(key, 'an array of 3 numbers', v);
  return [num(v[0], `${key}[0]`), num(v[1], `${key}[1]`), num(v[2], `${key}[2]`)];
}

function parseImage(v: unknown): ManifestImage {
  const o = obj(v, 'image');
  if (o.channels !== 3) fail('image.channels', '3', o.channels);
  if (o.channel_order !== 'RGB') fail('image.channel_order', "'RGB'", o.channel_order);
  if (o.layout !== 'HWC') fail('image.layout', "'HWC'", o.layout);
  if (o.resize !== 'box') fail('image.resize', "'box'", o.resize);
  const std = triple(o.std, 'image.std');
  if (std.some((s) => s <= 0)) fail('image.std', 'positive numbers', std);
  return {
    height: posInt(o.height, 'image.height'),
    width: posInt(o.width, 'image.width'),
    channels: 3,
    channelOrder: 'RGB',
    layout: 'HWC',
    scale: num(o.scale, 'image.scale'),
    mean: triple(o.mean, 'image.mean'),
    std,
  };
}

function parseIo(v: unknown, key: string): { inputs: TensorIo[]; outputs: TensorIo[] } {
  const o = obj(v, key);
  const list = (x: unknown, k: string): TensorIo[] => {
    if (!Array.isArray(x)) fail(k, 'an array', x);
    return x.map((t, i) => {
      const e = obj(t, `${k}[${i}]`);
      if (!Array.isArray(e.shape)) fail(`${k}[${i}].shape`, 'an array', e.shape);
      return { name: str(e.name, `${k}[${i}].name`), shape: e.shape as (number | string)[] };
    });
  };
  return { inputs: list(o.inputs, `${key}.inputs`), outputs: list(o.outputs, `${key}.outputs`) };
}

function parseActions(v: unknown, actionDim: number): ManifestAction[] {
  if (!Array.isArray(v) || v.length !== actionDim) fail('actions', `an array of ${actionDim} actions`, v);
  return v.map((a, i) => {
    const o = obj(a, `actions[${i}]`);
    return {
      name: str(o.name, `actions[${i}].name`),
      unit: str(o.unit, `actions[${i}].unit`),
      min: num(o.min, `actions[${i}].min`),
      max: num(o.max, `actions[${i}].max`),
    };
  });
}

/** Validates a parsed manifest.json; throws ModelManifestError naming the key on any mismatch. */
export function parseManifest(json: unknown): ModelManifest {
  const o = obj(json, '(root)');
  if (o.format_version !== MANIFEST_FORMAT_VERSION) {
    fail('format_version', `${MANIFEST_FORMAT_VERSION}`, o.format_version);
  }
  const files = obj(o.files, 'files');
  const joints = o.joint_names;
  if (!Array.isArray(joints) || joints.some((j) => typeof j !== 'string'))
    fail('joint_names', 'an array of strings', joints);
  const actionDim = posInt(o.action_dim, 'action_dim');
  if (actionDim !== 2 + joints.length)
    fail('action_dim', `2 + joint count = ${2 + joints.length}`, actionDim);
  const io = obj(o.io, 'io');
  const period = num(o.control_period_s, 'control_period_s');
  if (period <= 0) fail('control_period_s', 'a positive number of seconds', period);
  return {
    formatVersion: MANIFEST_FORMAT_VERSION,
    modelId: str(o.model_id, 'model_id'),
    files: {
      encoder: str(files.encoder, 'files.encoder'),
      predictor: str(files.predictor, 'files.predictor'),
      rollout: str(files.rollout, 'files.rollout'),
    },
    image: parseImage(o.image),
    jointNames: joints as string[],
    actions: parseActions(o.actions, actionDim),
    controlPeriodSec: period,
    latentDim: posInt(o.latent_dim, 'latent_dim'),
    actionDim,
    predictorFlopsPerStep: posInt(o.predictor_flops_per_step, 'predictor_flops_per_step'),
    goalPoseFlopsPerStep:
      o.goal_pose_flops_per_step === undefined
        ? 0
        : posInt(o.goal_pose_flops_per_step, 'goal_pose_flops_per_step'),
    io: {
      encoder: parseIo(io.encoder, 'io.encoder'),
      predictor: parseIo(io.predictor, 'io.predictor'),
      rollout: parseIo(io.rollout, 'io.rollout'),
    },
    raw: o,
  };
}

/** The robot's arm joints (URDF order) must be the manifest's, in the same order. */
export function checkJointNames(manifest: ModelManifest, armJointNames: readonly string[]): void {
  const want = armJointNames.join(', ');
  const got = manifest.jointNames.join(', ');
  if (want !== got) {
    throw new ModelManifestError(
      `model '${manifest.modelId}' was trained for arm joints [${got}] but the robot has [${want}]; ` +
        'retrain or pick the model made for this robot',
    );
  }
}
