/**
 * What the monitor needs from the constraint library (src/core/constraints): the stopping-trajectory
 * check and the braking command. Kept as a narrow seam so tests can stand in a tiny analytic set.
 */
import type { WorldSnapshot } from '../types.js';

export interface Violation {
  constraintId: string;
  step: number;
  bodyPart: string;
  marginM: number;
  detail: string;
}

export interface Evaluation {
  feasible: boolean;
  violations: Violation[];
  minSeparationMarginM: number;
}

export interface MonitorConstraints {
  readonly armJointNames: readonly string[];
  /** 2 + arm joints */
  readonly actionDim: number;
  /** Applies `action` for one step, then brakes; feasible when the whole trajectory satisfies every hard constraint. */
  checkStopping(world: WorldSnapshot, action: Float64Array): Evaluation;
  /** Writes the braking command for the current state into `out`. */
  brakingAction(world: WorldSnapshot, out: Float64Array): void;
}
