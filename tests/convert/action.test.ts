import { describe, expect, it } from 'vitest';
import {
  MessageError,
  actionCommandToAction,
  actionToActionCommand,
  actionToJointCommand,
  actionToTwist,
  actionToTwistStamped,
  jointCommandToArmAction,
  twistStampedToBaseAction,
  twistToBaseAction,
  tryConvert,
} from '../../src/nodes/convert/index.js';

const ARM = ['arm_shoulder_yaw', 'arm_shoulder_pitch', 'arm_elbow_pitch'];
const header = { stamp: { sec: 5, nanosec: 0 }, frame_id: 'base_link' };

describe('ActionCommand ⇄ action', () => {
  it('round-trips an action with its joint names and plan id', () => {
    const action = Float64Array.from([0.3, -0.1, 0.2, 0, -0.4]);
    const msg = actionToActionCommand(action, ARM, header, 42n);
    expect(msg.joint_names).toEqual(ARM);
    expect(msg.plan_id).toBe(42n);
    const out = new Float64Array(5);
    expect(Array.from(actionCommandToAction(msg, ARM, out))).toEqual([0.3, -0.1, 0.2, 0, -0.4]);
  });

  it('reuses the message object it is given', () => {
    const msg = actionToActionCommand([0, 0, 0, 0, 0], ARM, header, 1);
    const velocities = msg.joint_velocities;
    const again = actionToActionCommand([1, 2, 3, 4, 5], ARM, header, 2, msg);
    expect(again).toBe(msg);
    expect(again.joint_velocities).toBe(velocities);
    expect(Array.from(again.joint_velocities)).toEqual([3, 4, 5]);
  });

  it('refuses joint names in another order instead of guessing', () => {
    const msg = actionToActionCommand([0, 0, 1, 2, 3], [...ARM].reverse(), header, 1);
    expect(() => actionCommandToAction(msg, ARM, new Float64Array(5), '/p')).toThrow(
      "topic '/p': field 'joint_names': expected [arm_shoulder_yaw, arm_shoulder_pitch, arm_elbow_pitch], got [arm_elbow_pitch, arm_shoulder_pitch, arm_shoulder_yaw]",
    );
  });

  it('refuses a velocity count that differs from the joint names', () => {
    const msg = actionToActionCommand([0, 0, 1, 2, 3], ARM, header, 1);
    msg.joint_velocities = [1, 2];
    expect(() => actionCommandToAction(msg, ARM, new Float64Array(5))).toThrow(
      /joint_velocities': expected 3 values, got 2/,
    );
  });

  it('refuses non-finite numbers and lateral base motion', () => {
    const nan = actionToActionCommand([Number.NaN, 0, 0, 0, 0], ARM, header, 1);
    expect(() => actionCommandToAction(nan, ARM, new Float64Array(5))).toThrow(/base_twist\.linear\.x/);
    const lateral = actionToActionCommand([0, 0, 0, 0, 0], ARM, header, 1);
    lateral.base_twist.linear.y = 0.1;
    expect(() => actionCommandToAction(lateral, ARM, new Float64Array(5))).toThrow(
      /base_twist\.linear\.y': expected 0/,
    );
  });

  it('returns errors as values through tryConvert', () => {
    const r = tryConvert(() => actionCommandToAction({} as never, ARM, new Float64Array(5)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBeInstanceOf(MessageError);
  });
});

describe('action → base and arm commands', () => {
  it('puts v and w into a Twist with every other component zero', () => {
    expect(actionToTwist([0.5, -0.25, 1, 1, 1])).toEqual({
      linear: { x: 0.5, y: 0, z: 0 },
      angular: { x: 0, y: 0, z: -0.25 },
    });
  });

  it('stamps a TwistStamped with the given header, same twist as the plain Twist', () => {
    const stamped = actionToTwistStamped([0.5, -0.25], header);
    expect(stamped.header).toBe(header);
    expect(stamped.twist).toEqual(actionToTwist([0.5, -0.25]));
  });

  it('reads Twist and TwistStamped back into the base part', () => {
    const out = new Float64Array(5);
    twistToBaseAction(actionToTwist([0.2, 0.1]), out);
    expect(Array.from(out.subarray(0, 2))).toEqual([0.2, 0.1]);
    twistStampedToBaseAction(actionToTwistStamped([-0.2, 0.3], header), out, { baseFrame: 'base_link' });
    expect(Array.from(out.subarray(0, 2))).toEqual([-0.2, 0.3]);
    expect(() =>
      twistStampedToBaseAction(actionToTwistStamped([0, 0], header), out, { baseFrame: 'base_footprint' }),
    ).toThrow(/expected frame 'base_footprint'/);
  });

  it('puts the arm part into a Float64MultiArray and reads it back', () => {
    const msg = actionToJointCommand([9, 9, 0.1, 0.2, 0.3], 3);
    expect(Array.from(msg.data)).toEqual([0.1, 0.2, 0.3]);
    const out = new Float64Array(5);
    jointCommandToArmAction(msg, 3, out);
    expect(Array.from(out)).toEqual([0, 0, 0.1, 0.2, 0.3]);
  });

  it('rejects an arm command of the wrong length', () => {
    const msg = { layout: { dim: [], data_offset: 0 }, data: [1, 2] };
    expect(() => jointCommandToArmAction(msg, 3, new Float64Array(5))).toThrow(
      "topic '/arm_controller/commands': field 'data': expected 3 values after data_offset 0, got 2",
    );
  });
});
