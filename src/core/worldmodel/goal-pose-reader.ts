/**
 * Reads where a goal is from the robot's own latent, through the world model's goal-pose head: one
 * rollout step of a zero action (a hold-identity predictor returns z itself, so the head reads z), and
 * the distance [m] of the goal's base position in the robot's frame. Buffers are allocated once.
 */
import type { WorldModel } from './world-model.js';

export class GoalPoseReader {
  private readonly z0: Float32Array;
  private readonly goal: Float32Array;
  private readonly actions: Float32Array;
  private readonly energies = new Float32Array(1);
  /** x forward, y left [m], cos, sin of the goal heading relative to the robot's */
  readonly pose = new Float32Array(4);

  constructor(private readonly model: WorldModel) {
    if (model.spec.goalPose !== true) {
      throw new Error(`goal-pose reader: world model '${model.spec.modelId}' has no goal-pose head`);
    }
    this.z0 = new Float32Array(model.spec.latentDim);
    this.goal = new Float32Array(model.spec.latentDim);
    this.actions = new Float32Array(model.spec.actionDim);
  }

  /** Distance [m] from the robot (latent `z`) to the goal (latent `goal`); NaN if the head gives none. */
  async distanceM(z: ArrayLike<number>, goal: ArrayLike<number>): Promise<number> {
    const d = this.z0.length;
    if (z.length !== d || goal.length !== d) {
      throw new RangeError(
        `goal-pose reader: latents must have ${d} values, got ${z.length} and ${goal.length}`,
      );
    }
    this.z0.set(z);
    this.goal.set(goal);
    await this.model.rollout({
      z0: this.z0,
      goal: this.goal,
      actions: this.actions,
      k: 1,
      h: 1,
      energies: this.energies,
      goalPoses: this.pose,
    });
    return Math.hypot(this.pose[0] as number, this.pose[1] as number);
  }
}
