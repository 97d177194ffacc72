/**
 * The constraint library's public API, shared by the planner (projection, batch evaluation) and the safety
 * monitor (evaluation, stopping check, braking command). Hard constraints are judged on analytic models
 * only: URDF kinematics, the differential-drive model, and people as discs growing at the ISO 13855 speed.
 *
 * Actions are velocity commands held for `stepSec` each, laid out [vMps, wRadps, qd_0 .. qd_{n-1}]
 * (see src/core/types.ts). Step i of a trajectory is the state reached after holding action i, i.e. at
 * time (i + 1)·stepSec after the snapshot.
 */
import type { WorldSnapshot } from '../types.js';
import type { ConstraintConfig } from './config.js';

/** Identifiers of the constraint families, used in Violation.constraintId. */
export type ConstraintId =
  | 'joint_position'
  | 'joint_velocity'
  | 'joint_acceleration'
  | 'base_velocity'
  | 'base_acceleration'
  | 'separation'
  | 'keep_out_zone'
  | 'tool_workspace'
  | 'tool_speed'
  | 'invalid_input';

export interface Violation {
  constraintId: ConstraintId | string;
  /** trajectory step (0-based) */
  step: number;
  /** link / sphere / joint concerned, e.g. 'arm_forearm_link#2', 'base', 'arm_elbow_pitch', 'tool_tip' */
  bodyPart: string;
  /** signed margin [m, rad, m/s …]; negative = by how much the constraint is broken */
  marginM: number;
  /** human-readable cause with numbers */
  detail: string;
}

export interface Evaluation {
  feasible: boolean;
  violations: Violation[];
  /** smallest ISO/TS 15066 separation margin over all steps, parts and people [m]; +Infinity without people */
  minSeparationMarginM: number;
}

export interface ConstraintSet {
  readonly armJointNames: readonly string[];
  /** 2 + number of arm joints */
  readonly actionDim: number;
  /** control period from config [s] */
  readonly stepSec: number;
  readonly config: ConstraintConfig;
  /**
   * Per-step projection: writes to `out` an action that satisfies every per-step constraint at `world`
   * (velocity and acceleration limits from `prevAction`, joint position limits, separation speed cap,
   * tool-speed rule) and is as close to `desired` as those allow. When `prevAction` itself breaks a
   * speed cap (a person just appeared), the output brakes as hard as the acceleration limits allow.
   */
  projectAction(
    world: WorldSnapshot,
    prevAction: ArrayLike<number>,
    desired: ArrayLike<number>,
    out: Float64Array,
  ): void;
  /**
   * Projects h actions step by step, propagating the analytic robot state. Creates no arrays or objects;
   * V8 may still box a few numbers per step (measured ≈ 260 B per 16-step call).
   */
  projectSequence(world: WorldSnapshot, desired: Float32Array, h: number, out: Float32Array): void;
  /** Full check of an h-step trajectory: every constraint, every step, every body part. */
  evaluate(world: WorldSnapshot, actions: Float32Array, h: number): Evaluation;
  /** k trajectories of h steps ([k·h·A]); feasibility and min separation margin per candidate; allocation-free. */
  evaluateBatch(
    world: WorldSnapshot,
    actions: Float32Array,
    k: number,
    h: number,
    outFeasible: Uint8Array,
    outMinMarginM: Float32Array,
  ): void;
  /** Applies `action` for one period, then brakes at the limits until stopped: is every step feasible? */
  checkStopping(world: WorldSnapshot, action: ArrayLike<number>): Evaluation;
  /** `checkStopping(world, action).feasible` without building the Evaluation: allocation-free. */
  stoppable(world: WorldSnapshot, action: ArrayLike<number>): boolean;
  /** The command that brakes hardest within the deceleration limits from the current velocities. */
  brakingAction(world: WorldSnapshot, out: Float64Array): void;
  /** Base pose (x, y, yaw in odom) after each of the h actions → outXYYaw[3·i .. 3·i+2]. */
  predictBasePoses(world: WorldSnapshot, actions: Float32Array, h: number, outXYYaw: Float64Array): void;
}

/** A constraint config that cannot be used; the message names the key path, the allowed range and the value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}
