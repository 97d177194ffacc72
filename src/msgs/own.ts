/** The package's own messages (msg/*.msg), in plain-object form. */
import type { Header, Image, NumberArray, Point, Pose, Time, Twist, Vector3 } from './std.js';

/** world_model_mpc/LatentState */
export interface LatentState {
  header: Header;
  model_id: string;
  observation_stamp: Time;
  latent: NumberArray;
}

/** world_model_mpc/ActionCommand */
export interface ActionCommand {
  header: Header;
  base_twist: Twist;
  joint_names: string[];
  joint_velocities: NumberArray;
  plan_id: bigint | number;
}

export const PlanStatus = { OK: 0, INFEASIBLE: 1, FALLBACK: 2, NO_GOAL: 3, STALE_INPUT: 4 } as const;
export type PlanStatus = (typeof PlanStatus)[keyof typeof PlanStatus];

/** world_model_mpc/Plan */
export interface Plan {
  header: Header;
  plan_id: bigint | number;
  status: number;
  reason: string;
  actions: ActionCommand[];
  step_s: number;
  predicted_base_poses: Pose[];
  energy: number;
  min_predicted_separation_m: number;
  samples: number;
  feasible_samples: number;
  cycle_time_ms: number;
}

export const VerdictState = { OK: 0, LIMITED: 1, STOPPED: 2, LATCHED: 3 } as const;
export type VerdictState = (typeof VerdictState)[keyof typeof VerdictState];

/** world_model_mpc/SafetyVerdict */
export interface SafetyVerdict {
  header: Header;
  state: number;
  proposed: ActionCommand;
  executed: ActionCommand;
  violated: string[];
  reason: string;
}

/** world_model_mpc/TrackedPerson */
export interface TrackedPerson {
  id: number;
  position: Point;
  velocity: Vector3;
  radius: number;
}

/** world_model_mpc/TrackedPersonArray */
export interface TrackedPersonArray {
  header: Header;
  people: TrackedPerson[];
}

/** world_model_mpc/ToolState */
export interface ToolState {
  header: Header;
  tool_name: string;
  held: boolean;
  sharp: boolean;
}

/** world_model_mpc/GoalRoute */
export interface GoalRoute {
  header: Header;
  images: Image[];
}
