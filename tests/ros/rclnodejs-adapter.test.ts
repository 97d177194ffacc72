import { describe, expect, it } from 'vitest';
import type { Node as RclNodeType } from 'rclnodejs';
import { RclNode } from '../../src/transport/rclnodejs/node.js';
import { toRclQos } from '../../src/transport/rclnodejs/qos.js';
import {
  ROS_MISSING_MESSAGE,
  RosUnavailableError,
  loadRclnodejs,
} from '../../src/transport/rclnodejs/load.js';
import { QOS_COMMAND, QOS_LATCHED, QOS_SENSOR_DATA } from '../../src/transport/port.js';
import type { FakeDescriptor, FakeQoS } from './fake-rcl.js';
import { FakeNode, FakeParameter, fakeRcl } from './fake-rcl.js';

function makeNode(options = {}) {
  const fake = new FakeNode();
  const node = new RclNode(fakeRcl(), fake as unknown as RclNodeType, 'mpc_planner', options);
  return { fake, node };
}

describe('rclnodejs adapter (against a recording stand-in)', () => {
  it('maps QoS onto rmw policies: keep-last, best-effort sensor data, transient-local latched topics', () => {
    const sensor = toRclQos(fakeRcl(), QOS_SENSOR_DATA) as unknown as FakeQoS;
    expect([sensor.history, sensor.depth, sensor.reliabilityPolicy, sensor.durability]).toEqual([1, 5, 2, 2]);
    const latched = toRclQos(fakeRcl(), QOS_LATCHED) as unknown as FakeQoS;
    expect([latched.depth, latched.reliabilityPolicy, latched.durability]).toEqual([1, 1, 1]);
    expect(() => toRclQos(fakeRcl(), { ...QOS_COMMAND, depth: 0 })).toThrow(
      'QoS depth: expected an integer ≥ 1, got 0',
    );
  });

  it('resolves ~/ names against the node and namespace', () => {
    const { fake, node } = makeNode({ namespace: '/robot1' });
    node.createPublisher('world_model_mpc/msg/Plan', '~/plan');
    node.createTriggerService('~/reset', () => ({ success: true, message: '' }));
    expect(fake.publishers[0]?.topic).toBe('/robot1/mpc_planner/plan');
    expect(fake.services[0]).toMatchObject({
      type: 'std_srvs/srv/Trigger',
      name: '/robot1/mpc_planner/reset',
    });
  });

  it('publishes 64-bit ids as bigint, as rclnodejs requires', () => {
    const { fake, node } = makeNode();
    node.createPublisher('world_model_mpc/msg/ActionCommand', '/p').publish({ plan_id: 3 });
    expect(fake.publishers[0]?.sent).toEqual([{ plan_id: 3n }]);
  });

  it('answers a Trigger call with the handler response', () => {
    const { fake, node } = makeNode();
    node.createTriggerService('~/reset', () => ({ success: false, message: 'still unsafe' }));
    const sent: unknown[] = [];
    fake.services[0]?.cb({}, { send: (r) => sent.push(r) });
    expect(sent).toEqual([{ success: false, message: 'still unsafe' }]);
  });

  it('delivers subscription messages as an Observable that completes when the node is destroyed', () => {
    const { fake, node } = makeNode();
    const got: unknown[] = [];
    let completed = false;
    node
      .subscribe('geometry_msgs/msg/Twist', '/cmd_vel')
      .subscribe({ next: (m) => got.push(m), complete: () => (completed = true) });
    fake.subscriptions[0]?.cb({ a: 1 });
    node.destroy();
    expect(got).toEqual([{ a: 1 }]);
    expect(completed).toBe(true);
    expect(fake.subscriptions[0]?.destroyed).toBe(true);
    expect(fake.destroyed).toBe(true);
  });

  it('runs timers on the node clock with the period in nanoseconds', () => {
    const { fake, node } = makeNode();
    let ticks = 0;
    const timer = node.createTimer(0.05, () => ticks++);
    expect(fake.timers[0]?.periodNs).toBe(50_000_000n);
    expect(fake.timers[0]?.clock).toBe(fake.clock);
    fake.timers[0]?.cb();
    timer.cancel();
    expect(ticks).toBe(1);
    expect(fake.timers[0]?.destroyed).toBe(true);
    expect(() => node.createTimer(0, () => {})).toThrow(
      /timer period: expected a finite number > 0 s, got 0/,
    );
  });

  it('reports simulation time when the node has use_sim_time set', () => {
    const fake = new FakeNode();
    fake.useSimTime = true;
    const node = new RclNode(fakeRcl(), fake as unknown as RclNodeType, 'n', {});
    expect(node.clock.isSimTime).toBe(true);
    expect(makeNode().node.clock.isSimTime).toBe(false);
  });

  it('reads the clock from bigint nanoseconds', () => {
    const { fake, node } = makeNode();
    fake.nowNs = 12_500_000_000n;
    expect(node.clock.nowSec()).toBe(12.5);
  });

  it('declares parameters with description, unit, range and read-only flag, applying overrides', () => {
    const { fake, node } = makeNode({ parameterOverrides: { horizon: 16 } });
    const horizon = node.declareParameter({
      name: 'horizon',
      type: 'integer',
      default: 12,
      min: 1,
      max: 64,
      description: 'steps',
      readOnly: true,
    });
    expect(horizon).toBe(16);
    const d = fake.declared[0]?.descriptor as FakeDescriptor;
    expect(d).toMatchObject({ name: 'horizon', type: 2, description: 'steps', readOnly: true });
    expect(d.range).toEqual({ fromValue: 1n, toValue: 64n, step: 1n });
    const rate = node.declareParameter({
      name: 'rate',
      type: 'double',
      default: 10,
      unit: 'Hz',
      min: 0,
      description: 'loop rate',
    });
    expect(rate).toBe(10);
    expect((fake.declared[1]?.descriptor as FakeDescriptor).description).toBe('loop rate [Hz]');
  });

  it('validates the value rcl applied from --ros-args, naming node and parameter', () => {
    const { fake, node } = makeNode();
    fake.rosArgOverrides.horizon = 100n;
    expect(() =>
      node.declareParameter({
        name: 'horizon',
        type: 'integer',
        default: 12,
        min: 1,
        max: 64,
        description: 'steps',
      }),
    ).toThrow("parameter 'horizon' of node 'mpc_planner': expected integer in [1, 64], got 100");
  });

  it('refuses runtime parameter changes with the reason', () => {
    const { fake, node } = makeNode();
    node.declareParameter({
      name: 'horizon',
      type: 'integer',
      default: 12,
      min: 1,
      max: 64,
      description: 'steps',
    });
    const cb = fake.setCallbacks[0];
    expect(cb?.([new FakeParameter('horizon', 2, 99)]).reason).toMatch(
      /expected integer in \[1, 64\], got 99/,
    );
    expect(cb?.([new FakeParameter('horizon', 2, 20)])).toEqual({
      successful: false,
      reason: "parameter 'horizon' is read at start; restart node 'mpc_planner' to change it",
    });
    expect(cb?.([new FakeParameter('other', 4, 'x')]).successful).toBe(true);
  });
});

describe('loading rclnodejs', () => {
  it('says to source ROS 2 when no environment is sourced', async () => {
    const saved = process.env.AMENT_PREFIX_PATH;
    delete process.env.AMENT_PREFIX_PATH;
    try {
      await expect(loadRclnodejs()).rejects.toThrow(RosUnavailableError);
      await expect(loadRclnodejs()).rejects.toThrow(ROS_MISSING_MESSAGE);
    } finally {
      if (saved !== undefined) process.env.AMENT_PREFIX_PATH = saved;
    }
  });

  it('wraps a module that cannot load into the same clear error', async () => {
    const saved = process.env.AMENT_PREFIX_PATH;
    process.env.AMENT_PREFIX_PATH = '/opt/ros/fake';
    try {
      await expect(loadRclnodejs('rclnodejs-not-installed-here')).rejects.toThrow(
        /ROS 2 environment not found[\s\S]*cause: /,
      );
    } finally {
      if (saved === undefined) delete process.env.AMENT_PREFIX_PATH;
      else process.env.AMENT_PREFIX_PATH = saved;
    }
  });
});
