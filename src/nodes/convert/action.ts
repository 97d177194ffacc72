/**
 * Action vectors ⇄ command messages. Action layout (src/core/types.ts): [vMps, wRadps, qd_0..qd_{n-1}].
 *  - ActionCommand (planner → monitor, and in verdicts) carries the whole action with joint names;
 *  - Twist / TwistStamped (→ diff_drive_controller) carry the base part;
 *  - Float64MultiArray (→ JointGroupVelocityController) carries the arm part in the controller's joint order.
 */
import type { ActionCommand } from '../../msgs/own.js';
import type { Float64MultiArray, Header, Twist, TwistStamped } from '../../msgs/std.js';
import { Topic } from '../../msgs/topics.js';
import { BASE_ACTION_DIMS } from '../../core/types.js';
import { MessageError, checkFrame, describeValue, finite, numberArray, stringArray } from './errors.js';

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function mustBeZero(topic: string, field: string, v: unknown): void {
  if (v !== 0 && finite(topic, field, v) !== 0)
    throw new MessageError(topic, field, '0 (diff-drive base)', String(v));
}

function checkActionLength(what: string, action: ArrayLike<number>, jointCount: number): void {
  if (action.length !== BASE_ACTION_DIMS + jointCount) {
    throw new RangeError(
      `${what}: expected an action of ${BASE_ACTION_DIMS + jointCount} values, got ${action.length}`,
    );
  }
}

/**
 * ActionCommand → action, written into `out` (length 2 + expectedJointNames.length). The joint names
 * must be exactly the expected ones in the expected order: a reordered command is refused, never guessed.
 * After a MessageError the contents of `out` are unspecified (the caller discards the command).
 */
export function actionCommandToAction(
  msg: ActionCommand,
  expectedJointNames: readonly string[],
  out: Float64Array,
  topic: string = Topic.proposal,
): Float64Array {
  if (msg === null || typeof msg !== 'object' || !msg.base_twist?.linear || !msg.base_twist.angular) {
    throw new MessageError(topic, '(message)', 'an ActionCommand with base_twist', describeValue(msg));
  }
  checkActionLength('actionCommandToAction out', out, expectedJointNames.length);
  const names = stringArray(topic, 'joint_names', msg.joint_names);
  if (!sameNames(names, expectedJointNames)) {
    throw new MessageError(
      topic,
      'joint_names',
      `[${expectedJointNames.join(', ')}]`,
      `[${names.join(', ')}]`,
    );
  }
  const qd = numberArray(topic, 'joint_velocities', msg.joint_velocities);
  if (qd.length !== names.length) {
    throw new MessageError(topic, 'joint_velocities', `${names.length} values`, `${qd.length}`);
  }
  const t = msg.base_twist;
  out[0] = finite(topic, 'base_twist.linear.x', t.linear.x);
  out[1] = finite(topic, 'base_twist.angular.z', t.angular.z);
  // a diff-drive base cannot follow lateral, vertical or roll/pitch velocity: a non-zero value is a malformed command
  mustBeZero(topic, 'base_twist.linear.y', t.linear.y);
  mustBeZero(topic, 'base_twist.linear.z', t.linear.z);
  mustBeZero(topic, 'base_twist.angular.x', t.angular.x);
  mustBeZero(topic, 'base_twist.angular.y', t.angular.y);
  for (let j = 0; j < qd.length; j++) {
    const v = qd[j] as number;
    if (!Number.isFinite(v)) finite(topic, `joint_velocities[${j}]`, v); // message built only on error
    out[BASE_ACTION_DIMS + j] = v;
  }
  finite(topic, 'plan_id', msg.plan_id);
  return out;
}

/** Action → ActionCommand. Pass `out` to reuse a message object (its arrays are rewritten in place when sized right). */
export function actionToActionCommand(
  action: ArrayLike<number>,
  jointNames: readonly string[],
  header: Header,
  planId: number | bigint,
  out?: ActionCommand,
): ActionCommand {
  checkActionLength('actionToActionCommand', action, jointNames.length);
  const n = jointNames.length;
  const msg: ActionCommand = out ?? {
    header,
    base_twist: { linear: { x: 0, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0 } },
    joint_names: jointNames.slice(),
    joint_velocities: new Float64Array(n),
    plan_id: planId,
  };
  msg.header = header;
  msg.plan_id = planId;
  actionToTwist(action, msg.base_twist);
  if (!sameNames(msg.joint_names, jointNames)) {
    msg.joint_names = jointNames.slice();
  }
  if (msg.joint_velocities.length !== n) msg.joint_velocities = new Float64Array(n);
  for (let j = 0; j < n; j++) msg.joint_velocities[j] = action[BASE_ACTION_DIMS + j] as number;
  return msg;
}

/** Base part of an action → Twist (in the base frame), written into `out` when given. */
export function actionToTwist(action: ArrayLike<number>, out?: Twist): Twist {
  if (action.length < BASE_ACTION_DIMS)
    throw new RangeError(`actionToTwist: expected ≥ 2 values, got ${action.length}`);
  const twist = out ?? { linear: { x: 0, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0 } };
  twist.linear.x = action[0] as number;
  twist.linear.y = 0;
  twist.linear.z = 0;
  twist.angular.x = 0;
  twist.angular.y = 0;
  twist.angular.z = action[1] as number;
  return twist;
}

export function actionToTwistStamped(
  action: ArrayLike<number>,
  header: Header,
  out?: TwistStamped,
): TwistStamped {
  const msg = out ?? { header, twist: { linear: { x: 0, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0 } } };
  msg.header = header;
  actionToTwist(action, msg.twist);
  return msg;
}

/** Arm part of an action → Float64MultiArray for a JointGroupVelocityController (one flat dimension, no labels). */
export function actionToJointCommand(
  action: ArrayLike<number>,
  jointCount: number,
  out?: Float64MultiArray,
): Float64MultiArray {
  checkActionLength('actionToJointCommand', action, jointCount);
  const msg = out ?? { layout: { dim: [], data_offset: 0 }, data: new Float64Array(jointCount) };
  if (msg.data.length !== jointCount) msg.data = new Float64Array(jointCount);
  for (let j = 0; j < jointCount; j++) msg.data[j] = action[BASE_ACTION_DIMS + j] as number;
  return msg;
}

/** Twist (from /cmd_vel) → base part of an action, written into out[0..1]. Simulator/robot side. */
export function twistToBaseAction(msg: Twist, out: Float64Array, topic: string = Topic.cmdVel): Float64Array {
  if (msg === null || typeof msg !== 'object' || !msg.linear || !msg.angular) {
    throw new MessageError(topic, '(message)', 'a Twist', describeValue(msg));
  }
  out[0] = finite(topic, 'linear.x', msg.linear.x);
  out[1] = finite(topic, 'angular.z', msg.angular.z);
  return out;
}

/** TwistStamped → base part of an action; checks the frame when one is expected. */
export function twistStampedToBaseAction(
  msg: TwistStamped,
  out: Float64Array,
  options: { topic?: string; baseFrame?: string } = {},
): Float64Array {
  const topic = options.topic ?? Topic.cmdVel;
  if (msg === null || typeof msg !== 'object' || !msg.header) {
    throw new MessageError(topic, '(message)', 'a TwistStamped', describeValue(msg));
  }
  checkFrame(topic, 'header.frame_id', msg.header.frame_id, options.baseFrame);
  return twistToBaseAction(msg.twist, out, topic);
}

/** Float64MultiArray (arm controller command) → arm part of an action, written into out[2..]. */
export function jointCommandToArmAction(
  msg: Float64MultiArray,
  jointCount: number,
  out: Float64Array,
  topic: string = Topic.armCommand,
): Float64Array {
  if (msg === null || typeof msg !== 'object')
    throw new MessageError(topic, '(message)', 'a Float64MultiArray', describeValue(msg));
  const data = numberArray(topic, 'data', msg.data);
  const offset = msg.layout?.data_offset ?? 0;
  if (data.length - offset !== jointCount) {
    throw new MessageError(
      topic,
      'data',
      `${jointCount} values after data_offset ${offset}`,
      `${data.length - offset}`,
    );
  }
  for (let j = 0; j < jointCount; j++) {
    const v = data[offset + j] as number;
    if (!Number.isFinite(v)) finite(topic, `data[${offset + j}]`, v); // message built only on error
    out[BASE_ACTION_DIMS + j] = v;
  }
  return out;
}
