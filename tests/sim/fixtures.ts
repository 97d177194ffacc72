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
