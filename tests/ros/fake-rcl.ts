/**
 * A stand-in for the parts of rclnodejs the adapter calls, recording what it is given. It checks the
 * adapter's own logic (mapping, validation, lifetimes) on machines without ROS 2; the contract suite
 * (rclnodejs-contract.test.ts) checks the same behaviour against the real library where ROS 2 is sourced.
 */
import type { Rcl } from '../../src/transport/rclnodejs/load.js';

export class FakeQoS {
  constructor(
    readonly history: number,
    readonly depth: number,
    readonly reliabilityPolicy: number,
    readonly durability: number,
  ) {}
}
export class FakeParameter {
  constructor(
    readonly name: string,
    readonly type: number,
    public value: unknown,
  ) {
    if (type === 2 && typeof value === 'number') this.value = BigInt(value); // rclnodejs keeps integers as bigint
  }
}
export class FakeDescriptor {
  constructor(
    readonly name: string,
    readonly type: number,
    readonly description: string,
    readonly readOnly: boolean,
    readonly range: unknown,
  ) {}
}
export class FakeRange {
  constructor(
    readonly fromValue: number | bigint,
    readonly toValue: number | bigint,
    readonly step: number | bigint,
  ) {}
}

export class FakeNode {
  readonly publishers: { type: string; topic: string; qos: FakeQoS; sent: unknown[] }[] = [];
  readonly subscriptions: {
    type: string;
    topic: string;
    qos: FakeQoS;
    cb: (m: unknown) => void;
    destroyed: boolean;
  }[] = [];
  readonly timers: { periodNs: bigint; cb: () => void; clock: unknown; destroyed: boolean }[] = [];
  readonly services: {
    type: string;
    name: string;
    cb: (req: unknown, res: { send(r: unknown): void }) => void;
  }[] = [];
  readonly declared: { parameter: FakeParameter; descriptor: FakeDescriptor }[] = [];
  setCallbacks: ((p: FakeParameter[]) => { successful: boolean; reason: string })[] = [];
  /** values rcl would apply from `--ros-args -p` */
  rosArgOverrides: Record<string, unknown> = {};
  nowNs = 0n;
  destroyed = false;
  readonly clock = { now: () => ({ nanoseconds: this.nowNs }) };
  readonly logged: string[] = [];

  useSimTime = false;
  getParameter(name: string) {
    return name === 'use_sim_time' ? new FakeParameter(name, 1, this.useSimTime) : undefined;
  }
  getClock() {
    return this.clock;
  }
  getLogger() {
    const log = (level: string) => (m: string) => this.logged.push(`${level}: ${m}`) > 0;
    return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  }
  addOnSetParametersCallback(cb: (p: FakeParameter[]) => { successful: boolean; reason: string }) {
    this.setCallbacks.push(cb);
  }
  createPublisher(type: string, topic: string, options: { qos: FakeQoS }) {
    const entry = { type, topic, qos: options.qos, sent: [] as unknown[] };
    this.publishers.push(entry);
    const subscriptions = this.subscriptions;
    return {
      publish: (m: unknown) => entry.sent.push(m),
      // a getter, as in rclnodejs 2.2 at run time (its .d.ts says method)
      get subscriptionCount(): number {
        return subscriptions.filter((s) => s.topic === topic && !s.destroyed).length;
      },
    };
  }
  createSubscription(type: string, topic: string, options: { qos: FakeQoS }, cb: (m: unknown) => void) {
    const entry = { type, topic, qos: options.qos, cb, destroyed: false };
    this.subscriptions.push(entry);
    return entry;
  }
  destroySubscription(sub: { destroyed: boolean }) {
    sub.destroyed = true;
  }
  createTimer(periodNs: bigint, cb: () => void, clock: unknown) {
    const entry = { periodNs, cb, clock, destroyed: false };
    this.timers.push(entry);
    return entry;
  }
  destroyTimer(t: { destroyed: boolean }) {
    t.destroyed = true;
  }
  createService(type: string, name: string, cb: (req: unknown, res: { send(r: unknown): void }) => void) {
    this.services.push({ type, name, cb });
  }
  declareParameter(parameter: FakeParameter, descriptor: FakeDescriptor) {
    this.declared.push({ parameter, descriptor });
    const o = this.rosArgOverrides[parameter.name];
    return o === undefined ? parameter : new FakeParameter(parameter.name, parameter.type, o);
  }
  destroy() {
    this.destroyed = true;
  }
}

export function fakeRcl(): Rcl {
  return {
    QoS: FakeQoS,
    Parameter: FakeParameter,
    ParameterDescriptor: FakeDescriptor,
    IntegerRange: FakeRange,
    FloatingPointRange: FakeRange,
  } as unknown as Rcl;
}
