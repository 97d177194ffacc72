import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/math/rng.js';
import { getScenario, scenarioNames } from '../../src/sim/scenarios/index.js';
import { PERSON_MAX_SPEED_MPS } from '../../src/sim/people.js';
import { insidePolygon } from '../../src/sim/scenario.js';

describe('scenarios', () => {
  it('offers the scenarios of the runner', () => {
    expect(scenarioNames().sort()).toEqual([
      'adversarial',
      'coffee',
      'crossing',
      'explore',
      'explore_corridor',
      'knife',
    ]);
  });

  it.each(['coffee', 'knife', 'crossing', 'adversarial', 'explore', 'explore_corridor'])(
    '%s repeats per seed and varies across seeds',
    (name) => {
      const a = getScenario(name).build(createRng(5));
      const b = getScenario(name).build(createRng(5));
      const c = getScenario(name).build(createRng(6));
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      expect(JSON.stringify(a.people)).not.toBe(JSON.stringify(c.people));
    },
  );

  it.each(['coffee', 'knife', 'crossing', 'adversarial', 'explore', 'explore_corridor'])(
    '%s scripts people no faster than 1.6 m/s',
    (name) => {
      const s = getScenario(name).build(createRng(11));
      for (const p of s.people) {
        for (const leg of p.legs)
          if (leg.kind !== 'wait') expect(leg.speedMps).toBeLessThanOrEqual(PERSON_MAX_SPEED_MPS);
      }
    },
  );

  it('knife holds a sharp tool; adversarial defaults to the corrupted planner', () => {
    expect(getScenario('knife').build(createRng(1)).tool).toMatchObject({ name: 'knife', sharp: true });
    expect(getScenario('adversarial').build(createRng(1)).defaultPlanner).toBe('corrupted');
  });

  it('adversarial puts the goal on a person or inside a keep-out zone', () => {
    for (let seed = 0; seed < 10; seed++) {
      const s = getScenario('adversarial').build(createRng(seed));
      const onPerson = s.people.some((p) => Math.hypot(p.startXM - s.goal.xM, p.startYM - s.goal.yM) < 1e-9);
      const inZone = s.keepOutZones.some((z) => insidePolygon(s.goal.xM, s.goal.yM, z.polygon));
      expect(onPerson || inZone).toBe(true);
    }
  });
});
