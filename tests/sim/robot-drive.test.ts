import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/simulator.js';
import { SIM_BASE_LIMITS } from '../../src/sim/robot.js';
import { URDF_XML, standingPersonScenario } from './fixtures.js';

describe('simulated drive', () => {
  it('stops the base at a wall instead of passing through it', async () => {
    // room wall inner face at x = 5; the base box front is 0.25 m ahead of base_link, the mover keeps 0.01 m
    const sim = await Simulator.create(
      { ...standingPersonScenario(0), people: [], start: { xM: 3.5, yM: 0, yawRad: 0, jointPos: [0, 0, 0] } },
      URDF_XML,
    );
    const cmd = Float64Array.from([0.8, 0, 0, 0, 0]);
    for (let k = 0; k < 250; k++) sim.step(cmd); // 5 s would carry it 3.8 m without the wall
    expect(sim.robot.xM).toBeGreaterThan(4.7);
    expect(sim.robot.xM).toBeLessThanOrEqual(5 - 0.25);
    expect(sim.robot.vMps).toBeLessThan(0.05);
    sim.dispose();
  });

  it('ramps the base speed at the acceleration limit and caps it at the speed limit', async () => {
    const sim = await Simulator.create({ ...standingPersonScenario(0), people: [] }, URDF_XML);
    const cmd = Float64Array.from([5, 0, 0, 0, 0]);
    sim.step(cmd); // one 0.02 s step at 1.5 m/s² → 0.03 m/s
    expect(sim.robot.vMps).toBeCloseTo(SIM_BASE_LIMITS.accelMps2 * 0.02, 10);
    for (let k = 0; k < 100; k++) sim.step(cmd);
    expect(sim.robot.vMps).toBe(SIM_BASE_LIMITS.vMaxMps);
    sim.dispose();
  });

  it('clamps arm joint speed to the URDF limit and stops at the position limit', async () => {
    const sim = await Simulator.create({ ...standingPersonScenario(0), people: [] }, URDF_XML);
    const yaw = sim.model.joints.get('arm_shoulder_yaw');
    if (!yaw) throw new Error('URDF has arm_shoulder_yaw');
    const cmd = Float64Array.from([0, 0, 10, 0, 0]);
    sim.step(cmd);
    expect(sim.robot.jointPos[0]).toBeCloseTo(yaw.limits.velocity * 0.02, 10);
    for (let k = 0; k < 500; k++) sim.step(cmd);
    expect(sim.robot.jointPos[0]).toBe(yaw.limits.upper);
    sim.dispose();
  });

  it('turns the base only until its corner meets the wall it stands against', async () => {
    // base box 0.5 × 0.4 m facing the wall at x = 5 with its front at 4.98: a corner reaches
    // 4.73 + 0.25 cos θ + 0.2 sin θ, which meets the wall at θ = asin(0.27 / 0.3202) − atan2(0.25, 0.2) ≈ 0.108 rad
    const start = { xM: 4.73, yM: 0, yawRad: 0, jointPos: [0, 0, 0] };
    const sim = await Simulator.create({ ...standingPersonScenario(0), people: [], start }, URDF_XML);
    const cmd = Float64Array.from([0, 1.5, 0, 0, 0]);
    for (let k = 0; k < 50; k++) sim.step(cmd); // free, it would turn ~1.2 rad
    expect(sim.robot.yawRad).toBeGreaterThan(0.07);
    expect(sim.robot.yawRad).toBeLessThanOrEqual(0.108);
    sim.dispose();
  });

  it('turns freely in open space', async () => {
    const sim = await Simulator.create({ ...standingPersonScenario(0), people: [] }, URDF_XML);
    const cmd = Float64Array.from([0, 1.0, 0, 0, 0]);
    for (let k = 0; k < 50; k++) sim.step(cmd); // 1 s, ramping at 4 rad/s² to 1 rad/s: ~0.875 rad
    expect(sim.robot.yawRad).toBeCloseTo(0.875, 2);
    sim.dispose();
  });
});
