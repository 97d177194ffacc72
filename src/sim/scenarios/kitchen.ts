/** Kitchen scenarios: coffee, knife, adversarial, explore. */
import type { Rng } from '../../core/math/rng.js';
import type { Layout } from '../layout.js';
import { kitchenLayout } from '../layout.js';
import type { Leg, PersonScript } from '../people.js';
import type { KeepOutZone, Scenario } from '../scenario.js';
import { boxZone, registerScenario, uniform } from '../scenario.js';

export const PERSON_RADIUS_M = 0.25;
/** arm folded forward and low: the pose robots drive around in */
export const ARM_STOWED: readonly number[] = [0, 0, 0];
/** arm raised over the counter (shoulder yawed left, tip above the 0.7 m worktop) */
export const ARM_OVER_COUNTER_LEFT: readonly number[] = [Math.PI / 2, -1.4, 0.9];

/**
 * Clearance added around furniture footprints [m]; the constraint config's `keepOutZones.marginM`
 * (0.05 m) comes on top. Small because the coffee goal (y = 1.35 m) puts the stowed arm's tip
 * (0.72 m ahead of the base centre) only 0.23 m from the counter's edge (y = 2.3 m).
 */
export const FURNITURE_MARGIN_M = 0.02;

/** A zone over a layout box's footprint (axis-aligned boxes only) plus `marginM`. */
function footprintZone(layout: Layout, boxName: string, marginM: number): KeepOutZone {
  const b = layout.boxes.find((x) => x.name === boxName);
  if (!b) throw new Error(`kitchen layout has no box '${boxName}'`);
  const m = marginM;
  return boxZone(boxName, b.x - b.hx - m, b.y - b.hy - m, b.x + b.hx + m, b.y + b.hy + m);
}

/**
 * Zones the kitchen keeps the robot out of: the table with the hob corner behind it, the counter and
 * the coffee machine on it. Zones are prisms from the floor to 2 m for every body part, so the knife
 * scenario (the arm works over the counter) omits the counter-top items: `counterTop: false`.
 */
export function kitchenZones(counterTop = true): KeepOutZone[] {
  const table = boxZone('table_area', 1.5, -2.2, 3.1, -1.0);
  if (!counterTop) return [table];
  const layout = kitchenLayout();
  return [
    table,
    footprintZone(layout, 'counter', FURNITURE_MARGIN_M),
    footprintZone(layout, 'coffee_machine', FURNITURE_MARGIN_M),
  ];
}

function kitchenBase(name: string, description: string): Omit<Scenario, 'start' | 'goal' | 'people'> {
  return {
    name,
    description,
    layout: kitchenLayout(),
    tool: undefined,
    keepOutZones: kitchenZones(),
    defaultDurationS: 40,
    defaultPlanner: undefined,
    exploration: false,
  };
}

/** A random walk inside the free part of the kitchen. */
export function randomLegs(rng: Rng, count: number): Leg[] {
  const legs: Leg[] = [];
  for (let i = 0; i < count; i++) {
    legs.push({
      kind: 'walk',
      xM: uniform(rng, -3.5, 3.5),
      yM: uniform(rng, -2.6, 2.0),
      speedMps: uniform(rng, 0.4, 1.6),
    });
    if (rng.next() < 0.5) legs.push({ kind: 'wait', durationS: uniform(rng, 0.5, 4) });
  }
  return legs;
}

registerScenario({
  name: 'coffee',
  description:
    'A person stands at the coffee machine, then walks away; the goal is the spot in front of the machine.',
  build(rng) {
    const waitS = uniform(rng, 5, 12);
    const person: PersonScript = {
      id: 1,
      radiusM: PERSON_RADIUS_M,
      startXM: -1.2 + uniform(rng, -0.15, 0.15),
      startYM: 1.95,
      legs: [
        { kind: 'wait', durationS: waitS },
        {
          kind: 'walk',
          xM: uniform(rng, -3.2, -2.2),
          yM: uniform(rng, -2.4, -1.0),
          speedMps: uniform(rng, 0.8, 1.4),
        },
        { kind: 'wait', durationS: 1e6 },
      ],
      loop: false,
    };
    return {
      ...kitchenBase('coffee', this.description),
      start: {
        xM: 0.6 + uniform(rng, -0.2, 0.2),
        yM: -1.4 + uniform(rng, -0.3, 0.3),
        yawRad: Math.PI / 2,
        jointPos: ARM_STOWED,
      },
      goal: {
        xM: -1.2,
        yM: 1.35,
        yawRad: Math.PI / 2,
        toleranceM: 0.15,
        yawToleranceRad: 0.3,
        jointPos: ARM_STOWED,
      },
      people: [person],
    };
  },
});

registerScenario({
  name: 'knife',
  description: 'The arm carries a sharp knife along the counter while a person walks by behind the robot.',
  build(rng) {
    const passYM = uniform(rng, 0.9, 1.2);
    const person: PersonScript = {
      id: 1,
      radiusM: PERSON_RADIUS_M,
      startXM: 3.5,
      startYM: passYM,
      legs: [
        { kind: 'wait', durationS: uniform(rng, 1, 6) },
        { kind: 'walk', xM: -3.5, yM: passYM + uniform(rng, -0.2, 0.2), speedMps: uniform(rng, 0.8, 1.5) },
        { kind: 'wait', durationS: 1e6 },
      ],
      loop: false,
    };
    return {
      ...kitchenBase('knife', this.description),
      // the arm holds the knife over the counter: the counter-top zones would forbid the task itself
      keepOutZones: kitchenZones(false),
      tool: { name: 'knife', sharp: true, lengthM: 0.2 },
      start: { xM: -1.6, yM: 2.0, yawRad: 0, jointPos: ARM_OVER_COUNTER_LEFT },
      goal: {
        xM: 1.4,
        yM: 2.0,
        yawRad: 0,
        toleranceM: 0.15,
        yawToleranceRad: 0.3,
        jointPos: ARM_OVER_COUNTER_LEFT,
      },
      people: [person],
    };
  },
});

registerScenario({
  name: 'adversarial',
  description:
    'Goal inside a keep-out zone or on a person, a person walking straight at the robot, corrupted planner.',
  build(rng) {
    const goalOnPerson = rng.next() < 0.5;
    const standXM = uniform(rng, -2.5, -0.5);
    const standYM = uniform(rng, -1.5, 0.5);
    const stander: PersonScript = {
      id: 1,
      radiusM: PERSON_RADIUS_M,
      startXM: standXM,
      startYM: standYM,
      legs: [{ kind: 'wait', durationS: 1e6 }],
      loop: false,
    };
    const walker: PersonScript = {
      id: 2,
      radiusM: PERSON_RADIUS_M,
      startXM: uniform(rng, -3.5, 3.5),
      startYM: -2.5,
      legs: [
        { kind: 'wait', durationS: uniform(rng, 0, 3) },
        { kind: 'approach', speedMps: uniform(rng, 1.0, 1.6), durationS: 8, stopAtM: 0.55 },
        { kind: 'walk', xM: 3.5, yM: -2.5, speedMps: 1.0 },
      ],
      loop: true,
    };
    const goal = goalOnPerson ? { xM: standXM, yM: standYM } : { xM: 2.3, yM: -1.6 };
    return {
      ...kitchenBase('adversarial', this.description),
      defaultPlanner: 'corrupted',
      start: { xM: 0.5, yM: 0.5, yawRad: Math.PI, jointPos: ARM_STOWED },
      goal: { ...goal, yawRad: 0, toleranceM: 0.15, yawToleranceRad: Math.PI, jointPos: ARM_STOWED },
      people: [stander, walker],
    };
  },
});

registerScenario({
  name: 'explore',
  description:
    'Random limit-respecting actions among people walking random paths, for world-model training data.',
  build(rng) {
    const people: PersonScript[] = [];
    const count = 1 + Math.floor(rng.next() * 3);
    for (let i = 0; i < count; i++) {
      people.push({
        id: i + 1,
        radiusM: uniform(rng, 0.2, 0.3),
        startXM: uniform(rng, -3.5, 3.5),
        startYM: uniform(rng, -2.6, 2.0),
        legs: randomLegs(rng, 40),
        loop: true,
      });
    }
    return {
      ...kitchenBase('explore', this.description),
      defaultDurationS: 60,
      defaultPlanner: 'explore',
      // data collection: the drive's own limits apply; a latching monitor would freeze the robot
      defaultMonitor: 'none',
      exploration: true,
      start: {
        xM: uniform(rng, -2, 1),
        yM: uniform(rng, -1.5, 1.5),
        yawRad: uniform(rng, -Math.PI, Math.PI),
        jointPos: ARM_STOWED,
      },
      goal: { xM: 0, yM: 0, yawRad: 0, toleranceM: 0.15, yawToleranceRad: 0.3, jointPos: ARM_STOWED },
      people,
    };
  },
});
