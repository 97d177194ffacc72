import type { Observable } from 'rxjs';
import { Subject, takeUntil } from 'rxjs';
import type {
  Clock,
  Logger,
  NodeHandle,
  NodeOptions,
  ParameterDescriptor,
  ParameterValue,
  Publisher,
  QoS,
  Timer,
  TriggerResponse,
} from '../port.js';
import { QOS_DEFAULT } from '../port.js';
import { resolveName, validateParameter } from '../parameters.js';
import type { InProcessBus } from './bus.js';
import { createConsoleLogger } from '../logger.js';

export class InProcessNode implements NodeHandle {
  readonly clock: Clock;
  readonly logger: Logger;
  private readonly destroyed$ = new Subject<void>();
  private readonly timers: Timer[] = [];
  private readonly parameters = new Map<string, ParameterValue>();

  constructor(
    private readonly bus: InProcessBus,
    readonly name: string,
    private readonly options: NodeOptions,
  ) {
    if (options.useSimTime === true && !bus.clock.isSimTime) {
      throw new Error(`node '${name}': use_sim_time is set but the in-process bus runs on wall time`);
    }
    this.clock = bus.clock;
    this.logger = createConsoleLogger(name, () => this.clock.nowSec());
  }

  private resolve(topic: string): string {
    return resolveName(topic, this.name, this.options.namespace);
  }

  createPublisher<T>(type: string, topic: string, qos: QoS = QOS_DEFAULT): Publisher<T> {
    const full = this.resolve(topic);
    this.bus.declarePublisher(full, type);
    return {
      topic: full,
      publish: (msg: T) => this.bus.publish(full, type, msg, qos),
      subscriptionCount: () => this.bus.subscriptionCount(full),
    };
  }

  subscribe<T>(type: string, topic: string, qos: QoS = QOS_DEFAULT): Observable<T> {
    return this.bus.subscribe<T>(this.resolve(topic), type, qos).pipe(takeUntil(this.destroyed$));
  }

  createTimer(periodSec: number, callback: () => void): Timer {
    let timer: Timer;
    if (this.bus.options.time === 'sim') {
      timer = this.bus.simTimers.add(this.clock.nowSec(), periodSec, callback);
    } else {
      const handle = setInterval(callback, periodSec * 1000);
      timer = { cancel: () => clearInterval(handle) };
    }
    this.timers.push(timer);
    return timer;
  }

  declareParameter<T extends ParameterValue>(d: ParameterDescriptor<T>): T {
    if (this.parameters.has(d.name))
      throw new Error(`node '${this.name}': parameter '${d.name}' declared twice`);
    const override = this.options.parameterOverrides?.[d.name];
    const value = validateParameter(this.name, d, override === undefined ? d.default : override);
    this.parameters.set(d.name, value);
    return value;
  }

  getParameter(name: string): ParameterValue | undefined {
    return this.parameters.get(name);
  }

  createTriggerService(name: string, handler: () => TriggerResponse): void {
    this.bus.registerService(this.resolve(name), handler);
  }

  destroy(): void {
    for (const t of this.timers) t.cancel();
    this.timers.length = 0;
    this.destroyed$.next();
    this.destroyed$.complete();
    this.bus.forgetNode(this);
  }
}
