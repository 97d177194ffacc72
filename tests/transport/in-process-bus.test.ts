import { describe, expect, it } from 'vitest';
import { InProcessBus } from '../../src/transport/in-process/index.js';
import { QOS_COMMAND, QOS_DEFAULT, QOS_LATCHED, QOS_SENSOR_DATA } from '../../src/transport/port.js';
import { ParameterError } from '../../src/transport/parameters.js';

const T = 'std_msgs/msg/Int32';
interface Int32 {
  data: number;
}

describe('in-process bus delivery', () => {
  it('delivers messages across topics in publish order', () => {
    const bus = new InProcessBus({ time: 'sim' });
    const a = bus.createNode('a');
    const b = bus.createNode('b');
    const seen: string[] = [];
    b.subscribe<Int32>(T, '/x').subscribe((m) => seen.push(`x${m.data}`));
    b.subscribe<Int32>(T, '/y').subscribe((m) => seen.push(`y${m.data}`));
    const x = a.createPublisher<Int32>(T, '/x');
    const y = a.createPublisher<Int32>(T, '/y');
    x.publish({ data: 1 });
    y.publish({ data: 2 });
    x.publish({ data: 3 });
    expect(seen).toEqual([]);
    expect(bus.spin()).toBe(3);
    expect(seen).toEqual(['x1', 'y2', 'x3']);
  });

  it('keeps only the newest `depth` messages and counts the dropped ones', () => {
    const bus = new InProcessBus({ time: 'sim' });
    const n = bus.createNode('n');
    const got: number[] = [];
    n.subscribe<Int32>(T, '/s', { ...QOS_SENSOR_DATA, depth: 2 }).subscribe((m) => got.push(m.data));
    const pub = n.createPublisher<Int32>(T, '/s', QOS_SENSOR_DATA);
    for (let i = 0; i < 5; i++) pub.publish({ data: i });
    bus.spin();
    expect(got).toEqual([3, 4]);
    expect(bus.stats('/s')).toMatchObject({ published: 5, delivered: 2, dropped: 3 });
  });

  it('delivers every message when the subscriber keeps up, whatever the depth', () => {
    const bus = new InProcessBus({ time: 'sim' });
    const n = bus.createNode('n');
    const got: number[] = [];
    n.subscribe<Int32>(T, '/c', QOS_COMMAND).subscribe((m) => got.push(m.data));
    const pub = n.createPublisher<Int32>(T, '/c', QOS_COMMAND);
    for (let i = 0; i < 4; i++) {
      pub.publish({ data: i });
      bus.spin();
    }
    expect(got).toEqual([0, 1, 2, 3]);
    expect(bus.stats('/c')?.dropped).toBe(0);
  });

  it('does not match a best-effort publisher with a reliable subscriber, as DDS does', () => {
    const bus = new InProcessBus({ time: 'sim' });
    const n = bus.createNode('n');
    const got: number[] = [];
    n.subscribe<Int32>(T, '/q', QOS_DEFAULT).subscribe((m) => got.push(m.data));
    n.createPublisher<Int32>(T, '/q', QOS_SENSOR_DATA).publish({ data: 1 });
    bus.spin();
    expect(got).toEqual([]);
  });

  it('hands a late transient-local subscriber the last latched message', () => {
    const bus = new InProcessBus({ time: 'sim' });
    const n = bus.createNode('n');
    const pub = n.createPublisher<Int32>(T, '/latched', QOS_LATCHED);
    pub.publish({ data: 1 });
    pub.publish({ data: 2 });
    const got: number[] = [];
    n.subscribe<Int32>(T, '/latched', QOS_LATCHED).subscribe((m) => got.push(m.data));
    bus.spin();
    expect(got).toEqual([2]);
  });

  it('refuses a second type on the same topic, naming both', () => {
    const bus = new InProcessBus({ time: 'sim' });
    const n = bus.createNode('n');
    n.createPublisher(T, '/t');
    expect(() => n.createPublisher('std_msgs/msg/String', '/t')).toThrow(
      /topic '\/t'.*std_msgs\/msg\/Int32.*std_msgs\/msg\/String/,
    );
  });

  it('resolves ~/ names against the node and completes subscriptions when the node is destroyed', () => {
    const bus = new InProcessBus({ time: 'sim' });
    const n = bus.createNode('planner');
    let completed = false;
    n.subscribe<Int32>(T, '~/in').subscribe({ complete: () => (completed = true) });
    expect(bus.topicNames()).toContain('/planner/in');
    n.destroy();
    expect(completed).toBe(true);
  });
});

describe('in-process bus timers on simulation time', () => {
  it('fires timers in time order at their periods as time advances', () => {
    const bus = new InProcessBus({ time: 'sim' });
    const n = bus.createNode('n', { useSimTime: true });
    const fired: string[] = [];
    n.createTimer(0.1, () => fired.push(`fast@${n.clock.nowSec().toFixed(2)}`));
    n.createTimer(0.25, () => fired.push(`slow@${n.clock.nowSec().toFixed(2)}`));
    bus.advanceTo(0.3);
    expect(fired).toEqual(['fast@0.10', 'fast@0.20', 'slow@0.25', 'fast@0.30']);
    expect(n.clock.nowSec()).toBeCloseTo(0.3, 12);
  });

  it('delivers what a timer published before the next timer fires', () => {
    const bus = new InProcessBus({ time: 'sim' });
    const n = bus.createNode('n', { useSimTime: true });
    const pub = n.createPublisher<Int32>(T, '/tick');
    const log: string[] = [];
    n.subscribe<Int32>(T, '/tick').subscribe((m) => log.push(`got${m.data}`));
    let i = 0;
    n.createTimer(1, () => {
      log.push(`fire${i}`);
      pub.publish({ data: i++ });
    });
    bus.advanceTo(2);
    expect(log).toEqual(['fire0', 'got0', 'fire1', 'got1']);
  });

  it('stops a cancelled timer and refuses a non-positive period', () => {
    const bus = new InProcessBus({ time: 'sim' });
    const n = bus.createNode('n');
    let count = 0;
    const timer = n.createTimer(0.5, () => count++);
    bus.advanceTo(1);
    timer.cancel();
    bus.advanceTo(3);
    expect(count).toBe(2);
    expect(() => n.createTimer(0, () => undefined)).toThrow(/period must be > 0/);
  });

  it('refuses to move simulation time backwards', () => {
    const bus = new InProcessBus({ time: 'sim' });
    bus.advanceTo(2);
    expect(() => bus.advanceTo(1)).toThrow(/backwards/);
  });
});

describe('parameters', () => {
  const rate = {
    name: 'rate_hz',
    type: 'double',
    default: 10,
    description: 'planner rate',
    unit: 'Hz',
    min: 1,
    max: 100,
  } as const;

  it('returns the default, or the override when it is valid', () => {
    const bus = new InProcessBus({ time: 'sim' });
    expect(bus.createNode('a').declareParameter<number>(rate)).toBe(10);
    expect(bus.createNode('b', { parameterOverrides: { rate_hz: 20 } }).declareParameter<number>(rate)).toBe(
      20,
    );
  });

  it('rejects an out-of-range value naming node, parameter, expected range and value', () => {
    const bus = new InProcessBus({ time: 'sim' });
    const node = bus.createNode('mpc_planner', { parameterOverrides: { rate_hz: 500 } });
    expect(() => node.declareParameter<number>(rate)).toThrow(ParameterError);
    expect(() =>
      bus.createNode('p2', { parameterOverrides: { rate_hz: 500 } }).declareParameter<number>(rate),
    ).toThrow("parameter 'rate_hz' of node 'p2': expected double in [1, 100] Hz, got 500");
  });

  it('rejects a wrong type and a string outside its choices', () => {
    const bus = new InProcessBus({ time: 'sim' });
    const node = bus.createNode('n', { parameterOverrides: { rate_hz: 'fast', mode: 'pid' } });
    expect(() => node.declareParameter<number>(rate)).toThrow(/expected double .* got string "fast"/);
    expect(() =>
      node.declareParameter<string>({
        name: 'mode',
        type: 'string',
        default: 'mppi',
        description: '',
        choices: ['mppi', 'cem'],
      }),
    ).toThrow(/expected one of mppi \| cem, got string "pid"/);
  });

  it('rejects an integer parameter given a fraction', () => {
    const bus = new InProcessBus({ time: 'sim' });
    const node = bus.createNode('n', { parameterOverrides: { k: 1.5 } });
    expect(() =>
      node.declareParameter<number>({ name: 'k', type: 'integer', default: 1, description: '' }),
    ).toThrow(/expected an integer, got 1.5/);
  });
});

describe('trigger services', () => {
  it('calls a node-relative service by its full name and reports unknown ones', () => {
    const bus = new InProcessBus({ time: 'sim' });
    const n = bus.createNode('safety_monitor');
    n.createTriggerService('~/reset', () => ({ success: true, message: 'cleared' }));
    expect(bus.callTrigger('/safety_monitor/reset')).toEqual({ success: true, message: 'cleared' });
    expect(() => bus.callTrigger('/nope')).toThrow(/service '\/nope' not found/);
  });
});
