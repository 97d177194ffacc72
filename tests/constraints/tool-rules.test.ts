import { describe, expect, it } from 'vitest';
import { createConstraintSet, toolSpeedLimitMps } from '../../src/core/constraints/index.js';
import { config, packageRobot, person, world } from './fixtures.js';

const toolCfg = config().tool;

describe('tool rules', () => {
  it('limits only a held sharp tool, lower when a person is near', () => {
    expect(toolSpeedLimitMps(toolCfg, { name: 'g', held: false, sharp: true }, 5)).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(toolSpeedLimitMps(toolCfg, { name: 'g', held: true, sharp: false }, 5)).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(toolSpeedLimitMps(toolCfg, { name: 'k', held: true, sharp: true }, 1.0)).toBe(0.25);
    expect(toolSpeedLimitMps(toolCfg, { name: 'k', held: true, sharp: true }, 0.99)).toBe(0);
  });

  it('scales arm joint speeds so the tip moves at most 0.25 m/s (less the 2 % reserve)', () => {
    const set = createConstraintSet(packageRobot, config());
    const out = new Float64Array(5);
    // arm stretched: tip 0.62 m from the shoulder-yaw axis, so tip speed = 0.62·qd
    set.projectAction(world({ sharp: true, qd: [0.4, 0, 0] }), [0, 0, 0.4, 0, 0], [0, 0, 1, 0, 0], out);
    expect(out[2]).toBeCloseTo((0.98 * 0.25) / 0.62, 9);
    expect([out[0], out[1], out[3], out[4]]).toEqual([0, 0, 0, 0]);
  });

  it('stops the tool when a person is within 1 m', () => {
    const set = createConstraintSet(packageRobot, config({ separation: { enabled: false } }));
    const out = new Float64Array(5);
    set.projectAction(
      world({ sharp: true, people: [person(1, 1.5, 0)] }),
      [0, 0, 0, 0, 0],
      [0.5, 0, 1, 0, 0],
      out,
    );
    expect(Array.from(out)).toEqual([0, 0, 0, 0, 0]);
  });

  it('flags a trajectory whose tip moves faster than the limit', () => {
    const set = createConstraintSet(packageRobot, config());
    // driving straight moves the tip at the base speed: 0.2 passes, 0.3 does not
    const slow = set.evaluate(world({ sharp: true, v: 0.2 }), Float32Array.from([0.2, 0, 0, 0, 0]), 1);
    expect(slow.feasible).toBe(true);
    const fast = set.evaluate(world({ sharp: true, v: 0.3 }), Float32Array.from([0.3, 0, 0, 0, 0]), 1);
    expect(fast.violations.map((v) => v.constraintId)).toEqual(['tool_speed']);
    expect(fast.violations[0]?.marginM).toBeCloseTo(-0.05, 5);
  });
});
