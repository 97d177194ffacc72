/**
 * Closed loop in the built-in simulator with the real pipeline shape (latents → planner → safety monitor
 * → physics), on two small scenes registered here so the expected outcome is clear by construction:
 *  - 'planner-test-pass': a person stands 2.6 m beside the straight path (ISO/TS 15066 with
 *    T_s = 0.6 s needs about 1.6 m of surface gap to move at all); the robot must drive past;
 *  - 'planner-test-wait': a person stands on the goal for 9 s, then walks away; the robot must wait
 *    (INFEASIBLE) and then reach the goal;
 *  - 'planner-test-backoff': a person stands deep inside the protective separation distance right in
 *    front of the robot and the goal lies behind it; the only allowed motion, backing straight off, is
 *    also the way to the goal.
 * The oracle planner (ground-truth latents) must reach the goal. The learned `mpc` (when
 * models/jepa-sim exists) does not reach goals reliably yet (docs/PLANNER.md), so here it is held
 * to safety only: no contact, no separation violation.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPackageRoot } from '../../src/nodes/registry.js';
import { roomShell } from '../../src/sim/layout.js';
import { runScenario } from '../../src/sim/runner.js';
import type { Scenario } from '../../src/sim/scenario.js';
import { registerScenario, scenarioNames } from '../../src/sim/scenario.js';

function scene(
  name: string,
  people: Scenario['people'],
  poses: Partial<Pick<Scenario, 'start' | 'goal'>> = {},
): void {
  if (scenarioNames().includes(name)) return;
  registerScenario({
    name,
    description: `planner closed-loop test scene ${name}`,
    build: () => ({
      name,
      description: name,
      layout: {
        name: 'test-room',
        xMinM: -3,
        xMaxM: 3,
        yMinM: -2.5,
        yMaxM: 2.5,
        boxes: roomShell(-3, 3, -2.5, 2.5),
      },
      start: { xM: -1.5, yM: 0, yawRad: 0, jointPos: [0, 0, 0] },
      goal: { xM: 1.2, yM: 0, yawRad: 0, toleranceM: 0.2, yawToleranceRad: 0.4, jointPos: [0, 0, 0] },
      ...poses,
      people,
      tool: undefined,
      keepOutZones: [],
      defaultDurationS: 20,
      defaultPlanner: undefined,
      exploration: false,
    }),
  });
}

scene('planner-test-pass', [
  { id: 1, radiusM: 0.25, startXM: 0, startYM: 2.6, legs: [{ kind: 'wait', durationS: 1e6 }], loop: false },
]);
scene('planner-test-wait', [
  {
    id: 1,
    radiusM: 0.25,
    startXM: 1.6,
    startYM: 0,
    legs: [
      { kind: 'wait', durationS: 9 },
      { kind: 'walk', xM: 1.6, yM: 2.7, speedMps: 1.0 },
      { kind: 'wait', durationS: 1e6 },
    ],
    loop: false,
  },
]);

// the person stands 1.1 m ahead of the robot (surface gap ~0.55 m, deep inside S_p); the goal is 1.5 m behind it
scene(
  'planner-test-backoff',
  [{ id: 1, radiusM: 0.25, startXM: 1.1, startYM: 0, legs: [{ kind: 'wait', durationS: 1e6 }], loop: false }],
  {
    start: { xM: 0, yM: 0, yawRad: 0, jointPos: [0, 0, 0] },
    goal: { xM: -1.5, yM: 0, yawRad: 0, toleranceM: 0.2, yawToleranceRad: 0.4, jointPos: [0, 0, 0] },
  },
);

describe('oracle planner in the closed loop', () => {
  it('backs straight away from a person standing inside its protective separation distance', async () => {
    const r = await runScenario({
      scenario: 'planner-test-backoff',
      planner: 'oracle',
      seed: 1,
      durationS: 12,
    });
    expect(r.summary.contacts).toBe(0);
    expect(r.summary.separation_violations).toBe(0);
    expect(r.summary.goal_reached).toBe(true);
  });

  it('drives past a person standing beside the path to the goal without contact', async () => {
    const r = await runScenario({ scenario: 'planner-test-pass', planner: 'oracle', seed: 1, durationS: 14 });
    expect(r.summary.contacts).toBe(0);
    expect(r.summary.static_contacts).toBe(0);
    expect(r.summary.goal_reached).toBe(true);
  });

  it('waits with INFEASIBLE while a person stands on the goal, then reaches it', async () => {
    const r = await runScenario({ scenario: 'planner-test-wait', planner: 'oracle', seed: 1, durationS: 18 });
    expect(r.summary.contacts).toBe(0);
    expect(r.summary.infeasible_s).toBeGreaterThan(0.5);
    expect(r.summary.goal_reached).toBe(true);
  });
});

const hasModel = existsSync(join(findPackageRoot(), 'models', 'jepa-sim', 'manifest.json'));

describe.runIf(hasModel)('learned mpc planner in the closed loop', () => {
  it('keeps clear of a person standing beside the path (no contact, no separation violation)', async () => {
    const r = await runScenario({ scenario: 'planner-test-pass', planner: 'mpc', seed: 1, durationS: 8 });
    expect(r.summary.contacts).toBe(0);
    expect(r.summary.separation_violations).toBe(0);
  });
});
