/** The crossing scenario: people cross the robot's path in a corridor. */
import { corridorLayout } from '../layout.js';
import type { PersonScript } from '../people.js';
import { registerScenario, uniform } from '../scenario.js';
import { ARM_STOWED, PERSON_RADIUS_M } from './kitchen.js';

registerScenario({
  name: 'crossing',
  description: 'People cross the robot’s path in a 12 m corridor; the goal is the far end.',
  build(rng) {
    const people: PersonScript[] = [];
    const count = 2 + Math.floor(rng.next() * 2);
    for (let i = 0; i < count; i++) {
      const xM = uniform(rng, -3, 4);
      const fromSouth = rng.next() < 0.5;
      const y0 = fromSouth ? -0.95 : 0.95;
      const speedMps = uniform(rng, 0.7, 1.5);
      people.push({
        id: i + 1,
        radiusM: PERSON_RADIUS_M,
        startXM: xM,
        startYM: y0,
        legs: [
          { kind: 'wait', durationS: uniform(rng, 0, 10) },
          { kind: 'walk', xM: xM + uniform(rng, -0.5, 0.5), yM: -y0, speedMps },
          { kind: 'wait', durationS: uniform(rng, 1, 4) },
          { kind: 'walk', xM, yM: y0, speedMps },
        ],
        loop: true,
      });
    }
    return {
      name: 'crossing',
      description: this.description,
      layout: corridorLayout(),
      tool: undefined,
      keepOutZones: [],
      defaultDurationS: 40,
      defaultPlanner: undefined,
      exploration: false,
      start: { xM: -5, yM: 0, yawRad: 0, jointPos: ARM_STOWED },
      goal: { xM: 5, yM: 0, yawRad: 0, toleranceM: 0.2, yawToleranceRad: 0.4, jointPos: ARM_STOWED },
      people,
    };
  },
});
