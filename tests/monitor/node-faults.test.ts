import { describe, expect, it } from 'vitest';
import { VerdictState } from '../../src/msgs/own.js';
import { createHarness } from './harness.js';

describe('safety monitor node: start-up and normal operation', () => {
  it('when a proposal arrives before any input, expect zero commands and a STOPPED verdict naming the missing inputs', () => {
    const h = createHarness();
    h.propose([0.5, 0, 0.1, 0, 0], 0);
    h.bus.spin();
    expect(h.got.cmd).toEqual([{ linear: { x: 0, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0 } }]);
    expect([...(h.got.arm[0]?.data ?? [])]).toEqual([0, 0, 0]);
    expect(h.lastVerdict()?.state).toBe(VerdictState.STOPPED);
    expect(h.lastVerdict()?.violated).toEqual([
      'missing:joint_states',
      'missing:odom',
      'missing:people',
      'missing:tool',
    ]);
  });

  it('when every input is fresh and the proposal is safe, expect it on /cmd_vel and the arm topic with an OK verdict', () => {
    const h = createHarness();
    h.bus.advanceTo(1);
    h.sensors.all();
    h.propose([0.5, 0.25, 0.1, -0.2, 0], 1, 42);
    h.bus.spin();
    expect(h.got.cmd.at(-1)).toEqual({ linear: { x: 0.5, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0.25 } });
    expect([...(h.got.arm.at(-1)?.data ?? [])]).toEqual([0.1, -0.2, 0]);
    const v = h.lastVerdict();
    expect(v?.state).toBe(VerdictState.OK);
    expect(v?.proposed.plan_id).toBe(42);
    expect(v?.executed.base_twist.linear.x).toBe(0.5);
  });

  it('when the proposal is too fast near a person, expect a LIMITED verdict with the scaled command', () => {
    const h = createHarness();
    h.bus.advanceTo(1);
    h.sensors.all(1, 1.3); // |v| ≤ 0.8 allowed; 819/1024 on the bisection grid
    h.propose([1, 0, 0, 0, 0]);
    h.bus.spin();
    expect(h.got.cmd.at(-1)?.linear.x).toBe(819 / 1024);
    expect(h.lastVerdict()?.state).toBe(VerdictState.LIMITED);
    expect(h.lastVerdict()?.violated).toEqual(['separation']);
    expect(h.lastVerdict()?.reason).toContain('limited to 80.0 % of the way from braking to the proposal');
  });
});

describe('safety monitor node: fault injection', () => {
  it('when odometry stops, expect the next decision after its 0.2 s timeout to brake with stale:odom', () => {
    const h = createHarness();
    h.bus.advanceTo(1);
    h.sensors.all();
    h.bus.advanceTo(1.25);
    h.sensors.joints();
    h.sensors.people();
    h.propose([0.5, 0, 0, 0, 0]);
    h.bus.spin();
    expect(h.got.cmd.at(-1)?.linear.x).toBe(0);
    expect(h.lastVerdict()?.violated).toEqual(['stale:odom']);
  });

  it('when proposals stop, expect the watchdog to brake after 3 periods and say so', () => {
    const h = createHarness();
    h.bus.advanceTo(1);
    h.sensors.all();
    h.propose([0.5, 0, 0, 0, 0]);
    h.bus.spin();
    const before = h.got.verdicts.length;
    for (const t of [1.1, 1.2, 1.3]) {
      h.bus.advanceTo(t);
      h.sensors.all();
    }
    expect(h.got.verdicts.length).toBe(before); // healthy ticks publish nothing
    h.bus.advanceTo(1.4);
    expect(h.lastVerdict()?.violated).toEqual(['stale:proposal']);
    expect(h.got.cmd.at(-1)?.linear.x).toBe(0);
  });

  it('when a burst of proposals arrives between spins, expect only the newest judged (command QoS keeps 1)', () => {
    const h = createHarness();
    h.bus.advanceTo(1);
    h.sensors.all();
    h.bus.spin();
    const before = h.got.verdicts.length;
    for (let i = 1; i <= 5; i++) h.propose([0.1 * i, 0, 0, 0, 0], 1, i);
    h.bus.spin();
    expect(h.got.verdicts.length).toBe(before + 1);
    expect(h.lastVerdict()?.proposed.plan_id).toBe(5);
    expect(h.got.cmd.at(-1)?.linear.x).toBeCloseTo(0.5, 12);
  });

  it('when proposals arrive reordered, expect the older one vetoed as out_of_order', () => {
    const h = createHarness();
    h.bus.advanceTo(1);
    h.sensors.all();
    h.propose([0.3, 0, 0, 0, 0], 1, 2);
    h.bus.spin();
    h.propose([0.3, 0, 0, 0, 0], 0.95, 1);
    h.bus.spin();
    expect(h.lastVerdict()?.violated).toEqual(['out_of_order:proposal']);
    expect(h.got.cmd.at(-1)?.linear.x).toBe(0);
  });

  it('when sensor messages are duplicated, expect no fault and the proposal still passes', () => {
    const h = createHarness();
    h.bus.advanceTo(1);
    h.sensors.all();
    h.sensors.all();
    h.propose([0.3, 0, 0, 0, 0]);
    h.propose([0.3, 0, 0, 0, 0]);
    h.bus.spin();
    expect(h.lastVerdict()?.state).toBe(VerdictState.OK);
  });

  it('when joint states carry NaN, expect braking with malformed:joint_states and the field named', () => {
    const h = createHarness();
    h.bus.advanceTo(1);
    h.sensors.all();
    h.sensors.joints(1.01, [0, Number.NaN, 0]);
    h.propose([0.3, 0, 0, 0, 0]);
    h.bus.spin();
    expect(h.lastVerdict()?.violated).toEqual(['malformed:joint_states']);
    expect(h.lastVerdict()?.reason).toMatch(/position\[1\] \(arm_shoulder_pitch\)/);
    expect(h.monitor.counters().malformed).toBe(1);
  });

  it('when a proposal names a joint the monitor does not know, expect a veto naming the joint', () => {
    const h = createHarness();
    h.bus.advanceTo(1);
    h.sensors.all();
    h.propose([0.3, 0, 0, 0, 0], 1, 1, ['arm_shoulder_yaw', 'arm_shoulder_pitch', 'gripper']);
    h.bus.spin();
    expect(h.lastVerdict()?.violated).toEqual(['malformed:proposal']);
    expect(h.lastVerdict()?.reason).toContain('gripper');
  });

  it('when an input is stamped in the future, expect braking with future_stamp', () => {
    const h = createHarness();
    h.bus.advanceTo(1);
    h.sensors.all();
    h.sensors.people(1.5);
    h.propose([0.3, 0, 0, 0, 0]);
    h.bus.spin();
    expect(h.lastVerdict()?.violated).toEqual(['future_stamp:people']);
  });

  it('when the clock jumps, expect braking and no motion until every input is seen again', () => {
    const offset = { sec: 0 };
    const h = createHarness({ clockOffset: offset });
    h.bus.advanceTo(1);
    h.sensors.all();
    h.propose([0.3, 0, 0, 0, 0]);
    h.bus.spin();
    expect(h.lastVerdict()?.state).toBe(VerdictState.OK);
    offset.sec = 5; // the monitor's clock leaps 5 s
    h.bus.advanceTo(1.1);
    expect(h.lastVerdict()?.violated).toEqual(['clock_jump']);
    h.propose([0.3, 0, 0, 0, 0], 6.1);
    h.bus.spin();
    expect(h.lastVerdict()?.violated).toContain('missing:odom');
    h.sensors.all(6.1);
    h.propose([0.3, 0, 0, 0, 0], 6.1);
    h.bus.spin();
    expect(h.lastVerdict()?.state).toBe(VerdictState.OK);
  });
});

describe('safety monitor node: latching, reset and diagnostics', () => {
  it('when vetoes repeat, expect LATCHED until ~/reset, which succeeds once inputs are fresh and braking is safe', () => {
    const h = createHarness({ params: { latch_veto_count: 3, latch_window_s: 1, limit_enabled: false } });
    h.bus.advanceTo(1);
    h.sensors.all(1, 1.3);
    for (let i = 0; i < 3; i++) {
      h.propose([1, 0, 0, 0, 0]);
      h.bus.spin();
    }
    h.propose([0.1, 0, 0, 0, 0]);
    h.bus.spin();
    expect(h.lastVerdict()?.state).toBe(VerdictState.LATCHED);
    expect(h.bus.callTrigger('/safety_monitor/reset')).toMatchObject({ success: true });
    h.propose([0.1, 0, 0, 0, 0]);
    h.bus.spin();
    expect(h.lastVerdict()?.state).toBe(VerdictState.OK);
  });

  it('publishes /diagnostics once a second with the counters and state', () => {
    const h = createHarness();
    h.bus.advanceTo(0.95);
    h.sensors.all();
    h.propose([0.3, 0, 0, 0, 0]);
    h.bus.advanceTo(2.05);
    expect(h.got.diag.length).toBe(2);
    const values = Object.fromEntries(
      (h.got.diag[1]?.status[0]?.values ?? []).map((kv) => [kv.key, kv.value]),
    );
    expect(values.passed).toBe('1');
    expect(Number(values.stale)).toBeGreaterThan(0);
  });
});

describe('safety monitor node: garbage on every topic', () => {
  it('when messages of the wrong shape arrive, expect no exception, braking and each input named malformed', () => {
    const h = createHarness();
    h.bus.advanceTo(1);
    h.sensors.all();
    const garbage = [{}, { header: null }, { header: { stamp: { sec: 'x', nanosec: 0 }, frame_id: '' } }];
    for (const g of garbage) {
      h.pubs.joints.publish(g as never);
      h.pubs.odom.publish(g as never);
      h.pubs.people.publish(g as never);
      h.pubs.tool.publish(g as never);
      h.pubs.proposal.publish(g as never);
      expect(() => h.bus.spin()).not.toThrow();
      expect(h.got.cmd.at(-1)?.linear.x).toBe(0);
      expect(h.lastVerdict()?.violated).toEqual([
        'malformed:joint_states',
        'malformed:odom',
        'malformed:people',
        'malformed:tool',
      ]);
    }
  });
});
