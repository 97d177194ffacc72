/**
 * Feeds and fetches of rollout.onnx over the caller's buffers. Tensor wrappers are cached and rebuilt
 * only when K, H or one of the caller's buffers changes, so a planner that reuses its buffers (as it
 * should) makes no allocation per cycle besides ONNX Runtime's own.
 */
import * as ort from 'onnxruntime-node';
import { WorldModelInputError } from '../core/worldmodel/errors.js';
import type { RolloutRequest } from '../core/worldmodel/world-model.js';

function check(cond: boolean, field: string, expected: string, got: string): void {
  if (!cond) throw new WorldModelInputError(field, expected, got);
}

function finiteAll(v: Float32Array, n: number, field: string): void {
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(v[i] as number))
      throw new WorldModelInputError(`${field}[${i}]`, 'a finite number', String(v[i]));
  }
}

/** position of the energies buffer in the cache key (see bind) */
const KEY_ENERGIES = 5;

export class RolloutBindings {
  private key: unknown[] = [];
  private feeds: Record<string, ort.Tensor> = {};
  private fetches: Record<string, ort.Tensor> = {};
  /** the energy the caller did not ask for, and latents when the caller passes none */
  private otherEnergy = new Float32Array(0);
  private scratchLatents = new Float32Array(0);
  private scratchGoalPoses = new Float32Array(0);

  constructor(
    private readonly d: number,
    private readonly a: number,
    private readonly energy: 'l1' | 'l2',
    /** the model has a goal_pose output (it must then be fetched, into the caller's buffer or scratch) */
    private readonly goalPose = false,
  ) {}

  /** Whether this cache was last built for `req`'s energies buffer (which tells one caller from another). */
  serves(req: RolloutRequest): boolean {
    return this.key.length > 0 && this.key[KEY_ENERGIES] === req.energies;
  }

  isEmpty(): boolean {
    return this.key.length === 0;
  }

  bind(req: RolloutRequest): { feeds: Record<string, ort.Tensor>; fetches: Record<string, ort.Tensor> } {
    const { d, a } = this;
    const { k, h } = req;
    check(Number.isInteger(k) && k > 0, 'rollout.k', 'a positive integer', String(k));
    check(Number.isInteger(h) && h > 0, 'rollout.h', 'a positive integer', String(h));
    check(req.z0.length === d, 'rollout.z0', `${d} floats`, `${req.z0.length}`);
    check(req.goal.length === d, 'rollout.goal', `${d} floats`, `${req.goal.length}`);
    check(
      req.actions.length >= k * h * a,
      'rollout.actions',
      `≥ K·H·A = ${k * h * a} floats`,
      `${req.actions.length}`,
    );
    check(req.energies.length >= k, 'rollout.energies', `≥ K = ${k} floats`, `${req.energies.length}`);
    if (req.latents) {
      check(
        req.latents.length >= k * h * d,
        'rollout.latents',
        `≥ K·H·D = ${k * h * d} floats`,
        `${req.latents.length}`,
      );
    }
    if (req.goalPoses) {
      check(this.goalPose, 'rollout.goalPoses', 'none (this model has no goal-pose head)', 'a buffer');
      check(
        req.goalPoses.length >= k * h * 4,
        'rollout.goalPoses',
        `≥ K·H·4 = ${k * h * 4} floats`,
        `${req.goalPoses.length}`,
      );
    }
    finiteAll(req.z0, d, 'rollout.z0');
    finiteAll(req.goal, d, 'rollout.goal');
    const key = [k, h, req.z0, req.goal, req.actions, req.energies, req.latents, req.goalPoses];
    // KEY_ENERGIES must index req.energies here
    if (key.length !== this.key.length || key.some((v, i) => v !== this.key[i])) this.rebuild(req);
    this.key = key;
    return { feeds: this.feeds, fetches: this.fetches };
  }

  private rebuild(req: RolloutRequest): void {
    const { d, a } = this;
    const { k, h } = req;
    if (this.otherEnergy.length < k) this.otherEnergy = new Float32Array(k);
    let latents = req.latents;
    if (!latents) {
      if (this.scratchLatents.length < k * h * d) this.scratchLatents = new Float32Array(k * h * d);
      latents = this.scratchLatents;
    }
    const mine = new ort.Tensor('float32', req.energies.subarray(0, k), [k]);
    const other = new ort.Tensor('float32', this.otherEnergy.subarray(0, k), [k]);
    this.feeds = {
      z0: new ort.Tensor('float32', req.z0, [d]),
      actions: new ort.Tensor('float32', req.actions.subarray(0, k * h * a), [k, h, a]),
      goal: new ort.Tensor('float32', req.goal, [d]),
    };
    this.fetches = {
      energy_l1: this.energy === 'l1' ? mine : other,
      energy_l2: this.energy === 'l1' ? other : mine,
      latents: new ort.Tensor('float32', latents.subarray(0, k * h * d), [k, h, d]),
    };
    if (this.goalPose) {
      let poses = req.goalPoses;
      if (!poses) {
        if (this.scratchGoalPoses.length < k * h * 4) this.scratchGoalPoses = new Float32Array(k * h * 4);
        poses = this.scratchGoalPoses;
      }
      this.fetches.goal_pose = new ort.Tensor('float32', poses.subarray(0, k * h * 4), [k, h, 4]);
    }
  }
}
