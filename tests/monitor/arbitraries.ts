/** Generators and the invariant shared by the property tests (analytic stand-in and real constraint library). */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { MonitorConfig, MonitorConstraints } from '../../src/core/monitor/index.js';
import {
  createMonitorState,
  decide,
  DEFAULT_MONITOR_CONFIG,
  MonitorInputs,
} from '../../src/core/monitor/index.js';
import type { Person, WorldSnapshot } from '../../src/core/types.js';

export const garbageNumber = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -3, max: 3, noNaN: true }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      1e300,
      -1e300,
      0,
    ),
  },
);

export const personArb = fc.record({
  id: fc.nat(100),
  xInOdomM: fc.double({ min: -4, max: 4, noNaN: true }),
  yInOdomM: fc.double({ min: -4, max: 4, noNaN: true }),
  vxMps: fc.double({ min: -2, max: 2, noNaN: true }),
  vyMps: fc.double({ min: -2, max: 2, noNaN: true }),
  radiusM: fc.double({ min: 0.1, max: 0.5, noNaN: true }),
});

export const scenarioArb = (actionDim: number, armJoints: number) =>
  fc.record({
    people: fc.array(personArb, { maxLength: 4 }),
    vMps: fc.double({ min: -1, max: 1, noNaN: true }),
    wRadps: fc.double({ min: -1, max: 1, noNaN: true }),
    jointPos: fc.array(fc.double({ min: -1.5, max: 1.5, noNaN: true }), {
      minLength: armJoints,
      maxLength: armJoints,
    }),
    jointVel: fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), {
      minLength: armJoints,
      maxLength: armJoints,
    }),
    odomAgeSec: fc.constantFrom(0, 0.05, 0.5),
    action: fc.array(garbageNumber, { minLength: actionDim - 1, maxLength: actionDim + 1 }),
    proposalAgeSec: fc.constantFrom(0, 0.02, 1, -1),
    limitEnabled: fc.boolean(),
    toolSharp: fc.boolean(),
  });

export type Scenario = ReturnType<typeof scenarioArb> extends fc.Arbitrary<infer S> ? S : never;

/** Runs one decision and checks the invariant; returns the decision kind, the world and the executed command. */
export function checkInvariant(
  constraints: MonitorConstraints,
  s: Scenario,
): { kind: string; world: WorldSnapshot; command: Float64Array } {
  const cfg: MonitorConfig = { ...DEFAULT_MONITOR_CONFIG, limitEnabled: s.limitEnabled };
  const nowSec = 10;
  const state = createMonitorState(constraints, cfg);
  const inputs = new MonitorInputs(constraints.armJointNames.length);
  inputs.acceptJoints(nowSec, s.jointPos, s.jointVel, nowSec, cfg);
  const base = { xInOdomM: 0, yInOdomM: 0, yawInOdomRad: 0, vMps: s.vMps, wRadps: s.wRadps };
  inputs.acceptOdom(nowSec - s.odomAgeSec, base, nowSec, cfg);
  inputs.acceptPeople(nowSec, s.people as Person[], nowSec, cfg);
  inputs.acceptTool(
    nowSec,
    { name: s.toolSharp ? 'knife' : 'none', held: s.toolSharp, sharp: s.toolSharp },
    nowSec,
    cfg,
  );
  const proposal = {
    stampSec: nowSec - s.proposalAgeSec,
    planId: 1,
    action: Float64Array.from(s.action),
    error: null,
  };
  const d = decide(proposal, inputs, nowSec, cfg, state);
  const braking = new Float64Array(constraints.actionDim);
  constraints.brakingAction(inputs.world, braking);
  const isBraking = d.command.every((v, i) => v === braking[i]);
  if (!isBraking) {
    expect(d.kind === 'pass' || d.kind === 'limit').toBe(true);
    expect(constraints.checkStopping(inputs.world, d.command).feasible).toBe(true);
  }
  if (d.kind === 'pass') expect([...d.command]).toEqual([...proposal.action]);
  return { kind: d.kind, world: inputs.world, command: Float64Array.from(d.command) };
}
