/**
 * The crossing scenario: people cross the robot's path in a corridor. Each person waits in a side
 * passage, walks across the corridor through a doorway into the opposite passage and stays there, so
 * a robot that keeps the ISO/TS 15066 separation can wait for them to pass and then go on.
 */
import { CORRIDOR, corridorLayout } from '../layout.js';
import type { Leg, PersonScript } from '../people.js';
import type { KeepOutZone } from '../scenario.js';
import { boxZone, registerScenario, uniform } from '../scenario.js';
import { ARM_STOWED, PERSON_RADIUS_M } from './kitchen.js';

/** how far into a passage people wait before and after crossing [m, |y|] */
const WAIT_DEPTH_MIN_M = 3.0;
const WAIT_DEPTH_MAX_M = 4.0;
/** sideways jitter of a crossing inside the doorway [m] (doorway half-width − person radius − 0.1) */
const DOORWAY_JITTER_M = CORRIDOR.doorwayHalfWidthM - PERSON_RADIUS_M - 0.1;

/**
 * Everything outside the corridor's 12 m × 2.4 m floor as keep-out zones: its walls, doorway jambs and
 * the side passages (where people wait; the robot has no business there). Walls are not constraints
 * otherwise, and a planner would learn them only by touching them. The zones extend 0.5 m past the
 * walls so a body part cannot cut a corner between two of them.
 */
export function corridorZones(): KeepOutZone[] {
  const c = CORRIDOR;
  const w = c.halfWidthM;
  const far = c.passageEndM + 0.5;
  const x0 = c.xMinM - 0.5;
  const x1 = c.xMaxM + 0.5;
  return [
    boxZone('corridor_north', x0, w, x1, far),
    boxZone('corridor_south', x0, -far, x1, -w),
    boxZone('corridor_west_end', x0, -w, c.xMinM, w),
    boxZone('corridor_east_end', c.xMaxM, -w, x1, w),
  ];
}

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
      keepOutZones: corridorZones(),
      defaultDurationS: 60,
      defaultPlanner: undefined,
      exploration: false,
      start: { xM: -5, yM: 0, yawRad: 0, jointPos: ARM_STOWED },
      goal: { xM: 5, yM: 0, yawRad: 0, toleranceM: 0.2, yawToleranceRad: 0.4, jointPos: ARM_STOWED },
      // 10 m is beyond what one goal image ranks: subgoal images every 2.5 m down the corridor
      route: [-2.5, 0, 2.5].map((xM) => ({ xM, yM: 0, yawRad: 0 })),
      people,
    };
  },
});

registerScenario({
  name: 'explore_corridor',
  description:
    'Random limit-respecting actions in the crossing corridor among people walking it, for world-model training data.',
  build(rng) {
    const people: PersonScript[] = [];
    const count = 1 + Math.floor(rng.next() * 3);
    const spot = () => ({
      xM: uniform(rng, CORRIDOR.xMinM + 0.5, CORRIDOR.xMaxM - 0.5),
      yM: uniform(rng, -CORRIDOR.halfWidthM + 0.4, CORRIDOR.halfWidthM - 0.4),
    });
    for (let i = 0; i < count; i++) {
      const start = spot();
      const legs: Leg[] = [];
      for (let j = 0; j < 30; j++) {
        legs.push({ kind: 'walk', ...spot(), speedMps: uniform(rng, 0.4, 1.5) });
        if (rng.next() < 0.5) legs.push({ kind: 'wait', durationS: uniform(rng, 0.5, 4) });
      }
      people.push({
        id: i + 1,
        radiusM: uniform(rng, 0.2, 0.3),
        startXM: start.xM,
        startYM: start.yM,
        legs,
        loop: true,
      });
    }
    const start = spot();
    return {
      name: 'explore_corridor',
      description: this.description,
      layout: corridorLayout(),
      tool: undefined,
      keepOutZones: [],
      defaultDurationS: 60,
      defaultPlanner: 'explore',
      defaultMonitor: 'none',
      exploration: true,
      start: { ...start, yawRad: uniform(rng, -Math.PI, Math.PI), jointPos: ARM_STOWED },
      goal: { xM: 5, yM: 0, yawRad: 0, toleranceM: 0.2, yawToleranceRad: 0.4, jointPos: ARM_STOWED },
      people,
    };
  },
});
