/**
 * A robot already inside a keep-out zone's margin (braking from speed can end a few millimetres in, and
 * a zone can appear around a robot) may stay or leave but never go deeper. Before this rule every
 * motion, holding still included, was infeasible there, so planner and monitor braked for good.
 */
import { describe, expect, it } from 'vitest';
import { createConstraintSet } from '../../src/core/constraints/index.js';
import { config, sphereBot, world } from './fixtures.js';

// sphereBot: a 0.2 m sphere at the base origin. The zone starts 0.15 m ahead of the origin, so at x = 0
// the sphere is 0.05 m inside the zone and 0.1 m inside its 0.05 m margin.
const zoneAhead = {
  name: 'dock',
  type: 'box' as const,
  minInOdomM: [0.15, -1, 0],
  maxInOdomM: [1.5, 1, 1],
};
const set = createConstraintSet(
  sphereBot,
  config({ keepOutZones: { marginM: 0.05, zones: [zoneAhead] }, toolWorkspace: { enabled: false } }),
);
const H = 6;

/** H steps of the same base command (v [m/s], w [rad/s]). */
function constant(v: number, w = 0): Float32Array {
  const a = new Float32Array(2 * H);
  for (let t = 0; t < H; t++) {
    a[2 * t] = v;
    a[2 * t + 1] = w;
  }
  return a;
}

function zoneSteps(x: number, actions: Float32Array): number[] {
  return set
    .evaluate(world({ x }, 0), actions, H)
    .violations.filter((v) => v.constraintId === 'keep_out_zone')
    .map((v) => v.step);
}

describe('keep-out zones, robot already inside the margin', () => {
  it('lets it hold still and back out', () => {
    expect(zoneSteps(0, constant(0))).toEqual([]);
    expect(zoneSteps(0, constant(-0.05))).toEqual([]);
    expect(set.evaluate(world({ x: 0 }, 0), constant(-0.05), H).feasible).toBe(true);
  });

  it('refuses going deeper, from the first step', () => {
    expect(zoneSteps(0, constant(0.05))[0]).toBe(0);
    expect(set.evaluate(world({ x: 0 }, 0), constant(0.05), H).feasible).toBe(false);
  });

  it('refuses turning back in after backing out part of the way', () => {
    const outThenIn = constant(-0.05);
    for (let t = 3; t < H; t++) outThenIn[2 * t] = 0.05;
    // depth shrinks for three steps, then grows again: the first deeper step is refused
    expect(zoneSteps(0, outThenIn)[0]).toBe(3);
  });

  it('still refuses entering from outside, and the monitor passes backing out', () => {
    // 0.02 m short of the margin: 0.08 m/s over 0.6 s covers 0.048 m and crosses it
    expect(zoneSteps(-0.12, constant(0.08)).length).toBeGreaterThan(0);
    expect(zoneSteps(-0.12, constant(0)).length).toBe(0);
    expect(set.stoppable(world({ x: 0 }, 0), [-0.05, 0])).toBe(true);
    expect(set.stoppable(world({ x: 0 }, 0), [0.05, 0])).toBe(false);
  });
});
