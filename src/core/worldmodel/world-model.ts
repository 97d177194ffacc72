/**
 * The world model seam: encode observations to latents, roll latents forward under actions.
 * The ONNX adapter (src/runtime) implements it on a GPU or CPU; tests and the "oracle" planner use
 * analytic stand-ins. Buffers are caller-owned and reused: no allocation per call.
 */

export interface LatentSpec {
  /** latent size D */
  latentDim: number;
  /** action size A (see core/types.ts for the layout) */
  actionDim: number;
  /** time between two predicted steps [s] */
  stepSec: number;
  modelId: string;
  /**
   * Whether `rollout` can fill `goalPoses`: the model has a goal-pose head (where the goal is, seen
   * from each predicted step), so the planner can use a metric goal energy ('pose').
   */
  goalPose?: boolean;
}

export interface Observation {
  /** RGB image, HWC float32 already normalized as the manifest says, length H*W*3 */
  imageHwc: Float32Array;
  /** arm joint positions in the manifest's joint order */
  jointPos: Float32Array;
}

export interface RolloutRequest {
  /** current latent, length D */
  z0: Float32Array;
  /** K action sequences, row-major [K, H, A] */
  actions: Float32Array;
  k: number;
  h: number;
  /** goal latent, length D */
  goal: Float32Array;
  /** output: energy of each sequence, length K (latent distance to goal, as the model defines it) */
  energies: Float32Array;
  /** optional output: predicted latents, [K, H, D] */
  latents?: Float32Array;
  /**
   * optional output (models with spec.goalPose): the goal's base pose seen from each predicted step,
   * [K, H, 4] = x forward, y left [m], cos, sin of the goal heading relative to the robot's
   */
  goalPoses?: Float32Array;
}

export interface WorldModel {
  readonly spec: LatentSpec;
  /** Writes z for one observation into `out` (length D). */
  encode(obs: Observation, out: Float32Array): Promise<void>;
  /** Rolls K sequences H steps forward and scores each against the goal. */
  rollout(req: RolloutRequest): Promise<void>;
  /** Where inference runs ("cpu", "webgpu", "analytic", …), for diagnostics. */
  readonly provider: string;
  dispose(): Promise<void>;
}
