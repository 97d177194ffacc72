/**
 * The in-process transport: every node in one process, deterministic delivery.
 *
 * Publishing queues a message on each matching subscription (keep-last depth; overflow drops the
 * oldest and counts it). Messages are delivered in publish order by `spin()`; in wall-time mode the
 * bus spins itself on the next macrotask. In sim-time mode nothing happens until the owner of the
 * simulation calls `advanceTo(t)`, which fires due timers in time order and spins after each.
 */
import type { Observable } from 'rxjs';
import { Observable as Obs } from 'rxjs';
import type { Clock, NodeHandle, NodeOptions, QoS, Transport, TriggerResponse } from '../port.js';
import { QOS_DEFAULT } from '../port.js';
import { SimClock, WallClock } from './clock.js';
import { InProcessNode } from './node.js';
import { SubscriptionQueue } from './topic-queue.js';
import { SimTimers } from './sim-timers.js';

export interface TopicStats {
  type: string;
  published: number;
  delivered: number;
  dropped: number;
  subscribers: number;
}

interface TopicState {
  type: string;
  published: number;
  subs: SubscriptionQueue[];
  /** the last messages of transient-local publishers, for late subscribers */
  latched: unknown[];
}

export interface InProcessBusOptions {
  /** 'sim': time advances only by advanceTo (deterministic); 'wall': real time, timers on setInterval */
  time: 'sim' | 'wall';
}

export class InProcessBus implements Transport {
  readonly clock: Clock;
  readonly simTimers = new SimTimers();
  private readonly topics = new Map<string, TopicState>();
  /** delivery order across topics: one entry per queued message, naming its subscription */
  private readonly order: SubscriptionQueue[] = [];
  private readonly services = new Map<string, () => TriggerResponse>();
  private readonly nodes = new Set<InProcessNode>();
  private spinScheduled = false;

  constructor(readonly options: InProcessBusOptions = { time: 'sim' }) {
    this.clock = options.time === 'sim' ? new SimClock() : new WallClock();
  }

  createNode(name: string, options: NodeOptions = {}): NodeHandle {
    const node = new InProcessNode(this, name, options);
    this.nodes.add(node);
    return node;
  }

  /** @internal */
  forgetNode(node: InProcessNode): void {
    this.nodes.delete(node);
  }

  private topicState(topic: string, type: string): TopicState {
    let state = this.topics.get(topic);
    if (!state) {
      state = { type, published: 0, subs: [], latched: [] };
      this.topics.set(topic, state);
    } else if (state.type !== type) {
      throw new Error(`topic '${topic}': type mismatch, expected ${state.type}, got ${type}`);
    }
    return state;
  }

  /** @internal registers a publisher's topic so type mismatches are caught at creation */
  declarePublisher(topic: string, type: string): void {
    this.topicState(topic, type);
  }

  /** @internal */
  publish(topic: string, type: string, msg: unknown, qos: QoS): void {
    const state = this.topicState(topic, type);
    state.published++;
    if (qos.durability === 'transient_local') {
      state.latched.push(msg);
      if (state.latched.length > qos.depth) state.latched.shift();
    }
    for (const sub of state.subs) {
      if (sub.qos.reliability === 'reliable' && qos.reliability === 'best_effort') continue; // QoS mismatch: as DDS, no match
      if (!sub.push(msg)) this.dropFromOrder(sub);
      this.order.push(sub);
    }
    this.scheduleSpin();
  }

  private dropFromOrder(sub: SubscriptionQueue): void {
    const i = this.order.indexOf(sub);
    if (i >= 0) this.order.splice(i, 1);
  }

  /** @internal */
  subscribe<T>(topic: string, type: string, qos: QoS = QOS_DEFAULT): Observable<T> {
    const state = this.topicState(topic, type);
    return new Obs<T>((subscriber) => {
      const queue = new SubscriptionQueue<T>(topic, qos);
      const inner = queue.subject.subscribe(subscriber);
      state.subs.push(queue as SubscriptionQueue);
      if (qos.durability === 'transient_local') {
        for (const msg of state.latched) {
          queue.push(msg as T);
          this.order.push(queue as SubscriptionQueue);
        }
        this.scheduleSpin();
      }
      return () => {
        inner.unsubscribe();
        state.subs.splice(state.subs.indexOf(queue as SubscriptionQueue), 1);
        for (let i = this.order.length - 1; i >= 0; i--) if (this.order[i] === queue) this.order.splice(i, 1);
      };
    });
  }

  subscriptionCount(topic: string): number {
    return this.topics.get(topic)?.subs.length ?? 0;
  }

  /** Delivers every queued message, including those published by callbacks, in publish order. */
  spin(): number {
    let count = 0;
    while (this.order.length > 0) {
      const sub = this.order.shift() as SubscriptionQueue;
      if (sub.deliverOne()) count++;
    }
    return count;
  }

  private scheduleSpin(): void {
    if (this.options.time !== 'wall' || this.spinScheduled) return;
    this.spinScheduled = true;
    setImmediate(() => {
      this.spinScheduled = false;
      this.spin();
    });
  }

  /** Sim time only: advances the clock to `tSec`, firing due timers in time order and spinning after each. */
  advanceTo(tSec: number): void {
    if (!(this.clock instanceof SimClock)) throw new Error('advanceTo needs a bus in sim-time mode');
    const clock = this.clock;
    this.spin();
    this.simTimers.fireUntil(tSec, (t) => {
      clock.set(t);
      this.spin();
    });
    clock.set(tSec);
    this.spin();
  }

  stats(topic: string): TopicStats | undefined {
    const state = this.topics.get(topic);
    if (!state) return undefined;
    let delivered = 0;
    let dropped = 0;
    for (const s of state.subs) {
      delivered += s.delivered;
      dropped += s.dropped;
    }
    return {
      type: state.type,
      published: state.published,
      delivered,
      dropped,
      subscribers: state.subs.length,
    };
  }

  topicNames(): string[] {
    return [...this.topics.keys()].sort();
  }

  /** @internal */
  registerService(name: string, handler: () => TriggerResponse): void {
    if (this.services.has(name)) throw new Error(`service '${name}' already exists`);
    this.services.set(name, handler);
  }

  /** Calls a Trigger service by its full name, as `ros2 service call NAME std_srvs/srv/Trigger` would. */
  callTrigger(name: string): TriggerResponse {
    const handler = this.services.get(name);
    if (!handler)
      throw new Error(
        `service '${name}' not found; known: ${[...this.services.keys()].join(', ') || 'none'}`,
      );
    const response = handler();
    this.spin();
    return response;
  }

  async shutdown(): Promise<void> {
    for (const node of [...this.nodes]) node.destroy();
    this.simTimers.clear();
    this.order.length = 0;
  }
}
