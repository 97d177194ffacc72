/**
 * Progress along a route of goal latents (visual subgoals). A goal image several metres away is
 * beyond what one planning horizon can rank, so a long goal is given as a route of images, as V-JEPA
 * 2-AC does with subgoal images: the planner aims at the active one, and once the robot is close to it
 * the next one becomes active. Close: a distance below `reachedBelow`, either the latents' mean
 * absolute difference per dimension (`update`, the L1 energy's own units) or a distance the caller
 * measured (`advanceIf`, e.g. metres from the model's goal-pose head). The last image is the goal itself: it is never passed. Whether
 * the goal is *reached* is not decided here (the engine judges that in the simulator).
 */
import { latentL1 } from './latent-distance.js';

export class RouteProgress {
  private count = 0;
  private index = 0;

  constructor(readonly reachedBelow: number) {
    if (!(Number.isFinite(reachedBelow) && reachedBelow > 0)) {
      throw new RangeError(`route: reachedBelow must be a positive number, got ${reachedBelow}`);
    }
  }

  /** Starts a route of `count` images at the first one. */
  start(count: number): void {
    if (!(Number.isInteger(count) && count >= 1)) {
      throw new RangeError(`route: expected at least one goal image, got ${count}`);
    }
    this.count = count;
    this.index = 0;
  }

  /** Index of the image the planner should aim at; −1 before any route. */
  get activeIndex(): number {
    return this.count === 0 ? -1 : this.index;
  }

  get imageCount(): number {
    return this.count;
  }

  /** True once the active image is the last one (the goal). */
  get onFinalGoal(): boolean {
    return this.count > 0 && this.index === this.count - 1;
  }

  /**
   * The robot's latent `z` against the active subgoal's latent `goal`: advances to the next image and
   * returns true when the subgoal is close enough (never past the last). Non-finite values never count
   * as close. Allocation-free.
   */
  update(z: ArrayLike<number>, goal: ArrayLike<number>): boolean {
    if (this.count === 0 || this.onFinalGoal) return false;
    if (z.length !== goal.length || z.length === 0) {
      throw new RangeError(`route: latent has ${z.length} values, the subgoal ${goal.length}`);
    }
    return this.advanceIf(latentL1(z, goal) / z.length);
  }

  /** Advances when `distance` to the active subgoal is below `reachedBelow` (NaN never counts). */
  advanceIf(distance: number): boolean {
    if (this.count === 0 || this.onFinalGoal) return false;
    if (!(distance < this.reachedBelow)) return false;
    this.index++;
    return true;
  }
}
