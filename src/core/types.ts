/**
 * Plain state types shared by the pure cores (kinematics, constraints, planner, monitor).
 * No ROS messages here: nodes convert at the edge (src/nodes/convert). Frames and units are in the names.
 *
 * Action layout (everywhere: planner samples, monitor, world model inputs):
 *   action[0] = base forward speed vMps        [m/s]   in the base frame
 *   action[1] = base yaw rate wRadps           [rad/s]
 *   action[2 + j] = velocity of arm joint j    [rad/s] (or [m/s] for prismatic), in `armJointNames` order
 * so an action has A = 2 + armJointNames.length numbers.
 */

/** Differential-drive base state in the odometry frame. */
export interface BaseState {
  xInOdomM: number;
  yInOdomM: number;
  yawInOdomRad: number;
  /** current forward speed [m/s] */
  vMps: number;
  /** current yaw rate [rad/s] */
  wRadps: number;
}

export interface RobotState {
  base: BaseState;
  /** arm joint positions in `armJointNames` order [rad or m] */
  jointPos: Float64Array;
  /** arm joint velocities in the same order [rad/s or m/s] */
  jointVel: Float64Array;
}

/** A tracked person: a vertical cylinder in the odometry frame. */
export interface Person {
  id: number;
  xInOdomM: number;
  yInOdomM: number;
  vxMps: number;
  vyMps: number;
  radiusM: number;
}

export interface ToolInfo {
  name: string;
  held: boolean;
  sharp: boolean;
}

/** Everything the constraint library needs to judge an action at one instant. */
export interface WorldSnapshot {
  robot: RobotState;
  people: readonly Person[];
  tool: ToolInfo;
  /** time of the snapshot [s] on the node's clock */
  stampSec: number;
}

export const BASE_ACTION_DIMS = 2;

export function actionSize(armJointCount: number): number {
  return BASE_ACTION_DIMS + armJointCount;
}
