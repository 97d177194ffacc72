/**
 * The crossing scenario: people cross the robot's path in a corridor. Each person waits in a side
 * passage, walks across the corridor through a doorway into the opposite passage and stays there, so
 * a robot that keeps the ISO/TS 15066 separation can wait for them to pass and then go on.
 */
import { CORRIDOR, corridorLayout } from '../layout.js';
import type { PersonScript } from '../people.js';
import { registerScenario, uniform } from '../scenario.js';
import { ARM_STOWED, PERSON_RADIUS_M } from './kitchen.js';

/** how far into a passage people wait before and after crossing [m, |y|] */
const WAIT_DEPTH_MIN_M = 3.0;
const WAIT_DEPTH_MAX_M = 4.0;
/** sideways jitter of a crossing inside the doorway [m] (doorway half-width − person radius − 0.1) */
const DOORWAY_JITTER_M = CORRIDOR.doorwayHalfWidthM - PERSON_RADIUS_M - 0.1;

registerScenario({
  name: 'crossing',
  description:
    'People cross the robot’s path in a 12 m corridor, from a side passage through the corridor into the opposite one; the goal is the far end.',
  build(rng) {
    const people: PersonScript[] = [];
    const count = 2 + Math.floor(rng.next() * 2);
    for (let i = 0; i < count; i++) {
      const doorXM = CORRIDOR.doorwayXM[Math.floor(rng.next() * CORRIDOR.doorwayXM.length)] as number;
      const sign = rng.next() < 0.5 ? -1 : 1;
      people.push({
        id: i + 1,
        radiusM: PERSON_RADIUS_M,
        startXM: doorXM + uniform(rng, -DOORWAY_JITTER_M, DOORWAY_JITTER_M),
        startYM: sign * uniform(rng, WAIT_DEPTH_MIN_M, WAIT_DEPTH_MAX_M),
        legs: [
          { kind: 'wait', durationS: uniform(rng, 0, 25) },
          {
            kind: 'walk',
            xM: doorXM + uniform(rng, -DOORWAY_JITTER_M, DOORWAY_JITTER_M),
            yM: -sign * uniform(rng, WAIT_DEPTH_MIN_M, WAIT_DEPTH_MAX_M),
            speedMps: uniform(rng, 0.7, 1.5),
          },
          { kind: 'wait', durationS: 1e6 },
        ],
        loop: false,
      });
    }
    return {
      name: 'crossing',
      description: this.description,
      layout: corridorLayout(),
      tool: undefined,
      keepOutZones: [],
      defaultDurationS: 60,
      defaultPlanner: undefined,
      exploration: false,
      start: { xM: -5, yM: 0, yawRad: 0, jointPos: ARM_STOWED },
      goal: { xM: 5, yM: 0, yawRad: 0, toleranceM: 0.2, yawToleranceRad: 0.4, jointPos: ARM_STOWED },
      people,
    };
  },
});
