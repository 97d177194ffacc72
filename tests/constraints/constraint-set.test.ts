import { describe, expect, it } from 'vitest';
import { createConstraintSet } from '../../src/core/constraints/index.js';
import { config, packageRobot, person, world } from './fixtures.js';

const set = createConstraintSet(packageRobot, config());

describe('constraint set basics', () => {
  it('exposes the arm joints, the action size and the control period', () => {
    expect(set.armJointNames).toEqual(['arm_shoulder_yaw', 'arm_shoulder_pitch', 'arm_elbow_pitch']);
    expect(set.actionDim).toBe(5);
    expect(set.stepSec).toBe(0.1);
  });

  it('brakes each velocity toward zero at its deceleration limit without crossing zero', () => {
    const out = new Float64Array(5);
    set.brakingAction(world({ v: 0.8, w: -1, qd: [1, -0.2, 0] }), out);
    // 0.8 - 1.5·0.1, -1 + 3·0.1, 1 - 3·0.1, -0.2 → 0
    [0.65, -0.7, 0.7, 0, 0].forEach((want, i) => expect(out[i]).toBeCloseTo(want, 12));
  });

  it('predicts base poses along the diff-drive arcs', () => {
    const out = new Float64Array(6);
    set.predictBasePoses(
      world({ x: 1, yaw: Math.PI / 2 }),
      Float32Array.from([1, 0, 0, 0, 0, 0.5, 0, 0, 0, 0]),
      2,
      out,
    );
    [1, 0.1, Math.PI / 2].forEach((want, i) => expect(out[i]).toBeCloseTo(want, 6));
    [1, 0.15, Math.PI / 2].forEach((want, i) => expect(out[3 + i]).toBeCloseTo(want, 6));
  });

  it('slows a joint near its limit so it can still stop before it', () => {
    // pitch upper 1.2 - margin 0.05 = 1.15; at 1.14 the room is 0.01 rad, accel 3 rad/s²:
    // v·dt + v²/(2a) + v·dt/2 = room → v = 3·(-0.15 + √(0.0225 + 0.02/3))
    const out = new Float64Array(5);
    set.projectAction(world({ q: [0, 1.14, 0] }), [0, 0, 0, 0, 0], [0, 0, 0, 1.2, 0], out);
    expect(out[3]).toBeCloseTo(3 * (-0.15 + Math.sqrt(0.0225 + 0.02 / 3)), 9);
  });

  it('reports a joint driven past its limit with the joint name and the overshoot', () => {
    const e = set.evaluate(
      world({ q: [0, 1.14, 0], qd: [0, 0.2, 0] }),
      Float32Array.from([0, 0, 0, 0.2, 0]),
      1,
    );
    // pitched 1.16 rad down the stretched arm also puts the tip below the floor of the workspace box
    expect(e.violations.map((v) => v.constraintId)).toEqual(['joint_position', 'tool_workspace']);
    expect(e.violations[0]).toMatchObject({ bodyPart: 'arm_shoulder_pitch', step: 0 });
    expect(e.violations[0]?.marginM).toBeCloseTo(-0.01, 6);
  });

  it('reports speed and acceleration limits', () => {
    const e = set.evaluate(world(), Float32Array.from([1.0, 0, 0, 0, 0]), 1);
    expect(e.violations.map((v) => v.constraintId).sort()).toEqual(['base_acceleration', 'base_velocity']);
  });

  it('judges a command by applying it once and then braking to rest', () => {
    expect(set.checkStopping(world({ v: 0.3 }), [0.3, 0, 0, 0, 0]).feasible).toBe(true);
    const near = set.checkStopping(world({ v: 0.3, people: [person(1, 1.6, 0)] }), [0.3, 0, 0, 0, 0]);
    expect(near.feasible).toBe(false);
    expect(near.violations[0]?.constraintId).toBe('separation');
  });

  it('agrees between evaluate and evaluateBatch on feasibility', () => {
    const ok = Float32Array.from([0.05, 0, 0, 0, 0, 0.1, 0, 0, 0, 0]);
    const bad = Float32Array.from([0.05, 0, 0, 0, 0, 0.5, 0, 0, 0, 0]);
    const both = new Float32Array([...ok, ...bad]);
    const feasible = new Uint8Array(2);
    const margin = new Float32Array(2);
    set.evaluateBatch(world(), both, 2, 2, feasible, margin);
    expect(Array.from(feasible)).toEqual([
      set.evaluate(world(), ok, 2).feasible ? 1 : 0,
      set.evaluate(world(), bad, 2).feasible ? 1 : 0,
    ]);
    expect(Array.from(feasible)).toEqual([1, 0]);
    expect(margin[0]).toBe(Number.POSITIVE_INFINITY); // nobody around
  });
});

describe('config against the robot', () => {
  it('rejects a stopping time shorter than braking from the speed limits takes', () => {
    // elbow: 1.8 rad/s at 3 rad/s² takes 0.6 s to stop
    expect(() => createConstraintSet(packageRobot, config({ separation: { stoppingTimeSec: 0.3 } }))).toThrow(
      "constraint config key 'separation.stoppingTimeSec': must be ≥ 0.600 s, the time to brake from arm_elbow_pitch velocity 1.8 / accel 3, got 0.3",
    );
  });

  it('rejects overrides for joints the robot does not have', () => {
    expect(() =>
      createConstraintSet(packageRobot, config({ joints: { overrides: { wrist: { accelLimit: 2 } } } })),
    ).toThrow(/joints.overrides.wrist': no arm joint of that name/);
  });
});

describe('bad input fails closed with a named cause', () => {
  it('marks a non-finite action as invalid input', () => {
    const e = set.evaluate(world(), Float32Array.from([Number.NaN, 0, 0, 0, 0]), 1);
    expect(e.feasible).toBe(false);
    expect(e.violations[0]).toMatchObject({ constraintId: 'invalid_input' });
  });

  it('marks a non-finite world as infeasible and brakes in projection', () => {
    const w = world({ v: 0.5 });
    w.robot.base.xInOdomM = Number.NaN;
    expect(set.evaluate(w, new Float32Array(5), 1).violations[0]?.detail).toMatch(
      /robot.base.xInOdomM = NaN/,
    );
    const out = new Float64Array(5);
    set.projectAction(w, [0.5, 0, 0, 0, 0], [0.8, 0, 0, 0, 0], out);
    expect(out[0]).toBeCloseTo(0.35, 12);
  });

  it('throws on buffers of the wrong size, naming the expected layout', () => {
    expect(() => set.evaluate(world({}, 2), new Float32Array(5), 1)).toThrow(
      /jointPos\/jointVel must have 3 entries/,
    );
    expect(() => set.evaluate(world(), new Float32Array(4), 1)).toThrow(/needs 1×5 = 5 numbers/);
  });
});
