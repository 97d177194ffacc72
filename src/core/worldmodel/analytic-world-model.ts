/**
 * A WorldModel on ground-truth state, for tests and the `oracle` planner: the latent is a vector of
 * analytic robot features and rollouts integrate differential-drive kinematics exactly as the
 * commands say (no learned dynamics, no images).
 *
 * Latent layout (D = 4 + arm joints):
 *   [x_odom, y_odom, s·cos(yaw), s·sin(yaw), c·q_0, …, c·q_{n-1}]
 * with s = headingScaleM and c = jointScaleM per rad, so a plain L2 distance weighs metres of position,
 * heading error and arm posture together. Energy = L2 distance of the last predicted latent to the goal.
 * It also fills goal poses (spec.goalPose): the goal base pose seen from each predicted step, exactly.
 */
import type { RobotState } from '../types.js';
import { actionSize } from '../types.js';
import type { LatentSpec, Observation, RolloutRequest, WorldModel } from './world-model.js';

/**
 * Metres one full heading error (unit-vector difference) is worth in the analytic latent, and by
 * default in the planner's 'pose' energy, which measures the same distance from a goal-pose head.
 */
export const DEFAULT_HEADING_SCALE_M = 0.25;

export interface AnalyticWorldModelOptions {
  armJointCount: number;
  /** time between two predicted steps [s]; must match the constraint set's */
  stepSec: number;
  /** metres one full heading error (unit vector difference) is worth; default 0.25 (lower: fewer
   * unicycle local minima where turning in place costs more than the position error it fixes) */
  headingScaleM?: number;
  /** metres one radian of arm joint error is worth; default 0.2 */
  jointScaleM?: number;
  /**
   * Ground truth for `encode` (the analytic model cannot read images): the simulator's true state.
   * Without it encode throws.
   */
  stateSource?: () => RobotState;
}

export class AnalyticWorldModel implements WorldModel {
  readonly spec: LatentSpec;
  readonly provider = 'analytic';
  private readonly headingScaleM: number;
  private readonly jointScaleM: number;
  private readonly n: number;
  /** one latent being integrated (scratch) */
  private readonly z: Float64Array;

  constructor(private readonly opts: AnalyticWorldModelOptions) {
    if (!Number.isInteger(opts.armJointCount) || opts.armJointCount < 0) {
      throw new Error(
        `analytic world model: armJointCount must be a non-negative integer, got ${opts.armJointCount}`,
      );
    }
    if (!(opts.stepSec > 0) || !Number.isFinite(opts.stepSec)) {
      throw new Error(
        `analytic world model: stepSec must be a positive number of seconds, got ${opts.stepSec}`,
      );
    }
    this.n = opts.armJointCount;
    this.headingScaleM = opts.headingScaleM ?? DEFAULT_HEADING_SCALE_M;
    this.jointScaleM = opts.jointScaleM ?? 0.2;
    this.z = new Float64Array(4 + this.n);
    this.spec = {
      latentDim: 4 + this.n,
      actionDim: actionSize(this.n),
      stepSec: opts.stepSec,
      modelId: 'analytic-diff-drive',
      goalPose: true,
    };
  }

  /** Latent of a base pose and arm posture (used for goal latents too). */
  encodePose(xM: number, yM: number, yawRad: number, jointPos: ArrayLike<number>, out: Float32Array): void {
    if (jointPos.length !== this.n) {
      throw new Error(`analytic world model: expected ${this.n} joint positions, got ${jointPos.length}`);
    }
    out[0] = xM;
    out[1] = yM;
    out[2] = this.headingScaleM * Math.cos(yawRad);
    out[3] = this.headingScaleM * Math.sin(yawRad);
    for (let j = 0; j < this.n; j++) out[4 + j] = this.jointScaleM * (jointPos[j] as number);
  }

  encodeState(state: RobotState, out: Float32Array): void {
    const { base } = state;
    this.encodePose(base.xInOdomM, base.yInOdomM, base.yawInOdomRad, state.jointPos, out);
  }

  async encode(obs: Observation, out: Float32Array): Promise<void> {
    const source = this.opts.stateSource;
    if (!source)
      throw new Error('analytic world model: encode needs a stateSource (ground truth); none was given');
    const state = source();
    const { base } = state;
    this.encodePose(base.xInOdomM, base.yInOdomM, base.yawInOdomRad, obs.jointPos, out);
  }

  async rollout(req: RolloutRequest): Promise<void> {
    const { k, h, actions, z0, goal, energies, latents, goalPoses } = req;
    const d = this.spec.latentDim;
    const a = this.spec.actionDim;
    if (z0.length !== d || goal.length !== d) {
      throw new Error(
        `analytic world model: z0 and goal must have ${d} values, got ${z0.length} and ${goal.length}`,
      );
    }
    if (actions.length < k * h * a) {
      throw new Error(
        `analytic world model: actions must hold K*H*A = ${k * h * a} values, got ${actions.length}`,
      );
    }
    const dt = this.spec.stepSec;
    const yaw0 = Math.atan2(z0[3] as number, z0[2] as number);
    const goalYaw = Math.atan2(goal[3] as number, goal[2] as number);
    const z = this.z;
    for (let i = 0; i < k; i++) {
      let x = z0[0] as number;
      let y = z0[1] as number;
      let yaw = yaw0;
      for (let j = 0; j < this.n; j++) z[4 + j] = z0[4 + j] as number;
      for (let t = 0; t < h; t++) {
        const off = (i * h + t) * a;
        const w = actions[off + 1] as number;
        // midpoint heading: exact enough for one step at our turn rates, cheaper than the arc formula
        const mid = yaw + 0.5 * w * dt;
        x += (actions[off] as number) * Math.cos(mid) * dt;
        y += (actions[off] as number) * Math.sin(mid) * dt;
        yaw += w * dt;
        for (let j = 0; j < this.n; j++)
          z[4 + j] = (z[4 + j] as number) + this.jointScaleM * (actions[off + 2 + j] as number) * dt;
        if (goalPoses) {
          // the goal in the frame of this step's base pose
          const dx = (goal[0] as number) - x;
          const dy = (goal[1] as number) - y;
          const c = Math.cos(yaw);
          const s = Math.sin(yaw);
          const off4 = (i * h + t) * 4;
          goalPoses[off4] = c * dx + s * dy;
          goalPoses[off4 + 1] = -s * dx + c * dy;
          goalPoses[off4 + 2] = Math.cos(goalYaw - yaw);
          goalPoses[off4 + 3] = Math.sin(goalYaw - yaw);
        }
        if (latents === undefined && t < h - 1) continue;
        z[0] = x;
        z[1] = y;
        z[2] = this.headingScaleM * Math.cos(yaw);
        z[3] = this.headingScaleM * Math.sin(yaw);
        if (latents) latents.set(z, (i * h + t) * d);
      }
      let dist = 0;
      for (let j = 0; j < d; j++) dist += ((z[j] as number) - (goal[j] as number)) ** 2;
      energies[i] = Math.sqrt(dist);
    }
  }

  async dispose(): Promise<void> {}
}

export function createAnalyticWorldModel(opts: AnalyticWorldModelOptions): AnalyticWorldModel {
  return new AnalyticWorldModel(opts);
}
