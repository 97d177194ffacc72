/**
 * A tiny analytic stand-in for the constraint library, with numbers easy to derive by hand:
 *  - |v| ≤ 1 m/s, |w| ≤ 1 rad/s, |qd_j| ≤ 1 rad/s ("velocity_limit")
 *  - separation: with d = distance from the base to the nearest person's surface [m], the forward speed
 *    must satisfy |v| ≤ d − 0.5 ("separation"); braking is infeasible when d < 0.5 (a hard violation).
 * Braking command: all zeros.
 */
import type { MonitorConstraints, Evaluation, Violation } from '../../src/core/monitor/index.js';
import type { WorldSnapshot } from '../../src/core/types.js';

export const ARM_JOINTS = ['arm_shoulder_yaw', 'arm_shoulder_pitch', 'arm_elbow_pitch'] as const;

function nearestSurfaceM(world: WorldSnapshot): number {
  let d = Number.POSITIVE_INFINITY;
  const b = world.robot.base;
  for (const p of world.people)
    d = Math.min(d, Math.hypot(p.xInOdomM - b.xInOdomM, p.yInOdomM - b.yInOdomM) - p.radiusM);
  return d;
}

export function createFakeConstraints(): MonitorConstraints & { checks: number } {
  const fake = {
    armJointNames: ARM_JOINTS,
    actionDim: 5,
    checks: 0,
    checkStopping(world: WorldSnapshot, action: Float64Array): Evaluation {
      fake.checks++;
      const violations: Violation[] = [];
      for (let i = 0; i < action.length; i++) {
        if (!(Math.abs(action[i] as number) <= 1)) {
          violations.push({
            constraintId: 'velocity_limit',
            step: 0,
            bodyPart: 'base',
            marginM: 0,
            detail: `action[${i}] over 1`,
          });
        }
      }
      const d = nearestSurfaceM(world);
      const marginM = d - 0.5 - Math.abs(action[0] as number);
      if (!(marginM >= 0)) {
        violations.push({
          constraintId: 'separation',
          step: 0,
          bodyPart: 'base_link',
          marginM,
          detail: `separation margin ${marginM} m`,
        });
      }
      return { feasible: violations.length === 0, violations, minSeparationMarginM: marginM };
    },
    stoppable(world: WorldSnapshot, action: Float64Array): boolean {
      return fake.checkStopping(world, action).feasible;
    },
    brakingAction(_world: WorldSnapshot, out: Float64Array): void {
      out.fill(0);
    },
  };
  return fake;
}
