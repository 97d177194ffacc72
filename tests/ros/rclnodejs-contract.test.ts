/**
 * Contract suite for the rclnodejs transport: the same behaviour the in-process bus guarantees, checked
 * against real ROS 2. It runs only where a ROS 2 environment is sourced and rclnodejs's native addon
 * loads (`source /opt/ros/<distro>/setup.bash && npm rebuild rclnodejs`); elsewhere it is reported as skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Twist } from '../../src/msgs/std.js';
import { MsgType } from '../../src/msgs/types.js';
import { QOS_DEFAULT } from '../../src/transport/port.js';
import { ParameterError } from '../../src/transport/parameters.js';
import { RclTransport, loadRclnodejs, rosEnvironmentSourced } from '../../src/transport/rclnodejs/index.js';

async function rosAvailable(): Promise<boolean> {
  if (!rosEnvironmentSourced()) return false;
  try {
    await loadRclnodejs();
    return true;
  } catch {
    return false;
  }
}

const hasRos = await rosAvailable();

describe.skipIf(!hasRos)('rclnodejs transport contract (needs a sourced ROS 2)', () => {
  let transport: RclTransport;
  beforeAll(async () => {
    transport = await RclTransport.create();
  });
  afterAll(async () => {
    await transport.shutdown();
  });

  it('delivers a published Twist to a subscriber in another node', async () => {
    const a = transport.createNode('contract_pub');
    const b = transport.createNode('contract_sub');
    let resolveGot!: (t: Twist) => void;
    const received = new Promise<Twist>((r) => (resolveGot = r));
    const subscription = b
      .subscribe<Twist>(MsgType.Twist, '/contract/twist', QOS_DEFAULT)
      .subscribe((t) => resolveGot(t));
    const pub = a.createPublisher<Twist>(MsgType.Twist, '/contract/twist', QOS_DEFAULT);
    const msg = { linear: { x: 0.25, y: 0, z: 0 }, angular: { x: 0, y: 0, z: -0.5 } };
    const every = setInterval(() => pub.publish(msg), 50); // discovery takes a moment
    try {
      const got = await received;
      expect(got.linear.x).toBe(0.25);
      expect(got.angular.z).toBe(-0.5);
      expect(pub.subscriptionCount()).toBe(1);
    } finally {
      clearInterval(every);
      subscription.unsubscribe();
    }
  });

  it('applies parameter overrides and rejects out-of-range values with the parameter named', () => {
    const n = transport.createNode('contract_params', { parameterOverrides: { horizon: 16, rate_hz: 500 } });
    expect(
      n.declareParameter({
        name: 'horizon',
        type: 'integer',
        default: 12,
        min: 1,
        max: 64,
        description: 'steps',
      }),
    ).toBe(16);
    expect(() =>
      n.declareParameter({
        name: 'rate_hz',
        type: 'double',
        default: 10,
        min: 1,
        max: 100,
        description: 'rate',
      }),
    ).toThrow(ParameterError);
  });

  it('fires timers on the node clock', async () => {
    const n = transport.createNode('contract_timer');
    let ticks = 0;
    await new Promise<void>((done) => {
      const t = n.createTimer(0.02, () => {
        if (++ticks === 3) {
          t.cancel();
          done();
        }
      });
    });
    expect(ticks).toBe(3);
    expect(n.clock.nowSec()).toBeGreaterThan(1e9); // wall time since the Unix epoch
  });

  it('serves a Trigger service that a ROS client can call', async () => {
    const n = transport.createNode('contract_srv');
    n.createTriggerService('~/reset', () => ({ success: true, message: 'cleared' }));
    const rcl = await loadRclnodejs();
    const clientNode = rcl.createNode('contract_client');
    clientNode.spin();
    const client = clientNode.createClient('std_srvs/srv/Trigger', '/contract_srv/reset');
    expect(await client.waitForService(5000)).toBe(true);
    const response = await new Promise<{ success: boolean; message: string }>((done) =>
      client.sendRequest({}, done),
    );
    expect(response).toEqual({ success: true, message: 'cleared' });
    clientNode.destroy();
  });
});
