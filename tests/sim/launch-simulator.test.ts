import { describe, expect, it } from 'vitest';
import { InProcessBus } from '../../src/transport/in-process/index.js';
import { MsgType } from '../../src/msgs/types.js';
import { Topic } from '../../src/msgs/topics.js';
import type { ClockMsg } from '../../src/msgs/std.js';
import { createLaunchContext, resolveNode } from '../../src/nodes/registry.js';

describe('simulator as a ROS node', () => {
  it('is found by the node registry and publishes /clock one step per timer tick', async () => {
    const resolved = await resolveNode('simulator');
    if (!resolved.ok) throw new Error(resolved.reason);
    const bus = new InProcessBus({ time: 'sim' });
    const node = bus.createNode('simulator', {
      parameterOverrides: { scenario: 'crossing', camera_hz: 1 },
      useSimTime: true,
    });
    const clocks: number[] = [];
    bus
      .createNode('listener')
      .subscribe<ClockMsg>(MsgType.Clock, Topic.clock, {
        reliability: 'best_effort',
        depth: 100,
        durability: 'volatile',
      })
      .subscribe((m) => clocks.push(m.clock.sec + m.clock.nanosec / 1e9));
    const running = await resolved.launch(node, createLaunchContext());
    bus.advanceTo(0.1); // five 0.02 s ticks
    expect(clocks).toHaveLength(6); // the state at t = 0, then one per tick
    expect(clocks.at(-1)).toBeCloseTo(0.1, 9);
    running.stop();
    await bus.shutdown();
  });

  it('refuses an unknown scenario naming the parameter', async () => {
    const resolved = await resolveNode('simulator');
    if (!resolved.ok) throw new Error(resolved.reason);
    const bus = new InProcessBus({ time: 'sim' });
    const node = bus.createNode('simulator', { parameterOverrides: { scenario: 'moon' } });
    await expect(Promise.resolve().then(() => resolved.launch(node, createLaunchContext()))).rejects.toThrow(
      /scenario/,
    );
    await bus.shutdown();
  });
});
