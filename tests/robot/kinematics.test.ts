import { describe, expect, it } from 'vitest';
import { Kinematics, loadUrdf } from '../../src/core/robot/index.js';
import { joint, readRepoFile, urdf } from '../fixtures/urdf/builders.js';

function rotate(q: readonly number[], v: readonly number[]): number[] {
  // v' = v + 2w (u × v) + 2 u × (u × v), quaternion [x, y, z, w]
  const [x, y, z, w] = q as [number, number, number, number];
  const [a, b, c] = v as [number, number, number];
  const t = [2 * (y * c - z * b), 2 * (z * a - x * c), 2 * (x * b - y * a)] as const;
  return [
    a + w * t[0] + (y * t[2] - z * t[1]),
    b + w * t[1] + (z * t[0] - x * t[2]),
    c + w * t[2] + (x * t[1] - y * t[0]),
  ];
}

const close = (got: readonly number[], want: readonly number[]): void => {
  want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 9));
};

describe('forward kinematics on hand-worked chains', () => {
  // planar 2R arm in the xy plane: links 1 m and 0.5 m, both joints about z
  const arm = loadUrdf(
    urdf(
      ['base', 'l1', 'l2', 'tip'],
      [
        joint(
          'j1',
          'revolute',
          'base',
          'l1',
          '<axis xyz="0 0 1"/><limit lower="-4" upper="4" velocity="1" effort="1"/>',
        ),
        joint(
          'j2',
          'revolute',
          'l1',
          'l2',
          '<origin xyz="1 0 0"/><axis xyz="0 0 1"/><limit lower="-4" upper="4" velocity="1" effort="1"/>',
        ),
        joint('jt', 'fixed', 'l2', 'tip', '<origin xyz="0.5 0 0"/>'),
      ],
    ),
  );
  const kin = new Kinematics(arm);

  it('puts the tip at (1 + 0.5, 0) with both joints at zero', () => {
    close(kin.poses({}).tip?.xyz ?? [], [1.5, 0, 0]);
  });

  it('puts the tip at (cos a + 0.5 cos(a + b), sin a + 0.5 sin(a + b))', () => {
    const a = 0.3;
    const b = -1.1;
    const tip = kin.poses({ j1: a, j2: b }).tip;
    close(tip?.xyz ?? [], [Math.cos(a) + 0.5 * Math.cos(a + b), Math.sin(a) + 0.5 * Math.sin(a + b), 0]);
    close(tip?.quat ?? [], [0, 0, Math.sin((a + b) / 2), Math.cos((a + b) / 2)]);
  });

  it('moves a prismatic joint along its axis and applies origin rpy before the joint', () => {
    const slider = loadUrdf(
      urdf(
        ['a', 'b'],
        [
          joint(
            's',
            'prismatic',
            'a',
            'b',
            '<origin xyz="0 0 1" rpy="0 0 1.5707963267948966"/><axis xyz="1 0 0"/><limit lower="0" upper="1" velocity="1" effort="1"/>',
          ),
        ],
      ),
    );
    // the joint frame is yawed 90°, so its x axis is the parent's y axis
    close(new Kinematics(slider).poses({ s: 0.25 }).b?.xyz ?? [], [0, 0.25, 1]);
  });

  it('rejects a joint value for a joint that does not move', () => {
    expect(() => kin.poses({ jt: 1 })).toThrow(/no variable joint 'jt'/);
  });
});

describe('forward kinematics on the package robot', () => {
  const model = loadUrdf(readRepoFile('urdf/robot.urdf'));
  const kin = new Kinematics(model, { variableJoints: model.armJointNames });

  it('has the tool tip 0.72 m ahead and 0.38 m up with the arm stretched forward', () => {
    // mount x 0.10 + upper 0.30 + forearm 0.25 + tool 0.07; height 0.25 + 0.05 + 0.08
    close(kin.poses({}).tool_tip?.xyz ?? [], [0.72, 0, 0.38]);
  });

  it('swings the tip to the left with shoulder yaw +90° and down with shoulder pitch +90°', () => {
    close(kin.poses({ arm_shoulder_yaw: Math.PI / 2 }).tool_tip?.xyz ?? [], [0.1, 0.62, 0.38]);
    close(kin.poses({ arm_shoulder_pitch: Math.PI / 2 }).tool_tip?.xyz ?? [], [0.1, 0, 0.38 - 0.62]);
  });

  it('bends the elbow about the point 0.30 m along the upper arm', () => {
    const e = 0.7;
    // elbow at (0.4, 0, 0.38); +pitch about y turns x toward -z
    close(kin.poses({ arm_elbow_pitch: e }).tool_tip?.xyz ?? [], [
      0.4 + 0.32 * Math.cos(e),
      0,
      0.38 - 0.32 * Math.sin(e),
    ]);
  });

  it('points the camera optical z axis forward and 0.35 rad down, with x to the right', () => {
    const cam = kin.poses({}).camera_optical_frame;
    close(cam?.xyz ?? [], [0.05, 0, 1.0]);
    close(rotate(cam?.quat ?? [], [0, 0, 1]), [Math.cos(0.35), 0, -Math.sin(0.35)]);
    close(rotate(cam?.quat ?? [], [1, 0, 0]), [0, -1, 0]);
  });
});

describe('forward kinematics on the vendor-style arm', () => {
  const model = loadUrdf(readRepoFile('tests/fixtures/urdf/vendor_arm.urdf'));
  const kin = new Kinematics(model);

  it('reaches 0.5 m forward at zero and straight up with joint 2 at +90°', () => {
    close(kin.poses({}).a3_flange?.xyz ?? [], [0.5, 0, 0.2]);
    close(kin.poses({ a3_joint_2: Math.PI / 2 }).a3_flange?.xyz ?? [], [0, 0, 0.7]);
    close(kin.poses({ a3_joint_1: Math.PI / 2 }).a3_flange?.xyz ?? [], [0, 0.5, 0.2]);
  });

  it('moves the mimic finger opposite to the driven one', () => {
    const p = kin.poses({ a3_finger_left_joint: 0.02 });
    close(p.a3_finger_left?.xyz ?? [], [0.55, 0, 0.23]);
    close(p.a3_finger_right?.xyz ?? [], [0.55, 0, 0.17]);
    expect(kin.variableJointNames).not.toContain('a3_finger_right_joint');
  });
});
