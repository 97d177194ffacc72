import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/simulator.js';
import { protectiveSeparationM } from '../../src/sim/ground-truth.js';
import { URDF_XML, approachingPersonScenario, standingPersonScenario } from './fixtures.js';

describe('engine ground truth', () => {
  it('measures the true gap between the outstretched arm and a standing person', async () => {
    // arm at zero reaches forward to the tool_link box front: 0.10 (mount) + 0.30 (upper) + 0.25 (forearm)
    // + 0.05 (tool box) = 0.70 m; the person's capsule surface is at 1.5 - 0.25 = 1.25 m → gap 0.55 m
    const sim = await Simulator.create(standingPersonScenario(1.5), URDF_XML);
    const person = sim.people[0];
    if (!person) throw new Error('fixture has a person');
    expect(sim.truth.distanceTo(person)).toBeCloseTo(0.55, 3);
    sim.dispose();
  });

  it('reports a contact when the robot is driven into a person on purpose', async () => {
    const sim = await Simulator.create(standingPersonScenario(1.5), URDF_XML);
    const person = sim.people[0];
    if (!person) throw new Error('fixture has a person');
    const cmd = Float64Array.from([0.5, 0, 0, 0, 0]);
    for (let k = 0; k < 25; k++) sim.step(cmd); // 0.5 s: ~0.2 m travelled with the ramp, still apart
    expect(sim.truth.contacts).toHaveLength(0);
    expect(sim.truth.distanceTo(person)).toBeGreaterThan(0.2);
    for (let k = 0; k < 100; k++) sim.step(cmd); // 2 more seconds at 0.5 m/s: well past 0.55 m
    expect(sim.truth.contacts.length).toBeGreaterThanOrEqual(1);
    expect(sim.truth.contacts[0]?.personId).toBe(7);
    expect(sim.truth.contacts[0]?.robotMoving).toBe(true);
    expect(sim.truth.distanceTo(person)).toBeLessThan(0);
    sim.dispose();
  });

  it('marks a contact as robot-stationary when a person walks into the stopped robot', async () => {
    const sim = await Simulator.create(approachingPersonScenario(), URDF_XML);
    const still = Float64Array.from([0, 0, 0, 0, 0]);
    // 1.7 m to cover at 1 m/s: the person halts 0.3 m from the base centre, inside the base box
    for (let k = 0; k < 150; k++) sim.step(still);
    expect(sim.truth.robotMoving()).toBe(false);
    // one contact start per robot collider the capsule touches
    expect(sim.truth.contacts.length).toBeGreaterThanOrEqual(1);
    expect(sim.truth.contacts.filter((c) => c.robotMoving)).toHaveLength(0);
    sim.dispose();
  });

  it('counts the robot as moving above 0.01 m/s of base speed or 0.01 rad/s of a joint', async () => {
    const sim = await Simulator.create(standingPersonScenario(3), URDF_XML);
    expect(sim.truth.robotMoving()).toBe(false);
    // one 0.02 s step of the 1.5 m/s² ramp: v = 0.03 m/s
    sim.step(Float64Array.from([0.5, 0, 0, 0, 0]));
    expect(sim.truth.robotMoving()).toBe(true);
    // braking at 3 m/s² stops 0.03 m/s within one step
    sim.step(Float64Array.from([0, 0, 0, 0, 0]));
    expect(sim.truth.robotMoving()).toBe(false);
    sim.step(Float64Array.from([0, 0, 0, 0.005, 0]));
    expect(sim.truth.robotMoving()).toBe(false);
    sim.step(Float64Array.from([0, 0, 0, 0.02, 0]));
    expect(sim.truth.robotMoving()).toBe(true);
    sim.dispose();
  });

  it('does not count contacts when the robot stays away', async () => {
    const sim = await Simulator.create(standingPersonScenario(3), URDF_XML);
    const cmd = Float64Array.from([0.5, 0, 0, 0, 0]);
    for (let k = 0; k < 100; k++) sim.step(cmd); // ~1.9 m of travel leaves 2.25 - 1.9 > 0.3 m
    expect(sim.truth.contacts).toHaveLength(0);
    sim.dispose();
  });

  it('computes the protective separation distance of ISO/TS 15066 from true speeds', () => {
    // v_h = 1.6, v_r = 0.6, T_r = 0.1, a = 3: T_s = 0.2, B_s = 0.06
    // S_p = 1.6 × 0.3 + 0.6 × 0.1 + 0.06 + 0.1 = 0.48 + 0.06 + 0.06 + 0.1 = 0.70
    expect(
      protectiveSeparationM(1.6, 0.6, { reactionTimeS: 0.1, brakeDecelMps2: 3, marginM: 0.1 }),
    ).toBeCloseTo(0.7, 10);
  });

  it('measures the speed of the robot point closest to the person, arm rotation included', async () => {
    const sim = await Simulator.create(standingPersonScenario(1.5), URDF_XML);
    const person = sim.people[0];
    if (!person) throw new Error('fixture has a person');
    const yaw = sim.model.joints.get('arm_shoulder_yaw');
    if (!yaw) throw new Error('URDF has arm_shoulder_yaw');
    // base still, shoulder yaw at 1 rad/s (under its limit): the tool box front, ~0.6 m from the
    // shoulder axis at x = 0.10, moves at about ω·r ≈ 0.6 m/s; the base does not move at all
    const cmd = Float64Array.from([0, 0, 1, 0, 0]);
    for (let k = 0; k < 5; k++) sim.step(cmd);
    const { robotPointSpeedMps } = sim.truth.closestApproach(person);
    expect(yaw.limits.velocity).toBeGreaterThanOrEqual(1);
    expect(robotPointSpeedMps).toBeGreaterThan(0.5);
    expect(robotPointSpeedMps).toBeLessThan(0.7);
    sim.dispose();
  });

  it('keeps the true point speed bounded while the base turns through ±π (no quaternion-flip ghost speed)', async () => {
    const sim = await Simulator.create(standingPersonScenario(2), URDF_XML);
    const person = sim.people[0];
    if (!person) throw new Error('fixture has a person');
    // turn in place at 1 rad/s for 8 s: the yaw passes ±π more than once; no robot point is more than
    // ~1 m from the turning axis, so no true speed can exceed ~1 m/s
    const cmd = Float64Array.from([0, 1, 0, 0, 0]);
    let fastest = 0;
    for (let k = 0; k < 400; k++) {
      sim.step(cmd);
      fastest = Math.max(
        fastest,
        sim.truth.closestApproach(person).robotPointSpeedMps,
        sim.truth.robotSpeedMps(),
      );
    }
    expect(fastest).toBeGreaterThan(0.1);
    expect(fastest).toBeLessThan(1.2);
    sim.dispose();
  });

  it('lets a person whose walk crosses a standing robot stop at the courtesy gap and step around it', async () => {
    const scenario = standingPersonScenario(3);
    scenario.people = [
      {
        id: 2,
        radiusM: 0.25,
        startXM: 3,
        startYM: 0,
        legs: [{ kind: 'walk', xM: -3, yM: 0, speedMps: 1.2 }],
        loop: false,
      },
    ];
    const sim = await Simulator.create(scenario, URDF_XML);
    const person = sim.people[0];
    if (!person) throw new Error('fixture has a person');
    const still = Float64Array.from([0, 0, 0, 0, 0]);
    let minGapM = Infinity;
    for (let k = 0; k < 500; k++) {
      sim.step(still); // 10 s: without the courtesy rule it would walk through the robot
      minGapM = Math.min(minGapM, sim.truth.distanceTo(person));
    }
    expect(sim.truth.contacts).toHaveLength(0);
    // it stops at the first step that ends under 0.3 m: at most one step (1.2 m/s × 0.02 s) inside
    expect(minGapM).toBeGreaterThan(0.3 - 0.025);
    expect(minGapM).toBeLessThan(0.3);
    // then it sidesteps until the way is clear and walks on past the robot
    expect(person.xM).toBeLessThan(-0.5);
    sim.dispose();
  });
});
