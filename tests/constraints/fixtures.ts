/** Builders for constraint tests: the package robot, a one-sphere base robot, worlds and configs. */
import { loadUrdf } from '../../src/core/robot/index.js';
import type { RobotModel } from '../../src/core/robot/index.js';
import { validateConstraintConfig } from '../../src/core/constraints/index.js';
import type { ConstraintConfig } from '../../src/core/constraints/index.js';
import type { Person, WorldSnapshot } from '../../src/core/types.js';
import { readRepoFile } from '../fixtures/urdf/builders.js';

export const packageRobot: RobotModel = loadUrdf(readRepoFile('urdf/robot.urdf'));

/** A base with a single collision sphere of radius 0.2 m at its origin, no arm (A = 2). */
export const sphereBot: RobotModel = loadUrdf(`<?xml version="1.0"?>
<robot name="sphere_bot">
  <link name="base_link"><collision><geometry><sphere radius="0.2"/></geometry></collision></link>
</robot>`);

export function config(overrides: Record<string, unknown> = {}): ConstraintConfig {
  return validateConstraintConfig(overrides);
}

export interface WorldOptions {
  x?: number;
  y?: number;
  yaw?: number;
  v?: number;
  w?: number;
  q?: number[];
  qd?: number[];
  people?: Person[];
  sharp?: boolean;
}

export function world(o: WorldOptions = {}, arm = 3): WorldSnapshot {
  return {
    robot: {
      base: {
        xInOdomM: o.x ?? 0,
        yInOdomM: o.y ?? 0,
        yawInOdomRad: o.yaw ?? 0,
        vMps: o.v ?? 0,
        wRadps: o.w ?? 0,
      },
      jointPos: Float64Array.from(o.q ?? new Array<number>(arm).fill(0)),
      jointVel: Float64Array.from(o.qd ?? new Array<number>(arm).fill(0)),
    },
    people: o.people ?? [],
    tool: { name: o.sharp ? 'knife' : 'gripper', held: o.sharp ?? false, sharp: o.sharp ?? false },
    stampSec: 0,
  };
}

export function person(id: number, x: number, y: number, radiusM = 0.3): Person {
  return { id, xInOdomM: x, yInOdomM: y, vxMps: 0, vyMps: 0, radiusM };
}
