import { describe, expect, it } from 'vitest';
import {
  JointStateReader,
  MessageError,
  armToJointState,
  jointStateToArm,
} from '../../src/nodes/convert/index.js';
import type { JointState } from '../../src/msgs/index.js';

const ARM = ['arm_shoulder_yaw', 'arm_shoulder_pitch', 'arm_elbow_pitch'];
const header = { stamp: { sec: 1, nanosec: 0 }, frame_id: '' };

function js(name: string[], position: number[], velocity: number[] = []): JointState {
  return { header, name, position, velocity, effort: [] };
}

describe('JointState → arm joints', () => {
  it('reorders joints into the requested order and skips joints we do not control', () => {
    const msg = js(
      ['wheel_left', 'arm_elbow_pitch', 'arm_shoulder_yaw', 'arm_shoulder_pitch'],
      [9, 0.3, 0.1, 0.2],
      [8, -0.3, -0.1, -0.2],
    );
    const r = jointStateToArm(msg, ARM);
    expect(Array.from(r.jointPos)).toEqual([0.1, 0.2, 0.3]);
    expect(Array.from(r.jointVel)).toEqual([-0.1, -0.2, -0.3]);
    expect(r.hasVelocity).toBe(true);
  });

  it('accepts a missing velocity array and reports that velocities are unknown', () => {
    const r = jointStateToArm(js(ARM, [1, 2, 3]), ARM);
    expect(Array.from(r.jointVel)).toEqual([0, 0, 0]);
    expect(r.hasVelocity).toBe(false);
  });

  it('accepts typed arrays, as rclnodejs delivers float64[] fields', () => {
    const msg = {
      ...js(ARM, []),
      position: new Float64Array([1, 2, 3]),
      velocity: new Float64Array([4, 5, 6]),
    };
    expect(Array.from(jointStateToArm(msg, ARM).jointVel)).toEqual([4, 5, 6]);
  });

  it('rejects a message missing one of our joints, naming the joint', () => {
    expect(() => jointStateToArm(js(ARM.slice(0, 2), [1, 2]), ARM)).toThrow(
      /expected joint 'arm_elbow_pitch'/,
    );
  });

  it('rejects unknown joints when asked to', () => {
    const msg = js([...ARM, 'gripper'], [1, 2, 3, 4]);
    expect(() => jointStateToArm(msg, ARM, { extraJoints: 'error' })).toThrow(/unknown joint 'gripper'/);
  });

  it('rejects NaN positions, naming index and joint', () => {
    expect(() => jointStateToArm(js(ARM, [1, Number.NaN, 3]), ARM, { topic: '/js' })).toThrow(
      "topic '/js': field 'position[1] (arm_shoulder_pitch)': expected a finite number, got NaN",
    );
  });

  it('rejects arrays whose lengths disagree with the names', () => {
    expect(() => jointStateToArm(js(ARM, [1, 2]), ARM)).toThrow(/field 'position': expected 3 values/);
    expect(() => jointStateToArm(js(ARM, [1, 2, 3], [1]), ARM)).toThrow(
      /field 'velocity': expected 0 or 3 values, got 1/,
    );
  });

  it('rejects a joint named twice', () => {
    expect(() => jointStateToArm(js([...ARM, 'arm_elbow_pitch'], [1, 2, 3, 4]), ARM)).toThrow(MessageError);
  });

  it('re-maps when the name order changes between messages', () => {
    const reader = new JointStateReader(ARM);
    const pos = new Float64Array(3);
    const vel = new Float64Array(3);
    reader.read(js(ARM, [1, 2, 3]), pos, vel);
    reader.read(js(['arm_elbow_pitch', 'arm_shoulder_pitch', 'arm_shoulder_yaw'], [30, 20, 10]), pos, vel);
    expect(Array.from(pos)).toEqual([10, 20, 30]);
  });

  it('round-trips through armToJointState', () => {
    const msg = armToJointState(ARM, [0.5, -0.5, 1], [0.1, 0, -0.1], header);
    const r = jointStateToArm(msg, ARM);
    expect(Array.from(r.jointPos)).toEqual([0.5, -0.5, 1]);
    expect(Array.from(r.jointVel)).toEqual([0.1, 0, -0.1]);
  });
});
