import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/math/rng.js';
import { BodyModel, parseConstraintConfig } from '../../src/core/constraints/index.js';
import { capsuleZoneMarginM, compileZone } from '../../src/core/constraints/zones.js';
import { loadUrdf } from '../../src/core/robot/index.js';
import { withScenarioZones } from '../../src/nodes/safety-monitor/sim-plugin.js';
import type { PlanarPose, Scenario } from '../../src/sim/scenario.js';
import { getScenario } from '../../src/sim/scenarios/index.js';

const URDF_XML = readFileSync(new URL('../../urdf/robot.urdf', import.meta.url), 'utf8');
const YAML = readFileSync(new URL('../../config/constraints.yaml', import.meta.url), 'utf8');
const ROBOT = loadUrdf(URDF_XML);
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

/**
 * Keep-out intrusions of the robot standing at `pose` with `jointPos` (scenario zones + YAML zones, the
 * YAML's margin): every body capsule against every zone, with the library's own geometry. Not via
 * `evaluate`: a robot already inside a zone may stay there (it may not go deeper), so standing still
 * would not be reported.
 */
function zoneViolations(s: Scenario, pose: PlanarPose, jointPos: readonly number[]): string[] {
  const cfg = withScenarioZones(parseConstraintConfig(YAML), s.keepOutZones);
  const body = new BodyModel(ROBOT, ROBOT.armJointNames);
  body.updateArm(Float64Array.from(jointPos));
  const ends = new Float64Array(6 * body.count + 3);
  body.toOdom(Float64Array.of(pose.xM, pose.yM, pose.yawRad), ends);
  const out: string[] = [];
  for (const zone of cfg.keepOutZones.zones) {
    const z = compileZone(zone);
    for (let i = 0; i < body.count; i++) {
      const m = capsuleZoneMarginM(z, ends, 6 * i, body.radiusM[i] as number, cfg.keepOutZones.marginM);
      if (m < 0) out.push(`${body.names[i]} enters '${zone.name}' by ${(-m).toFixed(3)} m`);
    }
  }
  return out;
}

describe('kitchen furniture zones', () => {
  it('cover the counter and the coffee machine footprints plus 0.02 m in coffee', () => {
    const s = getScenario('coffee').build(createRng(1));
    const byName = new Map(s.keepOutZones.map((z) => [z.name, z.polygon]));
    // counter box: centre (0, 2.65), half extents 2.0 × 0.35 → x −2.02..2.02, y 2.28..3.02
    expect(byName.get('counter')?.[0]?.[0]).toBeCloseTo(-2.02, 9);
    expect(byName.get('counter')?.[0]?.[1]).toBeCloseTo(2.28, 9);
    expect(byName.get('counter')?.[2]?.[0]).toBeCloseTo(2.02, 9);
    // coffee machine: centre (−1.2, 2.75), half 0.18 → x −1.40..−1.00
    expect(byName.get('coffee_machine')?.[0]?.[0]).toBeCloseTo(-1.4, 9);
    expect(byName.get('coffee_machine')?.[1]?.[0]).toBeCloseTo(-1.0, 9);
    expect(byName.has('table_area')).toBe(true);
  });

  it('leave the counter-top out of knife, whose arm works over the counter', () => {
    const s = getScenario('knife').build(createRng(1));
    expect(s.keepOutZones.map((z) => z.name)).toEqual(['table_area']);
  });

  it.each(['coffee', 'knife', 'crossing', 'explore', 'explore_corridor', 'adversarial'])(
    '%s starts clear of every zone (20 seeds)',
    (name) => {
      for (const seed of SEEDS) {
        const s = getScenario(name).build(createRng(seed));
        expect(zoneViolations(s, s.start, s.start.jointPos), `seed ${seed}`).toEqual([]);
      }
    },
  );

  it.each(['coffee', 'knife', 'crossing'])('%s puts the goal posture clear of every zone', (name) => {
    const s = getScenario(name).build(createRng(1));
    expect(zoneViolations(s, s.goal, s.goal.jointPos)).toEqual([]);
  });

  it('binds the arm: the coffee goal posture 0.2 m closer to the counter enters the counter zone', () => {
    const s = getScenario('coffee').build(createRng(1));
    // the stowed arm reaches 0.72 m ahead of the base: tip at y = 1.35 + 0.2 + 0.72 = 2.27 > 2.28 − 0.05
    const closer = { ...s.goal, yM: s.goal.yM + 0.2 };
    expect(zoneViolations(s, closer, s.goal.jointPos).length).toBeGreaterThan(0);
  });
});
