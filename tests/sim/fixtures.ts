/** Builders for simulator tests: a bare room with one standing person. */
import { readFileSync } from 'node:fs';
import { roomShell } from '../../src/sim/layout.js';
import type { Scenario } from '../../src/sim/scenario.js';

export const URDF_XML = readFileSync(new URL('../../urdf/robot.urdf', import.meta.url), 'utf8');

/** Robot at the origin facing +x, arm straight ahead; one person standing at (personXM, 0). */
export function standingPersonScenario(personXM: number): Scenario {
  return {
    name: 'test',
    description: 'test room',
    layout: { name: 'room', xMinM: -5, xMaxM: 5, yMinM: -5, yMaxM: 5, boxes: roomShell(-5, 5, -5, 5) },
    start: { xM: 0, yM: 0, yawRad: 0, jointPos: [0, 0, 0] },
    goal: { xM: 3, yM: 0, yawRad: 0, toleranceM: 0.1, yawToleranceRad: 0.2, jointPos: [0, 0, 0] },
    people: [
      {
        id: 7,
        radiusM: 0.25,
        startXM: personXM,
        startYM: 0,
        legs: [{ kind: 'wait', durationS: 1e6 }],
        loop: false,
      },
    ],
    tool: undefined,
    keepOutZones: [],
    defaultDurationS: 5,
    defaultPlanner: undefined,
    exploration: false,
  };
}

/** The same room; a person starts 2 m behind the robot and walks up to 0.3 m of its centre at 1 m/s. */
export function approachingPersonScenario(): Scenario {
  const scenario = standingPersonScenario(3);
  scenario.people = [
    {
      id: 4,
      radiusM: 0.25,
      startXM: -2,
      startYM: 0,
      legs: [{ kind: 'approach', speedMps: 1, durationS: 1e6, stopAtM: 0.3 }],
      loop: false,
    },
  ];
  return scenario;
}
