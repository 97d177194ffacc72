/**
 * What the planner needs from the constraint library (src/core/constraints), as a narrow seam:
 * the library's ConstraintSet satisfies it structurally, and tests can stand in a small double.
 * Every method is allocation-free except `evaluate`/`checkStopping`, which the planner calls once per
 * cycle at most.
 */
import type { WorldSnapshot } from '../types.js';

export interface PlannerViolation {
  constraintId: string;
  step: number;
  bodyPart: string;
  marginM: number;
  detail: string;
}

export interface PlannerEvaluation {
  feasible: boolean;
  violations: readonly PlannerViolation[];
  minSeparationMarginM: number;
}

export interface PlannerConstraints {
  /** A = 2 + arm joints */
  readonly actionDim: number;
  /** time between two actions of a sequence [s] */
  readonly stepSec: number;
  /** Writes a per-step feasible version of `desired` [H*A] into `out` [H*A]. */
  projectSequence(world: WorldSnapshot, desired: Float32Array, h: number, out: Float32Array): void;
  /** Full check of one sequence [H*A], with the violations (allocates; diagnostics only). */
  evaluate(world: WorldSnapshot, actions: Float32Array, h: number): PlannerEvaluation;
  /** Full check of K sequences [K*H*A]: feasibility flag and smallest separation margin [m] per sequence. */
  evaluateBatch(
    world: WorldSnapshot,
    actions: Float32Array,
    k: number,
    h: number,
    outFeasible: Uint8Array,
    outMinMarginM: Float32Array,
  ): void;
  /** Can the robot still stop safely after executing `action` for one step? */
  checkStopping(world: WorldSnapshot, action: Float64Array): PlannerEvaluation;
  /** The verified braking / hold action for this instant. */
  brakingAction(world: WorldSnapshot, out: Float64Array): void;
  /** Analytic base poses after each step, [x, y, yaw] per step in the odometry frame, length 3*H. */
  predictBasePoses(world: WorldSnapshot, actions: Float32Array, h: number, outXYYaw: Float64Array): void;
}
