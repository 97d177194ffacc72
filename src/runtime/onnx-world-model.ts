/**
 * The WorldModel seam on ONNX Runtime: loads models/<name>/ (manifest.json + encoder/predictor/rollout
 * ONNX files), checks them against the manifest and the robot's arm joints, and runs them on the first
 * execution provider that starts. Input and output tensors wrap preallocated or caller-owned buffers;
 * the wrappers are rebuilt only when K, H or the caller's buffers change.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { Logger } from '../transport/port.js';
import type { ModelManifest } from '../core/worldmodel/manifest.js';
import { checkJointNames, parseManifest } from '../core/worldmodel/manifest.js';
import { ModelManifestError, WorldModelInputError } from '../core/worldmodel/errors.js';
import { copyJointPositions } from '../core/worldmodel/preprocess.js';
import type { LatentSpec, Observation, RolloutRequest, WorldModel } from '../core/worldmodel/world-model.js';
import { DEFAULT_PROVIDERS, openSession } from './providers.js';
import { checkManifestIo, checkSessionIo, hasGoalPose } from './session-check.js';
import { RolloutBindings } from './rollout-bindings.js';

export interface OnnxWorldModelOptions {
  /** directory holding manifest.json and the ONNX files */
  modelDir: string;
  /** the robot's arm joints in URDF order; must equal the manifest's joint_names */
  armJointNames: readonly string[];
  /** execution providers in order of preference; default tensorrt, cuda, webgpu, cpu */
  providers?: readonly string[];
  /** which rollout output fills `energies`: 'l1' = mean |z_H − goal| (default), 'l2' = ‖z_H − goal‖ */
  energy?: 'l1' | 'l2';
  /** expected model step [s] (the planner's control period); a different manifest period is refused */
  stepSec?: number;
  intraOpThreads?: number;
  logger?: Pick<Logger, 'info' | 'warn'>;
}

const quietLogger = { info: () => {}, warn: () => {} };

function check(cond: boolean, field: string, expected: string, got: string): void {
  if (!cond) throw new WorldModelInputError(field, expected, got);
}

export class OnnxWorldModel implements WorldModel {
  readonly spec: LatentSpec;
  private readonly image: Float32Array;
  private readonly joints: Float32Array;
  private readonly z: Float32Array;
  private readonly encFeeds: Record<string, ort.Tensor>;
  private readonly encFetches: Record<string, ort.Tensor>;
  /**
   * Two binding caches, so two callers that each reuse their own buffers (the planner, and a
   * goal-pose reader between its cycles) do not rebuild each other's tensors every call.
   */
  private readonly bindings: [RolloutBindings, RolloutBindings];
  /** serializes calls: the buffers above are shared */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly manifest: ModelManifest,
    readonly provider: string,
    private readonly encoder: ort.InferenceSession,
    readonly predictor: ort.InferenceSession,
    private readonly rolloutSession: ort.InferenceSession,
    energy: 'l1' | 'l2',
  ) {
    const { image: im, latentDim: d } = manifest;
    const j = manifest.jointNames.length;
    this.spec = {
      latentDim: d,
      actionDim: manifest.actionDim,
      stepSec: manifest.controlPeriodSec,
      modelId: manifest.modelId,
      goalPose: hasGoalPose(manifest),
    };
    this.image = new Float32Array(im.height * im.width * 3);
    this.joints = new Float32Array(j);
    this.z = new Float32Array(d);
    this.encFeeds = {
      image_hwc: new ort.Tensor('float32', this.image, [1, im.height, im.width, 3]),
      joint_pos: new ort.Tensor('float32', this.joints, [1, j]),
    };
    this.encFetches = { z: new ort.Tensor('float32', this.z, [1, d]) };
    this.bindings = [0, 1].map(
      () => new RolloutBindings(d, manifest.actionDim, energy, hasGoalPose(manifest)),
    ) as [RolloutBindings, RolloutBindings];
  }

  static async load(opts: OnnxWorldModelOptions): Promise<OnnxWorldModel> {
    const logger = opts.logger ?? quietLogger;
    const manifestPath = join(opts.modelDir, 'manifest.json');
    let json: unknown;
    try {
      json = JSON.parse(await readFile(manifestPath, 'utf8'));
    } catch (err) {
      throw new ModelManifestError(
        `${manifestPath}: cannot read (${err instanceof Error ? err.message : String(err)})`,
      );
    }
    const manifest = parseManifest(json);
    checkJointNames(manifest, opts.armJointNames);
    if (opts.stepSec !== undefined && Math.abs(opts.stepSec - manifest.controlPeriodSec) > 1e-9) {
      throw new ModelManifestError(
        `model '${manifest.modelId}' steps ${manifest.controlPeriodSec} s but the planner's period is ${opts.stepSec} s`,
      );
    }
    checkManifestIo(manifest);
    const providers = opts.providers ?? DEFAULT_PROVIDERS;
    const sessionOpts = opts.intraOpThreads ? { intraOpThreads: opts.intraOpThreads } : {};
    const path = (f: string) => join(opts.modelDir, f);
    const enc = await openSession(path(manifest.files.encoder), providers, logger, sessionOpts);
    // the other two start from the provider the encoder got: no repeated failures, one provider for all
    const rest = providers.slice(providers.indexOf(enc.provider));
    const pred = await openSession(path(manifest.files.predictor), rest, logger, sessionOpts);
    const roll = await openSession(path(manifest.files.rollout), rest, logger, sessionOpts);
    checkSessionIo(manifest.files.encoder, enc.session, manifest.io.encoder);
    checkSessionIo(manifest.files.predictor, pred.session, manifest.io.predictor);
    checkSessionIo(manifest.files.rollout, roll.session, manifest.io.rollout);
    const provider =
      roll.provider === enc.provider ? enc.provider : `encoder:${enc.provider},rollout:${roll.provider}`;
    logger.info(
      `world model '${manifest.modelId}' loaded on ${provider} (D=${manifest.latentDim}, A=${manifest.actionDim})`,
    );
    return new OnnxWorldModel(
      manifest,
      provider,
      enc.session,
      pred.session,
      roll.session,
      opts.energy ?? 'l1',
    );
  }

  encode(obs: Observation, out: Float32Array): Promise<void> {
    return this.serial(async () => {
      check(
        obs.imageHwc.length === this.image.length,
        'observation.imageHwc',
        `${this.image.length} floats (H·W·3)`,
        `${obs.imageHwc.length}`,
      );
      check(
        out.length >= this.spec.latentDim,
        'encode out',
        `≥ ${this.spec.latentDim} floats`,
        `${out.length}`,
      );
      copyJointPositions(obs.jointPos, this.manifest.jointNames, this.joints);
      this.image.set(obs.imageHwc);
      await this.encoder.run(this.encFeeds, this.encFetches);
      out.set(this.z);
    });
  }

  rollout(req: RolloutRequest): Promise<void> {
    return this.serial(async () => {
      // the first cache serves whoever uses it first; any other caller gets the second
      const [first, second] = this.bindings;
      const cache = first.serves(req) || first.isEmpty() ? first : second;
      const { feeds, fetches } = cache.bind(req);
      await this.rolloutSession.run(feeds, fetches);
    });
  }

  async dispose(): Promise<void> {
    await this.queue.catch(() => undefined);
    await Promise.all([this.encoder.release(), this.predictor.release(), this.rolloutSession.release()]);
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
