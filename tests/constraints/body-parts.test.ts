import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BodyModel } from '../../src/core/constraints/index.js';
import { Kinematics } from '../../src/core/robot/index.js';
import { packageRobot } from './fixtures.js';

describe('body parts of the package robot', () => {
  const body = new BodyModel(packageRobot, packageRobot.armJointNames);

  it('covers each collision shape with a capsule and drops those inside the base capsule', () => {
    // base box 0.5×0.4×0.2 → capsule along x with radius √(0.2² + 0.1²); caster and arm base lie inside
    // it, the camera (1 m up on its mast) does not
    expect(body.names).toEqual([
      'base_link',
      'left_wheel_link',
      'right_wheel_link',
      'camera_link',
      'arm_shoulder_link',
      'arm_upper_link',
      'arm_forearm_link',
      'tool_link',
    ]);
    expect(body.radiusM[0]).toBeCloseTo(Math.hypot(0.2, 0.1), 12);
    expect(Array.from(body.endsInBase.subarray(0, 6))).toEqual([-0.25, 0, 0.15, 0.25, 0, 0.15]);
    expect(body.radiusM[5]).toBeCloseTo(0.035, 12); // upper arm cylinder r 0.035 along its 0.30 m axis
  });

  it('puts the upper-arm capsule along the arm and the tool tip where FK puts it', () => {
    body.updateArm([Math.PI / 2, 0, 0]);
    // upper arm from the shoulder-pitch joint (0.1, 0, 0.38) 0.30 m along +y after yawing 90°
    const e = Array.from(body.endsInBase.subarray(30, 36));
    [0.1, 0, 0.38, 0.1, 0.3, 0.38].forEach((want, i) => expect(e[i]).toBeCloseTo(want, 9));
    [0.1, 0.62, 0.38].forEach((want, i) => expect(body.tipInBase[i]).toBeCloseTo(want, 9));
  });

  it('bounds the horizontal reach of every capsule in every arm configuration', () => {
    const kin = new Kinematics(packageRobot, { variableJoints: packageRobot.armJointNames });
    fc.assert(
      fc.property(
        fc.tuple(
          fc.double({ min: -2.8, max: 2.8, noNaN: true }),
          fc.double({ min: -1.6, max: 1.2, noNaN: true }),
          fc.double({ min: -2.4, max: 2.4, noNaN: true }),
        ),
        (q) => {
          body.updateArm(q);
          kin.update(q);
          for (let i = 0; i < body.count; i++) {
            for (const o of [6 * i, 6 * i + 3]) {
              const r =
                Math.hypot(body.endsInBase[o] as number, body.endsInBase[o + 1] as number) +
                (body.radiusM[i] as number);
              expect(r).toBeLessThanOrEqual(body.horizontalReachM + 1e-12);
            }
          }
          const tip = kin.pose('tool_tip').xyz;
          tip.forEach((v, k) => expect(body.tipInBase[k]).toBeCloseTo(v, 9));
        },
      ),
      { numRuns: 200 },
    );
  });
});
