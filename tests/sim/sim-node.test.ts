import { describe, expect, it } from 'vitest';
import { InProcessBus } from '../../src/transport/in-process/index.js';
import { QOS_COMMAND, QOS_SENSOR_DATA } from '../../src/transport/port.js';
import { MsgType } from '../../src/msgs/types.js';
import { Topic } from '../../src/msgs/topics.js';
import type { Twist } from '../../src/msgs/std.js';
import { SimNode, DEFAULT_SIM_NODE } from '../../src/sim/sim-node.js';
import { Simulator } from '../../src/sim/simulator.js';
import { URDF_XML, standingPersonScenario } from './fixtures.js';

async function setup(): Promise<{
  bus: InProcessBus;
  sim: Simulator;
  node: SimNode;
  counts: Map<string, number>;
}> {
  const sim = await Simulator.create({ ...standingPersonScenario(3) }, URDF_XML, {
    stepSec: 0.02,
    camera: { widthPx: 16, heightPx: 12, hfovRad: Math.PI / 2, maxRangeM: 15 },
  });
  const bus = new InProcessBus({ time: 'sim' });
  const node = new SimNode(bus.createNode('simulator', { useSimTime: true }), sim, DEFAULT_SIM_NODE);
  const counts = new Map<string, number>();
  const probe = bus.createNode('probe', { useSimTime: true });
  const qos = { ...QOS_SENSOR_DATA, depth: 1000 };
  for (const [topic, type] of [
    [Topic.cameraImage, MsgType.Image],
    [Topic.odom, MsgType.Odometry],
    [Topic.people, MsgType.TrackedPersonArray],
    [Topic.clock, MsgType.Clock],
  ] as const) {
    probe.subscribe(type, topic, qos).subscribe(() => counts.set(topic, (counts.get(topic) ?? 0) + 1));
  }
  return { bus, sim, node, counts };
}

function run(bus: InProcessBus, sim: Simulator, node: SimNode, steps: number): void {
  for (let k = 0; k < steps; k++) {
    sim.step(node.effectiveCommand());
    node.publishAfterStep();
    bus.advanceTo(sim.tSec);
  }
}

describe('simulator node', () => {
  it('publishes camera at 10 Hz, odometry at 50 Hz, people at 10 Hz and /clock every step', async () => {
    const { bus, sim, node, counts } = await setup();
    run(bus, sim, node, 50); // 1 s
    expect(counts.get(Topic.cameraImage)).toBe(10);
    expect(counts.get(Topic.odom)).toBe(50);
    expect(counts.get(Topic.people)).toBe(10);
    expect(counts.get(Topic.clock)).toBe(50);
    sim.dispose();
  });

  it('follows /cmd_vel and brakes when commands stop for longer than the timeout', async () => {
    const { bus, sim, node } = await setup();
    const teleop = bus.createNode('teleop', { useSimTime: true });
    const pub = teleop.createPublisher<Twist>(MsgType.Twist, Topic.cmdVel, QOS_COMMAND);
    pub.publish({ linear: { x: 0.3, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0 } });
    bus.spin();
    run(bus, sim, node, 20); // 0.4 s: within the 0.5 s timeout, ramping at 1.5 m/s² reaches 0.3 m/s
    expect(sim.robot.vMps).toBeCloseTo(0.3, 9);
    run(bus, sim, node, 30); // past 0.5 s without a new command: braking at 3 m/s² stops it in 0.1 s
    expect(sim.robot.vMps).toBe(0);
    sim.dispose();
  });

  it('ignores a malformed command and counts it', async () => {
    const { bus, sim, node } = await setup();
    const teleop = bus.createNode('teleop', { useSimTime: true });
    const pub = teleop.createPublisher<Twist>(MsgType.Twist, Topic.cmdVel, QOS_COMMAND);
    pub.publish({ linear: { x: Number.NaN, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0 } });
    bus.spin();
    run(bus, sim, node, 5);
    expect(node.commandErrors).toBe(1);
    expect(sim.robot.vMps).toBe(0);
    sim.dispose();
  });
});
